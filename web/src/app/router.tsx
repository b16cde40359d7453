import type { QueryClient } from "@tanstack/react-query";
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from "@tanstack/react-router";
import type { BookSearch } from "../features/appointments/BookPage";
import type { RescheduleSearch } from "../features/appointments/ReschedulePage";
import { ErrorPage } from "../routes/ErrorPage";
import { NotFoundPage } from "../routes/NotFoundPage";
import { Frame } from "./Frame";
import { registerNavigation } from "./navigation";
import { queryClient } from "./query-client";
import { hasRole, meQuery } from "./session";

interface RouterContext {
  queryClient: QueryClient;
}

type Search = Record<string, unknown>;
const text = (value: unknown): string | undefined => (typeof value === "string" && value ? value : undefined);

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Frame,
  notFoundComponent: NotFoundPage,
  errorComponent: ErrorPage,
});

// Public pages
const landingRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/",
  component: lazyRouteComponent(() => import("../routes/LandingPage"), "LandingPage"),
});

const signInSearch = (search: Search): { redirect?: string; status?: string } => ({
  redirect: text(search.redirect),
  status: text(search.status),
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/sign-in",
  validateSearch: signInSearch,
  component: lazyRouteComponent(() => import("../features/identity/SignInPage"), "SignInPage"),
});
const mfaRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/sign-in/verify",
  validateSearch: signInSearch,
  component: lazyRouteComponent(() => import("../features/identity/MfaPage"), "MfaPage"),
});
const mfaSetupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/sign-in/set-up-verification",
  validateSearch: signInSearch,
  component: lazyRouteComponent(() => import("../features/identity/MfaSetupPage"), "MfaSetupPage"),
});
const activateRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/activate",
  validateSearch: (search: Search): { code?: string } => ({ code: text(search.code) }),
  component: lazyRouteComponent(() => import("../features/identity/ActivatePage"), "ActivatePage"),
});
const forgotRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/forgot-password",
  component: lazyRouteComponent(() => import("../features/identity/ForgotPasswordPage"), "ForgotPasswordPage"),
});
const confirmAppointmentRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/appointments/confirm",
  validateSearch: (search: Search): { token?: string } => ({ token: text(search.token) }),
  component: lazyRouteComponent(() => import("../features/appointments/ConfirmPage"), "ConfirmPage"),
});
const resetRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/reset-password",
  validateSearch: (search: Search): { token?: string } => ({ token: text(search.token) }),
  component: lazyRouteComponent(() => import("../features/identity/ResetPasswordPage"), "ResetPasswordPage"),
});

// Signed-in pages: the layout route checks the session once and sends others to sign in.
const signedInRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: "signed-in",
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (!me) throw redirect({ to: "/sign-in", search: { redirect: location.href, status: undefined } });
    return { me };
  },
  component: Outlet,
});

const homeRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/home",
  component: lazyRouteComponent(() => import("../features/home/HomePage"), "HomePage"),
});
const myHealthRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/my-health",
  component: lazyRouteComponent(() => import("../features/home/PatientHome"), "PatientHome"),
});
const profileRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/profile",
  component: lazyRouteComponent(() => import("../features/profile/ProfilePage"), "ProfilePage"),
});
const accessLogRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/profile/access-log",
  component: lazyRouteComponent(() => import("../features/profile/AccessLogPage"), "AccessLogPage"),
});
const securityRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/account/security",
  validateSearch: (search: Search): { status?: string } => ({ status: text(search.status) }),
  component: lazyRouteComponent(() => import("../features/identity/SecurityPage"), "SecurityPage"),
});
const enrolRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/account/security/two-step",
  component: lazyRouteComponent(() => import("../features/identity/MfaEnrolPage"), "MfaEnrolPage"),
});
const adminAuditRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/admin/audit",
  beforeLoad: ({ context }) => {
    const me = (context as unknown as { me: Parameters<typeof hasRole>[0] }).me;
    if (!hasRole(me, "admin")) throw redirect({ to: "/home" });
  },
  component: lazyRouteComponent(() => import("../features/admin/AuditLogPage"), "AuditLogPage"),
});

