import { type RawBuilder, sql } from "kysely";
import type { Database } from "../../db/database.ts";

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
 */

export type Raw = Record<string, unknown>;
export type RollupFigure =
  | "lead"
  | "bookings"
  | "attendance"
  | "arrival"
  | "message"
  | "refill"
  | "referral"
  | "survey";
export const ROLLUP_FIGURES: readonly RollupFigure[] = [
  "lead",
  "bookings",
  "attendance",
  "arrival",
  "message",
  "refill",
  "referral",
  "survey",
];

/** Figures without a location (the location filter does not apply). */
const NO_LOCATION = new Set<RollupFigure>(["refill", "referral"]);

/** Which source rows: those whose anchor instant satisfies `where`. */
type Where = (anchor: RawBuilder<unknown>) => RawBuilder<unknown>;
/** message waits: all, those settled (done/cancelled: the roll-up), or those still waiting */
type Part = "all" | "settled" | "waiting";

const empty = sql``;

/**
 * Each figure's rows before aggregation: location, provider, group, bucket (a duration in
 * steps; null for counts), the counts n, c1…c4 and sum s1, and `dup` for a row that counts
 * only for its provider (a referral's approved specialist besides its primary care physician).
 */
function facts(figure: RollupFigure, where: Where, now: Date, part: Part = "all"): RawBuilder<Raw> {
  const at = sql`${now}::timestamptz`;
  switch (figure) {
    case "lead":
      return sql<Raw>`
        select a.location_id, a.provider_id, a.visit_type_id::text as grp,
               round(greatest(extract(epoch from a.starts_at - a.created_at), 0) / 8640)::int as bucket,
               1 as n, 0 as c1, 0 as c2, 0 as c3, 0 as c4, 0 as s1, false as dup
        from appointments a where ${where(sql`a.created_at`)}`;
    case "bookings":
      return sql<Raw>`
        select a.location_id, a.provider_id, '' as grp, null::int as bucket, 1 as n,
               (a.booked_by is not null and a.booked_by not in (select user_id from user_roles))::int as c1,
               (a.booked_by in (select user_id from user_roles))::int as c2,
               0 as c3, 0 as c4, 0 as s1, false as dup
        from appointments a where ${where(sql`a.created_at`)}`;
    case "attendance":
      // due up to now; cancelled before the visit type's notice: not due
      return sql<Raw>`
        select a.location_id, a.provider_id, a.provider_id::text as grp, null::int as bucket, 1 as n,
               (a.status = 'no_show')::int as c1, (a.status = 'cancelled')::int as c2,
               0 as c3, 0 as c4, 0 as s1, false as dup
        from appointments a
        join visit_types vt on vt.id = a.visit_type_id
        where ${where(sql`a.starts_at`)} and a.starts_at < ${at}
          and not (a.status = 'cancelled'
                   and a.cancelled_at < a.starts_at - make_interval(mins => vt.cancellation_notice_minutes))`;
    case "arrival":
      return sql<Raw>`
        select a.location_id, a.provider_id, a.location_id::text as grp,
               round(greatest(extract(epoch from a.roomed_at - a.arrived_at), 0) / 6)::int as bucket, 1 as n,
               (extract(epoch from a.roomed_at - a.arrived_at) > 900)::int as c1,
               0 as c2, 0 as c3, 0 as c4, 0 as s1, false as dup
        from appointments a
        where ${where(sql`a.starts_at`)} and a.arrived_at is not null and a.roomed_at is not null`;
    case "message":
      // n: waits (all but cancelled), c1 answered, c2 answered by the due time, c3 waiting past it
      return sql<Raw>`
        select mp.location_id, w.provider_id, w.pool_id::text as grp,
               case when w.status = 'done' then round(extract(epoch from w.completed_at - w.created_at) / 360)::int end as bucket,
               (w.status <> 'cancelled')::int as n, (w.status = 'done')::int as c1,
               (w.status = 'done' and w.completed_at <= w.due_at)::int as c2,
               (w.status in ('open', 'claimed') and w.due_at < ${at})::int as c3,
               0 as c4, 0 as s1, false as dup
        from work_items w
        join message_pools mp on mp.id = w.pool_id
        where w.queue = 'messages' and ${where(sql`w.created_at`)}
          ${part === "settled" ? sql`and w.status not in ('open', 'claimed')` : empty}
          ${part === "waiting" ? sql`and w.status in ('open', 'claimed')` : empty}`;
    case "refill":
      // per item: its request (c1: decided), and hours to the decision (:d) and to the pharmacy (:s)
      return sql<Raw>`
        select null::uuid as location_id, m.prescriber_id as provider_id, g.grp, g.bucket, 1 as n, g.c1,
               0 as c2, 0 as c3, 0 as c4, 0 as s1, false as dup
        from refill_request_items i
        join medications m on m.id = i.medication_id
        cross join lateral (values
          (i.automatic::text, null::int, (i.decided_at is not null)::int),
          (i.automatic::text || ':d', round(extract(epoch from i.decided_at - i.requested_at) / 360)::int, 0),
          (i.automatic::text || ':s', round(extract(epoch from i.sent_at - i.requested_at) / 360)::int, 0)
        ) as g(grp, bucket, c1)
        where ${where(sql`i.requested_at`)} and (g.bucket is not null or g.grp = i.automatic::text)`;
    case "referral":
      // per referral: requested, and days (0.01) per stage; once per provider (deciding PCP, approved specialist)
      return sql<Raw>`
        select null::uuid as location_id, pv.p as provider_id, g.grp, g.bucket, 1 as n,
               0 as c1, 0 as c2, 0 as c3, 0 as c4, 0 as s1, pv.dup
        from (
          select r.created_at, r.decided_at, r.pcp_provider_id, r.approved_provider_id,
                 (select min(ra.created_at) from referral_appointments ra where ra.referral_id = r.id) as scheduled_at
          from referrals r where ${where(sql`r.created_at`)}
        ) r
        cross join lateral (
          select u.p, u.ord > 1 as dup
          from unnest(array[r.pcp_provider_id, r.approved_provider_id]) with ordinality as u(p, ord)
          where u.ord = 1 or (u.p is not null and u.p is distinct from r.pcp_provider_id)
        ) pv
        cross join lateral (values
          ('requested', null::int),
          ('decision', round(extract(epoch from r.decided_at - r.created_at) / 864)::int),
          ('scheduling', round(extract(epoch from r.scheduled_at - r.decided_at) / 864)::int),
          ('requestToScheduled', round(extract(epoch from r.scheduled_at - r.created_at) / 864)::int)
        ) as g(grp, bucket)
        where g.grp = 'requested' or g.bucket is not null`;
    case "survey":
      // n sent, c1 answered, c2 promoters (9–10), c3 detractors (0–6), c4 scored, s1 sum of scores
      return sql<Raw>`
        select s.location_id, s.provider_id, s.provider_id::text as grp, null::int as bucket, 1 as n,
               (s.answered_at is not null)::int as c1, (s.score >= 9)::int as c2, (s.score <= 6)::int as c3,
               (s.score is not null)::int as c4, coalesce(s.score, 0) as s1, false as dup
        from visit_surveys s where ${where(sql`s.sent_at`)}`;
  }
}

