import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { truncateAll, useTestDatabase } from "../../test/database.ts";
import { TestClock } from "../clock.ts";
import { type Actor, type RequestContext, runWithContext, systemActor } from "../context.ts";
import { inTransaction } from "../transaction.ts";
import { AuditLog } from "./audit-log.ts";
import { verifyAuditChain } from "./verify.ts";

const nurse: Actor = {
  kind: "user",
  userId: randomUUID(),
  roles: ["nurse"],
  patientId: randomUUID(),
  providerId: null,
  grants: [],
};

function context(actor: Actor = nurse): RequestContext {
  return { requestId: `req-${randomUUID()}`, ip: "203.0.113.7", userAgent: "Vitest/5", actor };
}

describe("audit log", () => {
  const database = useTestDatabase();
  let audit: AuditLog;
  const clock = new TestClock("2026-03-02T14:00:00Z");

  beforeAll(async () => {
    audit = new AuditLog({ db: database.db, clock });
  });

  /** link whatever has committed, then verify the whole chain */
  const verify = async (options?: Parameters<typeof verifyAuditChain>[1]) => {
    await audit.linkPending();
    return verifyAuditChain(database.db, options);
  };

  const rowsFor = (requestId: string) =>
    database.db.selectFrom("audit_log").selectAll().where("request_id", "=", requestId).orderBy("id").execute();

  /** what a database superuser could do: bypass the append-only triggers for one statement */
  async function asSuperuser(statement: string): Promise<void> {
    await database.db.transaction().execute(async (trx) => {
      await sql`set local session_replication_role = replica`.execute(trx);
      await sql.raw(statement).execute(trx);
    });
  }

  it("records who, acting for whom, what, outcome, when, from where and the request id", async () => {
    const ctx = context();
    const patientId = randomUUID();
    const grantId = randomUUID();
    await runWithContext(ctx, () =>
      audit.record({
        action: "read",
        resourceType: "appointment",
        resourceId: "appt-1",
        patientId,
        proxyGrantId: grantId,
        actingAs: "nurse",
        details: { scope: "appointments" },
      }),
    );
    expect(await audit.linkPending()).toBeGreaterThan(0);
    const [row] = await rowsFor(ctx.requestId);
    expect(row).toMatchObject({
      at: new Date("2026-03-02T14:00:00Z"),
      actor_user_id: nurse.userId,
      actor_kind: "user",
      actor_roles: ["patient", "nurse"],
      acting_as: "nurse",
      patient_id: patientId,
      proxy_grant_id: grantId,
      action: "read",
      resource_type: "appointment",
      resource_id: "appt-1",
      outcome: "success",
      ip: "203.0.113.7",
      user_agent: "Vitest/5",
      details: { scope: "appointments" },
    });
    expect(row?.seq).toBeGreaterThan(0);
    expect(row?.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("names the system actor that acted", async () => {
    const ctx: RequestContext = { ...context(systemActor("reminders")), requestId: `req-${randomUUID()}` };
    await runWithContext(ctx, () => audit.record({ action: "read", resourceType: "appointment" }));
    const [row] = await rowsFor(ctx.requestId);
    expect(row).toMatchObject({ actor_kind: "system", actor_system_name: "reminders", acting_as: "system" });
  });

  it("rolls an event back with the transaction it belongs to", async () => {
    const ctx = context();
    await expect(
      runWithContext(ctx, () =>
        inTransaction(database.db, async () => {
          await audit.record({ action: "update", resourceType: "profile" });
          throw new Error("the change failed");
        }),
      ),
    ).rejects.toThrow("the change failed");
    expect(await rowsFor(ctx.requestId)).toEqual([]);
  });

  it("keeps an independent event (a denial) when the transaction around it rolls back", async () => {
    const ctx = context();
    await expect(
      runWithContext(ctx, () =>
        inTransaction(database.db, async () => {
          await audit.recordIndependent({ action: "read", resourceType: "profile", outcome: "denied" });
          throw new Error("denied");
        }),
      ),
    ).rejects.toThrow("denied");
    expect(await rowsFor(ctx.requestId)).toEqual([]);
    await audit.flushPending(ctx);
    const rows = await rowsFor(ctx.requestId);
    expect(rows.map((r) => r.outcome)).toEqual(["denied"]);
    await audit.flushPending(ctx);
    expect(await rowsFor(ctx.requestId)).toHaveLength(1);
  });

  it("writes an independent event at once when no transaction is open", async () => {
    const ctx = context();
    await runWithContext(ctx, () =>
      audit.recordIndependent({ action: "login_failed", resourceType: "session", outcome: "failure" }),
    );
    expect(await rowsFor(ctx.requestId)).toHaveLength(1);
  });

  it("refuses malformed action names and oversized details before writing", async () => {
    const ctx = context();
    await expect(
      runWithContext(ctx, () => audit.record({ action: "Read it!", resourceType: "profile" })),
    ).rejects.toThrow();
    await expect(
      runWithContext(ctx, () =>
        audit.record({ action: "read", resourceType: "profile", details: { note: "x".repeat(3000) } }),
      ),
    ).rejects.toThrow(/too large/);
    expect(await rowsFor(ctx.requestId)).toEqual([]);
  });

  it("refuses UPDATE, DELETE and TRUNCATE through the application's connection", async () => {
    const ctx = context();
    await runWithContext(ctx, () => audit.record({ action: "read", resourceType: "profile" }));
    const [row] = await rowsFor(ctx.requestId);
    await expect(
      database.db.updateTable("audit_log").set({ action: "write" }).where("id", "=", row!.id).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(database.db.deleteFrom("audit_log").where("id", "=", row!.id).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`truncate audit_log`.execute(database.db)).rejects.toThrow(/append-only/);
    await expect(sql`update audit_log set seq = seq + 1000 where id = ${row!.id}`.execute(database.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`update audit_chain_head set seq = 0`.execute(database.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_chain_head`.execute(database.db)).rejects.toThrow(/append-only/);
    expect(await rowsFor(ctx.requestId)).toEqual([row]);
    expect((await verify()).ok).toBe(true);
  });

  it("is left alone by the test harness's truncateAll", async () => {
    const before = await verify();
    await truncateAll(database);
    const after = await verify();
    expect(after).toMatchObject({ ok: true, checked: before.checked });
  });

  it("verifies an intact chain and names the first edited row", async () => {
    const intact = await verify();
    expect(intact.ok).toBe(true);
    expect(intact.checked).toBeGreaterThan(3);
    const victim = await database.db
      .selectFrom("audit_log")
      .select(["id", "seq", "action"])
      .orderBy("seq")
      .offset(1)
      .limit(1)
      .executeTakeFirstOrThrow();

    await asSuperuser(`update audit_log set action = 'nothing_to_see' where id = ${victim.id}`);
    const edited = await verify({ batchSize: 2 });
    expect(edited.ok).toBe(false);
    expect(edited.problem).toMatchObject({ kind: "edited", seq: victim.seq, id: victim.id });

    await asSuperuser(`update audit_log set action = '${victim.action}' where id = ${victim.id}`);
    expect((await verify()).ok).toBe(true);
  });

  it("detects a deleted row, and a deleted newest row through the chain head", async () => {
    const rows = await database.db.selectFrom("audit_log").selectAll().orderBy("seq").execute();
    const middle = rows[2]!;
    const newest = rows.at(-1)!;
    const restore = async (row: typeof middle) =>
      database.db.transaction().execute(async (trx) => {
        await sql`set local session_replication_role = replica`.execute(trx);
        await sql`insert into audit_log overriding system value select * from json_populate_record(null::audit_log, ${JSON.stringify(row)})`.execute(
          trx,
        );
      });

    await asSuperuser(`delete from audit_log where id = ${middle.id}`);
    const gap = await verify();
    expect(gap.problem).toMatchObject({ kind: "missing", seq: middle.seq });
    await restore(middle);
    expect((await verify()).ok).toBe(true);

    await asSuperuser(`delete from audit_log where id = ${newest.id}`);
    expect((await verify()).problem).toMatchObject({ kind: "head_mismatch" });
    await restore(newest);
    expect((await verify()).ok).toBe(true);
  });

  it("detects reordered rows", async () => {
    const [a, b] = await database.db
      .selectFrom("audit_log")
      .select(["id", "seq"])
      .orderBy("seq")
      .offset(1)
      .limit(2)
      .execute();
    await asSuperuser(`update audit_log set seq = -1 where id = ${a!.id}`);
    await asSuperuser(`update audit_log set seq = ${a!.seq} where id = ${b!.id}`);
    await asSuperuser(`update audit_log set seq = ${b!.seq} where id = ${a!.id}`);
    const report = await verify();
    expect(report.ok).toBe(false);
    expect(["broken_link", "edited"]).toContain(report.problem?.kind);
    expect(report.problem?.seq).toBe(a!.seq);
    await asSuperuser(`update audit_log set seq = -1 where id = ${a!.id}`);
    await asSuperuser(`update audit_log set seq = ${b!.seq} where id = ${b!.id}`);
    await asSuperuser(`update audit_log set seq = ${a!.seq} where id = ${a!.id}`);
    expect((await verify()).ok).toBe(true);
  });

  it("links rows in batches and detects a chain rewritten from scratch through an anchor", async () => {
    const anchor = (await verify()).head;
    const ctx = context();
    await runWithContext(ctx, async () => {
      for (let i = 0; i < 5; i++) await audit.record({ action: "read", resourceType: "profile", resourceId: `p-${i}` });
    });
    expect(await audit.linkPending(2)).toBe(5);
    const seqs = (await rowsFor(ctx.requestId)).map((r) => r.seq);
    expect(seqs).toEqual([1, 2, 3, 4, 5].map((i) => anchor.seq + i));
    expect(await verify({ anchor })).toMatchObject({ ok: true, pending: 0 });
    await expect(verify({ anchor: { seq: anchor.seq, hash: "f".repeat(64) } })).resolves.toMatchObject({
      ok: false,
      problem: { kind: "anchor_mismatch", seq: anchor.seq },
    });
  });

  it.runIf(inject("postgresTemplate"))("links a row only once its transaction has committed", async () => {
    const ctx = context();
    let commit!: () => void;
    const held = new Promise<void>((resolve) => {
      commit = resolve;
    });
    const writing = runWithContext(ctx, () =>
      inTransaction(database.db, async () => {
        await audit.record({ action: "update", resourceType: "profile" });
        await held;
      }),
    );
    await new Promise((r) => setTimeout(r, 100));
    await audit.linkPending();
    commit();
    await writing;
    expect((await rowsFor(ctx.requestId))[0]?.seq).toBeNull();
    expect(await audit.linkPending()).toBe(1);
    expect((await verify()).ok).toBe(true);
  });
});

describe("audit chain under concurrency", () => {
  const database = useTestDatabase();
  let audit: AuditLog;

  beforeAll(async () => {
    audit = new AuditLog({ db: database.db, clock: new TestClock() });
  });

  it("stays one valid chain when 50 transactions append at once while three linkers run", async () => {
    let appending = true;
    const linker = async () => {
      while (appending) {
        await audit.linkPending(7);
        await new Promise((r) => setTimeout(r, 2));
      }
    };
    const linkers = [linker(), linker(), linker()];
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        runWithContext(context(), () =>
          inTransaction(database.db, async (trx) => {
            await audit.record({ action: "read", resourceType: "appointment", resourceId: `a-${i}` });
            // keep transactions open long enough to overlap on PostgreSQL
            await sql`select pg_sleep(0.005)`.execute(trx);
            await audit.record({ action: "update", resourceType: "appointment", resourceId: `a-${i}` });
          }),
        ),
      ),
    );
    appending = false;
    await Promise.all(linkers);
    await audit.linkPending();
    const report = await verifyAuditChain(database.db);
    expect(report).toMatchObject({ ok: true, checked: 100, pending: 0, head: { seq: 100 } });
    const seqs = await database.db.selectFrom("audit_log").select("seq").orderBy("seq").execute();
    expect(seqs.map((r) => r.seq)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  });
});
