// Referrals: patients' and caregivers' requests, the primary care practice's queue, the specialist's incoming list
import { lazyRouteComponent } from "@tanstack/react-router";
import { oneOf, pageRoute, texts } from "../../app/page-route";
import { signedInRoute } from "../../app/route-roots";

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

/** pages for signed-in people (under the signed-in layout) */
export const referralsRoutes = [
  pageRoute(signedInRoute, "/referrals", {
    search: texts("patient", "referral"),
    page: lazyRouteComponent(() => import("./ReferralsPage"), "ReferralsPage"),
  }),
  pageRoute(signedInRoute, "/referrals/new", {
    search: texts("patient", "specialty"),
    page: lazyRouteComponent(() => import("./RequestReferralPage"), "RequestReferralPage"),
  }),
  pageRoute(signedInRoute, "/in-basket/referrals", {
    only: "inBasket",
    search: { status: oneOf(referralStatuses) },
    page: lazyRouteComponent(() => import("./ReferralQueuePage"), "ReferralQueuePage"),
  }),
  pageRoute(signedInRoute, "/in-basket/referrals/new", {
    only: "inBasket",
    search: texts("patient", "q"),
    page: lazyRouteComponent(() => import("./StaffReferralPage"), "StaffReferralPage"),
  }),
  pageRoute(signedInRoute, "/in-basket/incoming-referrals", {
    only: "incomingReferrals",
    page: lazyRouteComponent(() => import("./IncomingReferralsPage"), "IncomingReferralsPage"),
  }),
] as const;
