// Home pages
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { signedInRoute } from "../../app/route-roots";

const homeRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/home",
  component: lazyRouteComponent(() => import("./HomePage"), "HomePage"),
});
const myHealthRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/my-health",
  component: lazyRouteComponent(() => import("./PatientHome"), "PatientHome"),
});

/** pages for signed-in people (under the signed-in layout) */
export const homeRoutes = [homeRoute, myHealthRoute] as const;
