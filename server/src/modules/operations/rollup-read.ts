import { type RawBuilder, sql } from "kysely";
import type { Database } from "../../db/database.ts";
import {
  addDays,
  empty,
  facts,
  iso,
  NO_LOCATION,
  PERIODS,
  type Period,
  periodDays,
  type Raw,
  type RollupFigure,
  SUMS,
  type Where,
} from "./rollup-facts.ts";

/**
 * Reading a range figure's counts: the rolled-up months, weeks and days inside the range
 * (rollup-facts.ts, kept by rollup.ts) plus the rest of the range read live from the same facts.
 */

/** A figure's counts n, c1…c4 and sum s1 (what each counts is the figure's own: rollup-facts.ts). */
export interface Counts {
  n: number;
  c1: number;
  c2: number;
  c3: number;
  c4: number;
  s1: number;
}

/** A figure's counts for one group and bucket (a duration in steps; null for counts alone). */
export interface Bucketed extends Counts {
  grp: string;
  bucket: number | null;
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
