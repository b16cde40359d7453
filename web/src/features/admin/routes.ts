// The audit log (admins)
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { onlyFor, signedInRoute } from "../../app/route-roots";

const adminAuditRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/admin/audit",
  beforeLoad: onlyFor("audit"),
  component: lazyRouteComponent(() => import("./AuditLogPage"), "AuditLogPage"),
});

/** pages for signed-in people (under the signed-in layout) */
export const adminRoutes = [adminAuditRoute] as const;
