// A patient's profile, details, identity changes and access log
import { lazyRouteComponent } from "@tanstack/react-router";
import { pageRoute } from "../../app/page-route";
import { signedInRoute } from "../../app/route-roots";

/** pages for signed-in people (under the signed-in layout) */
export const profileRoutes = [
  pageRoute(signedInRoute, "/profile", {
    page: lazyRouteComponent(() => import("./ProfilePage"), "ProfilePage"),
  }),
  pageRoute(signedInRoute, "/profile/access-log", {
    page: lazyRouteComponent(() => import("./AccessLogPage"), "AccessLogPage"),
  }),
  pageRoute(signedInRoute, "/profile/details", {
    page: lazyRouteComponent(() => import("./PatientDetailsPage"), "PatientDetailsPage"),
  }),
  pageRoute(signedInRoute, "/profile/details/identity", {
    page: lazyRouteComponent(() => import("./IdentityChangePage"), "IdentityChangePage"),
  }),
] as const;
