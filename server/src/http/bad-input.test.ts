import { Type } from "typebox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../app.ts";
import { inTransaction } from "../platform/transaction.ts";
import { buildTestApp } from "../test/app.ts";
import { createTestDatabase, type TestDatabase } from "../test/database.ts";

/**
 * Bad input of every kind answers a clear 4xx `{ error: { code, message } }`, never a 5xx,
 * and changes nothing. A test-only route (`POST /api/test/things`) writes a row when it runs,
 * so a request that should have been refused would show.
 */
describe("bad input", () => {
  let database: TestDatabase;
  let app: App;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await buildTestApp(database);
    app.post(
      "/api/test/things",
      {
        config: { auth: "public" },
        schema: {
          body: Type.Object(
            {
              name: Type.String({ minLength: 1, maxLength: 50 }),
              count: Type.Integer({ minimum: 0, maximum: 10 }),
              when: Type.Optional(Type.String({ format: "date" })),
            },
            { additionalProperties: false },
          ),
        },
      },
      async (request, reply) => {
        const key = `test-thing:${Math.random().toString(36).slice(2)}`;
        await inTransaction(database.db, (trx) =>
          trx
            .insertInto("settings")
            .values({ key, value: JSON.stringify(request.body) })
            .execute(),
        );
        return reply.status(201).send({ key });
      },
    );
    app.get(
      "/api/test/things/:id",
      { config: { auth: "public" }, schema: { params: Type.Object({ id: Type.String({ format: "uuid" }) }) } },
      async () => ({ ok: true }),
    );
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const things = async () =>
    (await database.db.selectFrom("settings").select("key").where("key", "like", "test-thing:%").execute()).length;

  function expectClear4xx(res: { statusCode: number; json(): unknown }, status: number, code: string) {
    expect(res.statusCode).toBe(status);
    const body = res.json() as { error: { code: string; message: string } };
    expect(body.error.code).toBe(code);
    expect(body.error.message.length).toBeGreaterThan(10);
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+|select |insert into|stack/i);
  }

  const post = (payload: string | Buffer, headers: Record<string, string> = { "content-type": "application/json" }) =>
    app.inject({ method: "POST", url: "/api/test/things", payload, headers });

  it("accepts a good request (the baseline)", async () => {
    const res = await post(JSON.stringify({ name: "a", count: 1 }));
    expect(res.statusCode).toBe(201);
    expect(await things()).toBe(1);
  });

  it.each([
    ["malformed JSON", '{"name": "a", "count": '],
    ["a JSON string instead of an object", '"hello"'],
    ["trailing garbage", '{"name":"a","count":1} xyz'],
    ["a prototype-polluting key", '{"name":"a","count":1,"__proto__":{"admin":true}}'],
  ])("refuses %s with 400", async (_what, payload) => {
    const before = await things();
    const res = await post(payload);
    expect(res.statusCode).toBe(400);
    expect(["bad_request", "validation_failed"]).toContain(res.json().error.code);
    expect(await things()).toBe(before);
  });

  it("refuses an empty JSON body on a route that needs one with 400", async () => {
    const res = await post("");
    expect(res.statusCode).toBe(400);
    expect(["bad_request", "validation_failed"]).toContain(res.json().error.code);
    expect(res.json().error.message.length).toBeGreaterThan(10);
  });

  it("refuses a plain-text body with a 4xx saying the body must be a JSON object", async () => {
    const res = await post("name=a", { "content-type": "text/plain" });
    expect([400, 415]).toContain(res.statusCode);
    expect(res.json().error.message).toMatch(/JSON|object/);
    expect(await things()).toBe(1);
  });

  it.each([
    ["application/x-www-form-urlencoded", "name=a&count=1"],
    ["application/xml", "<thing/>"],
    ["multipart/form-data; boundary=x", "--x--"],
  ])("refuses content type %s with 415", async (type, payload) => {
    const before = await things();
    expectClear4xx(await post(payload, { "content-type": type }), 415, "unsupported_media_type");
    expect(await things()).toBe(before);
  });

  it.each([
    ["a number where text belongs", { name: { first: "a" }, count: 1 }, "name"],
    ["text where a number belongs", { name: "a", count: "many" }, "count"],
    ["a number out of range", { name: "a", count: 11 }, "count"],
    ["a missing field", { count: 1 }, "name"],
    ["an empty string", { name: "", count: 1 }, "name"],
    ["a field that does not exist", { name: "a", count: 1, owner: "someone-else" }, undefined],
    ["a malformed date", { name: "a", count: 1, when: "31/12/2026" }, "when"],
    ["an array instead of an object", [1, 2, 3], undefined],
  ])("refuses %s with 400 validation_failed", async (_what, body, field) => {
    const before = await things();
    const res = await post(JSON.stringify(body));
    expectClear4xx(res, 400, "validation_failed");
    if (field) expect(JSON.stringify(res.json().error.details)).toContain(field);
    expect(await things()).toBe(before);
  });

  it("refuses a body over 1 MB with 413", async () => {
    const before = await things();
    const huge = JSON.stringify({ name: "a", count: 1, padding: "x".repeat(1024 * 1024 + 10) });
    expectClear4xx(await post(huge), 413, "payload_too_large");
    expect(await things()).toBe(before);
  });

  it("answers unknown routes and methods with a JSON 404", async () => {
    for (const [method, url] of [
      ["GET", "/api/nope"],
      ["POST", "/api/nope"],
      ["DELETE", "/api/health"],
      ["PUT", "/api/test/things"],
      ["GET", "/api/../../etc/passwd"],
    ] as const) {
      expectClear4xx(await app.inject({ method, url }), 404, "not_found");
    }
  });

  it("refuses malformed and oversized URL parameters with a 4xx", async () => {
    expectClear4xx(await app.inject({ url: "/api/test/things/not-a-uuid" }), 400, "validation_failed");
    const long = await app.inject({ url: `/api/test/things/${"a".repeat(500)}` });
    expectClear4xx(long, 400, "bad_request");
    expect(long.json().error.message).toBe("Part of the address is too long.");
    expectClear4xx(await app.inject({ url: "/api/test/things/%E0%A4%A" }), 400, "bad_request");
  });

  it("copes with bad headers without a 5xx", async () => {
    const cases: Record<string, string>[] = [
      { "content-type": "application/json; charset=utf-16" },
      { "content-type": "application/json", "idempotency-key": "x".repeat(300) },
      { "content-type": "application/json", cookie: "__Host-portico_session=%%%; ;;=" },
      { "content-type": "application/json", "x-request-id": "a".repeat(1000) },
      { "content-type": "application/json", "x-forwarded-for": "not-an-ip, 999.1.1.1" },
      { "content-type": "application/json", accept: "*/*;q=garbage" },
      { "content-type": "application/json", "content-encoding": "gzip" },
    ];
    for (const headers of cases) {
      const res = await post(JSON.stringify({ name: "a", count: 1 }), headers);
      expect(res.statusCode, JSON.stringify(headers)).toBeLessThan(500);
      if (res.statusCode >= 400) expect(res.json().error.code).toBeTypeOf("string");
    }
  });

  it("never answers 5xx to random bodies", async () => {
    const samples = [
      "null",
      "[]",
      "{}",
      "1e999",
      '{"name":"\\u0000","count":0}',
      '{"name":"a","count":1e308}',
      '{"name":"a","count":-0}',
      '{"name":"a".repeat(3)}',
      "{".repeat(5000) + "}".repeat(5000),
      `{"name":"${"é".repeat(60)}","count":1}`,
      Buffer.from([0xff, 0xfe, 0x00, 0x7b]),
    ];
    for (const payload of samples) {
      const res = await post(payload);
      expect(res.statusCode, String(payload).slice(0, 40)).toBeLessThan(500);
      expect(res.statusCode === 201 || res.json().error.code).toBeTruthy();
    }
  });

  it("refuses bad JSON on a real public route the same way", async () => {
    const login = (payload: string | object, contentType?: string) =>
      app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload,
        ...(contentType ? { headers: { "content-type": contentType } } : {}),
      });
    expectClear4xx(await login('{"email": ', "application/json"), 400, "bad_request");
    expectClear4xx(await login("<login/>", "application/xml"), 415, "unsupported_media_type");
    const nul = await login({ email: "a\u0000@b.c", password: "x\u0000" });
    expect(nul.statusCode).toBeGreaterThanOrEqual(400);
    expect(nul.statusCode).toBeLessThan(500);
  });
});
