import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Redis } from "ioredis";

export interface RateLimitOptions {
  /** requests per client address per window */
  max: number;
  windowMs?: number;
  /** shared by every app server so that the limit holds across them */
  redis?: Redis;
}

/** /api only; the health probe is never limited (load balancers poll it). */
const limited = (url: string) => url.startsWith("/api") && !url.startsWith("/api/health");

const refuse = (reply: FastifyReply, max: number, retryAfterSeconds: number) =>
  reply
    .status(429)
    .header("retry-after", String(retryAfterSeconds))
    .header("x-ratelimit-limit", String(max))
    .header("x-ratelimit-remaining", "0")
    .header("x-ratelimit-reset", String(retryAfterSeconds))
    .send({
      error: {
        code: "rate_limited",
        message: `Too many requests. Please try again in ${retryAfterSeconds} seconds.`,
      },
    });

/**
 * The per-client request limit on /api. With Redis the count is shared through
 * @fastify/rate-limit; on a single server it is a plain in-process map of client address →
 * (count, window end): one lookup and one increment per request, no timers, no headers on
 * allowed responses. Expired windows are swept at most once per window.
 */
export async function installRateLimit(app: FastifyInstance, options: RateLimitOptions): Promise<void> {
  const windowMs = options.windowMs ?? 60_000;
  const { max } = options;
  if (options.redis) {
    await app.register(rateLimit, {
      global: true,
      max,
      timeWindow: windowMs,
      allowList: (request) => !limited(request.url),
      redis: options.redis,
      skipOnError: true,
      nameSpace: "portico-rl:",
      errorResponseBuilder: (_request, context) => ({
        statusCode: 429,
        error: {
          code: "rate_limited",
          message: `Too many requests. Please try again in ${Math.ceil(context.ttl / 1000)} seconds.`,
        },
      }),
    });
    return;
  }

  const windows = new Map<string, { count: number; endsAt: number }>();
  let nextSweep = Date.now() + windowMs;
  app.addHook("onRequest", (request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void) => {
    if (!limited(request.url)) return done();
    const now = Date.now();
    if (now >= nextSweep) {
      for (const [key, window] of windows) if (window.endsAt <= now) windows.delete(key);
      nextSweep = now + windowMs;
    }
    const key = request.ip;
    let window = windows.get(key);
    if (!window || window.endsAt <= now) {
      window = { count: 0, endsAt: now + windowMs };
      windows.set(key, window);
    }
    window.count++;
    if (window.count > max) {
      refuse(reply, max, Math.max(1, Math.ceil((window.endsAt - now) / 1000)));
      return;
    }
    done();
  });
}
