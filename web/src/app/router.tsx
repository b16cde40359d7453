import { createRouter, lazyRouteComponent } from "@tanstack/react-router";
import { adminRoutes } from "../features/admin/routes";
import { appointmentsPublicRoutes, appointmentsRoutes } from "../features/appointments/routes";
import { caregiversPublicRoutes, caregiversRoutes } from "../features/caregivers/routes";
import { clinicAdminRoutes } from "../features/clinic-admin/routes";
import { connectedAppsRoutes } from "../features/connected-apps/routes";
import { healthRoutes } from "../features/health/routes";
import { homeRoutes } from "../features/home/routes";
import { identityPublicRoutes, identityRoutes } from "../features/identity/routes";
import { inBasketRoutes } from "../features/in-basket/routes";
import { messagesRoutes } from "../features/messages/routes";
import { operationsRoutes } from "../features/operations/routes";
import { patientsRoutes } from "../features/patients/routes";
import { profileRoutes } from "../features/profile/routes";
import { recordsRoutes } from "../features/records/routes";
import { referralsRoutes } from "../features/referrals/routes";
import { refillsRoutes } from "../features/refills/routes";
import { registrationPublicRoutes, registrationRoutes } from "../features/registration/routes";
import { scheduleRoutes } from "../features/schedule/routes";
import { schedulingAdminRoutes } from "../features/scheduling-admin/routes";
import { surveysPublicRoutes, surveysRoutes } from "../features/surveys/routes";
import { ErrorPage } from "../routes/ErrorPage";
import { NotFoundPage } from "../routes/NotFoundPage";
import { registerNavigation } from "./navigation";
import { pageRoute } from "./page-route";
import { queryClient } from "./query-client";
import { rootRoute, signedInRoute } from "./route-roots";

// Each feature declares its own pages in features/<area>/routes.ts; this file puts them together.
const landingRoute = pageRoute(rootRoute, "/", {
  page: lazyRouteComponent(() => import("../routes/LandingPage"), "LandingPage"),
});

const routeTree = rootRoute.addChildren([
  landingRoute,
  ...identityPublicRoutes,
  ...appointmentsPublicRoutes,
  ...registrationPublicRoutes,
  ...caregiversPublicRoutes,
  ...surveysPublicRoutes,
  signedInRoute.addChildren([
    ...identityRoutes,
    ...appointmentsRoutes,
    ...registrationRoutes,
    ...caregiversRoutes,
    ...patientsRoutes,
    ...profileRoutes,
    ...homeRoutes,
    ...adminRoutes,
    ...clinicAdminRoutes,
    ...scheduleRoutes,
    ...schedulingAdminRoutes,
    ...recordsRoutes,
    ...surveysRoutes,
    ...inBasketRoutes,
    ...refillsRoutes,
    ...referralsRoutes,
    ...messagesRoutes,
    ...healthRoutes,
    ...operationsRoutes,
    ...connectedAppsRoutes,
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
