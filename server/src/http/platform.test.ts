import { describe, expect, it } from "vitest";
import { useTestApp } from "../test/app.ts";

describe("platform HTTP behaviour", () => {
  const t = useTestApp();

  it("answers health and readiness", async () => {
    expect((await t.app.inject({ url: "/api/health" })).json()).toEqual({ status: "ok" });
    const ready = await t.app.inject({ url: "/api/ready" });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: "ready", failedJobs: 0, failedEmails: 0 });
  });

  it("marks API responses no-store and sends security headers", async () => {
    const res = await t.app.inject({ url: "/api/health" });
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    const csp = String(res.headers["content-security-policy"]);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers["x-request-id"]).toBeTruthy();
  });

  it("answers unknown API routes with a JSON 404", async () => {
    const res = await t.app.inject({ url: "/api/does-not-exist?name=secret" });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe("not_found");
  });

  it("keeps a well-formed incoming request id and replaces a malformed one", async () => {
    const good = await t.app.inject({ url: "/api/health", headers: { "x-request-id": "abcd-1234-efgh" } });
    expect(good.headers["x-request-id"]).toBe("abcd-1234-efgh");
    const bad = await t.app.inject({ url: "/api/health", headers: { "x-request-id": "<script>" } });
    expect(bad.headers["x-request-id"]).not.toBe("<script>");
  });

  it("serves the OpenAPI document", async () => {
    const res = await t.app.inject({ url: "/api/docs/json" });
    expect(res.statusCode).toBe(200);
    expect(res.json().openapi).toBe("3.1.0");
    expect(res.json().paths["/api/health"]).toBeDefined();
  });
});
