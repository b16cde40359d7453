import type { AccessLog, AccessLogEntry, AuditSearchQuery, AuditSearchResponse } from "@portico/contracts";
import type { Database } from "../../db/database.ts";
import type { AuditOutcome } from "../../db/tables/audit.ts";
import type { AccessService } from "../../platform/access/patient-access.ts";
import type { AuditDetails, AuditLog } from "../../platform/audit/audit-log.ts";
import { currentContext } from "../../platform/context.ts";
import { DomainError } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { type AccessLogRow, listPatientAccesses, patientShortName, searchAuditLog } from "./repo.ts";

const DEFAULT_PAGE = 50;

function parseCursor(cursor: string | undefined): number | null {
  if (cursor === undefined) return null;
  if (!/^[0-9]{1,18}$/.test(cursor) || !Number.isSafeInteger(Number(cursor)) || Number(cursor) < 1) {
    throw new DomainError("bad_request", "That page link is not valid; start again from the first page.");
  }
  return Number(cursor);
}

function parseInstant(value: string | undefined, field: string): Date | undefined {
  if (value === undefined) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime()))
    throw new DomainError("validation_failed", `${field} is not a valid date and time.`);
  return date;
}

const STAFF_ROLES = new Set(["front_desk", "nurse", "physician", "admin"]);

/** The capacity shown to the patient: patient, proxy, front_desk, nurse, physician, admin, system. */
function roleOf(row: AccessLogRow): string {
  if (row.actor_kind === "system") return "system";
  if (row.acting_as) return row.acting_as;
  if (row.proxy_grant_id) return "proxy";
  return row.actor_roles.find((r) => STAFF_ROLES.has(r)) ?? "patient";
}

/**
 * Reading the audit log: the patient's "who accessed my record" (SPEC §2.9) and the
 * administrators' search. Both reads are themselves audited.
 */
export class AuditTrailService {
  readonly #db: Database;
  readonly #access: AccessService;
  readonly #audit: AuditLog;

  constructor(deps: { db: Database; access: AccessService; audit: AuditLog }) {
    this.#db = deps.db;
    this.#access = deps.access;
    this.#audit = deps.audit;
  }

  async accessLog(patientId: string, query: { cursor?: string; limit?: number }): Promise<AccessLog> {
    const beforeId = parseCursor(query.cursor);
    const limit = Math.min(Math.max(query.limit ?? DEFAULT_PAGE, 1), 100);
    return inTransaction(this.#db, async (trx) => {
      const access = await this.#access.authorizePatient(patientId, {
        scope: "records",
        action: "read",
        resourceType: "access_log",
        patientFacing: true,
      });
      const viewer = currentContext().actor.userId;
      const rows = await listPatientAccesses(trx, access, { beforeId, limit: limit + 1 });
      const page = rows.slice(0, limit);
      const needsName = page.some((r) => r.proxy_grant_id !== null);
      const shortName = needsName ? await patientShortName(trx, access) : null;
      const entries: AccessLogEntry[] = page.map((row) => {
        const role = roleOf(row);
        const who =
          row.actor_user_id !== null && row.actor_user_id === viewer
            ? "You"
            : role === "system"
              ? "Portico"
              : (row.actor_name ?? "A Portico user");
        return {
          id: String(row.id),
          at: row.at.toISOString(),
          who,
          whoRole: role,
          onBehalfOf: row.proxy_grant_id ? shortName : null,
          action: row.action,
          what: row.resource_type,
        };
      });
      const last = page.at(-1);
      return { entries, nextCursor: rows.length > limit && last ? String(last.id) : null };
    });
  }

  async search(query: AuditSearchQuery): Promise<AuditSearchResponse> {
    await this.#access.authorizeStaff("admin", { resourceType: "audit_log", action: "search" });
    const beforeId = parseCursor(query.cursor);
    const from = parseInstant(query.from, "from");
    const to = parseInstant(query.to, "to");
    if (from && to && from.getTime() > to.getTime()) {
      throw new DomainError("validation_failed", "“from” must be before “to”.");
    }
    const limit = Math.min(Math.max(query.limit ?? DEFAULT_PAGE, 1), 200);
    return inTransaction(this.#db, async (trx) => {
      const details: AuditDetails = {};
      for (const key of ["userId", "patientId", "action", "outcome", "from", "to"] as const) {
        if (query[key] !== undefined) details[key] = query[key];
      }
      await this.#audit.record({ action: "search", resourceType: "audit_log", actingAs: "admin", details });
      const rows = await searchAuditLog(trx, {
        userId: query.userId,
        patientId: query.patientId,
        action: query.action,
        outcome: query.outcome as AuditOutcome | undefined,
        from,
        to,
        beforeId,
        limit: limit + 1,
      });
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        records: page.map((row) => ({
          id: row.id,
          at: row.at.toISOString(),
          actorUserId: row.actor_user_id,
          actorName: row.actor_name ?? (row.actor_system_name ? `Portico (${row.actor_system_name})` : null),
          actorRoles: row.actor_roles,
          patientId: row.patient_id,
          action: row.action,
          resourceType: row.resource_type,
          resourceId: row.resource_id,
          outcome: row.outcome,
          ip: row.ip,
          requestId: row.request_id,
        })),
        nextCursor: rows.length > limit && last ? String(last.id) : null,
      };
    });
  }
}
