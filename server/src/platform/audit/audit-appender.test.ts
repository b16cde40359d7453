import { randomUUID } from "node:crypto";
import type { Insertable } from "kysely";
import { describe, expect, it } from "vitest";
import type { Database } from "../../db/database.ts";
import type { AuditLogTable } from "../../db/tables/audit.ts";
import { useTestDatabase } from "../../test/database.ts";
import { AuditAppender } from "./audit-appender.ts";

const row = (requestId: string, action = "read"): Insertable<AuditLogTable> => ({
  at: new Date(),
  actor_user_id: null,
  actor_kind: "system",
  actor_system_name: "appender-test",
  actor_roles: [],
  acting_as: "system",
  patient_id: null,
  proxy_grant_id: null,
  action,
  resource_type: "appointment",
  resource_id: null,
  outcome: "success",
  ip: null,
  user_agent: null,
  request_id: requestId,
  details: "{}",
});

/** counts the INSERT statements that reach the database */
function counting(db: Database): { db: Database; inserts: () => number } {
  let inserts = 0;
  const counted = db.withPlugin({
    transformQuery: (args) => {
      if (args.node.kind === "InsertQueryNode") inserts++;
      return args.node;
    },
    transformResult: async (args) => args.result,
  });
  return { db: counted, inserts: () => inserts };
}

describe("audit appender (group commit)", () => {
  const database = useTestDatabase();
  const stored = (ids: string[]) =>
    database.db.selectFrom("audit_log").select("request_id").where("request_id", "in", ids).execute();

  it("resolves each caller only once its rows are committed, in fewer statements than callers", async () => {
    const { db, inserts } = counting(database.db);
    const appender = new AuditAppender(db);
    const ids = Array.from({ length: 40 }, () => `req-${randomUUID()}`);
    const seen: number[] = [];
    await Promise.all(
      ids.map(async (id) => {
        await appender.append([row(id)]);
        // committed by the time the caller goes on: another connection sees it
        seen.push((await stored([id])).length);
      }),
    );
    expect(seen.every((n) => n === 1)).toBe(true);
    expect((await stored(ids)).length).toBe(40);
    expect(inserts()).toBeLessThan(40);
    expect(appender.queued).toBe(0);
  });

  it("fails only the caller whose row is refused, and writes the others", async () => {
    const appender = new AuditAppender(database.db);
    const good = Array.from({ length: 5 }, () => `req-${randomUUID()}`);
    const bad = `req-${randomUUID()}`;
    // an outcome outside the CHECK constraint is refused by the database
    const results = await Promise.allSettled([
      ...good.map((id) => appender.append([row(id)])),
      appender.append([{ ...row(bad), outcome: "not-an-outcome" as "success" }]),
      ...good.map((id) => appender.append([row(`${id}-2`)])),
    ]);
    expect(results.filter((r) => r.status === "rejected")).toHaveLength(1);
    expect(results[5]?.status).toBe("rejected");
    expect((await stored([...good, ...good.map((id) => `${id}-2`)])).length).toBe(10);
    expect((await stored([bad])).length).toBe(0);
  });
});
