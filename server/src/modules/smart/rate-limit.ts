import { createRequire } from "node:module";
import type { Redis } from "ioredis";

/** how the portal's own /api limiter counts in Redis (@fastify/rate-limit's store), reused for apps */
interface RedisCounter {
  incr(
    key: string,
    done: (error: Error | null, result: { current: number; ttl: number } | null) => void,
    windowMs: number,
    max: number,
  ): void;
}
type RedisCounterClass = new (
  continueExceeding: boolean,
  exponentialBackoff: boolean,
  redis: Redis,
  prefix: string,
) => RedisCounter;
const RedisStore = createRequire(import.meta.url)("@fastify/rate-limit/store/RedisStore.js") as RedisCounterClass;

const WINDOW_MS = 60_000;
/** beside the /api limiter's `portico-rl:` keys, apart from them */
export const CLIENT_RATE_LIMIT_PREFIX = "portico-rl:smart-client:";

/** one request counted: allowed, or refused with the seconds until the app may try again */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Requests per connected app per minute on the FHIR API. With Redis (`REDIS_URL`) the count is
 * shared by every app server, kept as the portal's /api limit keeps its own (@fastify/rate-limit's
 * Redis store: one INCR per request, the key expiring a minute after the app's first request);
 * without Redis, or while Redis does not answer, each process counts alone (a fixed one-minute
 * window). An app over it gets 429 with Retry-After.
 */
export class ClientRateLimiter {
  perMinute: number;
  readonly #windows = new Map<string, { start: number; count: number }>();
  readonly #shared: RedisCounter | undefined;

  constructor(perMinute: number, redis?: Redis) {
    this.perMinute = perMinute;
    this.#shared = redis ? new RedisStore(false, false, redis, CLIENT_RATE_LIMIT_PREFIX) : undefined;
  }

  /** counts one request of the app */
  async take(clientId: string, now = Date.now()): Promise<RateDecision> {
    if (this.#shared) {
      const counted = await this.#sharedCount(clientId);
      if (counted) return this.#decide(counted.current, counted.ttl);
    }
    return this.#takeHere(clientId, now);
  }

  #sharedCount(clientId: string): Promise<{ current: number; ttl: number } | null> {
    const shared = this.#shared as RedisCounter;
    return new Promise((resolve) => {
      try {
        shared.incr(clientId, (error, result) => resolve(error ? null : result), WINDOW_MS, this.perMinute);
      } catch {
        resolve(null);
      }
    });
  }

  #takeHere(clientId: string, now: number): RateDecision {
    const start = now - (now % WINDOW_MS);
    let window = this.#windows.get(clientId);
    if (!window || window.start !== start) {
      if (this.#windows.size > 10_000) this.#windows.clear();
      window = { start, count: 0 };
      this.#windows.set(clientId, window);
    }
    window.count++;
    return this.#decide(window.count, start + WINDOW_MS - now);
  }

  #decide(count: number, msLeft: number): RateDecision {
    if (count <= this.perMinute) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(msLeft / 1000)) };
  }
}