// summed as integers (a bigint's sum is numeric, several times slower over a year's rows)
const SUMS = sql`coalesce(sum(n::int), 0)::bigint as n, coalesce(sum(c1::int), 0)::bigint as c1,
  coalesce(sum(c2::int), 0)::bigint as c2, coalesce(sum(c3::int), 0)::bigint as c3,
  coalesce(sum(c4::int), 0)::bigint as c4, coalesce(sum(s1::int), 0)::bigint as s1`;

export interface Bucketed {
  grp: string;
  bucket: number | null;
  n: number;
  c1: number;
  c2: number;
  c3: number;
  c4: number;
  s1: number;
}

export interface RangeFilter {
  from: string;
  to: string;
  timeZone: string;
  locationId: string | null;
  providerId: string | null;
  now: Date;
}

/** Which days of a range come from the roll-up (as months, weeks or days) and which are read live. */
export interface RangePlan {
  months: string[];
  weeks: string[];
  days: string[];
  /** runs of local days [first, last] read from the source tables */
  live: [string, string][];
}

/** Spans of several days kept in the roll-up: calendar months and ISO weeks (Monday to Sunday). */
const PERIODS = [
  { span: "m", table: "operations_rollup_months", key: "month", length: "1 month", trunc: "month" },
  { span: "w", table: "operations_rollup_weeks", key: "week", length: "7 days", trunc: "week" },
] as const;
type Period = (typeof PERIODS)[number];

