// Home pages
import { lazyRouteComponent } from "@tanstack/react-router";
import { pageRoute } from "../../app/page-route";
import { signedInRoute } from "../../app/route-roots";

/** pages for signed-in people (under the signed-in layout) */
export const homeRoutes = [
  pageRoute(signedInRoute, "/home", {
    page: lazyRouteComponent(() => import("./HomePage"), "HomePage"),
  }),
  pageRoute(signedInRoute, "/my-health", {
    page: lazyRouteComponent(() => import("./PatientHome"), "PatientHome"),
  }),
] as const;
