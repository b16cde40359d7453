// Caregivers: accepting an invitation (public); a patient's caregivers
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { rootRoute, type Search, signedInRoute, text } from "../../app/route-roots";

const acceptInvitationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/invitations/accept",
  validateSearch: (search: Search): { token?: string } => ({ token: text(search.token) }),
  component: lazyRouteComponent(() => import("./AcceptInvitationPage"), "AcceptInvitationPage"),
});
const caregiversRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/profile/caregivers",
  validateSearch: (search: Search): { invited?: string } => ({ invited: text(search.invited) }),
  component: lazyRouteComponent(() => import("./CaregiversPage"), "CaregiversPage"),
});
const inviteCaregiverRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/profile/caregivers/invite",
  component: lazyRouteComponent(() => import("./InviteCaregiverPage"), "InviteCaregiverPage"),
});

/** pages anyone may open */
export const caregiversPublicRoutes = [acceptInvitationRoute] as const;

/** pages for signed-in people (under the signed-in layout) */
export const caregiversRoutes = [caregiversRoute, inviteCaregiverRoute] as const;
