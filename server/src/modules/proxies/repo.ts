import { type Kysely, type SelectQueryBuilder, sql } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { PatientAccess } from "../../platform/access/patient-access.ts";
import { patientRows } from "../../platform/access/scoped-query.ts";

type Db = Kysely<DB>;

/**
 * Kysely queries for caregiver grants and invitations. Every query on one patient's grants or
 * invitations takes the audited `PatientAccess` (scope `proxies`) and is built by the scoped
 * builder; the only reads by another key are an invitation found by its token (the link is
 * the invitee's authority) and the grant made from it.
 */

type GrantsBase = SelectQueryBuilder<DB & { g: DB["proxy_grants"] }, "g", {}>;

/** The grant columns the lists show, with the caregiver's and granter's names and the patient's age facts. */
function grantColumns(base: GrantsBase) {
  return base
    .innerJoin("users as u", "u.id", "g.proxy_user_id")
    .innerJoin("patients as p", "p.id", "g.patient_id")
    .leftJoin("users as by", "by.id", "g.granted_by")
    .select([
      "g.id",
      "g.patient_id",
      "g.proxy_user_id",
      "g.relationship",
      "g.scopes",
      "g.starts_at",
      "g.ends_at",
      "g.reason",
      "g.revoked_at",
      "g.created_at",
      "u.display_name",
      "u.email",
      "by.display_name as granted_by_name",
      "p.date_of_birth",
      "p.status",
    ])
    .where("g.revoked_at", "is", null)
    .orderBy("g.created_at");
}

/** The patient's unrevoked grants (or only `onlyId`). */
export function grantsOf(db: Db, access: PatientAccess, onlyId?: string) {
  return grantColumns(patientRows(access, "proxies").selectFrom(db, "proxy_grants", "g"))
    .$if(onlyId !== undefined, (q) => q.where("g.id", "=", onlyId as string))
    .execute();
}
export type GrantRow = Awaited<ReturnType<typeof grantsOf>>[number];

/** One grant just made from an invitation (found by the invitation, not by an access to the patient). */
export function grantMadeFromInvitation(db: Db, grantId: string) {
  return grantColumns(db.selectFrom("proxy_grants as g")).where("g.id", "=", grantId).execute();
}

/** Invitations of this patient still waiting for an answer, newest first. */
export function waitingInvitations(db: Db, access: PatientAccess, now: Date) {
  return patientRows(access, "proxies")
    .selectFrom(db, "proxy_invitations")
    .select(["id", "email", "relationship", "scopes", "expires_at", "created_at", "from_clinic"])
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", now)
    .orderBy("created_at", "desc")
    .execute();
}

/** A grant to this user on this patient's record that is in force now. */
export function grantInForceTo(db: Db, access: PatientAccess, userId: string, now: Date) {
  return patientRows(access, "proxies")
    .selectFrom(db, "proxy_grants")
    .select("id")
    .where("proxy_user_id", "=", userId)
    .where("revoked_at", "is", null)
    .where((eb) => eb.or([eb("ends_at", "is", null), eb("ends_at", ">", now)]))
    .executeTakeFirst();
}

/** Whether `userId` is the patient's own login. */
export async function isOwnLogin(db: Db, access: PatientAccess, userId: string): Promise<boolean> {
  const own = await patientRows(access, "proxies")
    .chart(db)
    .select("p.id")
    .where("p.user_id", "=", userId)
    .executeTakeFirst();
  return own !== undefined;
}

/** The chart's preferred language, as written on it. */
export async function chartLanguage(db: Db, access: PatientAccess): Promise<string | null> {
  const row = await patientRows(access, "proxies").chart(db).select("p.preferred_language").executeTakeFirst();
  return row?.preferred_language ?? null;
}

/** Withdraws a waiting invitation to `email` (one waiting invitation per email and patient); true when there was one. */
export async function withdrawWaitingInvitationTo(db: Db, access: PatientAccess, email: string, now: Date) {
  const replaced = await patientRows(access, "proxies", "write")
    .updateTable(db, "proxy_invitations")
    .set({ revoked_at: now })
    .where(sql<string>`lower(email)`, "=", email.toLowerCase())
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", now)
    .executeTakeFirst();
  return Number(replaced.numUpdatedRows) > 0;
}

/** Ends one of the patient's grants; false when it is not theirs or already ended. */
export async function revokeGrant(db: Db, access: PatientAccess, grantId: string, by: string | null, now: Date) {
  const result = await patientRows(access, "proxies", "write")
    .updateTable(db, "proxy_grants")
    .set({ revoked_at: now, revoked_by: by })
    .where("id", "=", grantId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Withdraws one of the patient's waiting invitations; false when it is not theirs, used or withdrawn. */
export async function revokeInvitation(db: Db, access: PatientAccess, invitationId: string, now: Date) {
  const result = await patientRows(access, "proxies", "write")
    .updateTable(db, "proxy_invitations")
    .set({ revoked_at: now })
    .where("id", "=", invitationId)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** For an invitation found by its token: the status of the chart it invites to. */
export async function invitedChartStatus(db: Db, patientId: string) {
  const row = await db.selectFrom("patients").select("status").where("id", "=", patientId).executeTakeFirst();
  return row?.status ?? null;
}

/** For an invitation found by its token: whether the invitee is the patient themselves. */
export async function invitationIsToOwnChart(db: Db, patientId: string, userId: string): Promise<boolean> {
  const own = await db
    .selectFrom("patients")
    .select("id")
    .where("id", "=", patientId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return own !== undefined;
}
