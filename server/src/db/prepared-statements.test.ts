import { CompiledQuery, sql } from "kysely";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../test/database.ts";
import { preparedStatement } from "./database.ts";

describe("hot queries as named prepared statements", () => {
  const database = useTestDatabase();
  it("prepares a marked query once per connection and reuses it; unmarked queries are not prepared", async () => {
    const marked = preparedStatement("portico_test_probe", "select $1::int + 1 as n");
    const names = await database.db.transaction().execute(async (trx) => {
      for (const value of [1, 2, 3]) {
        const result = await trx.executeQuery<{ n: number }>(CompiledQuery.raw(marked, [value]));
        expect(result.rows[0]?.n).toBe(value + 1);
      }
      await sql`select ${1}::int as unmarked`.execute(trx);
      if (database.kind !== "postgres") return [];
      const { rows } = await sql<{ name: string }>`select name from pg_prepared_statements`.execute(trx);
      return rows.map((r) => r.name);
    });
    if (database.kind === "postgres") expect(names).toEqual(["portico_test_probe"]);
  });

  it("refuses a name that could break out of the mark", () => {
    expect(() => preparedStatement("x */ select 1 /*", "select 1")).toThrow();
  });
});
