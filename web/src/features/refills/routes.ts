// Medications and refills (patients and caregivers), the chart's medication list and the refill queue (clinicians), the refill protocol (admins)
import { lazyRouteComponent } from "@tanstack/react-router";
import { oneOf, type Param, pageRoute, text, texts } from "../../app/page-route";
import { signedInRoute } from "../../app/route-roots";

/** a whole number of hours above zero */
const hours: Param<number> = (value) => {
  const age = Number(value);
  return Number.isInteger(age) && age > 0 ? age : undefined;
};

/** pages for signed-in people (under the signed-in layout) */
export const refillsRoutes = [
  pageRoute(signedInRoute, "/medications", {
    search: texts("patient"),
    page: lazyRouteComponent(() => import("./MedicationsPage"), "MedicationsPage"),
  }),
  pageRoute(signedInRoute, "/refills", {
    search: texts("patient", "request"),
    page: lazyRouteComponent(() => import("./RefillRequestsPage"), "RefillRequestsPage"),
  }),
  pageRoute(signedInRoute, "/patients/$patientId/medications", {
    only: "inBasket",
    page: lazyRouteComponent(() => import("./ChartMedicationsPage"), "ChartMedicationsPage"),
  }),
  pageRoute(signedInRoute, "/in-basket/refills", {
    only: "inBasket",
    search: { prescriberId: text, status: oneOf(["queued", "approved", "denied"]), minAgeHours: hours },
    page: lazyRouteComponent(() => import("./RefillQueuePage"), "RefillQueuePage"),
  }),
  pageRoute(signedInRoute, "/admin/refill-protocol", {
    only: "clinicSetup",
    page: lazyRouteComponent(() => import("./RefillProtocolPage"), "RefillProtocolPage"),
  }),
] as const;