// Appointments (patients, caregivers, and staff booking on a patient's behalf)
const bookSteps = ["what", "who", "when", "confirm"] as const;
const appointmentsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/appointments",
  validateSearch: (search: Search): { patientId?: string; done?: string } => ({
    patientId: text(search.patientId),
    done: text(search.done),
  }),
  component: lazyRouteComponent(() => import("../features/appointments/AppointmentsPage"), "AppointmentsPage"),
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
  component: lazyRouteComponent(() => import("../features/appointments/BookPage"), "BookPage"),
});
const bookedRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/appointments/$appointmentId/booked",
  validateSearch: (search: Search): { patientId?: string; kind?: string } => ({
    patientId: text(search.patientId),
    kind: text(search.kind),
  }),
  component: lazyRouteComponent(() => import("../features/appointments/BookedPage"), "BookedPage"),
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
  component: lazyRouteComponent(() => import("../features/appointments/ReschedulePage"), "ReschedulePage"),
});
const offersRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/appointments/offers",
  validateSearch: (search: Search): { patientId?: string } => ({ patientId: text(search.patientId) }),
  component: lazyRouteComponent(() => import("../features/appointments/OffersPage"), "OffersPage"),
});
const checkInRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/appointments/$appointmentId/check-in",
  validateSearch: (search: Search): { patientId?: string } => ({ patientId: text(search.patientId) }),
  component: lazyRouteComponent(() => import("../features/appointments/CheckInPage"), "CheckInPage"),
});

// Registration, patient profile, caregivers and clinic set-up
type GuardRole = Parameters<typeof hasRole>[1];
const onlyFor =
  (...roles: GuardRole[]) =>
  ({ context }: { context: unknown }) => {
    const me = (context as { me: Parameters<typeof hasRole>[0] }).me;
    if (!roles.some((role) => hasRole(me, role))) throw redirect({ to: "/home" });
  };
const selfRegisterRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/register",
  component: lazyRouteComponent(() => import("../features/registration/SelfRegisterPage"), "SelfRegisterPage"),
});
const acceptInvitationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/invitations/accept",
  validateSearch: (search: Search): { token?: string } => ({ token: text(search.token) }),
  component: lazyRouteComponent(() => import("../features/caregivers/AcceptInvitationPage"), "AcceptInvitationPage"),
});
const patientSearchRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/patients",
  validateSearch: (search: Search): { q?: string } => ({ q: text(search.q) }),
  beforeLoad: onlyFor("front_desk", "nurse", "physician"),
  component: lazyRouteComponent(() => import("../features/patients/PatientSearchPage"), "PatientSearchPage"),
});
const registerPatientRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/patients/register",
  beforeLoad: onlyFor("front_desk", "admin"),
  component: lazyRouteComponent(() => import("../features/registration/RegisterPatientPage"), "RegisterPatientPage"),
});
const pendingRegistrationsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/patients/registrations",
  validateSearch: (search: Search): { done?: string } => ({ done: text(search.done) }),
  beforeLoad: onlyFor("front_desk"),
  component: lazyRouteComponent(
    () => import("../features/registration/PendingRegistrationsPage"),
    "PendingRegistrationsPage",
  ),
});
const pendingRegistrationRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/patients/registrations/$patientId",
  beforeLoad: onlyFor("front_desk"),
  component: lazyRouteComponent(
    () => import("../features/registration/PendingRegistrationsPage"),
    "PendingRegistrationPage",
  ),
});
const identityChangeRequestsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/patients/identity-changes",
  beforeLoad: onlyFor("front_desk"),
  component: lazyRouteComponent(
    () => import("../features/patients/IdentityChangeRequestsPage"),
    "IdentityChangeRequestsPage",
  ),
});
const patientChartRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/patients/$patientId",
  beforeLoad: onlyFor("front_desk", "nurse", "physician"),
  component: lazyRouteComponent(() => import("../features/patients/PatientChartPage"), "PatientChartPage"),
});
const chartMedicationsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/patients/$patientId/medications",
  beforeLoad: onlyFor("nurse", "physician"),
  component: lazyRouteComponent(() => import("../features/refills/ChartMedicationsPage"), "ChartMedicationsPage"),
});
const staffGrantRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/patients/$patientId/caregivers/new",
  beforeLoad: onlyFor("front_desk"),
  component: lazyRouteComponent(() => import("../features/patients/StaffGrantPage"), "StaffGrantPage"),
});
const patientDetailsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/profile/details",
  component: lazyRouteComponent(() => import("../features/profile/PatientDetailsPage"), "PatientDetailsPage"),
});
const identityChangeRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/profile/details/identity",
  component: lazyRouteComponent(() => import("../features/profile/IdentityChangePage"), "IdentityChangePage"),
});
const caregiversRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/profile/caregivers",
  validateSearch: (search: Search): { invited?: string } => ({ invited: text(search.invited) }),
  component: lazyRouteComponent(() => import("../features/caregivers/CaregiversPage"), "CaregiversPage"),
});
const inviteCaregiverRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/profile/caregivers/invite",
  component: lazyRouteComponent(() => import("../features/caregivers/InviteCaregiverPage"), "InviteCaregiverPage"),
});
const clinicAdminRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/admin/clinic",
  beforeLoad: onlyFor("admin"),
  component: lazyRouteComponent(() => import("../features/clinic-admin/ClinicAdminHome"), "ClinicAdminHome"),
});
const staffAdminRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/admin/staff",
  beforeLoad: onlyFor("admin"),
  component: lazyRouteComponent(() => import("../features/clinic-admin/StaffPage"), "StaffPage"),
});
const locationsAdminRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/admin/locations",
  beforeLoad: onlyFor("admin"),
  component: lazyRouteComponent(() => import("../features/clinic-admin/LocationsPage"), "LocationsPage"),
});
const locationEditRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/admin/locations/$locationId",
  beforeLoad: onlyFor("admin"),
  component: lazyRouteComponent(() => import("../features/clinic-admin/LocationsPage"), "LocationEditPage"),
});
const providersAdminRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/admin/providers",
  beforeLoad: onlyFor("admin"),
  component: lazyRouteComponent(() => import("../features/clinic-admin/ProvidersPage"), "ProvidersPage"),
});
const providerEditRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/admin/providers/$providerId",
  beforeLoad: onlyFor("admin"),
  component: lazyRouteComponent(() => import("../features/clinic-admin/ProvidersPage"), "ProviderEditPage"),
});
const pharmaciesAdminRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/admin/pharmacies",
  beforeLoad: onlyFor("admin"),
  component: lazyRouteComponent(() => import("../features/clinic-admin/PharmaciesPage"), "PharmaciesPage"),
});
const pharmacyEditRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/admin/pharmacies/$pharmacyId",
  beforeLoad: onlyFor("admin"),
  component: lazyRouteComponent(() => import("../features/clinic-admin/PharmaciesPage"), "PharmacyEditPage"),
});

// Appointments: staff and administration
const staffOnly =
  (...roles: Parameters<typeof hasRole>[1][]) =>
  ({ context }: { context: unknown }) => {
    const me = (context as { me: Parameters<typeof hasRole>[0] }).me;
    if (!roles.some((role) => hasRole(me, role))) throw redirect({ to: "/home" });
  };
const arrivalsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/front-desk/arrivals",
  beforeLoad: staffOnly("front_desk", "nurse", "physician"),
  validateSearch: (search: Search): { locationId?: string; date?: string } => ({
    locationId: text(search.locationId),
    date: text(search.date),
  }),
  component: lazyRouteComponent(() => import("../features/schedule/ArrivalsPage"), "ArrivalsPage"),
});
const bookForPatientRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/front-desk/book",
  beforeLoad: staffOnly("front_desk", "nurse", "physician"),
  validateSearch: (search: Search): { q?: string } => ({ q: text(search.q) }),
  component: lazyRouteComponent(() => import("../features/schedule/BookForPatientPage"), "BookForPatientPage"),
});
const scheduleRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/schedule",
  beforeLoad: staffOnly("front_desk", "nurse", "physician"),
  validateSearch: (search: Search): { providerId?: string; date?: string; view?: "day" | "week" } => ({
    providerId: text(search.providerId),
    date: text(search.date),
    view: search.view === "week" ? "week" : search.view === "day" ? "day" : undefined,
  }),
  component: lazyRouteComponent(() => import("../features/schedule/SchedulePage"), "SchedulePage"),
});
const adminVisitTypesRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/admin/visit-types",
  beforeLoad: staffOnly("admin"),
  component: lazyRouteComponent(() => import("../features/scheduling-admin/VisitTypesPage"), "VisitTypesPage"),
});
const adminVisitTypeRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/admin/visit-types/$visitTypeId",
  beforeLoad: staffOnly("admin"),
  component: lazyRouteComponent(() => import("../features/scheduling-admin/VisitTypeEditPage"), "VisitTypeEditPage"),
});
const adminAvailabilityRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/admin/availability",
  beforeLoad: staffOnly("admin"),
  validateSearch: (search: Search): { providerId?: string } => ({ providerId: text(search.providerId) }),
  component: lazyRouteComponent(() => import("../features/scheduling-admin/AvailabilityPage"), "AvailabilityPage"),
});

// Medications and refills (patients and caregivers), the clinicians' In Basket and refill queue,
// and the refill protocol (admins)
const refillItemStatuses = ["queued", "approved", "denied"] as const;
const medicationsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/medications",
  validateSearch: (search: Search): { patient?: string } => ({ patient: text(search.patient) }),
  component: lazyRouteComponent(() => import("../features/refills/MedicationsPage"), "MedicationsPage"),
});
const refillRequestsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/refills",
  validateSearch: (search: Search): { patient?: string; request?: string } => ({
    patient: text(search.patient),
    request: text(search.request),
  }),
  component: lazyRouteComponent(() => import("../features/refills/RefillRequestsPage"), "RefillRequestsPage"),
});
const inBasketRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/in-basket",
  beforeLoad: staffOnly("nurse", "physician"),
  component: lazyRouteComponent(() => import("../features/in-basket/InBasketPage"), "InBasketPage"),
});
const refillQueueRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/in-basket/refills",
  beforeLoad: staffOnly("nurse", "physician"),
  validateSearch: (
    search: Search,
  ): { prescriberId?: string; status?: (typeof refillItemStatuses)[number]; minAgeHours?: number } => {
    const age = Number(search.minAgeHours);
    return {
      prescriberId: text(search.prescriberId),
      status: refillItemStatuses.find((s) => s === search.status),
      minAgeHours: Number.isInteger(age) && age > 0 ? age : undefined,
    };
  },
  component: lazyRouteComponent(() => import("../features/refills/RefillQueuePage"), "RefillQueuePage"),
});
const refillProtocolRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/admin/refill-protocol",
  beforeLoad: staffOnly("admin"),
  component: lazyRouteComponent(() => import("../features/refills/RefillProtocolPage"), "RefillProtocolPage"),
});

// Referrals: patients' and caregivers' requests, the primary care practice's queue, the specialist's incoming list
const referralsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/referrals",
  validateSearch: (search: Search): { patient?: string; referral?: string } => ({
    patient: text(search.patient),
    referral: text(search.referral),
  }),
  component: lazyRouteComponent(() => import("../features/referrals/ReferralsPage"), "ReferralsPage"),
});
const requestReferralRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/referrals/new",
  validateSearch: (search: Search): { patient?: string; specialty?: string } => ({
    patient: text(search.patient),
    specialty: text(search.specialty),
  }),
  component: lazyRouteComponent(() => import("../features/referrals/RequestReferralPage"), "RequestReferralPage"),
});
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
const referralQueueRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/in-basket/referrals",
  beforeLoad: staffOnly("nurse", "physician"),
  validateSearch: (search: Search): { status?: (typeof referralStatuses)[number] } => ({
    status: referralStatuses.find((s) => s === search.status),
  }),
  component: lazyRouteComponent(() => import("../features/referrals/ReferralQueuePage"), "ReferralQueuePage"),
});
const incomingReferralsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/in-basket/incoming-referrals",
  beforeLoad: staffOnly("physician"),
  component: lazyRouteComponent(() => import("../features/referrals/IncomingReferralsPage"), "IncomingReferralsPage"),
});