const DAY = 86_400_000;
const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const iso = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));
const periodDays = (span: string, start: string): string[] => {
  const out: string[] = [];
  for (let d = start; span === "w" ? out.length < 7 : d.slice(0, 7) === start.slice(0, 7); d = addDays(d, 1))
    out.push(d);
  return out;
};

/** Periods inside the range whose rows are current: every day rolled, built from the days as they stand. */
function validPeriods(p: Period, f: RangeFilter): RawBuilder<{ span: string; day: string }> {
  const table = sql.table(p.table);
  const key = sql.ref(`pe.${p.key}`);
  const length = sql.raw(`interval '${p.length}'`);
  return sql`
    select ${p.span} as span, ${key}::text as day
    from ${table} pe, st
    where ${key} >= ${f.from}::date and (${key} + ${length})::date - 1 <= ${f.to}::date
      and ((${key} + ${length})::timestamp at time zone st.time_zone) <= ${f.now}::timestamptz
      and pe.built_from = (
        select max(d.rolled_at) from operations_rollup_days d
        where d.day >= ${key} and d.day < ${key} + ${length}
        having count(*) filter (where d.rolled) = ((${key} + ${length})::date - ${key})
      )`;
}

/** The plan for a range: valid months inside it, then weeks, then other rolled-up days, and the rest live. */
export async function planRange(db: Database, f: RangeFilter): Promise<RangePlan> {
  const { rows } = await sql<{ span: string; day: unknown }>`
    with st as (select time_zone from operations_rollup_state where time_zone = ${f.timeZone})
    ${validPeriods(PERIODS[0], f)}
    union all
    ${validPeriods(PERIODS[1], f)}
    union all
    select 'd', d.day::text
    from operations_rollup_days d, st
    where d.rolled and d.day between ${f.from}::date and ${f.to}::date
      and ((d.day + 1)::timestamp at time zone st.time_zone) <= ${f.now}::timestamptz`.execute(db);
  const covered = new Set<string>();
  const months = rows.filter((r) => r.span === "m").map((r) => iso(r.day));
  for (const m of months) for (const d of periodDays("m", m)) covered.add(d);
  // weeks wholly outside the months taken
  const weeks = rows
    .filter((r) => r.span === "w")
    .map((r) => iso(r.day))
    .filter((w) => periodDays("w", w).every((d) => !covered.has(d)));
  for (const w of weeks) for (const d of periodDays("w", w)) covered.add(d);
  const rolled = new Set(rows.filter((r) => r.span === "d").map((r) => iso(r.day)));
  const days: string[] = [];
  const live: [string, string][] = [];
  for (let d = f.from; d <= f.to; d = addDays(d, 1)) {
    if (covered.has(d)) continue;
    if (rolled.has(d)) {
      days.push(d);
      continue;
    }
    const last = live[live.length - 1];
    if (last && addDays(last[1], 1) === d) last[1] = d;
    else live.push([d, d]);
  }
  return { months, weeks, days, live };
}

/**
 * A figure's counts per group and bucket over a range: rolled-up months, weeks and days plus the rest
 * read live, with the location and provider filters (the coarsest grain that has them).
 */
