// Visit types and availability (admins)
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { onlyFor, type Search, signedInRoute, text } from "../../app/route-roots";

const adminVisitTypesRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/admin/visit-types",
  beforeLoad: onlyFor("clinicSetup"),
  component: lazyRouteComponent(() => import("./VisitTypesPage"), "VisitTypesPage"),
});
const adminVisitTypeRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/admin/visit-types/$visitTypeId",
  beforeLoad: onlyFor("clinicSetup"),
  component: lazyRouteComponent(() => import("./VisitTypeEditPage"), "VisitTypeEditPage"),
});
const adminAvailabilityRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/admin/availability",
  beforeLoad: onlyFor("clinicSetup"),
  validateSearch: (search: Search): { providerId?: string } => ({ providerId: text(search.providerId) }),
  component: lazyRouteComponent(() => import("./AvailabilityPage"), "AvailabilityPage"),
});

/** pages for signed-in people (under the signed-in layout) */
export const schedulingAdminRoutes = [adminVisitTypesRoute, adminVisitTypeRoute, adminAvailabilityRoute] as const;
