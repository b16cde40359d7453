// Medications and refills (patients and caregivers), the chart's medication list and the refill queue (clinicians), the refill protocol (admins)
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { onlyFor, type Search, signedInRoute, text } from "../../app/route-roots";

const refillItemStatuses = ["queued", "approved", "denied"] as const;
const medicationsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/medications",
  validateSearch: (search: Search): { patient?: string } => ({ patient: text(search.patient) }),
  component: lazyRouteComponent(() => import("./MedicationsPage"), "MedicationsPage"),
});
const refillRequestsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/refills",
  validateSearch: (search: Search): { patient?: string; request?: string } => ({
    patient: text(search.patient),
    request: text(search.request),
  }),
  component: lazyRouteComponent(() => import("./RefillRequestsPage"), "RefillRequestsPage"),
});
const chartMedicationsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/patients/$patientId/medications",
  beforeLoad: onlyFor("inBasket"),
  component: lazyRouteComponent(() => import("./ChartMedicationsPage"), "ChartMedicationsPage"),
});
const refillQueueRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/in-basket/refills",
  beforeLoad: onlyFor("inBasket"),
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
  component: lazyRouteComponent(() => import("./RefillQueuePage"), "RefillQueuePage"),
});
const refillProtocolRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/admin/refill-protocol",
  beforeLoad: onlyFor("clinicSetup"),
  component: lazyRouteComponent(() => import("./RefillProtocolPage"), "RefillProtocolPage"),
});

/** pages for signed-in people (under the signed-in layout) */
export const refillsRoutes = [
  medicationsRoute,
  refillRequestsRoute,
  chartMedicationsRoute,
  refillQueueRoute,
  refillProtocolRoute,
] as const;
