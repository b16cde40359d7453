import { sql } from "kysely";
import type { Database } from "../../db/database.ts";
import { empty, facts, NO_LOCATION, PERIODS, type Period, ROLLUP_FIGURES, SUMS, type Where } from "./rollup-facts.ts";

export { type Raw, ROLLUP_FIGURES, type RollupFigure } from "./rollup-facts.ts";
export { type Bucketed, bucketed, percentile, planRange, type RangeFilter, type RangePlan } from "./rollup-read.ts";

/**
 * The operations dashboard's roll-up (migrations 0041, 0044): for each closed local day of the
 * reporting zone, and each ISO week and month of such days, every range figure's counts and the
 * distribution of its durations in steps of the precision shown (0.1 day, 0.1 hour, 0.1 minute;
 * 0.01 day for referrals), at three grains: the clinic, each location, each location and
 * provider. A figure adds up rolled-up months, weeks and days and reads the rest of its range live
 * from the same per-row "facts", so both paths give the same answer.
 *
 * Freshness: a day is rolled up once it has been over for 10 minutes (`run`, a periodic job).
 * Triggers on the source tables mark a closed day changed (`operations_rollup_days.rolled =
 * false`) in the same transaction as the change — a status set late, a survey answered days
 * after, a referral's first visit booked — and from then on figures read that day live until
 * the next run computes it again. Changes everything depends on (staff roles, a visit type's
 * cancellation notice, a pool's location, the reporting zone) mark every day.
 *
 * This file is the periodic roll-up; each figure's facts and the spans kept are in
 * rollup-facts.ts, and reading a range (the plan of rolled-up and live days) in rollup-read.ts.
 */

/**
 * Days are rolled up this long after they end, and this long after their row in
 * operations_rollup_days was made (a transaction that touched the day before has ended).
 */
const SETTLE_MS = 10 * 60_000;

export interface RollupRun {
  days: number;
  /** months and weeks (re)built */
  periods: number;
  /** days still to do (the next run follows straight away) */
  remaining: number;
}

/**
 * Rolls up closed days not yet rolled up or changed since (the most recent first, at most
 * `maxDays` per run), then every month whose days are all rolled up and whose rows are older
 * than its days'. `timeZone` is the reporting zone: if it is not the roll-up's, all is dropped
 * and built again.
 */
export async function runRollup(
  db: Database,
  opts: { timeZone: string; now: Date; maxDays?: number; settleMs?: number },
): Promise<RollupRun> {
  const { timeZone: tz } = opts;
  const maxDays = opts.maxDays ?? 60;
  const settleMs = opts.settleMs ?? SETTLE_MS;
  await db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ time_zone: string }>`
      select time_zone from operations_rollup_state for update`.execute(trx);
    if (rows[0]?.time_zone === tz) return;
    await sql`delete from operations_rollup`.execute(trx);
    await sql`delete from operations_rollup_months`.execute(trx);
    await sql`delete from operations_rollup_days`.execute(trx);
    await sql`delete from operations_rollup_state`.execute(trx);
    await sql`insert into operations_rollup_state (time_zone) values (${tz})`.execute(trx);
  });
  // the last closed day: over for SETTLE_MS by both the clinic's clock and the database's
  const { rows: bounds } = await sql<{ first: string | null; last: string; tomorrow: string }>`
    with closed as (select least(${opts.now}::timestamptz, now()) - make_interval(secs => ${SETTLE_MS / 1000}) as t)
    select (date_trunc('month', (least(
             (select min(created_at) from appointments), (select min(starts_at) from appointments),
             (select min(created_at) from work_items where queue = 'messages'),
             (select min(requested_at) from refill_request_items), (select min(created_at) from referrals),
             (select min(sent_at) from visit_surveys)
           ) at time zone ${tz})))::date::text as first,
           ((closed.t at time zone ${tz})::date - 1)::text as last,
           ((greatest(${opts.now}::timestamptz, now()) at time zone ${tz})::date + 1)::text as tomorrow
    from closed`.execute(db);
  const first = bounds[0]?.first ?? null;
  const last = bounds[0]?.last as string;
  if (!first) return { days: 0, periods: 0, remaining: 0 };
  // every day's row, ahead of time (up to tomorrow): from then on a change to the day marks it
  await sql`
    insert into operations_rollup_days (day, rolled)
    select g.day::date, false from generate_series(${first}::date, ${bounds[0]?.tomorrow}::date, interval '1 day') as g(day)
    on conflict (day) do nothing`.execute(db);
  if (first > last) return { days: 0, periods: 0, remaining: 0 };
  // closed days not rolled up (or changed since) whose row has stood long enough that no
  // transaction that touched the day before the row existed is still open
  const { rows: todo } = await sql<{ day: string }>`
    select d.day::text as day
    from operations_rollup_days d
    where d.day between ${first}::date and ${last}::date and not d.rolled
      and d.created_at <= now() - make_interval(secs => ${settleMs / 1000})
    order by d.day desc`.execute(db);
  const batch = todo.slice(0, maxDays);
  for (const { day } of batch) await rollDay(db, tz, day, opts.now);
  // months and weeks: complete (every day rolled up), closed, and built from older day rows than now stand
  let periods = 0;
  for (const p of PERIODS) {
    const key = sql.ref(`pe.${p.key}`);
    const length = sql.raw(`interval '${p.length}'`);
    const { rows: due } = await sql<{ start: string }>`
      select m.start::date::text as start
      from generate_series(date_trunc(${p.trunc}, ${first}::date), ${last}::date, ${length}) as m(start)
      left join ${sql.table(p.table)} pe on ${key} = m.start::date
      cross join lateral (
        select count(*) filter (where d.rolled) as rolled, max(d.rolled_at) as latest
        from operations_rollup_days d
        where d.day >= m.start::date and d.day < m.start::date + ${length}
      ) x
      where (m.start::date + ${length})::date - 1 <= ${last}::date
        and x.rolled = ((m.start::date + ${length})::date - m.start::date)
        and (pe.built_from is null or pe.built_from <> x.latest)`.execute(db);
    for (const { start } of due) await buildPeriod(db, p, start);
    periods += due.length;
  }
  return { days: batch.length, periods, remaining: todo.length - batch.length };
}

