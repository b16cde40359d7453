import { sql, type Transaction } from "kysely";
import type { Database } from "../../db/database.ts";
import type { DB } from "../../db/schema.ts";
import type { AuditOutcome } from "../../db/tables/audit.ts";
import type { PatientAccess } from "../../platform/access/patient-access.ts";
import { patientRows } from "../../platform/access/scoped-query.ts";

type Db = Database | Transaction<DB>;

export interface AccessLogRow {
  id: number;
  /** the last look of the run */
  at: Date;
  /** the first look of the run (`at` when it is one look) */
  first_at: Date;
  /** how many looks the run holds */
  times: number;
  action: string;
  resource_type: string;
  acting_as: string | null;
  actor_kind: "anonymous" | "user" | "system";
  actor_user_id: string | null;
  actor_roles: string[];
  proxy_grant_id: string | null;
  actor_name: string | null;
}

export interface AccessLogPageRequest {
  /** leave out what this user did themselves ("people other than me") */
  excludeUserId: string | null;
  /** entries up to this id only (the first page's newest), so paging holds still */
  asOfId: number | null;
  offset: number;
  limit: number;
}

/** How far apart two looks of one kind by one person may be and still read as one entry. */
export const ACCESS_RUN_GAP_MINUTES = 60;

/**
 * Successful accesses to one patient's record, newest first (the patient-facing access log):
 * one page of them, how many there are in all, and the newest id they were counted up to.
 *
 * A run of the same look by the same person (same action on the same kind of record, each
 * within an hour of the one before, nobody else's access in between) is one entry with its
 * count and first time: a staff board that refreshes every 30 seconds reads as "viewed your
 * health updates, 14 times between 09:02 and 10:40", not as 14 lines. Every look keeps its
 * own audit row; only this list groups them.
 */
export async function listPatientAccesses(
  db: Db,
  access: PatientAccess,
  page: AccessLogPageRequest,
): Promise<{ rows: AccessLogRow[]; total: number; asOfId: number | null }> {
  let base = patientRows(access, "records").selectFrom(db, "audit_log", "a").where("a.outcome", "=", "success");
  if (page.excludeUserId !== null) {
    const me = page.excludeUserId;
    base = base.where((eb) => eb.or([eb("a.actor_user_id", "is", null), eb("a.actor_user_id", "<>", me)]));
  }
  let asOfId = page.asOfId;
  if (asOfId === null) {
    const newest = await base.select((eb) => eb.fn.max("a.id").as("id")).executeTakeFirst();
    asOfId = newest?.id == null ? null : Number(newest.id);
  }
  if (asOfId === null) return { rows: [], total: 0, asOfId: null };
  const sameLook = sql`coalesce(a.actor_user_id::text, a.actor_kind) || '|' || a.action || '|' || a.resource_type || '|' || coalesce(a.acting_as, '') || '|' || coalesce(a.proxy_grant_id::text, '')`;
  const looks = base.where("a.id", "<=", asOfId).select([
    "a.id",
    "a.at",
    sql<number>`case when lag(${sameLook}) over (order by a.id) = ${sameLook}
        and a.at - lag(a.at) over (order by a.id) <= make_interval(mins => ${ACCESS_RUN_GAP_MINUTES})
        then 0 else 1 end`.as("starts"),
  ]);
  const runs = db
    .with("looks", () => looks)
    .with("numbered", (w) =>
      w.selectFrom("looks").select(["id", "at", sql<number>`sum(starts) over (order by id)`.as("run")]),
    )
    .selectFrom("numbered")
    .select([
      "run",
      (eb) => eb.fn.max("id").as("last_id"),
      (eb) => eb.fn.min("at").as("first_at"),
      (eb) => eb.fn.countAll<string>().as("times"),
    ])
    .groupBy("run");
  const counted = await db
    .selectFrom(runs.as("r"))
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirst();
  const rows = await db
    .selectFrom(runs.orderBy("run", "desc").offset(page.offset).limit(page.limit).as("r"))
    .innerJoin("audit_log as a", "a.id", "r.last_id")
    .leftJoin("users as u", "u.id", "a.actor_user_id")
    .select([
      "a.id",
      "a.at",
      "r.first_at",
      "r.times",
      "a.action",
      "a.resource_type",
      "a.acting_as",
      "a.actor_kind",
      "a.actor_user_id",
      "a.actor_roles",
      "a.proxy_grant_id",
      "u.display_name as actor_name",
    ])
    .orderBy("a.id", "desc")
    .execute();
  return {
    rows: rows.map((r) => ({ ...r, first_at: new Date(r.first_at), times: Number(r.times) })),
    total: Number(counted?.n ?? 0),
    asOfId,
  };
}

/** The short name the patient goes by, for "on behalf of Jamie". */
export async function patientShortName(db: Db, access: PatientAccess): Promise<string | null> {
  const row = await patientRows(access, "records")
    .chart(db)
    .select(["p.preferred_name", "p.legal_given_name"])
    .executeTakeFirst();
  return row ? row.preferred_name || row.legal_given_name : null;
}

export interface AuditSearchFilters {
  userId?: string;
  patientId?: string;
  action?: string;
  outcome?: AuditOutcome;
  from?: Date;
  to?: Date;
  beforeId: number | null;
  limit: number;
}

export interface AuditSearchRow {
  id: number;
  at: Date;
  actor_user_id: string | null;
  actor_name: string | null;
  actor_roles: string[];
  actor_system_name: string | null;
  patient_id: string | null;
  action: string;
  resource_type: string;
  resource_id: string | null;
  outcome: string;
  ip: string | null;
  request_id: string | null;
}

/** Administrators' search over the whole audit log (the caller has checked the admin role). */
export async function searchAuditLog(db: Db, filters: AuditSearchFilters): Promise<AuditSearchRow[]> {
  let query = db
    .selectFrom("audit_log as a")
    .leftJoin("users as u", "u.id", "a.actor_user_id")
    .select([
      "a.id",
      "a.at",
      "a.actor_user_id",
      "u.display_name as actor_name",
      "a.actor_roles",
      "a.actor_system_name",
      "a.patient_id",
      "a.action",
      "a.resource_type",
      "a.resource_id",
      "a.outcome",
      "a.ip",
      "a.request_id",
    ]);
  if (filters.userId) query = query.where("a.actor_user_id", "=", filters.userId);
  if (filters.patientId) query = query.where("a.patient_id", "=", filters.patientId);
  if (filters.action) query = query.where("a.action", "=", filters.action);
  if (filters.outcome) query = query.where("a.outcome", "=", filters.outcome);
  if (filters.from) query = query.where("a.at", ">=", filters.from);
  if (filters.to) query = query.where("a.at", "<", filters.to);
  if (filters.beforeId !== null) query = query.where("a.id", "<", filters.beforeId);
  return query.orderBy("a.id", "desc").limit(filters.limit).execute();
}
