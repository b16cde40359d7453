import type { InsuranceCoverageInput } from "@portico/contracts";
import { type Insertable, type Kysely, sql, type Transaction, type Updateable } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { PatientAccess } from "../../platform/access/patient-access.ts";
import { patientRows } from "../../platform/access/scoped-query.ts";

type Db = Kysely<DB> | Transaction<DB>;
export type PatientInsert = Insertable<DB["patients"]>;
export type PatientUpdate = Updateable<DB["patients"]>;

/**
 * Kysely queries for patient charts. No rules here: the service checks access first, and every
 * function that reads or writes one patient's rows takes the audited `PatientAccess` and builds
 * its query through the scoped builder (`patientRows`), which adds the patient filter itself.
 */

/** what reading a chart needs: its profile, or (a parent of an adolescent) its summary */
const CHART_SCOPES = ["profile", "summary"] as const;

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

export function findPatient(db: Db, access: PatientAccess) {
  return patientRows(access, CHART_SCOPES)
    .chart(db)
    .leftJoin("pharmacies as ph", "ph.id", "p.preferred_pharmacy_id")
    .leftJoin("providers as pr", "pr.id", "p.pcp_provider_id")
    .select(PROFILE_COLUMNS)
    .select(["ph.name as pharmacy_name", "pr.display_name as pcp_name", "pr.specialty as pcp_specialty"])
    .executeTakeFirst();
}
export type PatientRow = NonNullable<Awaited<ReturnType<typeof findPatient>>>;

export function coveragesOf(db: Db, access: PatientAccess) {
  return patientRows(access, "profile").selectFrom(db, "insurance_coverages").selectAll().orderBy("rank").execute();
}
export type CoverageRow = Awaited<ReturnType<typeof coveragesOf>>[number];

export async function pendingIdentityRequestId(db: Db, access: PatientAccess): Promise<string | null> {
  const row = await patientRows(access, "profile")
    .selectFrom(db, "identity_change_requests")
    .select("id")
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

/** The chart's status and login, locked for a status change. */
export function lockChart(db: Db, access: PatientAccess) {
  return patientRows(access, "profile", "write")
    .chart(db)
    .select(["p.id", "p.status", "p.user_id"])
    .forUpdate()
    .executeTakeFirst();
}

/** Changes the chart's own columns (write access to the profile). */
export async function updateChart(db: Db, access: PatientAccess, set: PatientUpdate): Promise<void> {
  await patientRows(access, "profile", "write").updateChart(db).set(set).execute();
}

/** The chart's preferred language (as written on it). */
export async function chartLanguage(db: Db, access: PatientAccess): Promise<string | null> {
  const row = await patientRows(access, CHART_SCOPES).chart(db).select("p.preferred_language").executeTakeFirst();
  return row?.preferred_language ?? null;
}

/** Where a registration's emails go: the applicant's login address, else the chart's. */
export async function applicantAddress(db: Db, access: PatientAccess): Promise<string | null> {
  const row = await patientRows(access, "profile")
    .chart(db)
    .leftJoin("users as u", "u.id", "p.user_id")
    .select(["p.email", "u.email as userEmail"])
    .executeTakeFirst();
  return row?.userEmail ?? row?.email ?? null;
}

export async function replaceCoverages(db: Db, access: PatientAccess, coverages: readonly InsuranceCoverageInput[]) {
  const rows = patientRows(access, "profile", "write");
  await rows.deleteFrom(db, "insurance_coverages").execute();
  if (coverages.length === 0) return;
  await db
    .insertInto("insurance_coverages")
    .values(
      coverages.map((c) =>
        rows.stamp({
          rank: c.rank ?? "primary",
          payer_name: c.payerName.trim(),
          member_id: c.memberId.trim(),
          group_number: c.groupNumber?.trim() ?? null,
          subscriber_name: c.subscriberName.trim(),
          subscriber_relationship: c.subscriberRelationship,
          card_front_file_id: c.cardFrontFileId ?? null,
          card_back_file_id: c.cardBackFileId ?? null,
        }),
      ),
    )
    .execute();
}

/** Files that belong to this patient among `ids` (a coverage may only point at its own chart's files). */
export async function ownFileIds(db: Db, access: PatientAccess, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await patientRows(access, "profile")
    .selectFrom(db, "files")
    .select("id")
    .where("id", "in", [...ids])
    .execute();
  return new Set(rows.map((r) => r.id));
}

const candidateColumns = [
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
] as const;

/** Charts that could be the same person: same or nearby birth date, or same phone or email. */
export function duplicateCandidates(
  db: Db,
  facts: { birthDates: string[]; phoneDigits: string | null; email: string | null; excludeId?: string },
) {
  return db
    .selectFrom("patients as p")
    .select(candidateColumns)
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
    .select(candidateColumns)
    .where("p.id", "in", [...ids])
    .execute();
}
