import type { FastifyRequest, RouteOptions } from "fastify";
import type { StaffRole } from "../../db/tables/people.ts";
import type { AccessService, PatientAccessCheck } from "./patient-access.ts";

/** The staff roles a route needs before anything else (403 `forbidden`, audited), as the service checks them. */
export interface StaffRouteCheck {
  roles: StaffRole | readonly StaffRole[];
  resourceType: string;
  action?: string;
}

/**
 * What a `/api/patients/:patientId/...` route declares about access. Either the patient check
 * the route guard makes before the handler (the same scope, action and audit fields as the
 * service's own first-line `authorizePatient`, so a refusal writes the same audit row), or an
 * explicit exemption saying why the service alone decides. Either may start with a staff check.
 */
export type PatientRouteAccess =
  | (Omit<PatientAccessCheck, "resourceId" | "reason"> & {
      /** the path parameter naming the record, for the audit row (`appointmentId`, `fileId`, …) */
      resourceIdParam?: string;
      staff?: StaffRouteCheck;
    })
  | {
      /** why no patient check runs before the handler (the service still makes its own) */
      exempt: string;
      staff?: StaffRouteCheck;
    };

declare module "fastify" {
  interface FastifyContextConfig {
    /** set by `patientRoute`: the access a patient route declares (read by the start-up check) */
    access?: PatientRouteAccess;
  }
}

/** The path prefix of patient-data routes: every route under it must declare its access. */
export const PATIENT_ROUTE_PREFIX = "/api/patients/:patientId";

type Guard = (request: FastifyRequest) => Promise<void>;

/**
 * The one way to declare a patient-data route: spread into the route options.
 *
 *   app.get("/api/patients/:patientId/appointments", {
 *     ...patientRoute(services.access, { scope: "appointments", action: "read", resourceType: "appointment" }),
 *     schema: { … },
 *   }, handler);
 *
 * It records the declaration in `config.access` and installs the guards: the staff check when
 * declared, then `patientRouteGuard` (404, audited, before the handler runs) unless exempt.
 * Pass the route's other `config` fields as `config`.
 */
export function patientRoute(
  access: AccessService,
  declared: PatientRouteAccess,
  config: Omit<NonNullable<RouteOptions["config"]>, "access"> = {},
): { config: RouteOptions["config"] & { access: PatientRouteAccess }; preHandler: Guard[] } {
  const preHandler: Guard[] = [];
  if (declared.staff) {
    const { roles, resourceType, action } = declared.staff;
    preHandler.push(async () => void (await access.authorizeStaff(roles, { resourceType, action })));
  }
  if (!("exempt" in declared)) {
    const { staff: _staff, resourceIdParam, ...check } = declared;
    preHandler.push(patientRouteGuard(access, check, resourceIdParam));
  }
  return { config: { ...config, access: declared }, preHandler };
}

/**
 * The route-level patient guard: refuses (404, audited) a request with no possible access
 * before the handler runs. The service it calls still begins with
 * `services.access.authorizePatient(...)` — the call that audits the access and yields the
 * `PatientAccess` its repository functions require.
 */
export function patientRouteGuard(
  access: AccessService,
  check: Omit<PatientAccessCheck, "resourceId" | "reason">,
  resourceIdParam?: string,
): Guard {
  return async function guardPatient(request: FastifyRequest): Promise<void> {
    const params = request.params as Record<string, unknown> | undefined;
    const patientId = typeof params?.patientId === "string" ? params.patientId : "";
    const resourceId =
      resourceIdParam && typeof params?.[resourceIdParam] === "string" ? params[resourceIdParam] : null;
    await access.gate(patientId, { ...check, resourceId });
  };
}

/**
 * Refuses to start when a route under `/api/patients/:patientId` is declared without
 * `patientRoute(...)`: the route would rely on its service alone to check access. Install
 * before any route is registered.
 */
export function requirePatientRouteAccess(app: {
  addHook(name: "onRoute", hook: (route: RouteOptions & { path: string }) => void): unknown;
}): void {
  app.addHook("onRoute", (route) => {
    const path = route.url ?? route.path;
    const isPatientRoute = path === PATIENT_ROUTE_PREFIX || path.startsWith(`${PATIENT_ROUTE_PREFIX}/`);
    if (!isPatientRoute || route.config?.access) return;
    const methods = Array.isArray(route.method) ? route.method.join(",") : route.method;
    throw new Error(
      `${methods} ${path} reads or changes a patient's data but declares no access: ` +
        "declare it with patientRoute(services.access, { scope, action, resourceType }) " +
        "or an explicit { exempt: reason } (platform/access/route-guards.ts)",
    );
  });
}

/** For staff-only routes: 401 when signed out, 403 (audited) without one of the roles. */
export function staffRouteGuard(access: AccessService, roles: StaffRole | readonly StaffRole[], resourceType: string) {
  return async function guardStaff(_request: FastifyRequest): Promise<void> {
    await access.authorizeStaff(roles, { resourceType });
  };
}
