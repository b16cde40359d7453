import helmet, { type FastifyHelmetOptions } from "@fastify/helmet";
import Fastify, { type FastifyInstance } from "fastify";
import { describe, expect, it } from "vitest";
import { installSecurityHeaders } from "./security-headers.ts";

const OPTIONS: FastifyHelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: { defaultSrc: ["'self'"], scriptSrc: ["'self'"], frameAncestors: ["'none'"] },
  },
  referrerPolicy: { policy: "no-referrer" },
  crossOriginEmbedderPolicy: false,
  frameguard: { action: "deny" },
};

async function headersFrom(setup: (app: FastifyInstance) => Promise<void>, url: string) {
  const app = Fastify({ logger: false });
  await setup(app);
  app.get("/json", async () => ({ ok: true }));
  app.get("/own-csp", async (_request, reply) =>
    reply.header("content-security-policy", "default-src 'none'").send("x"),
  );
  const response = await app.inject({ url });
  await app.close();
  const { date: _date, ...headers } = response.headers;
  return { status: response.statusCode, headers };
}

describe("security headers worked out once", () => {
  it("sends exactly what @fastify/helmet sends, on routes, on 404s and under a route's own header", async () => {
    for (const url of ["/json", "/nowhere", "/own-csp"]) {
      const plugin = await headersFrom(async (app) => {
        await app.register(helmet, OPTIONS);
      }, url);
      const once = await headersFrom((app) => installSecurityHeaders(app, OPTIONS), url);
      expect(once).toEqual(plugin);
    }
    const { headers } = await headersFrom((app) => installSecurityHeaders(app, OPTIONS), "/json");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
  });
});
