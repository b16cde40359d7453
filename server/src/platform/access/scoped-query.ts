import {
  type DeleteQueryBuilder,
  type DeleteResult,
  type Kysely,
  type SelectQueryBuilder,
  type SqlBool,
  sql,
  type UpdateQueryBuilder,
  type UpdateResult,
} from "kysely";
import type { DB } from "../../db/schema.ts";
import { ensurePatientScopedQuery, type PatientAccess } from "./patient-access.ts";
import type { AccessAction, PatientScope } from "./policy.ts";

type Db = Kysely<DB>;

/** The tables whose rows belong to one patient through a `patient_id` column. */
export type PatientRowTable = { [T in keyof DB]: "patient_id" extends keyof DB[T] ? T : never }[keyof DB];

/** Tables with a `confidential` flag: rows a proxy may never see (left out for them by every scoped query). */
type ConfidentialTable = { [T in PatientRowTable]: "confidential" extends keyof DB[T] ? T : never }[PatientRowTable];
const CONFIDENTIAL_TABLES: ReadonlySet<string> = new Set<ConfidentialTable>(["medications"]);

type NothingSelected = {};
type Aliased<T extends keyof DB, A extends string> = DB & { [K in A]: DB[T] };

/**
 * Queries on one patient's rows, made only from an audited `PatientAccess`: every builder it
 * hands out already filters on that patient (and, when the access says so, leaves out rows
 * marked confidential), so a repository cannot forget either filter or use another patient's id.
 *
 *   const rows = patientRows(access, "profile");
 *   rows.chart(db).select(["p.legal_given_name"]).executeTakeFirst();
 *   rows.selectFrom(db, "insurance_coverages").selectAll().execute();
 *   rows.updateChart(db).set({ phone }).execute();
 *
 * `scope` and `action` are checked against the access as `ensurePatientScopedQuery` does: an
 * access for another scope, or a read access used for `updateChart`/`updateTable`/`deleteFrom`/
 * `stamp`, is a programming error (it throws).
 */
export class PatientRows {
  readonly #access: PatientAccess;
  readonly #scope: PatientScope | readonly PatientScope[];
  /** the patient every query here is about */
  readonly patientId: string;

  constructor(access: PatientAccess, scope: PatientScope | readonly PatientScope[], action: AccessAction = "read") {
    this.patientId = ensurePatientScopedQuery(access, scope, action);
    this.#access = access;
    this.#scope = scope;
  }

  /** whether rows marked confidential may be shown (false for proxies) */
  get includeConfidential(): boolean {
    return this.#access.includeConfidential;
  }

  /** The patient's chart itself, as `patients as p`. */
  chart(db: Db): SelectQueryBuilder<Aliased<"patients", "p">, "p", NothingSelected> {
    return db.selectFrom("patients as p").where("p.id", "=", this.patientId);
  }

  /** An update of the patient's chart (write access only). */
  updateChart(db: Db): UpdateQueryBuilder<DB, "patients", "patients", UpdateResult> {
    this.#writing();
    return db.updateTable("patients").where("patients.id", "=", this.patientId);
  }

  /** The patient's rows of `table` (as `alias` when given), confidential ones left out when the access says so. */
  selectFrom<T extends PatientRowTable, A extends string = T>(
    db: Db,
    table: T,
    alias?: A,
  ): SelectQueryBuilder<Aliased<T, A>, A, NothingSelected> {
    const name = alias ?? table;
    // biome-ignore lint/suspicious/noExplicitAny: the table name is checked by the signature; Kysely cannot type a generic one
    const query = (db as Kysely<any>).selectFrom(alias ? `${table} as ${alias}` : table) as SelectQueryBuilder<
      Aliased<T, A>,
      A,
      NothingSelected
    >;
    return query.where(this.#filter(table, name));
  }

  /** An update of the patient's rows of `table` (write access only; confidential ones out of reach when the access says so). */
  updateTable<T extends PatientRowTable>(db: Db, table: T): UpdateQueryBuilder<DB, T, T, UpdateResult> {
    this.#writing();
    return (db.updateTable(table) as UpdateQueryBuilder<DB, T, T, UpdateResult>).where(this.#filter(table, table));
  }

  /** A delete of the patient's rows of `table` (write access only). */
  deleteFrom<T extends PatientRowTable>(db: Db, table: T): DeleteQueryBuilder<DB, T, DeleteResult> {
    this.#writing();
    return (db.deleteFrom(table) as DeleteQueryBuilder<DB, T, DeleteResult>).where(this.#filter(table, table));
  }

  /** New rows for one of the patient's tables, stamped with the patient's id (write access only). */
  stamp<V extends object>(values: V): V & { patient_id: string } {
    this.#writing();
    return { ...values, patient_id: this.patientId };
  }

  #writing(): void {
    ensurePatientScopedQuery(this.#access, this.#scope, "write");
  }

  #filter(table: string, name: string) {
    const own = sql<SqlBool>`${sql.ref(`${name}.patient_id`)} = ${this.patientId}`;
    if (this.#access.includeConfidential || !CONFIDENTIAL_TABLES.has(table)) return own;
    return sql<SqlBool>`(${own} and ${sql.ref(`${name}.confidential`)} = false)`;
  }
}

/** The scoped query builder for one audited access (see `PatientRows`). */
export function patientRows(
  access: PatientAccess,
  scope: PatientScope | readonly PatientScope[],
  action: AccessAction = "read",
): PatientRows {
  return new PatientRows(access, scope, action);
}
