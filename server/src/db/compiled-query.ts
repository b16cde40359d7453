import { type Compilable, CompiledQuery, type Kysely, type RawBuilder, sql, type Transaction } from "kysely";
import { preparedStatement } from "./database.ts";
import type { DB } from "./schema.ts";

type Db = Kysely<DB> | Transaction<DB>;

/** A parameter slot: a value no caller sends, replaced by the argument of that name on each run. */
const slot = (name: string) => `\u0000slot:${name}\u0000`;

/**
 * A hot query built and compiled by Kysely once, then run as a named prepared statement
 * (`preparedStatement` in database.ts): each request only binds its arguments. Building and
 * compiling a query with a few joins costs Node more than sending it, and PostgreSQL can keep
 * one plan per connection instead of planning on every request (it does once it settles on the
 * generic plan: lists of ids go in through `uuidList` for that).
 *
 *   const listOf = compiledQuery("portico_things_of_patient", (db, { patientId }: { patientId: string }) =>
 *     db.selectFrom("things").selectAll().where("patient_id", "=", patientId));
 *   const rows = await listOf(currentDb(db), { patientId });
 *
 * `build` receives placeholders, not the arguments: it must use each only as ONE bound value
 * (`where(col, "=", value)`; a list of ids as `uuidList(ids)`, not `where(col, "in", ids)`),
 * never to decide the shape of the query.
 */
export function compiledQuery<Args extends Record<string, unknown>, Row>(
  name: string,
  build: (db: Db, args: Args) => Compilable<Row>,
): (db: Db, args: Args) => Promise<Row[]> {
  let compiled: { sql: string; parameters: readonly unknown[]; names: (string | undefined)[] } | undefined;
  return async (db, args) => {
    if (!compiled) {
      const placeholders = Object.fromEntries(Object.keys(args).map((key) => [key, slot(key)])) as unknown as Args;
      const query = build(db, placeholders).compile();
      const bySlot = new Map(Object.keys(args).map((key) => [slot(key), key]));
      const names = query.parameters.map((p) => (typeof p === "string" ? bySlot.get(p) : undefined));
      for (const key of Object.keys(args)) {
        if (!names.includes(key)) throw new Error(`compiledQuery ${name}: argument "${key}" is not a bound value`);
      }
      compiled = { sql: preparedStatement(name, query.sql), parameters: query.parameters, names };
    }
    const { sql: text, parameters, names } = compiled;
    const values = parameters.map((p, i) => {
      const key = names[i];
      return key === undefined ? p : args[key];
    });
    const result = await db.executeQuery<Row>(CompiledQuery.raw(text, values));
    return result.rows;
  };
}

/**
 * A list of ids as a prepared statement should bind it (`col = any(${uuidList(ids)})`): behind a
 * sub-select, so the planner sees neither its length nor its values. With the list in view
 * (`any($1::uuid[])`) and current statistics, PostgreSQL often finds a plan for the values at hand
 * cheaper than the generic plan and plans the statement again on every run (`custom_plans` in
 * `pg_prepared_statements` climbing, `generic_plans` staying at 0); behind a sub-select both
 * cost the same, so it keeps the generic plan from the sixth run on. The column's index is used
 * either way.
 */
export function uuidList(ids: readonly string[]): RawBuilder<string[]> {
  return sql<string[]>`(select ${ids}::uuid[])::uuid[]`;
}
