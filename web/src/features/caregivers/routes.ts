// Caregivers: accepting an invitation (public); a patient's caregivers
import { lazyRouteComponent } from "@tanstack/react-router";
import { pageRoute, texts } from "../../app/page-route";
import { rootRoute, signedInRoute } from "../../app/route-roots";

/** pages anyone may open */
export const caregiversPublicRoutes = [
  pageRoute(rootRoute, "/invitations/accept", {
    search: texts("token"),
    page: lazyRouteComponent(() => import("./AcceptInvitationPage"), "AcceptInvitationPage"),
  }),
] as const;

/** pages for signed-in people (under the signed-in layout) */
export const caregiversRoutes = [
  pageRoute(signedInRoute, "/profile/caregivers", {
    search: texts("invited"),
    page: lazyRouteComponent(() => import("./CaregiversPage"), "CaregiversPage"),
  }),
  pageRoute(signedInRoute, "/profile/caregivers/invite", {
    page: lazyRouteComponent(() => import("./InviteCaregiverPage"), "InviteCaregiverPage"),
  }),
] as const;
