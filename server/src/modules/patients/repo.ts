import type { InsuranceCoverageInput } from "@portico/contracts";
import { type Insertable, type Kysely, sql, type Transaction, type Updateable } from "kysely";
import type { DB } from "../../db/schema.ts";

type Db = Kysely<DB> | Transaction<DB>;
export type PatientInsert = Insertable<DB["patients"]>;
export type PatientUpdate = Updateable<DB["patients"]>;

/** Kysely queries for patient charts. No rules here: the service checks access first. */

export const PROFILE_COLUMNS = [
  "p.id",
  "p.mrn",
  "p.status",
  "p.user_id",
  "p.legal_given_name",
  "p.legal_family_name",
  "p.preferred_name",
  "p.date_of_birth",
  "p.sex",
  "p.gender_identity",
  "p.phone",
  "p.email",
  "p.address",
  "p.preferred_language",
  "p.time_zone",
  "p.emergency_contact",
  "p.preferred_pharmacy_id",
  "p.pcp_provider_id",
  "p.merged_into_id",
  "p.registration_source",
  "p.possible_duplicate_ids",
  "p.created_at",
  "p.updated_at",
] as const;

export function findPatient(db: Db, patientId: string) {
  return db
    .selectFrom("patients as p")
    .leftJoin("pharmacies as ph", "ph.id", "p.preferred_pharmacy_id")
    .leftJoin("providers as pr", "pr.id", "p.pcp_provider_id")
    .select(PROFILE_COLUMNS)
    .select(["ph.name as pharmacy_name", "pr.display_name as pcp_name", "pr.specialty as pcp_specialty"])
    .where("p.id", "=", patientId)
    .executeTakeFirst();
}
export type PatientRow = NonNullable<Awaited<ReturnType<typeof findPatient>>>;

export function coveragesOf(db: Db, patientId: string) {
  return db.selectFrom("insurance_coverages").selectAll().where("patient_id", "=", patientId).orderBy("rank").execute();
}
export type CoverageRow = Awaited<ReturnType<typeof coveragesOf>>[number];

export async function pendingIdentityRequestId(db: Db, patientId: string): Promise<string | null> {
  const row = await db
    .selectFrom("identity_change_requests")
    .select("id")
    .where("patient_id", "=", patientId)
    .where("status", "=", "pending")
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function nextMrn(db: Db): Promise<string> {
  const { rows } = await sql<{ n: number }>`select nextval('patient_mrn_seq')::int8 as n`.execute(db);
  return `P${rows[0]?.n}`;
}

export async function insertPatient(db: Db, values: PatientInsert): Promise<string> {
  const { id } = await db.insertInto("patients").values(values).returning("id").executeTakeFirstOrThrow();
  return id;
}

export async function replaceCoverages(db: Db, patientId: string, coverages: readonly InsuranceCoverageInput[]) {
  await db.deleteFrom("insurance_coverages").where("patient_id", "=", patientId).execute();
  if (coverages.length === 0) return;
  await db
    .insertInto("insurance_coverages")
    .values(
      coverages.map((c) => ({
        patient_id: patientId,
        rank: c.rank ?? "primary",
        payer_name: c.payerName.trim(),
        member_id: c.memberId.trim(),
        group_number: c.groupNumber?.trim() ?? null,
        subscriber_name: c.subscriberName.trim(),
        subscriber_relationship: c.subscriberRelationship,
        card_front_file_id: c.cardFrontFileId ?? null,
        card_back_file_id: c.cardBackFileId ?? null,
      })),
    )
    .execute();
}

/** Files that belong to this patient among `ids` (a coverage may only point at its own chart's files). */
export async function ownFileIds(db: Db, patientId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom("files")
    .select("id")
    .where("patient_id", "=", patientId)
    .where("id", "in", [...ids])
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Charts that could be the same person: same or nearby birth date, or same phone or email. */
export function duplicateCandidates(
  db: Db,
  facts: { birthDates: string[]; phoneDigits: string | null; email: string | null; excludeId?: string },
) {
  return db
    .selectFrom("patients as p")
    .select([
      "p.id",
      "p.mrn",
      "p.status",
      "p.legal_given_name",
      "p.legal_family_name",
      "p.preferred_name",
      "p.date_of_birth",
      "p.sex",
      "p.phone",
      "p.email",
    ])
    .where("p.status", "in", ["active", "pending_verification"])
    .where((eb) => {
      const any = [eb("p.date_of_birth", "in", facts.birthDates)];
      if (facts.phoneDigits) any.push(eb("p.phone_digits", "=", facts.phoneDigits));
      if (facts.email) any.push(eb("p.email_normalized", "=", facts.email));
      return eb.or(any);
    })
    .$if(Boolean(facts.excludeId), (qb) => qb.where("p.id", "!=", facts.excludeId as string))
    .limit(500)
    .execute();
}
export type CandidateRow = Awaited<ReturnType<typeof duplicateCandidates>>[number];

export function candidatesById(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([] as CandidateRow[]);
  return db
    .selectFrom("patients as p")
    .select([
      "p.id",
      "p.mrn",
      "p.status",
      "p.legal_given_name",
      "p.legal_family_name",
      "p.preferred_name",
      "p.date_of_birth",
      "p.sex",
      "p.phone",
      "p.email",
    ])
    .where("p.id", "in", [...ids])
    .execute();
}
