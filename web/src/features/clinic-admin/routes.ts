// Clinic set-up (admins)
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { onlyFor, signedInRoute } from "../../app/route-roots";

const clinicAdminRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/admin/clinic",
  beforeLoad: onlyFor("clinicSetup"),
  component: lazyRouteComponent(() => import("./ClinicAdminHome"), "ClinicAdminHome"),
});
const staffAdminRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/admin/staff",
  beforeLoad: onlyFor("clinicSetup"),
  component: lazyRouteComponent(() => import("./StaffPage"), "StaffPage"),
});
const locationsAdminRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/admin/locations",
  beforeLoad: onlyFor("clinicSetup"),
  component: lazyRouteComponent(() => import("./LocationsPage"), "LocationsPage"),
});
const locationEditRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/admin/locations/$locationId",
  beforeLoad: onlyFor("clinicSetup"),
  component: lazyRouteComponent(() => import("./LocationsPage"), "LocationEditPage"),
});
const providersAdminRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/admin/providers",
  beforeLoad: onlyFor("clinicSetup"),
  component: lazyRouteComponent(() => import("./ProvidersPage"), "ProvidersPage"),
});
const providerEditRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/admin/providers/$providerId",
  beforeLoad: onlyFor("clinicSetup"),
  component: lazyRouteComponent(() => import("./ProvidersPage"), "ProviderEditPage"),
});
const pharmaciesAdminRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/admin/pharmacies",
  beforeLoad: onlyFor("clinicSetup"),
  component: lazyRouteComponent(() => import("./PharmaciesPage"), "PharmaciesPage"),
});
const pharmacyEditRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/admin/pharmacies/$pharmacyId",
  beforeLoad: onlyFor("clinicSetup"),
  component: lazyRouteComponent(() => import("./PharmaciesPage"), "PharmacyEditPage"),
});

/** pages for signed-in people (under the signed-in layout) */
export const clinicAdminRoutes = [
  clinicAdminRoute,
  staffAdminRoute,
  locationsAdminRoute,
  locationEditRoute,
  providersAdminRoute,
  providerEditRoute,
  pharmaciesAdminRoute,
  pharmacyEditRoute,
] as const;
