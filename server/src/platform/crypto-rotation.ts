import { sql } from "kysely";
import type { Database } from "../db/database.ts";
import type { FieldCipher } from "./crypto.ts";

/**
 * Every column that holds values sealed by `FieldCipher`, so that key rotation can re-seal
 * them with the current key. The module that owns a column declares it in its manifest
 * (`sealedColumns` in `modules/<area>/module.ts`); `modules/registry.ts` registers it here.
 */
export interface SealedColumn {
  table: string;
  idColumn: string;
  column: string;
  /** the associated data the value was sealed with: fixed, or derived from the row id */
  associatedData: string | ((id: string) => string);
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;
const columns = new Map<string, SealedColumn>();

export function registerSealedColumn(
  table: string,
  idColumn: string,
  column: string,
  associatedData: SealedColumn["associatedData"],
): void {
  for (const name of [table, idColumn, column]) {
    if (!IDENTIFIER.test(name)) throw new Error(`"${name}" is not a plain SQL identifier`);
  }
  const key = `${table}.${column}`;
  const existing = columns.get(key);
  if (existing && (existing.idColumn !== idColumn || existing.associatedData !== associatedData)) {
    throw new Error(`sealed column ${key} is registered twice with different settings`);
  }
  columns.set(key, { table, idColumn, column, associatedData });
}

export function sealedColumns(): SealedColumn[] {
  return [...columns.values()].sort((a, b) => `${a.table}.${a.column}`.localeCompare(`${b.table}.${b.column}`));
}

export interface ResealResult {
  table: string;
  column: string;
  /** values re-sealed with the current key */
  resealed: number;
  /** values that could not be opened (their key is not in the ring): left as they were */
  failed: number;
}

/**
 * Re-seals every registered value not sealed with the current key, in batches, each row
 * updated only if it still holds the value that was read (a concurrent write wins). Safe to
 * run while servers are running and to run again.
 */
export async function resealColumns(
  db: Database,
  cipher: FieldCipher,
  options: { batchSize?: number } = {},
): Promise<ResealResult[]> {
  const batchSize = options.batchSize ?? 200;
  const prefix = `v1.${cipher.currentKeyId}.`;
  const results: ResealResult[] = [];
  for (const target of sealedColumns()) {
    const result: ResealResult = { table: target.table, column: target.column, resealed: 0, failed: 0 };
    const table = sql.table(target.table);
    const id = sql.ref(target.idColumn);
    const column = sql.ref(target.column);
    let after: string | null = null;
    for (;;) {
      const { rows }: { rows: { id: string; value: string }[] } = await sql<{ id: string; value: string }>`
        select ${id}::text as id, ${column} as value from ${table}
        where ${column} is not null and left(${column}, ${prefix.length}) <> ${prefix}
          ${after === null ? sql`` : sql`and ${id} > ${after}`}
        order by ${id} limit ${batchSize}`.execute(db);
      if (rows.length === 0) break;
      for (const row of rows) {
        const ad = typeof target.associatedData === "string" ? target.associatedData : target.associatedData(row.id);
        let resealed: string;
        try {
          resealed = cipher.seal(cipher.openBuffer(row.value, ad), ad);
        } catch {
          result.failed++;
          continue;
        }
        const updated = await sql`
          update ${table} set ${column} = ${resealed}
          where ${id} = ${row.id} and ${column} = ${row.value}`.execute(db);
        if (Number(updated.numAffectedRows ?? 0) > 0) result.resealed++;
      }
      after = (rows.at(-1) as { id: string }).id;
    }
    results.push(result);
  }
  return results;
}

/** How many registered values are sealed with each key id (for the rotate command's report). */
export async function countByKey(db: Database): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const target of sealedColumns()) {
    const { rows } = await sql<{ kid: string; n: number }>`
      select split_part(${sql.ref(target.column)}, '.', 2) as kid, count(*)::int as n from ${sql.table(target.table)}
      where ${sql.ref(target.column)} is not null group by 1`.execute(db);
    for (const row of rows) counts[row.kid || "(unreadable)"] = (counts[row.kid || "(unreadable)"] ?? 0) + row.n;
  }
  return counts;
}
