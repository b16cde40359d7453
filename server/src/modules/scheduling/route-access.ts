import type { AccessService } from "../../platform/access/patient-access.ts";
import type { AccessAction } from "../../platform/access/policy.ts";
import { patientRoute } from "../../platform/access/route-guards.ts";

/** The API document's tag of the patient-facing appointment routes. */
export const tags = ["appointments"];

/**
 * The access a patient route of this module declares: the `appointments` scope, checked (404,
 * audited) before the handler with the same fields as the service's own `authorizePatient`.
 * `resourceIdParam` names the path parameter of the record, `auditAction` the audit verb. Write
 * the declaration as an object literal: the audit-sentence test reads its action and type there.
 */
export function appointmentsRoute(
  access: AccessService,
  declaration: {
    action: AccessAction;
    resourceType: string;
    resourceIdParam?: string;
    auditAction?: string;
  },
): ReturnType<typeof patientRoute> {
  return patientRoute(access, { scope: "appointments", ...declaration });
}
