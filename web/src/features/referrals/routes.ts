// Referrals: patients' and caregivers' requests, the primary care practice's queue, the specialist's incoming list
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { onlyFor, type Search, signedInRoute, text } from "../../app/route-roots";

const referralStatuses = [
  "requested",
  "approved",
  "denied",
  "visit_requested",
  "scheduled",
  "completed",
  "expired",
  "cancelled",
] as const;
const referralsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/referrals",
  validateSearch: (search: Search): { patient?: string; referral?: string } => ({
    patient: text(search.patient),
    referral: text(search.referral),
  }),
  component: lazyRouteComponent(() => import("./ReferralsPage"), "ReferralsPage"),
});
const requestReferralRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/referrals/new",
  validateSearch: (search: Search): { patient?: string; specialty?: string } => ({
    patient: text(search.patient),
    specialty: text(search.specialty),
  }),
  component: lazyRouteComponent(() => import("./RequestReferralPage"), "RequestReferralPage"),
});
const referralQueueRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/in-basket/referrals",
  beforeLoad: onlyFor("inBasket"),
  validateSearch: (search: Search): { status?: (typeof referralStatuses)[number] } => ({
    status: referralStatuses.find((s) => s === search.status),
  }),
  component: lazyRouteComponent(() => import("./ReferralQueuePage"), "ReferralQueuePage"),
});
const staffReferralRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/in-basket/referrals/new",
  beforeLoad: onlyFor("inBasket"),
  validateSearch: (search: Search): { patient?: string; q?: string } => ({
    patient: text(search.patient),
    q: text(search.q),
  }),
  component: lazyRouteComponent(() => import("./StaffReferralPage"), "StaffReferralPage"),
});
const incomingReferralsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/in-basket/incoming-referrals",
  beforeLoad: onlyFor("incomingReferrals"),
  component: lazyRouteComponent(() => import("./IncomingReferralsPage"), "IncomingReferralsPage"),
});

/** pages for signed-in people (under the signed-in layout) */
export const referralsRoutes = [
  referralsRoute,
  requestReferralRoute,
  referralQueueRoute,
  staffReferralRoute,
  incomingReferralsRoute,
] as const;