// Secure messaging: patients' and caregivers' conversations, and the care team's inbox
const messagesRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/messages",
  validateSearch: (search: Search): { patient?: string } => ({ patient: text(search.patient) }),
  component: lazyRouteComponent(() => import("../features/messages/MessagesPage"), "MessagesPage"),
});
const newMessageRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/messages/new",
  validateSearch: (search: Search): { patient?: string } => ({ patient: text(search.patient) }),
  component: lazyRouteComponent(() => import("../features/messages/NewMessagePage"), "NewMessagePage"),
});
const messageThreadRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/messages/$threadId",
  validateSearch: (search: Search): { patient?: string; sent?: boolean } => ({
    patient: text(search.patient),
    sent: search.sent === true || search.sent === "true" ? true : undefined,
  }),
  component: lazyRouteComponent(() => import("../features/messages/ThreadPage"), "ThreadPage"),
});
const inboxStatuses = ["active", "waiting", "answered", "closed", "all"] as const;
const staffMessagesRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/staff/messages",
  beforeLoad: staffOnly("nurse", "physician"),
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
  component: lazyRouteComponent(() => import("../features/messages/StaffInboxPage"), "StaffInboxPage"),
});
const staffMessageThreadRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/staff/messages/$threadId",
  beforeLoad: staffOnly("nurse", "physician"),
  component: lazyRouteComponent(() => import("../features/messages/StaffThreadPage"), "StaffThreadPage"),
});

const routeTree = rootRoute.addChildren([
  landingRoute,
  signInRoute,
  mfaRoute,
  mfaSetupRoute,
  activateRoute,
  forgotRoute,
  resetRoute,
  confirmAppointmentRoute,
  selfRegisterRoute,
  acceptInvitationRoute,
  signedInRoute.addChildren([
    patientSearchRoute,
    registerPatientRoute,
    pendingRegistrationsRoute,
    pendingRegistrationRoute,
    identityChangeRequestsRoute,
    patientChartRoute,
    staffGrantRoute,
    chartMedicationsRoute,
    patientDetailsRoute,
    identityChangeRoute,
    caregiversRoute,
    inviteCaregiverRoute,
    clinicAdminRoute,
    staffAdminRoute,
    locationsAdminRoute,
    locationEditRoute,
    providersAdminRoute,
    providerEditRoute,
    pharmaciesAdminRoute,
    pharmacyEditRoute,
    homeRoute,
    myHealthRoute,
    profileRoute,
    accessLogRoute,
    securityRoute,
    enrolRoute,
    adminAuditRoute,
    appointmentsRoute,
    bookRoute,
    bookedRoute,
    rescheduleRoute,
    checkInRoute,
    offersRoute,
    arrivalsRoute,
    bookForPatientRoute,
    scheduleRoute,
    adminVisitTypesRoute,
    adminVisitTypeRoute,
    adminAvailabilityRoute,
    medicationsRoute,
    refillRequestsRoute,
    inBasketRoute,
    refillQueueRoute,
    refillProtocolRoute,
    referralsRoute,
    requestReferralRoute,
    referralQueueRoute,
    incomingReferralsRoute,
    messagesRoute,
    newMessageRoute,
    messageThreadRoute,
    staffMessagesRoute,
    staffMessageThreadRoute,
  ]),
]);

export const router = createRouter({
  routeTree,
  context: { queryClient },
  defaultPreload: "intent",
  defaultPendingMs: 400,
  scrollRestoration: true,
  defaultNotFoundComponent: NotFoundPage,
  defaultErrorComponent: ErrorPage,
});

registerNavigation(
  (to) => void router.navigate({ href: to }),
  () => router.state.location.href,
);

declare module "@tanstack/react-router" {
  interface Register {
    router: typeof router;
  }
}
