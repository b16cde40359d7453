// Secure messaging: patients' and caregivers' conversations, and the care team's inbox
import { lazyRouteComponent } from "@tanstack/react-router";
import { oneOf, type Param, pageRoute, text, texts } from "../../app/page-route";
import { signedInRoute } from "../../app/route-roots";

/** `true` (a link's boolean, or the text "true"), else undefined */
const sentFlag: Param<boolean> = (value) => (value === true || value === "true" ? true : undefined);
const staffInboxSearch = {
  view: oneOf(["pool", "mine"]),
  poolId: text,
  status: oneOf(["active", "waiting", "answered", "closed", "all"]),
  ...texts("q", "patientId", "patientName"),
};

/** pages for signed-in people (under the signed-in layout) */
export const messagesRoutes = [
  pageRoute(signedInRoute, "/messages", {
    search: texts("patient"),
    page: lazyRouteComponent(() => import("./MessagesPage"), "MessagesPage"),
  }),
  pageRoute(signedInRoute, "/messages/new", {
    search: texts("patient"),
    page: lazyRouteComponent(() => import("./NewMessagePage"), "NewMessagePage"),
  }),
  pageRoute(signedInRoute, "/messages/$threadId", {
    search: { patient: text, sent: sentFlag },
    page: lazyRouteComponent(() => import("./ThreadPage"), "ThreadPage"),
  }),
  pageRoute(signedInRoute, "/staff/messages", {
    only: "inBasket",
    search: staffInboxSearch,
    page: lazyRouteComponent(() => import("./StaffInboxPage"), "StaffInboxPage"),
  }),
  pageRoute(signedInRoute, "/staff/messages/$threadId", {
    only: "inBasket",
    page: lazyRouteComponent(() => import("./StaffThreadPage"), "StaffThreadPage"),
  }),
  pageRoute(signedInRoute, "/staff/messages/settings", {
    only: "inBasket",
    page: lazyRouteComponent(() => import("./MessageSettingsPage"), "MessageSettingsPage"),
  }),
  pageRoute(signedInRoute, "/admin/messaging", {
    only: "clinicSetup",
    page: lazyRouteComponent(() => import("./AdminMessagingPage"), "MessagePoolsPage"),
  }),
  pageRoute(signedInRoute, "/admin/messaging/pools/$poolId", {
    only: "clinicSetup",
    page: lazyRouteComponent(() => import("./PoolEditPage"), "PoolEditPage"),
  }),
  pageRoute(signedInRoute, "/admin/messaging/holidays/$locationId", {
    only: "clinicSetup",
    page: lazyRouteComponent(() => import("./HolidaysPage"), "HolidaysPage"),
  }),
] as const;
