// A patient's profile, details, identity changes and access log
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { signedInRoute } from "../../app/route-roots";

const profileRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/profile",
  component: lazyRouteComponent(() => import("./ProfilePage"), "ProfilePage"),
});
const accessLogRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/profile/access-log",
  component: lazyRouteComponent(() => import("./AccessLogPage"), "AccessLogPage"),
});
const patientDetailsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/profile/details",
  component: lazyRouteComponent(() => import("./PatientDetailsPage"), "PatientDetailsPage"),
});
const identityChangeRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/profile/details/identity",
  component: lazyRouteComponent(() => import("./IdentityChangePage"), "IdentityChangePage"),
});

/** pages for signed-in people (under the signed-in layout) */
export const profileRoutes = [profileRoute, accessLogRoute, patientDetailsRoute, identityChangeRoute] as const;
