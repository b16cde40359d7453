import type { FastifyRequest } from "fastify";
import type { StaffRole } from "../../db/tables/people.ts";
import type { AccessService, PatientAccessCheck } from "./patient-access.ts";

/**
 * Route-level guards. Every `/api/patients/:patientId/...` route declares
 *
 *   preHandler: patientRouteGuard(services.access, { scope: "appointments", action: "read", resourceType: "appointment" })
 *
 * which refuses (404, audited) a request with no possible access before the handler runs, and
 * the service it calls still begins with `services.access.authorizePatient(...)` — the call
 * that audits the access and yields the `PatientAccess` its repository functions require.
 */
export function patientRouteGuard(
  access: AccessService,
  check: Omit<PatientAccessCheck, "resourceId" | "auditAction" | "reason">,
) {
  return async function guardPatient(request: FastifyRequest): Promise<void> {
    const params = request.params as { patientId?: unknown } | undefined;
    const patientId = typeof params?.patientId === "string" ? params.patientId : "";
    await access.gate(patientId, check);
  };
}

/** For staff-only routes: 401 when signed out, 403 (audited) without one of the roles. */
export function staffRouteGuard(access: AccessService, roles: StaffRole | readonly StaffRole[], resourceType: string) {
  return async function guardStaff(_request: FastifyRequest): Promise<void> {
    await access.authorizeStaff(roles, { resourceType });
  };
}
