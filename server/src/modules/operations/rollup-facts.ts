import { type RawBuilder, sql } from "kysely";

/**
 * What the operations roll-up (rollup.ts) is made of: each range figure's rows before
 * aggregation ("facts") over the source tables — summed into the roll-up for closed days, and
 * read live for the rest of a range (rollup-read.ts), so both paths give the same answer —, the
 * sums every grain keeps, and the spans of several days kept besides days (months, ISO weeks).
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
export const NO_LOCATION = new Set<RollupFigure>(["refill", "referral"]);

/** Which source rows: those whose anchor instant satisfies `where`. */
export type Where = (anchor: RawBuilder<unknown>) => RawBuilder<unknown>;
/** message waits: all, those settled (done/cancelled: the roll-up), or those still waiting */
type Part = "all" | "settled" | "waiting";

export const empty = sql``;

/**
 * Each figure's rows before aggregation: location, provider, group, bucket (a duration in
 * steps; null for counts), the counts n, c1…c4 and sum s1, and `dup` for a row that counts
 * only for its provider (a referral's approved specialist besides its primary care physician).
 */
export function facts(figure: RollupFigure, where: Where, now: Date, part: Part = "all"): RawBuilder<Raw> {
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
export const SUMS = sql`coalesce(sum(n::int), 0)::bigint as n, coalesce(sum(c1::int), 0)::bigint as c1,
  coalesce(sum(c2::int), 0)::bigint as c2, coalesce(sum(c3::int), 0)::bigint as c3,
  coalesce(sum(c4::int), 0)::bigint as c4, coalesce(sum(s1::int), 0)::bigint as s1`;

// ---- spans of several days kept in the roll-up ----

/** Spans of several days kept in the roll-up: calendar months and ISO weeks (Monday to Sunday). */
export const PERIODS = [
  { span: "m", table: "operations_rollup_months", key: "month", length: "1 month", trunc: "month" },
  { span: "w", table: "operations_rollup_weeks", key: "week", length: "7 days", trunc: "week" },
] as const;
export type Period = (typeof PERIODS)[number];

const DAY = 86_400_000;
export const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
export const iso = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));
export const periodDays = (span: string, start: string): string[] => {
  const out: string[] = [];
  for (let d = start; span === "w" ? out.length < 7 : d.slice(0, 7) === start.slice(0, 7); d = addDays(d, 1))
    out.push(d);
  return out;
};
