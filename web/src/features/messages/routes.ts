// Secure messaging: patients' and caregivers' conversations, and the care team's inbox
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { onlyFor, type Search, signedInRoute, text } from "../../app/route-roots";

const inboxStatuses = ["active", "waiting", "answered", "closed", "all"] as const;
const messagesRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/messages",
  validateSearch: (search: Search): { patient?: string } => ({ patient: text(search.patient) }),
  component: lazyRouteComponent(() => import("./MessagesPage"), "MessagesPage"),
});
const newMessageRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/messages/new",
  validateSearch: (search: Search): { patient?: string } => ({ patient: text(search.patient) }),
  component: lazyRouteComponent(() => import("./NewMessagePage"), "NewMessagePage"),
});
const messageThreadRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/messages/$threadId",
  validateSearch: (search: Search): { patient?: string; sent?: boolean } => ({
    patient: text(search.patient),
    sent: search.sent === true || search.sent === "true" ? true : undefined,
  }),
  component: lazyRouteComponent(() => import("./ThreadPage"), "ThreadPage"),
});
const staffMessagesRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/staff/messages",
  beforeLoad: onlyFor("inBasket"),
  validateSearch: (
    search: Search,
  ): {
    view?: "pool" | "mine";
    poolId?: string;
    status?: (typeof inboxStatuses)[number];
    q?: string;
    patientId?: string;
    patientName?: string;
  } => ({
    view: search.view === "mine" ? "mine" : search.view === "pool" ? "pool" : undefined,
    poolId: text(search.poolId),
    status: inboxStatuses.find((s) => s === search.status),
    q: text(search.q),
    patientId: text(search.patientId),
    patientName: text(search.patientName),
  }),
  component: lazyRouteComponent(() => import("./StaffInboxPage"), "StaffInboxPage"),
});
const staffMessageThreadRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/staff/messages/$threadId",
  beforeLoad: onlyFor("inBasket"),
  component: lazyRouteComponent(() => import("./StaffThreadPage"), "StaffThreadPage"),
});

const messageSettingsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/staff/messages/settings",
  beforeLoad: onlyFor("inBasket"),
  component: lazyRouteComponent(() => import("./MessageSettingsPage"), "MessageSettingsPage"),
});
const messagePoolsAdminRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/admin/messaging",
  beforeLoad: onlyFor("clinicSetup"),
  component: lazyRouteComponent(() => import("./AdminMessagingPage"), "MessagePoolsPage"),
});
const messagePoolEditRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/admin/messaging/pools/$poolId",
  beforeLoad: onlyFor("clinicSetup"),
  component: lazyRouteComponent(() => import("./PoolEditPage"), "PoolEditPage"),
});
const holidaysRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/admin/messaging/holidays/$locationId",
  beforeLoad: onlyFor("clinicSetup"),
  component: lazyRouteComponent(() => import("./HolidaysPage"), "HolidaysPage"),
});

/** pages for signed-in people (under the signed-in layout) */
export const messagesRoutes = [
  messagesRoute,
  newMessageRoute,
  messageThreadRoute,
  staffMessagesRoute,
  staffMessageThreadRoute,
  messageSettingsRoute,
  messagePoolsAdminRoute,
  messagePoolEditRoute,
  holidaysRoute,
] as const;
