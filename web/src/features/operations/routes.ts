// The operations dashboard (admins)
import { lazyRouteComponent } from "@tanstack/react-router";
import { pageRoute } from "../../app/page-route";
import { signedInRoute } from "../../app/route-roots";

/** pages for signed-in people (under the signed-in layout) */
export const operationsRoutes = [
  pageRoute(signedInRoute, "/admin/operations", {
    only: "operations",
    page: lazyRouteComponent(() => import("./OperationsPage"), "OperationsPage"),
  }),
] as const;
