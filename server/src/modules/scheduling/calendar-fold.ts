import { type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { JobQueue } from "../../platform/jobs/index.ts";

export const FOLD_CALENDAR_CHANGES_QUEUE = "scheduling.fold-calendar-changes";
const FOLD_EVERY_MINUTES = 10;
const MINUTE = 60_000;

/**
 * Folds `calendar_changes` (migrations 0037, 0047): every provider-day with more than one row
 * gets one row instead, standing for as many changes (`n`, summed) with the newest `at`. The
 * stamp a slot search compares (slot-cache.ts: sum of `n`, newest `at`) is the same before and
 * after, so no cached provider-day is recomputed because of a fold, and a search reads about one
 * row per provider-day instead of every change ever made to it.
 *
 * Safe beside bookings and other folds, in READ COMMITTED: a provider's fold is one statement
 * that deletes the rows its snapshot sees and inserts their sums from what it actually deleted
 * (`RETURNING`), so a row committed meanwhile is left for the next fold, and a row another fold
 * took first is neither deleted nor counted twice. Every snapshot sees either the rows or their
 * sum. Returns the providers folded and the rows removed.
 */
export async function foldCalendarChanges(db: Kysely<DB>): Promise<{ providers: number; rowsRemoved: number }> {
  const { rows: providers } = await sql<{ providerId: string }>`
    select distinct provider_id as "providerId"
    from (select provider_id from calendar_changes group by provider_id, day having count(*) > 1) as crowded`.execute(
    db,
  );
  let rowsRemoved = 0;
  for (const { providerId } of providers) {
    const { rows } = await sql<{ deleted: string; inserted: string }>`
      with gone as (
        delete from calendar_changes c
        using (select day from calendar_changes where provider_id = ${providerId}::uuid
               group by day having count(*) > 1) as crowded
        where c.provider_id = ${providerId}::uuid and c.day is not distinct from crowded.day
        returning c.day, c.n, c.at
      ), folded as (
        insert into calendar_changes (provider_id, day, n, at)
        select ${providerId}::uuid, day, sum(n)::integer, max(at) from gone group by day
        returning 1
      )
      select (select count(*) from gone) as deleted, (select count(*) from folded) as inserted`.execute(db);
    const row = rows[0];
    if (row) rowsRemoved += Number(row.deleted) - Number(row.inserted);
  }
  return { providers: providers.length, rowsRemoved };
}

/** The periodic fold: one job per 10-minute bucket across all workers, each queuing the next. */
export class CalendarFold {
  /** queues a fold at `at` (default now) */
  readonly schedule: (at?: Date) => Promise<void>;

  constructor(deps: { db: Kysely<DB>; jobs: JobQueue }) {
    this.schedule = deps.jobs.periodic(FOLD_CALENDAR_CHANGES_QUEUE, FOLD_EVERY_MINUTES * MINUTE, () =>
      foldCalendarChanges(deps.db),
    );
  }
}
