import {
  AccessLog,
  AccessLogQuery,
  AuditSearchQuery,
  AuditSearchResponse,
  errorResponses,
  PatientParams,
} from "@portico/contracts";
import type { App } from "../../app.ts";
import type { AccessService } from "../../platform/access/patient-access.ts";
import { patientRoute, staffRouteGuard } from "../../platform/access/route-guards.ts";
import type { AuditTrailService } from "./service.ts";

/** Who accessed a patient's record (patient and proxies with `records`), and the admins' audit search. */
export async function registerAuditRoutes(
  app: App,
  services: { access: AccessService; auditTrail: AuditTrailService },
): Promise<void> {
  app.get(
    "/api/patients/:patientId/access-log",
    {
      ...patientRoute(services.access, {
        scope: "records",
        action: "read",
        resourceType: "access_log",
        patientFacing: true,
      }),
      schema: {
        tags: ["audit"],
        summary: "Who accessed this patient's record, newest first",
        params: PatientParams,
        querystring: AccessLogQuery,
        response: { 200: AccessLog, ...errorResponses },
      },
    },
    async (request) => services.auditTrail.accessLog(request.params.patientId, request.query),
  );

  app.get(
    "/api/admin/audit",
    {
      schema: {
        tags: ["audit"],
        summary: "Search the audit log (administrators)",
        querystring: AuditSearchQuery,
        response: { 200: AuditSearchResponse, ...errorResponses },
      },
      preHandler: staffRouteGuard(services.access, "admin", "audit_log"),
    },
    async (request) => services.auditTrail.search(request.query),
  );
}
