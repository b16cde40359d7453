import type { AuditLog } from "../../platform/audit/audit-log.ts";
import { notFound } from "../../platform/errors.ts";

/**
 * A staff check that fails on a row the caller may not reach: audited as denied (outside the
 * request's transaction, so the row stays when it rolls back), then answered as 404, exactly
 * like a row that does not exist.
 */
export async function deniedAsMissing(
  audit: AuditLog,
  what: string,
  denied: { action: string; resourceType: string; resourceId: string; reason: string },
): Promise<never> {
  const { reason, ...entry } = denied;
  await audit.recordIndependent({ ...entry, outcome: "denied", details: { reason } });
  throw notFound(what);
}
