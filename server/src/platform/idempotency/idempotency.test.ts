import { Type } from "typebox";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type App, buildApp } from "../../app.ts";
import { TEST_KEYS, testConfig } from "../../test/app.ts";
import { createTestDatabase, type TestDatabase } from "../../test/database.ts";
import { TestClock } from "../clock.ts";
import { systemActor } from "../context.ts";
import { FieldCipher, parseKeyRing } from "../crypto.ts";
import { DomainError } from "../errors.ts";
import { createLogger } from "../logging.ts";
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

  beforeAll(async () => {
    database = await createTestDatabase();
    clock = new TestClock("2026-03-02T14:00:00Z");
    const config = testConfig();
    app = await buildApp({
      config,
      database,
      logger: createLogger(config),
      clock,
      cipher: new FieldCipher(parseKeyRing(TEST_KEYS)),
      webRoot: "/nonexistent",
    });
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
      });
      return { slow: "done" };
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

  it("keeps and replays 4xx answers", async () => {
    const first = await post("/api/test/notes", { text: "refuse" }, { "idempotency-key": "key-3" });
    expect(first.statusCode).toBe(409);
    const again = await post("/api/test/notes", { text: "refuse" }, { "idempotency-key": "key-3" });
    expect(again.statusCode).toBe(409);
    expect(again.headers["idempotent-replayed"]).toBe("true");
    expect(again.json().error.code).toBe("conflict");
  });

  it("forgets a 5xx so that the client may retry", async () => {
    const first = await post("/api/test/flaky", {}, { "idempotency-key": "key-4" });
    expect(first.statusCode).toBe(500);
    const retry = await post("/api/test/flaky", {}, { "idempotency-key": "key-4" });
    expect(retry.statusCode).toBe(200);
    expect(retry.headers["idempotent-replayed"]).toBeUndefined();
    expect(retry.json()).toEqual({ calls: 2 });
  });

  it("answers 409 while the first request with the key is still running", async () => {
    const first = post("/api/test/slow", {}, { "idempotency-key": "key-5" });
    await expect
      .poll(async () => (await database.db.selectFrom("idempotency_keys").select("key").execute()).length)
      .toBe(1);
    const concurrent = await post("/api/test/slow", {}, { "idempotency-key": "key-5" });
    expect(concurrent.statusCode).toBe(409);
    expect(concurrent.json().error.code).toBe("idempotency_in_progress");
    releaseSlow();
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
