import { sql } from "kysely";
import type { Database } from "../../db/database.ts";
import type { AccessService } from "../../platform/access/patient-access.ts";
import type { AuditLog } from "../../platform/audit/audit-log.ts";
import type { Clock } from "../../platform/clock.ts";
import { notFound } from "../../platform/errors.ts";
import type { currentDb } from "../../platform/transaction.ts";

/** What the settings of messaging share: their dependencies, the clinicians they choose from, JSON columns, the clinic's zone. */

export interface SettingsDeps {
  db: Database;
  clock: Clock;
  access: AccessService;
  audit: AuditLog;
}

type Db = ReturnType<typeof currentDb>;

export const CLINICAL_ROLES = ["nurse", "physician"] as const;

/** The signed-in clinician's user id, once they hold one of `roles` (their own settings). */
export async function selfId(
  d: SettingsDeps,
  roles: "physician" | typeof CLINICAL_ROLES,
  resourceType: string,
  action: string,
): Promise<string> {
  const actor = await d.access.authorizeStaff(roles, { resourceType, action });
  return actor.userId as string;
}

/** The row `id` of `table`, locked for the change that follows; 404 (`what`) when there is none. */
export async function lockForUpdate(
  trx: Db,
  table: "message_pools" | "locations",
  id: string,
  what: string,
): Promise<void> {
  const row = await trx.selectFrom(table).select("id").where("id", "=", id).forUpdate().executeTakeFirst();
  if (!row) throw notFound(what);
}

/** A JSON column's value (PGlite hands some back as text). */
export const jsonValue = <T>(value: unknown): T => (typeof value === "string" ? JSON.parse(value) : value) as T;

/** A clinician's roles, for `select` over `users as u`. */
export const clinicianRoles = () =>
  sql<
    string[]
  >`array(select r.role from user_roles r where r.user_id = u.id and r.role in ('nurse', 'physician') order by r.role)`.as(
    "roles",
  );

/** Active users who are nurses or physicians, by name (each once). */
export function activeClinicians(db: Db) {
  return db
    .selectFrom("users as u")
    .where("u.status", "=", "active")
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom("user_roles as r")
          .select("r.user_id")
          .whereRef("r.user_id", "=", "u.id")
          .where("r.role", "in", CLINICAL_ROLES),
      ),
    )
    .orderBy("u.display_name");
}

/** The ids of active nurses and physicians, to narrow to the ones asked about. */
export function activeClinicianIds(db: Db) {
  return db
    .selectFrom("users as u")
    .innerJoin("user_roles as r", "r.user_id", "u.id")
    .select("u.id")
    .where("u.status", "=", "active")
    .where("r.role", "in", CLINICAL_ROLES);
}

/** The zone of the clinic's first location, or UTC. */
export async function firstLocationZone(db: Db): Promise<string> {
  const row = await db
    .selectFrom("locations")
    .select("time_zone")
    .orderBy("created_at")
    .orderBy("name")
    .executeTakeFirst();
  return row?.time_zone ?? "UTC";
}