export async function bucketed(db: Database, figure: RollupFigure, f: RangeFilter): Promise<Bucketed[]> {
  const plan = await planRange(db, f);
  const locationId = NO_LOCATION.has(figure) ? null : f.locationId;
  const grain = f.providerId ? "p" : locationId ? "l" : "a";
  const dims = sql`${locationId ? sql`and location_id = ${locationId}::uuid` : empty}
    ${f.providerId ? sql`and provider_id = ${f.providerId}::uuid` : sql`and provider_id is null`}`;
  const parts: RawBuilder<unknown>[] = [];
  for (const [span, days] of [
    ["m", plan.months],
    ["w", plan.weeks],
    ["d", plan.days],
  ] as const) {
    if (!days.length) continue;
    parts.push(sql`
      select grp, bucket, n, c1, c2, c3, c4, s1 from operations_rollup
      where figure = ${figure} and grain = ${grain} and span = ${span} and day = any(${days}::date[]) ${dims}`);
  }
  const tz = f.timeZone;
  const liveFilter = sql`${locationId ? sql`and location_id = ${locationId}::uuid` : empty}
    ${f.providerId ? sql`and provider_id = ${f.providerId}::uuid` : sql`and not dup`}`;
  if (plan.live.length) {
    const where: Where = (anchor) =>
      sql`(${sql.join(
        plan.live.map(
          ([a, b]) =>
            sql`(${anchor} >= (${a}::date::timestamp at time zone ${tz}) and ${anchor} < ((${b}::date + 1)::timestamp at time zone ${tz}))`,
        ),
        sql` or `,
      )})`;
    parts.push(
      sql`select grp, bucket, n, c1, c2, c3, c4, s1 from (${facts(figure, where, f.now)}) x where true ${liveFilter}`,
    );
  }
  // message waits still waiting on rolled-up days: always live ("overdue" moves with the clock)
  const rolledDays = [
    ...plan.days,
    ...plan.months.flatMap((m) => periodDays("m", m)),
    ...plan.weeks.flatMap((w) => periodDays("w", w)),
  ];
  if (figure === "message" && rolledDays.length) {
    rolledDays.sort();
    const [firstDay, lastDay] = [rolledDays[0] as string, rolledDays[rolledDays.length - 1] as string];
    const where: Where = (anchor) =>
      sql`(${anchor} at time zone ${tz})::date = any(${rolledDays}::date[])
        and ${anchor} >= (${firstDay}::date::timestamp at time zone ${tz})
        and ${anchor} < ((${lastDay}::date + 1)::timestamp at time zone ${tz})`;
    parts.push(
      sql`select grp, bucket, n, c1, c2, c3, c4, s1 from (${facts(figure, where, f.now, "waiting")}) x where true ${liveFilter}`,
    );
  }
  if (!parts.length) return [];
  const { rows } = await sql<Raw>`
    select grp, bucket, ${SUMS}
    from (${sql.join(parts, sql` union all `)}) u
    group by grp, bucket`.execute(db);
  return rows.map((r) => ({
    grp: String(r.grp),
    bucket: r.bucket === null ? null : Number(r.bucket),
    n: Number(r.n),
    c1: Number(r.c1),
    c2: Number(r.c2),
    c3: Number(r.c3),
    c4: Number(r.c4),
    s1: Number(r.s1),
  }));
}

/**
 * The percentile (continuous, as `percentile_cont`) of a distribution given as bucket counts,
 * in the buckets' unit; null when it is empty.
 */
export function percentile(dist: Map<number, number>, p: number): number | null {
  const entries = [...dist.entries()].filter(([, w]) => w > 0).sort((a, b) => a[0] - b[0]);
  const total = entries.reduce((s, [, w]) => s + w, 0);
  if (!total) return null;
  const h = p * (total - 1);
  const lo = Math.floor(h);
  const at = (k: number) => {
    let seen = 0;
    for (const [b, w] of entries) {
      seen += w;
      if (seen > k) return b;
    }
    return (entries[entries.length - 1] as [number, number])[0];
  };
  const low = at(lo);
  return h === lo ? low : low + (h - lo) * (at(lo + 1) - low);
}

// ---- the periodic roll-up ----

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
