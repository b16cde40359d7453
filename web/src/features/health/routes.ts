// Health updates: patients' and caregivers' readings, questionnaires and trends; the care team's flagged updates; the clinic's ranges
import { lazyRouteComponent } from "@tanstack/react-router";
import { oneOf, pageRoute, text, texts } from "../../app/page-route";
import { signedInRoute } from "../../app/route-roots";

/** pages for signed-in people (under the signed-in layout) */
export const healthRoutes = [
  pageRoute(signedInRoute, "/health", {
    search: texts("patient"),
    page: lazyRouteComponent(() => import("./HealthPage"), "HealthPage"),
  }),
  pageRoute(signedInRoute, "/health/new", {
    search: texts("patient", "measure"),
    page: lazyRouteComponent(() => import("./SendReadingPage"), "SendReadingPage"),
  }),
  pageRoute(signedInRoute, "/health/questionnaire", {
    // appointment: sent as the intake for this visit
    search: { patient: text, kind: oneOf(["phq9", "gad7"]), appointment: text },
    page: lazyRouteComponent(() => import("./QuestionnairePage"), "QuestionnairePage"),
  }),
  pageRoute(signedInRoute, "/in-basket/health", {
    only: "inBasket",
    search: { status: oneOf(["resolved"]) },
    page: lazyRouteComponent(() => import("./HealthFlagQueuePage"), "HealthFlagQueuePage"),
  }),
  pageRoute(signedInRoute, "/patients/$patientId/health", {
    only: "inBasket",
    page: lazyRouteComponent(() => import("./PatientHealthPage"), "PatientHealthPage"),
  }),
  pageRoute(signedInRoute, "/admin/health-ranges", {
    only: "clinicSetup",
    page: lazyRouteComponent(() => import("./FlagRangesPage"), "FlagRangesPage"),
  }),
] as const;
