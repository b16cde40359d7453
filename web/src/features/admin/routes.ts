// The audit log (admins)
import { lazyRouteComponent } from "@tanstack/react-router";
import { pageRoute } from "../../app/page-route";
import { signedInRoute } from "../../app/route-roots";

/** pages for signed-in people (under the signed-in layout) */
export const adminRoutes = [
  pageRoute(signedInRoute, "/admin/audit", {
    only: "audit",
    page: lazyRouteComponent(() => import("./AuditLogPage"), "AuditLogPage"),
  }),
] as const;
