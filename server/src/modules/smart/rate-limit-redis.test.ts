import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../app.ts";
import { TestClock } from "../../platform/clock.ts";
import { FieldCipher, parseKeyRing } from "../../platform/crypto.ts";
import { freePort } from "../../platform/mail/smtp-test-server.ts";
import { buildTestApp, TEST_KEYS, type TestContext, testConfig } from "../../test/app.ts";
import { createTestDatabase } from "../../test/database.ts";
import { seedTestDemo, signInDemo } from "../../test/demo-sign-in.ts";
import { CLIENT_RATE_LIMIT_PREFIX, ClientRateLimiter } from "./rate-limit.ts";
import { registerApp, smartLaunch } from "./test-launch.ts";

const REDIS_URL = "redis://127.0.0.1:6379";

describe("a connected app's FHIR request limit with REDIS_URL", () => {
  let redis: Redis;
  beforeAll(async () => {
    redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
  });
  afterAll(async () => {
    const keys = await redis.keys(`${CLIENT_RATE_LIMIT_PREFIX}test-*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });
  // an app of its own per run, so that parallel test runs never share a count
  const appId = () => `test-${Math.random().toString(36).slice(2)}`;

  it("shares one budget between two limiters on one Redis, and keeps apps apart", async () => {
    const [a, b] = [new ClientRateLimiter(3, redis), new ClientRateLimiter(3, redis)];
    const app = appId();
    expect(await a.take(app)).toEqual({ allowed: true });
    expect(await b.take(app)).toEqual({ allowed: true });
    expect(await a.take(app)).toEqual({ allowed: true });
    for (const limiter of [b, a]) {
      const refused = await limiter.take(app);
      expect(refused.allowed).toBe(false);
      if (!refused.allowed) {
        expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
        expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
      }
    }
    expect(Number(await redis.get(`${CLIENT_RATE_LIMIT_PREFIX}${app}`))).toBe(5);
    expect(await b.take(appId())).toEqual({ allowed: true });
  });

  it("counts in this process without Redis, or while Redis does not answer", async () => {
    const unreachable = new Redis("redis://127.0.0.1:1", {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      retryStrategy: () => null,
    });
    unreachable.on("error", () => {});
    try {
      for (const limiter of [new ClientRateLimiter(2), new ClientRateLimiter(2, unreachable)]) {
        const app = appId();
        const now = Date.UTC(2026, 0, 1, 12, 0, 10);
        expect(await limiter.take(app, now)).toEqual({ allowed: true });
        expect(await limiter.take(app, now)).toEqual({ allowed: true });
        // the fixed minute's window ends in 50 seconds
        expect(await limiter.take(app, now)).toEqual({ allowed: false, retryAfterSeconds: 50 });
        expect(await limiter.take(app, now + 50_000)).toEqual({ allowed: true });
      }
    } finally {
      unreachable.disconnect();
    }
  });

  describe("two app servers on one database and one Redis", () => {
    const t = {} as TestContext;
    let second: App;
    let base = "";
    let clientId = "";
    let alexId = "";
    const launch = smartLaunch(t, {
      base: () => base,
      clientId: () => clientId,
      redirectUri: () => "http://127.0.0.1:9/callback",
    });

    beforeAll(async () => {
      const port = await freePort();
      base = `http://127.0.0.1:${port}`;
      t.config = testConfig({ REDIS_URL, PUBLIC_URL: base, PORT: String(port) });
      t.database = await createTestDatabase();
      t.clock = new TestClock(new Date());
      t.cipher = new FieldCipher(parseKeyRing(TEST_KEYS));
      const build = async () => {
        const app = await buildTestApp(t.database, { config: t.config, clock: t.clock, cipher: t.cipher });
        await app.ready();
        return app;
      };
      t.app = await build();
      second = await build();
      await t.app.listen({ port, host: "127.0.0.1" });
      await seedTestDemo(t);
      const admin = await signInDemo(t, "admin@demo.portico.test");
      ({ clientId } = await registerApp(t, admin, {
        name: "Shared Budget",
        confidential: false,
        redirectUris: ["http://127.0.0.1:9/callback"],
      }));
    });
    afterAll(async () => {
      await second?.close();
      await t.app?.close();
      await t.database?.close();
      const keys = await redis.keys(`${CLIENT_RATE_LIMIT_PREFIX}${clientId}`);
      if (keys.length > 0) await redis.del(...keys);
    });

    it("refuses the app on both servers once their shared count is over the limit: 429 OperationOutcome with Retry-After", async () => {
      const alex = await signInDemo(t, "alex.rivera@demo.portico.test");
      alexId = alex.patients[0]?.id as string;
      const granted = await launch.tokenFor(alex, { patientId: alexId, types: ["Patient"] });
      for (const app of [t.app, second]) app.services.smart.clientLimiter.perMinute = 3;
      const read = (app: App) =>
        app.inject({
          method: "GET",
          url: `/fhir/R4/Patient/${alexId}`,
          headers: { authorization: `Bearer ${granted.access_token}` },
        });
      expect((await read(t.app)).statusCode).toBe(200);
      expect((await read(second)).statusCode).toBe(200);
      expect((await read(t.app)).statusCode).toBe(200);
      for (const app of [second, t.app]) {
        const refused = await read(app);
        expect(refused.statusCode).toBe(429);
        expect(refused.headers["content-type"]).toMatch(/application\/fhir\+json/);
        expect(refused.json()).toMatchObject({ resourceType: "OperationOutcome", issue: [{ code: "throttled" }] });
        const retryAfter = Number(refused.headers["retry-after"]);
        expect(retryAfter).toBeGreaterThanOrEqual(1);
        expect(retryAfter).toBeLessThanOrEqual(60);
      }
      expect(Number(await redis.get(`${CLIENT_RATE_LIMIT_PREFIX}${clientId}`))).toBe(5);
      // the portal's own session is not an app: not counted here
      expect(
        (await second.inject({ method: "GET", url: `/fhir/R4/Patient/${alexId}`, headers: alex.headers })).statusCode,
      ).toBe(200);
    });
  });
});
