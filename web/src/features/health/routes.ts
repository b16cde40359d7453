// Health updates: patients' and caregivers' readings, questionnaires and trends; the care team's flagged updates; the clinic's ranges
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { onlyFor, type Search, signedInRoute, text } from "../../app/route-roots";

const healthRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/health",
  validateSearch: (search: Search): { patient?: string } => ({ patient: text(search.patient) }),
  component: lazyRouteComponent(() => import("./HealthPage"), "HealthPage"),
});
const sendReadingRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/health/new",
  validateSearch: (search: Search): { patient?: string; measure?: string } => ({
    patient: text(search.patient),
    measure: text(search.measure),
  }),
  component: lazyRouteComponent(() => import("./SendReadingPage"), "SendReadingPage"),
});
const questionnaireRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/health/questionnaire",
  validateSearch: (search: Search): { patient?: string; kind?: "phq9" | "gad7"; appointment?: string } => ({
    patient: text(search.patient),
    kind: search.kind === "gad7" ? "gad7" : search.kind === "phq9" ? "phq9" : undefined,
    // sent as the intake for this visit
    appointment: text(search.appointment),
  }),
  component: lazyRouteComponent(() => import("./QuestionnairePage"), "QuestionnairePage"),
});
const flagQueueRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/in-basket/health",
  beforeLoad: onlyFor("inBasket"),
  validateSearch: (search: Search): { status?: "resolved" } => ({
    status: search.status === "resolved" ? "resolved" : undefined,
  }),
  component: lazyRouteComponent(() => import("./HealthFlagQueuePage"), "HealthFlagQueuePage"),
});
const patientHealthRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/patients/$patientId/health",
  beforeLoad: onlyFor("inBasket"),
  component: lazyRouteComponent(() => import("./PatientHealthPage"), "PatientHealthPage"),
});
const flagRangesRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/admin/health-ranges",
  beforeLoad: onlyFor("clinicSetup"),
  component: lazyRouteComponent(() => import("./FlagRangesPage"), "FlagRangesPage"),
});

/** pages for signed-in people (under the signed-in layout) */
export const healthRoutes = [
  healthRoute,
  sendReadingRoute,
  questionnaireRoute,
  flagQueueRoute,
  patientHealthRoute,
  flagRangesRoute,
] as const;
