import { type RawBuilder, sql, type Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";

/**
 * Every column that points at a patient chart. Merging a chart into another repoints each of
 * them, in one transaction. Modules declare their columns in their manifest
 * (`patientReferences` in `modules/<area>/module.ts`; `modules/registry.ts` registers them); any foreign key to `patients(id)` that nobody registered is found
 * in the catalogue at merge time and moved too, so a forgotten registration cannot strand rows.
 */
export interface PatientReference {
  table: string;
  column: string;
  /** why it is there: shown nowhere, read by people */
  note?: string;
  /**
   * An extra SQL condition on the rows to move, for columns under a unique constraint: rows
   * that would collide stay on the merged chart (still reachable through `merged_into_id`).
   */
  onlyWhere?: (ids: { source: string; target: string }) => RawBuilder<unknown>;
}

/** References that must NOT move: the merge bookkeeping itself. */
const NEVER_MOVED = new Set([
  "patients.merged_into_id",
  "patient_merges.source_patient_id",
  "patient_merges.target_patient_id",
]);

/**
 * Kept where they are on purpose: the audit log is append-only (the database refuses UPDATE)
 * and says what happened to which chart at the time; the merged chart keeps its id and points
 * at the surviving one through `merged_into_id`, so those rows stay valid and findable.
 */
const KEPT = new Set(["audit_log.patient_id"]);

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

class PatientReferenceRegistry {
  readonly #references = new Map<string, PatientReference>();

  register(reference: PatientReference): void {
    if (!IDENTIFIER.test(reference.table) || !IDENTIFIER.test(reference.column)) {
      throw new Error(`not a valid column reference: ${reference.table}.${reference.column}`);
    }
    this.#references.set(`${reference.table}.${reference.column}`, reference);
  }

  get registered(): PatientReference[] {
    return [...this.#references.values()];
  }

  /** The registered columns plus every foreign key to patients(id) found in the catalogue. */
  async resolve(trx: Transaction<DB>): Promise<PatientReference[]> {
    const { rows } = await sql<{ table_name: string; column_name: string }>`
      select cl.relname as table_name, att.attname as column_name
      from pg_constraint con
      join pg_class cl on cl.oid = con.conrelid
      join pg_namespace ns on ns.oid = cl.relnamespace
      join pg_attribute att on att.attrelid = con.conrelid and att.attnum = any (con.conkey)
      where con.contype = 'f' and con.confrelid = 'patients'::regclass and ns.nspname = current_schema()
    `.execute(trx);
    const all = new Map(this.#references);
    for (const row of rows) {
      const key = `${row.table_name}.${row.column_name}`;
      if (!all.has(key)) all.set(key, { table: row.table_name, column: row.column_name, note: "foreign key" });
    }
    return [...all.entries()]
      .filter(([key]) => !NEVER_MOVED.has(key) && !KEPT.has(key))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([, reference]) => reference);
  }
}

export const patientReferences = new PatientReferenceRegistry();
