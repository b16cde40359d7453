// Appointments: confirming from an email link (public); patients, caregivers and staff booking on a patient's behalf
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { rootRoute, type Search, signedInRoute, text } from "../../app/route-roots";
import type { BookSearch } from "./BookPage";
import type { RescheduleSearch } from "./ReschedulePage";

const bookSteps = ["what", "who", "when", "confirm"] as const;
const confirmAppointmentRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/appointments/confirm",
  validateSearch: (search: Search): { token?: string } => ({ token: text(search.token) }),
  component: lazyRouteComponent(() => import("./ConfirmPage"), "ConfirmPage"),
});
const appointmentsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/appointments",
  validateSearch: (search: Search): { patientId?: string; done?: string } => ({
    patientId: text(search.patientId),
    done: text(search.done),
  }),
  component: lazyRouteComponent(() => import("./AppointmentsPage"), "AppointmentsPage"),
});
const bookRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/appointments/book",
  validateSearch: (search: Search): BookSearch => ({
    patientId: text(search.patientId),
    step: bookSteps.find((s) => s === search.step),
    visitTypeId: text(search.visitTypeId),
    providerId: text(search.providerId),
    locationId: text(search.locationId),
    week: text(search.week),
    start: text(search.start),
    slotProviderId: text(search.slotProviderId),
    slotLocationId: text(search.slotLocationId),
    slotZone: text(search.slotZone),
  }),
  component: lazyRouteComponent(() => import("./BookPage"), "BookPage"),
});
const bookedRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/appointments/$appointmentId/booked",
  validateSearch: (search: Search): { patientId?: string; kind?: string } => ({
    patientId: text(search.patientId),
    kind: text(search.kind),
  }),
  component: lazyRouteComponent(() => import("./BookedPage"), "BookedPage"),
});
const rescheduleRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/appointments/$appointmentId/reschedule",
  validateSearch: (search: Search): RescheduleSearch => ({
    patientId: text(search.patientId),
    step: search.step === "confirm" ? "confirm" : undefined,
    week: text(search.week),
    start: text(search.start),
    slotProviderId: text(search.slotProviderId),
    slotLocationId: text(search.slotLocationId),
    slotZone: text(search.slotZone),
  }),
  component: lazyRouteComponent(() => import("./ReschedulePage"), "ReschedulePage"),
});
const offersRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/appointments/offers",
  validateSearch: (search: Search): { patientId?: string } => ({ patientId: text(search.patientId) }),
  component: lazyRouteComponent(() => import("./OffersPage"), "OffersPage"),
});
const checkInRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/appointments/$appointmentId/check-in",
  validateSearch: (search: Search): { patientId?: string } => ({ patientId: text(search.patientId) }),
  component: lazyRouteComponent(() => import("./CheckInPage"), "CheckInPage"),
});

/** pages anyone may open */
export const appointmentsPublicRoutes = [confirmAppointmentRoute] as const;

/** pages for signed-in people (under the signed-in layout) */
export const appointmentsRoutes = [
  appointmentsRoute,
  bookRoute,
  bookedRoute,
  rescheduleRoute,
  offersRoute,
  checkInRoute,
] as const;
