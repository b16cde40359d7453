import { type Expression, type SqlBool, sql } from "kysely";
import { type Actor, currentContext } from "../../platform/context.ts";
import { currentDb } from "../../platform/transaction.ts";
import { visibleTo } from "../../platform/work-queue/visibility.ts";
import { REFERRAL_QUEUE, REFERRAL_SUBJECT, type ReferralServiceDeps } from "./referral-shared.ts";

/**
 * Who decides a referral: the patient's primary care practice — their PCP, the nurses at the
 * PCP's locations, whoever holds its work item — or, for a patient with no PCP, any physician
 * or nurse. Asked before the access check, so that the check carries the queue reason.
 */

const isClinician = (actor: Actor) => actor.roles.includes("physician") || actor.roles.includes("nurse");

/** The SQL condition "the actor works this referral's primary care practice" on alias `r`. */
export function inPractice(actor: Actor): Expression<SqlBool> {
  if (actor.kind === "system") return sql<SqlBool>`true`;
  if (actor.kind !== "user" || !actor.userId) return sql<SqlBool>`false`;
  if (!isClinician(actor)) return sql<SqlBool>`false`;
  const conditions = [
    // a patient without a primary care physician: any physician or nurse may take it
    sql<SqlBool>`r.pcp_provider_id is null`,
    sql<SqlBool>`exists (select 1 from work_items rw where rw.queue = ${REFERRAL_QUEUE} and rw.subject_type = ${REFERRAL_SUBJECT} and rw.subject_id = r.id and ${visibleTo(actor, "rw")})`,
  ];
  if (actor.roles.includes("physician") && actor.providerId) {
    conditions.push(sql<SqlBool>`r.pcp_provider_id = ${actor.providerId}`);
  }
  if (actor.roles.includes("nurse")) {
    conditions.push(
      sql<SqlBool>`r.pcp_provider_id in (select rpl.provider_id from provider_locations rpl join staff_locations rsl on rsl.location_id = rpl.location_id where rsl.user_id = ${actor.userId})`,
    );
  }
  return sql<SqlBool>`(${sql.join(conditions, sql` or `)})`;
}

/** Which of these referrals the caller may decide (their practice's). */
export async function mayDecide(d: Pick<ReferralServiceDeps, "db">, ids: readonly string[]): Promise<Set<string>> {
  const actor = currentContext().actor;
  if (actor.kind !== "user" || !isClinician(actor)) return new Set();
  const rows = await currentDb(d.db)
    .selectFrom("referrals as r")
    .select("r.id")
    .where("r.id", "in", ids)
    .where(inPractice(actor))
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Whether the caller works the patient's primary care practice (a nurse or physician who may decide its referrals). */
export async function practiceOf(d: Pick<ReferralServiceDeps, "db">, patientId: string): Promise<boolean> {
  const actor = currentContext().actor;
  if (actor.kind !== "user" || !isClinician(actor)) return false;
  const pcp = await currentDb(d.db)
    .selectFrom("patients")
    .select("pcp_provider_id")
    .where("id", "=", patientId)
    .executeTakeFirst();
  return pcp ? worksPractice(d, actor, pcp.pcp_provider_id) : false;
}

/** Whether the caller works the practice of this referral of this patient. */
export async function practiceOfReferral(
  d: Pick<ReferralServiceDeps, "db">,
  patientId: string,
  referralId: string,
): Promise<boolean> {
  return (
    (await currentDb(d.db)
      .selectFrom("referrals as r")
      .select("r.id")
      .where("r.id", "=", referralId)
      .where("r.patient_id", "=", patientId)
      .where(inPractice(currentContext().actor))
      .executeTakeFirst()) !== undefined
  );
}

async function worksPractice(
  d: Pick<ReferralServiceDeps, "db">,
  actor: Actor,
  pcpProviderId: string | null,
): Promise<boolean> {
  if (actor.kind !== "user" || !actor.userId) return false;
  if (!isClinician(actor)) return false;
  if (pcpProviderId === null) return true;
  if (actor.roles.includes("physician") && actor.providerId === pcpProviderId) return true;
  if (!actor.roles.includes("nurse")) return false;
  const row = await currentDb(d.db)
    .selectFrom("provider_locations as pl")
    .innerJoin("staff_locations as sl", "sl.location_id", "pl.location_id")
    .select("pl.provider_id")
    .where("pl.provider_id", "=", pcpProviderId)
    .where("sl.user_id", "=", actor.userId)
    .executeTakeFirst();
  return row !== undefined;
}
