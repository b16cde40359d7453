import { Redis } from "ioredis";

/**
 * The one Redis connection of a process (REDIS_URL), which the request limits share across
 * app servers: the portal's /api limit (`http/rate-limit.ts`) and each connected app's FHIR
 * limit (`modules/smart/rate-limit.ts`). It never queues a command or holds a request up: a
 * limit whose Redis does not answer counts in the process instead. It connects when the HTTP
 * server starts (`redisReady`), so a worker process that serves no requests never opens it.
 */
export function sharedRedis(url: string | undefined): Redis | undefined {
  if (!url) return undefined;
  const redis = new Redis(url, {
    connectTimeout: 2_000,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    lazyConnect: true,
  });
  redis.on("error", () => {});
  return redis;
}

/** Connects and waits for the connection up to 2 s, so the first requests are counted; never blocks start-up longer. */
export async function redisReady(redis: Redis): Promise<void> {
  if (redis.status === "ready") return;
  if (redis.status === "wait") redis.connect().catch(() => {});
  await Promise.race([
    new Promise((resolve) => redis.once("ready", resolve)),
    new Promise((resolve) => setTimeout(resolve, 2_000).unref()),
  ]);
}
