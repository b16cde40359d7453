import { Type } from "typebox";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { App } from "../../app.ts";
import { buildTestApp } from "../../test/app.ts";
import { createTestDatabase, type TestDatabase } from "../../test/database.ts";
import { TestClock } from "../clock.ts";
import { systemActor } from "../context.ts";
import { DomainError } from "../errors.ts";
import { inTransaction } from "../transaction.ts";

/**
 * Test-only routes on a real app: `POST /api/test/notes` writes a row (so a second run would
 * show), `/api/test/flaky` fails with a 500 the first time, `/api/test/slow` waits until told.
 * A test hook plays the part of a signed-in user when the `x-test-user` header is present.
 */
describe("Idempotency-Key", () => {
  let database: TestDatabase;
  let app: App;
  let clock: TestClock;
  let flakyCalls = 0;
  let releaseSlow: () => void = () => {};
  let slowStarted = false;

  beforeAll(async () => {
    database = await createTestDatabase();
    clock = new TestClock("2026-03-02T14:00:00Z");
    app = await buildTestApp(database, { clock });
    app.addHook("onRequest", async (request) => {
      const user = request.headers["x-test-user"];
      if (typeof user === "string") request.ctx.actor = { ...systemActor("test"), kind: "user", userId: user };
    });
    const open = { auth: "public" as const };
    app.post(
      "/api/test/notes",
      { config: open, schema: { body: Type.Object({ text: Type.String({ maxLength: 100 }) }) } },
      async (request, reply) => {
        const { text } = request.body as { text: string };
        if (text === "refuse") throw new DomainError("conflict", "That note is refused.");
        const key = `test-note:${Math.random().toString(36).slice(2)}`;
        await inTransaction(database.db, (trx) =>
          trx
            .insertInto("settings")
            .values({ key, value: JSON.stringify({ text }) })
            .execute(),
        );
        return reply.status(201).send({ key, text });
      },
    );
    app.post("/api/test/flaky", { config: open }, async () => {
      flakyCalls++;
      if (flakyCalls === 1) throw new Error("the first call fails");
      return { calls: flakyCalls };
    });
    app.post("/api/test/slow", { config: open }, async () => {
      await new Promise<void>((resolve) => {
        releaseSlow = resolve;
        slowStarted = true;
      });
      return { slow: "done" };
    });
    const addNote = (text: string) =>
      inTransaction(database.db, (trx) =>
        trx
          .insertInto("settings")
          .values({ key: `test-note:${Math.random().toString(36).slice(2)}`, value: JSON.stringify({ text }) })
          .execute(),
      );
    app.post("/api/test/told", { config: open }, async (request, reply) =>
      reply.status((request.body as { status: number }).status).send({ told: true }),
    );
    app.post("/api/test/notes-then-fail", { config: open }, async () => {
      await addNote("first unit");
      throw new DomainError("conflict", "The second step failed.");
    });
    app.post("/api/test/two-units", { config: open }, async (_request, reply) => {
      // a unit that fails at the database (an aborted statement) and is caught, then one that succeeds
      await inTransaction(database.db, async (trx) => {
        await trx.insertInto("settings").values({ key: "test-note:dup", value: "1" }).execute();
        await trx.insertInto("settings").values({ key: "test-note:dup", value: "2" }).execute();
      }).catch(() => undefined);
      await addNote("second unit");
      return reply.status(201).send({ ok: true });
    });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });
  beforeEach(async () => {
    await database.db.deleteFrom("idempotency_keys").execute();
    await database.db.deleteFrom("settings").where("key", "like", "test-note:%").execute();
    slowStarted = false;
  });

  const notes = async () =>
    (await database.db.selectFrom("settings").select("key").where("key", "like", "test-note:%").execute()).length;
  const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
    app.inject({ method: "POST", url, payload, headers });

  it("replays the first response for a retry with the same key and body, doing the work once", async () => {
    const first = await post("/api/test/notes", { text: "hello" }, { "idempotency-key": "key-1" });
    expect(first.statusCode).toBe(201);
    expect(first.headers["idempotent-replayed"]).toBeUndefined();
    const again = await post("/api/test/notes", { text: "hello" }, { "idempotency-key": "key-1" });
    expect(again.statusCode).toBe(201);
    expect(again.headers["idempotent-replayed"]).toBe("true");
    expect(again.json()).toEqual(first.json());
    expect(await notes()).toBe(1);
    // the stored response may carry PHI: it is sealed at rest
    const stored = await database.db.selectFrom("idempotency_keys").selectAll().executeTakeFirstOrThrow();
    expect(stored.status_code).toBe(201);
    expect(stored.response_body).toMatch(/^v1\.test1\./);
    expect(stored.response_body).not.toContain("hello");
  });

  it("answers 422 for the same key with a different body, and changes nothing", async () => {
    await post("/api/test/notes", { text: "hello" }, { "idempotency-key": "key-2" });
    const reused = await post("/api/test/notes", { text: "other" }, { "idempotency-key": "key-2" });
    expect(reused.statusCode).toBe(422);
    expect(reused.json().error.code).toBe("idempotency_key_reused");
    expect(await notes()).toBe(1);
  });

  it("does nothing special without the header", async () => {
    await post("/api/test/notes", { text: "a" });
    await post("/api/test/notes", { text: "a" });
    expect(await notes()).toBe(2);
  });

  it("keeps a 4xx answer the handler returned, and forgets one after a thrown error (nothing was done)", async () => {
    const first = await post("/api/test/notes", { text: "refuse" }, { "idempotency-key": "key-3" });
    expect(first.statusCode).toBe(409);
    const again = await post("/api/test/notes", { text: "refuse" }, { "idempotency-key": "key-3" });
    expect(again.statusCode).toBe(409);
    expect(again.headers["idempotent-replayed"]).toBeUndefined();
    expect(await database.db.selectFrom("idempotency_keys").selectAll().execute()).toEqual([]);
    const told = await post("/api/test/told", { status: 404 }, { "idempotency-key": "key-3b" });
    expect(told.statusCode).toBe(404);
    const replayed = await post("/api/test/told", { status: 404 }, { "idempotency-key": "key-3b" });
    expect(replayed.statusCode).toBe(404);
    expect(replayed.headers["idempotent-replayed"]).toBe("true");
  });

  it("keeps nothing of the work when a later step fails: the retry does it, once", async () => {
    const failed = await post("/api/test/notes-then-fail", { text: "x" }, { "idempotency-key": "key-8" });
    expect(failed.statusCode).toBe(409);
    expect(await notes()).toBe(0);
    expect(await database.db.selectFrom("idempotency_keys").selectAll().execute()).toEqual([]);
  });

  it("rolls back only the failed unit of work, as its own transaction would", async () => {
    const res = await post("/api/test/two-units", {}, { "idempotency-key": "key-9" });
    expect(res.statusCode).toBe(201);
    expect(await notes()).toBe(1);
    const again = await post("/api/test/two-units", {}, { "idempotency-key": "key-9" });
    expect(again.headers["idempotent-replayed"]).toBe("true");
    expect(await notes()).toBe(1);
  });

  it("forgets a 5xx so that the client may retry", async () => {
    const first = await post("/api/test/flaky", {}, { "idempotency-key": "key-4" });
    expect(first.statusCode).toBe(500);
    const retry = await post("/api/test/flaky", {}, { "idempotency-key": "key-4" });
    expect(retry.statusCode).toBe(200);
    expect(retry.headers["idempotent-replayed"]).toBeUndefined();
    expect(retry.json()).toEqual({ calls: 2 });
  });

  it("answers 409 while the first request with the key is still running (PostgreSQL), or waits for it (PGlite)", async () => {
    let started = false;
    const first = post("/api/test/slow", {}, { "idempotency-key": "key-5" }).then((r) => {
      started = true;
      return r;
    });
    // nothing is committed while the first request runs: "in progress" is a lock held by its transaction
    await expect.poll(() => slowStarted).toBe(true);
    expect(started).toBe(false);
    const concurrent = post("/api/test/slow", {}, { "idempotency-key": "key-5" });
    if (database.kind === "postgres") {
      const answer = await concurrent;
      expect(answer.statusCode).toBe(409);
      expect(answer.json().error.code).toBe("idempotency_in_progress");
      releaseSlow();
    } else {
      releaseSlow();
      const answer = await concurrent;
      expect(answer.headers["idempotent-replayed"]).toBe("true");
    }
    expect((await first).statusCode).toBe(200);
    const after = await post("/api/test/slow", {}, { "idempotency-key": "key-5" });
    expect(after.headers["idempotent-replayed"]).toBe("true");
    expect(after.json()).toEqual({ slow: "done" });
  });

  it("scopes keys to the signed-in user", async () => {
    const a = await post("/api/test/notes", { text: "n" }, { "idempotency-key": "shared", "x-test-user": "user-a" });
    const b = await post("/api/test/notes", { text: "n" }, { "idempotency-key": "shared", "x-test-user": "user-b" });
    expect(b.headers["idempotent-replayed"]).toBeUndefined();
    expect(b.json().key).not.toBe(a.json().key);
    const scopes = await database.db.selectFrom("idempotency_keys").select("scope").orderBy("scope").execute();
    expect(scopes.map((s) => s.scope)).toEqual(["user:user-a", "user:user-b"]);
    expect(await notes()).toBe(2);
  });

  it("runs the request again once a key is older than 24 hours", async () => {
    await post("/api/test/notes", { text: "old" }, { "idempotency-key": "key-6" });
    clock.advance({ hours: 25 });
    const later = await post("/api/test/notes", { text: "old" }, { "idempotency-key": "key-6" });
    expect(later.headers["idempotent-replayed"]).toBeUndefined();
    expect(await notes()).toBe(2);
  });

  it.each([
    ["empty", ""],
    ["too long", "k".repeat(201)],
    ["control characters", "abc\u0007def"],
    ["non-ASCII", "clé-ünïcode"],
  ])("rejects a %s key with 400 and changes nothing", async (_what, key) => {
    const res = await app.inject({
      method: "POST",
      url: "/api/test/notes",
      payload: { text: "x" },
      headers: { "idempotency-key": key },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("bad_request");
    expect(await notes()).toBe(0);
  });

  it("stores nothing for a request refused by validation", async () => {
    const res = await post("/api/test/notes", { words: "no text" }, { "idempotency-key": "key-7" });
    expect(res.statusCode).toBe(400);
    expect(await database.db.selectFrom("idempotency_keys").selectAll().execute()).toEqual([]);
  });
});
