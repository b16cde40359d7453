// Clinic set-up (admins)
import { lazyRouteComponent } from "@tanstack/react-router";
import { pageRoute } from "../../app/page-route";
import { signedInRoute } from "../../app/route-roots";

/** pages for signed-in people (under the signed-in layout) */
export const clinicAdminRoutes = [
  pageRoute(signedInRoute, "/admin/clinic", {
    only: "clinicSetup",
    page: lazyRouteComponent(() => import("./ClinicAdminHome"), "ClinicAdminHome"),
  }),
  pageRoute(signedInRoute, "/admin/staff", {
    only: "clinicSetup",
    page: lazyRouteComponent(() => import("./StaffPage"), "StaffPage"),
  }),
  pageRoute(signedInRoute, "/admin/locations", {
    only: "clinicSetup",
    page: lazyRouteComponent(() => import("./LocationsPage"), "LocationsPage"),
  }),
  pageRoute(signedInRoute, "/admin/locations/$locationId", {
    only: "clinicSetup",
    page: lazyRouteComponent(() => import("./LocationsPage"), "LocationEditPage"),
  }),
  pageRoute(signedInRoute, "/admin/providers", {
    only: "clinicSetup",
    page: lazyRouteComponent(() => import("./ProvidersPage"), "ProvidersPage"),
  }),
  pageRoute(signedInRoute, "/admin/providers/$providerId", {
    only: "clinicSetup",
    page: lazyRouteComponent(() => import("./ProvidersPage"), "ProviderEditPage"),
  }),
  pageRoute(signedInRoute, "/admin/pharmacies", {
    only: "clinicSetup",
    page: lazyRouteComponent(() => import("./PharmaciesPage"), "PharmaciesPage"),
  }),
  pageRoute(signedInRoute, "/admin/pharmacies/$pharmacyId", {
    only: "clinicSetup",
    page: lazyRouteComponent(() => import("./PharmaciesPage"), "PharmacyEditPage"),
  }),
] as const;
