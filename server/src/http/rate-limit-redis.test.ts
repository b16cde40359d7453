import { randomInt } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../app.ts";
import { buildTestApp, testConfig } from "../test/app.ts";
import { createTestDatabase, type TestDatabase } from "../test/database.ts";

const REDIS_URL = "redis://127.0.0.1:6379";

describe("rate limit with REDIS_URL", () => {
  let database: TestDatabase;
  let apps: App[] = [];
  let redis: Redis;
  // a client address of its own, so that parallel test runs never share a count
  const ip = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

  beforeAll(async () => {
    redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
    const stale = await redis.keys(`portico-rl:*${ip}*`);
    if (stale.length > 0) await redis.del(...stale);
    database = await createTestDatabase();
    const config = testConfig({ REDIS_URL, RATE_LIMIT_PER_MINUTE: "3", TRUST_PROXY: "1" });
    const build = async () => {
      const app = await buildTestApp(database, { config });
      await app.ready();
      return app;
    };
    apps = [await build(), await build()];
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await database?.close();
    const keys = await redis.keys(`portico-rl:*${ip}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  it("shares one count across two app servers", async () => {
    const [a, b] = apps as [App, App];
    const get = (app: App) => app.inject({ url: "/api/ready", headers: { "x-forwarded-for": ip } });
    expect((await get(a)).statusCode).toBe(200);
    expect((await get(b)).statusCode).toBe(200);
    expect((await get(a)).statusCode).toBe(200);
    // the fourth request within the minute, whichever server it reaches, is refused
    for (const app of [b, a]) {
      const refused = await get(app);
      expect(refused.statusCode).toBe(429);
      expect(refused.json().error.code).toBe("rate_limited");
      expect(refused.json().error.message).toMatch(/try again/i);
    }
    expect(Number(await redis.get((await redis.keys(`portico-rl:*${ip}*`))[0] as string))).toBeGreaterThanOrEqual(5);
    // another client is not affected
    const other = await a.inject({ url: "/api/ready", headers: { "x-forwarded-for": "10.255.255.254" } });
    expect(other.statusCode).toBe(200);
  });
});
