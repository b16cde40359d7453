// Staff: patient search, the chart, identity-change requests, caregiver grants
import { lazyRouteComponent } from "@tanstack/react-router";
import { pageRoute, texts } from "../../app/page-route";
import { signedInRoute } from "../../app/route-roots";

/** pages for signed-in people (under the signed-in layout) */
export const patientsRoutes = [
  pageRoute(signedInRoute, "/patients", {
    only: "patients",
    search: texts("q"),
    page: lazyRouteComponent(() => import("./PatientSearchPage"), "PatientSearchPage"),
  }),
  pageRoute(signedInRoute, "/patients/identity-changes", {
    only: "registration",
    page: lazyRouteComponent(() => import("./IdentityChangeRequestsPage"), "IdentityChangeRequestsPage"),
  }),
  pageRoute(signedInRoute, "/patients/$patientId", {
    only: "patients",
    page: lazyRouteComponent(() => import("./PatientChartPage"), "PatientChartPage"),
  }),
  pageRoute(signedInRoute, "/patients/$patientId/caregivers/new", {
    only: "registration",
    page: lazyRouteComponent(() => import("./StaffGrantPage"), "StaffGrantPage"),
  }),
] as const;
