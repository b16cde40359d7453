// Visit types and availability (admins)
import { lazyRouteComponent } from "@tanstack/react-router";
import { pageRoute, texts } from "../../app/page-route";
import { signedInRoute } from "../../app/route-roots";

/** pages for signed-in people (under the signed-in layout) */
export const schedulingAdminRoutes = [
  pageRoute(signedInRoute, "/admin/visit-types", {
    only: "clinicSetup",
    page: lazyRouteComponent(() => import("./VisitTypesPage"), "VisitTypesPage"),
  }),
  pageRoute(signedInRoute, "/admin/visit-types/$visitTypeId", {
    only: "clinicSetup",
    page: lazyRouteComponent(() => import("./VisitTypeEditPage"), "VisitTypeEditPage"),
  }),
  pageRoute(signedInRoute, "/admin/availability", {
    only: "clinicSetup",
    search: texts("providerId"),
    page: lazyRouteComponent(() => import("./AvailabilityPage"), "AvailabilityPage"),
  }),
] as const;