/** One day's rows, after taking the day's lock (a writer that marked it changed has committed). */
async function rollDay(db: Database, tz: string, day: string, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    // the day's row lock: a writer that marked the day has committed, one that marks it next waits
    await sql`
      update operations_rollup_days set rolled = true, rolled_at = clock_timestamp() where day = ${day}::date`.execute(
      trx,
    );
    await sql`delete from operations_rollup where span = 'd' and day = ${day}::date`.execute(trx);
    const where: Where = (anchor) =>
      sql`${anchor} >= (${day}::date::timestamp at time zone ${tz}) and ${anchor} < ((${day}::date + 1)::timestamp at time zone ${tz})`;
    for (const figure of ROLLUP_FIGURES) {
      await sql`
        with f as materialized (${facts(figure, where, now, figure === "message" ? "settled" : "all")})
        insert into operations_rollup (span, day, figure, grain, location_id, provider_id, grp, bucket, n, c1, c2, c3, c4, s1)
        select 'd', ${day}::date, ${figure}, case when grouping(location_id) = 1 then 'a' else 'l' end,
               location_id, null, grp, bucket, ${SUMS}
        from f where not dup
        group by grouping sets ((grp, bucket), (location_id, grp, bucket))
        ${NO_LOCATION.has(figure) ? sql`having grouping(location_id) = 1` : empty}
        union all
        select 'd', ${day}::date, ${figure}, 'p', location_id, provider_id, grp, bucket, ${SUMS}
        from f where provider_id is not null
        group by location_id, provider_id, grp, bucket`.execute(trx);
    }
  });
}

/** A month's or week's rows: the sum of its days' rows, as they stand in one snapshot. */
async function buildPeriod(db: Database, p: Period, start: string): Promise<void> {
  const length = sql.raw(`interval '${p.length}'`);
  const days = sql`day >= ${start}::date and day < ${start}::date + ${length}`;
  await db
    .transaction()
    .setIsolationLevel("repeatable read")
    .execute(async (trx) => {
      const { rows } = await sql<{ rolled: number; days: number }>`
        select count(*) filter (where rolled)::int as rolled,
               ((${start}::date + ${length})::date - ${start}::date) as days
        from operations_rollup_days where ${days}`.execute(trx);
      const r = rows[0];
      if (!r || Number(r.rolled) !== Number(r.days)) return;
      await sql`delete from operations_rollup where span = ${p.span} and day = ${start}::date`.execute(trx);
      await sql`
        insert into operations_rollup (span, day, figure, grain, location_id, provider_id, grp, bucket, n, c1, c2, c3, c4, s1)
        select ${p.span}, ${start}::date, figure, grain, location_id, provider_id, grp, bucket, ${SUMS}
        from operations_rollup
        where span = 'd' and ${days}
        group by figure, grain, location_id, provider_id, grp, bucket`.execute(trx);
      await sql`
        insert into ${sql.table(p.table)} (${sql.ref(p.key)}, built_from)
        select ${start}::date, max(rolled_at) from operations_rollup_days where ${days}
        on conflict (${sql.ref(p.key)}) do update set built_from = excluded.built_from`.execute(trx);
    });
}
