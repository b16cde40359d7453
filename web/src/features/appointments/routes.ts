// Appointments: confirming from an email link (public); patients, caregivers and staff booking on a patient's behalf
import { lazyRouteComponent } from "@tanstack/react-router";
import { oneOf, pageRoute, type SearchSpec, text, texts } from "../../app/page-route";
import { rootRoute, signedInRoute } from "../../app/route-roots";
import type { BookSearch } from "./BookPage";
import type { RescheduleSearch } from "./ReschedulePage";

/** the slot chosen on the "when" step of booking and rescheduling */
const slotSearch = texts("week", "start", "slotProviderId", "slotLocationId", "slotZone");
const bookSearch: SearchSpec<BookSearch> = {
  patientId: text,
  step: oneOf(["what", "who", "when", "confirm"]),
  ...texts("visitTypeId", "providerId", "locationId"),
  ...slotSearch,
};
const rescheduleSearch: SearchSpec<RescheduleSearch> = { patientId: text, step: oneOf(["confirm"]), ...slotSearch };

/** pages anyone may open */
export const appointmentsPublicRoutes = [
  pageRoute(rootRoute, "/appointments/confirm", {
    search: texts("token"),
    page: lazyRouteComponent(() => import("./ConfirmPage"), "ConfirmPage"),
  }),
] as const;

/** pages for signed-in people (under the signed-in layout) */
export const appointmentsRoutes = [
  pageRoute(signedInRoute, "/appointments", {
    search: texts("patientId", "done"),
    page: lazyRouteComponent(() => import("./AppointmentsPage"), "AppointmentsPage"),
  }),
  pageRoute(signedInRoute, "/appointments/book", {
    search: bookSearch,
    page: lazyRouteComponent(() => import("./BookPage"), "BookPage"),
  }),
  pageRoute(signedInRoute, "/appointments/$appointmentId/booked", {
    search: texts("patientId", "kind"),
    page: lazyRouteComponent(() => import("./BookedPage"), "BookedPage"),
  }),
  pageRoute(signedInRoute, "/appointments/$appointmentId/reschedule", {
    search: rescheduleSearch,
    page: lazyRouteComponent(() => import("./ReschedulePage"), "ReschedulePage"),
  }),
  pageRoute(signedInRoute, "/appointments/offers", {
    search: texts("patientId"),
    page: lazyRouteComponent(() => import("./OffersPage"), "OffersPage"),
  }),
  pageRoute(signedInRoute, "/appointments/$appointmentId/check-in", {
    search: texts("patientId"),
    page: lazyRouteComponent(() => import("./CheckInPage"), "CheckInPage"),
  }),
] as const;
