// Staff: patient search, the chart, identity-change requests, caregiver grants
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { onlyFor, type Search, signedInRoute, text } from "../../app/route-roots";

const patientSearchRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/patients",
  validateSearch: (search: Search): { q?: string } => ({ q: text(search.q) }),
  beforeLoad: onlyFor("patients"),
  component: lazyRouteComponent(() => import("./PatientSearchPage"), "PatientSearchPage"),
});
const identityChangeRequestsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/patients/identity-changes",
  beforeLoad: onlyFor("registration"),
  component: lazyRouteComponent(() => import("./IdentityChangeRequestsPage"), "IdentityChangeRequestsPage"),
});
const patientChartRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/patients/$patientId",
  beforeLoad: onlyFor("patients"),
  component: lazyRouteComponent(() => import("./PatientChartPage"), "PatientChartPage"),
});
const staffGrantRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/patients/$patientId/caregivers/new",
  beforeLoad: onlyFor("registration"),
  component: lazyRouteComponent(() => import("./StaffGrantPage"), "StaffGrantPage"),
});

/** pages for signed-in people (under the signed-in layout) */
export const patientsRoutes = [
  patientSearchRoute,
  identityChangeRequestsRoute,
  patientChartRoute,
  staffGrantRoute,
] as const;
