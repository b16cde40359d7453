import { connectionBases, connectionKey, endConnections } from "./connection-basis.ts";
import type { SmartContext } from "./smart-context.ts";

/** the daily job that ends caregivers' connections whose access has ended */
export const END_CAREGIVER_CONNECTIONS_QUEUE = "smart.end-caregiver-connections";
export const DAY_MS = 86_400_000;

/** Queues the daily run (once per day across all workers), after the proxies' end of parental access at 04:00. */
export async function scheduleDaily(c: SmartContext, day: Date = c.clock.now()): Promise<void> {
  const date = day.toISOString().slice(0, 10);
  await c.jobs.enqueue(
    END_CAREGIVER_CONNECTIONS_QUEUE,
    {},
    { dedupeKey: `${END_CAREGIVER_CONNECTIONS_QUEUE}:${date}`, runAt: new Date(`${date}T04:30:00Z`), maxAttempts: 5 },
  );
}

/**
 * The daily job: connections whose caregiver's access has ended and that no app has used
 * since (which ends them at once) are ended now, a page of connections at a time. Answers how
 * many ended.
 */
export async function endCaregiverConnections(c: SmartContext): Promise<number> {
  let ended = 0;
  let after = "";
  for (;;) {
    const page = await c.db
      .selectFrom("smart_grants")
      .select(["grant_id", "client_id", "user_id", "patient_id"])
      .where("revoked_at", "is", null)
      .where("grant_id", ">", after)
      .orderBy("grant_id")
      .limit(500)
      .execute();
    const bases = await connectionBases(c, page);
    const lapsed = page.filter((g) => !bases.has(connectionKey(g)));
    await endConnections(c, lapsed);
    ended += lapsed.length;
    if (page.length < 500) return ended;
    after = (page[page.length - 1] as { grant_id: string }).grant_id;
  }
}
