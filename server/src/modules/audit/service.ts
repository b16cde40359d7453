import type {
  AccessLog,
  AccessLogEntry,
  AccessLogQuery,
  AuditSearchQuery,
  AuditSearchResponse,
} from "@portico/contracts";
import type { Database } from "../../db/database.ts";
import type { AuditOutcome } from "../../db/tables/audit.ts";
import type { AccessService } from "../../platform/access/patient-access.ts";
import type { AuditDetails, AuditLog } from "../../platform/audit/audit-log.ts";
import { currentContext } from "../../platform/context.ts";
import { DomainError } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { type AccessLogRow, listPatientAccesses, patientShortName, searchAuditLog } from "./repo.ts";
import { sentenceFor } from "./sentences.ts";

const DEFAULT_PAGE = 50;
const DEFAULT_ACCESS_PAGE = 20;

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

  async accessLog(patientId: string, query: AccessLogQuery): Promise<AccessLog> {
    const asOfId = query.asOf === undefined ? null : parseCursor(query.asOf);
    const pageSize = Math.min(Math.max(query.pageSize ?? DEFAULT_ACCESS_PAGE, 1), 100);
    const pageNumber = Math.max(query.page ?? 1, 1);
    const who = query.who ?? "others";
    return inTransaction(this.#db, async (trx) => {
      const access = await this.#access.authorizePatient(patientId, {
        scope: "records",
        action: "read",
        resourceType: "access_log",
        patientFacing: true,
      });
      const viewer = currentContext().actor.userId;
      const found = await listPatientAccesses(trx, access, {
        excludeUserId: who === "others" ? viewer : null,
        asOfId,
        offset: (pageNumber - 1) * pageSize,
        limit: pageSize,
      });
      const entries: AccessLogEntry[] = found.rows.map((row) => {
        const role = roleOf(row);
        const byReader = row.actor_user_id !== null && row.actor_user_id === viewer;
        return {
          id: String(row.id),
          at: row.at.toISOString(),
          times: row.times,
          firstAt: row.first_at.toISOString(),
          byReader,
          who: byReader || role === "system" ? null : row.actor_name,
          whoRole: role,
          sentence: sentenceFor(row.action, row.resource_type),
        };
      });
      return {
        entries,
        reader: access.basis === "proxy" ? "proxy" : "patient",
        patientName: (await patientShortName(trx, access)) ?? "",
        who,
        page: pageNumber,
        pageSize,
        total: found.total,
        asOf: found.asOfId === null ? null : String(found.asOfId),
      };
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
