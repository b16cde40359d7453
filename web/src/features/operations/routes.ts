// The operations dashboard (admins)
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { onlyFor, signedInRoute } from "../../app/route-roots";

const operationsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/admin/operations",
  beforeLoad: onlyFor("operations"),
  component: lazyRouteComponent(() => import("./OperationsPage"), "OperationsPage"),
});

/** pages for signed-in people (under the signed-in layout) */
export const operationsRoutes = [operationsRoute] as const;
