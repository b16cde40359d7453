import type { RecordSection } from "../../records/section.ts";
import { changedAt, type Db, type FhirSource } from "../resource-type.ts";

/**
 * the tables of patient records a FHIR resource is one row of (id and patient_id columns); not
 * `patients`, whose rows read by id are named where they are read (scoped-access-coverage.test.ts)
 */
type RecordTable =
  | "appointments"
  | "referrals"
  | "medications"
  | "questionnaire_responses"
  | "visit_surveys"
  | "proxy_grants"
  | "messages"
  | "files";

/** the patient a row of this table belongs to (by the row's own id), or undefined */
export const ownerIn =
  (table: RecordTable): FhirSource["ownerOf"] =>
  async (db: Db, id: string) =>
    (await db.selectFrom(table).select("patient_id").where("id", "=", id).executeTakeFirst())?.patient_id ?? undefined;

/** the same, for a row not of the kind left out (a message that is no internal note, a file that is no attachment) */
export const ownerOfKindBut =
  (table: "messages" | "files", kind: string): FhirSource["ownerOf"] =>
  async (db: Db, id: string) =>
    (await db.selectFrom(table).select("patient_id").where("id", "=", id).where("kind", "<>", kind).executeTakeFirst())
      ?.patient_id ?? undefined;

/** when each row of this table last changed, from one of its time columns */
export const changedIn =
  (table: RecordTable, column: "updated_at" | "created_at"): FhirSource["lastUpdated"] =>
  (db, ids) =>
    changedAt(
      db
        .selectFrom(table)
        .select(["id", `${column} as at`])
        .where("id", "in", ids)
        .execute(),
    );

/** A source whose resources are the rows of one table, each the patient's in its `patient_id`. */
export const recordSource = (
  section: string | RecordSection,
  table: RecordTable,
  changed: "updated_at" | "created_at",
): FhirSource => ({ section, ownerOf: ownerIn(table), lastUpdated: changedIn(table, changed) });
