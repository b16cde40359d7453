import { describe, expect, it } from "vitest";
import { useTestApp } from "../test/app.ts";

describe("rate limit on one server (no REDIS_URL)", () => {
  const t = useTestApp({ RATE_LIMIT_PER_MINUTE: "3", TRUST_PROXY: "1" });
  const get = (url: string, ip: string) => t.app.inject({ url, headers: { "x-forwarded-for": ip } });

  it("refuses a client's requests beyond the limit with 429 and when to retry", async () => {
    for (let i = 0; i < 3; i++) expect((await get("/api/ready", "10.1.1.1")).statusCode).toBe(200);
    const refused = await get("/api/ready", "10.1.1.1");
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe("rate_limited");
    expect(refused.json().error.message).toMatch(/try again in \d+ seconds/i);
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    expect(Number(refused.headers["retry-after"])).toBeLessThanOrEqual(60);
    expect(refused.headers["cache-control"]).toBe("no-store");
    // unknown routes and signed-out requests count too: the limit is per address, not per route
    expect((await get("/api/me", "10.1.1.1")).statusCode).toBe(429);
  });

  it("keeps counting per client address and never limits the health probe", async () => {
    expect((await get("/api/ready", "10.2.2.2")).statusCode).toBe(200);
    for (let i = 0; i < 10; i++) expect((await get("/api/health", "10.1.1.1")).statusCode).toBe(200);
  });
});
