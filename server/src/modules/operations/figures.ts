import type { OperationsColumn, OperationsFigureName, OperationsRow } from "@portico/contracts";
import { type RawBuilder, sql } from "kysely";
import type { Database } from "../../db/database.ts";

/**
 * The operations dashboard's figures, each one SQL statement over the portal's own tables.
 * Every statement returns aggregates only (counts, rates, percentiles) grouped by the clinic's
 * catalogue (provider, visit type, location, message pool): never a patient's id or name.
 * Groups come with their total from the same statement (`GROUPING SETS (…, ())`).
 */

export interface FigureFilter {
  /** the reporting zone's local days [from, to], both included */
  from: string;
  to: string;
  timeZone: string;
  locationId: string | null;
  providerId: string | null;
  now: Date;
}

export interface FigureResult {
  applies: { dateRange: boolean; location: boolean; provider: boolean };
  columns: OperationsColumn[];
  rows: OperationsRow[];
  total: OperationsRow | null;
}

type Raw = Record<string, unknown>;
const col = (key: string, unit: OperationsColumn["unit"]): OperationsColumn => ({ key, unit });
const empty = sql``;
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const round1 = (v: unknown): number | null => {
  const n = num(v);
  return n === null || !Number.isFinite(n) ? null : Math.round(n * 10) / 10;
};
/** part of whole as a percentage; null when there is no whole */
const rate = (part: unknown, whole: unknown): number | null => {
  const w = num(whole);
  return w ? round1((100 * (num(part) ?? 0)) / w) : null;
};

/** The range's first instant and the instant after its last day, in the reporting zone. */
function bounds(f: FigureFilter): { start: RawBuilder<Date>; end: RawBuilder<Date> } {
  return {
    start: sql<Date>`(${f.from}::date::timestamp at time zone ${f.timeZone})`,
    end: sql<Date>`((${f.to}::date + 1)::timestamp at time zone ${f.timeZone})`,
  };
}

async function rows(db: Database, query: RawBuilder<Raw>): Promise<Raw[]> {
  return (await query.execute(db)).rows;
}

/** Rows of a grouped statement whose total row has `is_total = true`. */
function split(raw: Raw[], map: (r: Raw) => OperationsRow, label: string): Pick<FigureResult, "rows" | "total"> {
  const groups = raw.filter((r) => !r.is_total).map(map);
  const totalRaw = raw.find((r) => r.is_total);
  const total = totalRaw ? { ...map(totalRaw), [Object.keys(map(totalRaw))[0] as string]: label } : null;
  return { rows: groups, total: total && groups.length ? total : null };
}

// ---- third next available appointment ----

/**
 * Days from now to the third free slot, per provider and visit type they offer, by the slot
 * engine's rules (`scheduling/slot-engine.ts`): weekly templates in the location's zone (the
 * visit type listed, or the template open to all) and extra hours; time off and blocks cut
 * them into pieces whose slot grid starts at the piece's start; a slot fits in a piece, is
 * clear of booked appointments (with the visit type's buffers), not before the minimum notice
 * and within the horizon (at most 90 days looked at). Visit types with the same rules and
 * templates share one computation per provider, and the walk through the windows, in order,
 * stops at the third slot. Not a range figure: it is the schedule as it stands now.
 */
async function thirdNextAvailable(db: Database, f: FigureFilter): Promise<FigureResult> {
  const loc = f.locationId;
  const now = sql`${f.now}::timestamptz`;
  const raw = await rows(
    db,
    sql<Raw>`
      with pairs as (
        select p.id as provider_id, p.display_name as provider, vt.name as visit_type,
               vt.duration_minutes as dur, vt.buffer_before_minutes as bb, vt.buffer_after_minutes as ba,
               vt.minimum_notice_minutes as notice, least(vt.horizon_days, 90) as horizon,
               array(
                 select t.id from availability_templates t
                 join provider_locations pl on pl.provider_id = t.provider_id and pl.location_id = t.location_id
                 join locations l on l.id = t.location_id and l.active
                 where t.provider_id = p.id and (cardinality(t.visit_type_ids) = 0 or vt.id = any(t.visit_type_ids))
                   ${loc ? sql`and t.location_id = ${loc}::uuid` : empty}
                 order by t.id
               ) as template_ids
        from providers p
        join visit_types vt on vt.specialty = p.specialty and vt.active
        where p.active ${f.providerId ? sql`and p.id = ${f.providerId}::uuid` : empty}
      ),
      groups as (
        select distinct provider_id, dur, bb, ba, notice, horizon, template_ids,
               ${now} + make_interval(mins => notice) as earliest,
               ${now} + make_interval(days => horizon) as latest
        from pairs where cardinality(template_ids) > 0
      ),
      thirds as (
        select g.provider_id, g.dur, g.bb, g.ba, g.notice, g.horizon, g.template_ids,
          (select (array_agg(found.slot order by found.slot))[3] from (
            select s.slot
            from (
              select w.ws, w.we from (
                select (((${now} at time zone l.time_zone)::date + n.day + t.start_time) at time zone l.time_zone) as ws,
                       (((${now} at time zone l.time_zone)::date + n.day + t.end_time) at time zone l.time_zone) as we
                from availability_templates t
                join locations l on l.id = t.location_id
                cross join generate_series(-1, g.horizon + 1) as n(day)
                where t.id = any(g.template_ids)
                  and t.weekday = extract(isodow from (${now} at time zone l.time_zone)::date + n.day)
                  and (t.valid_from is null or t.valid_from <= (${now} at time zone l.time_zone)::date + n.day)
                  and (t.valid_until is null or t.valid_until >= (${now} at time zone l.time_zone)::date + n.day)
                union all
                select e.starts_at, e.ends_at
                from availability_exceptions e
                where e.provider_id = g.provider_id and e.kind = 'extra_hours'
                  and e.ends_at > g.earliest and e.starts_at < g.latest
                  ${loc ? sql`and e.location_id = ${loc}::uuid` : empty}
              ) w
              where w.we > g.earliest and w.ws < g.latest
              order by w.ws
            ) w
            -- the window less time off and blocks: pieces, each with its own slot grid
            cross join lateral unnest(
              tstzmultirange(tstzrange(w.ws, w.we))
              - coalesce((
                  select range_agg(tstzrange(x.starts_at, x.ends_at))
                  from availability_exceptions x
                  where x.provider_id = g.provider_id and x.kind in ('time_off', 'block')
                    and x.starts_at < w.we and x.ends_at > w.ws
                ), '{}'::tstzmultirange)
            ) as piece(r)
            -- the piece less what is booked: where a slot may be
            cross join lateral unnest(
              tstzmultirange(piece.r)
              - coalesce((
                  select range_agg(a.blocked)
                  from appointments a
                  where a.provider_id = g.provider_id and a.status <> 'cancelled' and a.blocked && piece.r
                ), '{}'::tstzmultirange)
            ) as free(r)
            cross join lateral generate_series(
              ceil(extract(epoch from greatest(lower(free.r), g.earliest) - lower(piece.r)) / (60 * g.dur))::int,
              floor(extract(epoch from upper(free.r) - lower(piece.r)) / (60 * g.dur))::int - 1
            ) as k(n)
            cross join lateral (select lower(piece.r) + make_interval(mins => k.n * g.dur) as slot) s
            where s.slot < g.latest
              and (g.bb + g.ba = 0 or not exists (
                select 1 from appointments a
                where a.provider_id = g.provider_id and a.status <> 'cancelled'
                  and a.blocked && tstzrange(s.slot - make_interval(mins => g.bb), s.slot + make_interval(mins => g.dur + g.ba))
              ))
            limit 3
          ) found) as third
        from groups g
      )
      select pr.provider, pr.visit_type, extract(epoch from th.third - ${now}) / 86400.0 as days
      from pairs pr
      left join thirds th on th.provider_id = pr.provider_id and th.dur = pr.dur and th.bb = pr.bb and th.ba = pr.ba
        and th.notice = pr.notice and th.horizon = pr.horizon and th.template_ids = pr.template_ids
      where cardinality(pr.template_ids) > 0
      order by pr.provider, pr.visit_type`,
  );
  return {
    applies: { dateRange: false, location: true, provider: true },
    columns: [col("provider", "text"), col("visitType", "text"), col("days", "days")],
    rows: raw.map((r) => ({ provider: String(r.provider), visitType: String(r.visit_type), days: round1(r.days) })),
    total: null,
  };
}

// ---- booking lead time ----

/** Days from booking to the visit, for appointments booked in the range, per visit type. */
async function leadTime(db: Database, f: FigureFilter): Promise<FigureResult> {
  const { start, end } = bounds(f);
  const raw = await rows(
    db,
    sql<Raw>`
      select grouping(vt.name) = 1 as is_total, vt.name as visit_type, count(*)::int as appointments,
             percentile_cont(0.5) within group (order by x.lead)::float8 as median,
             percentile_cont(0.9) within group (order by x.lead)::float8 as p90
      from (
        select a.visit_type_id, greatest(extract(epoch from a.starts_at - a.created_at), 0) / 86400.0 as lead
        from appointments a
        where a.created_at >= ${start} and a.created_at < ${end}
          ${f.locationId ? sql`and a.location_id = ${f.locationId}::uuid` : empty}
          ${f.providerId ? sql`and a.provider_id = ${f.providerId}::uuid` : empty}
      ) x
      join visit_types vt on vt.id = x.visit_type_id
      group by grouping sets ((vt.name), ())
      order by is_total, vt.name`,
  );
  return {
    applies: { dateRange: true, location: true, provider: true },
    columns: [
      col("visitType", "text"),
      col("appointments", "count"),
      col("medianDays", "days"),
      col("p90Days", "days"),
    ],
    ...split(
      raw,
      (r) => ({
        visitType: r.visit_type === null ? null : String(r.visit_type),
        appointments: num(r.appointments),
        medianDays: round1(r.median),
        p90Days: round1(r.p90),
      }),
      "all",
    ),
  };
}

// ---- no-shows and late cancellations ----

/**
 * Of the appointments due in the range (up to now) — everything but those cancelled before the
 * visit type's cancellation notice — how many were no-shows and how many cancelled late
 * (within the notice, by anyone). Per provider.
 */
async function attendance(db: Database, f: FigureFilter): Promise<FigureResult> {
  const { start, end } = bounds(f);
  const raw = await rows(
    db,
    sql<Raw>`
      select grouping(p.display_name) = 1 as is_total, p.display_name as provider,
             count(*) filter (where not x.early_cancel)::int as due,
             count(*) filter (where x.status = 'no_show')::int as no_shows,
             count(*) filter (where x.status = 'cancelled' and not x.early_cancel)::int as late_cancels
      from (
        select a.provider_id, a.status,
               (a.status = 'cancelled' and a.cancelled_at < a.starts_at - make_interval(mins => vt.cancellation_notice_minutes)) as early_cancel
        from appointments a
        join visit_types vt on vt.id = a.visit_type_id
        where a.starts_at >= ${start} and a.starts_at < least(${end}, ${f.now}::timestamptz)
          ${f.locationId ? sql`and a.location_id = ${f.locationId}::uuid` : empty}
          ${f.providerId ? sql`and a.provider_id = ${f.providerId}::uuid` : empty}
      ) x
      join providers p on p.id = x.provider_id
      group by grouping sets ((p.display_name), ())
      having count(*) filter (where not x.early_cancel) > 0
      order by is_total, p.display_name`,
  );
  return {
    applies: { dateRange: true, location: true, provider: true },
    columns: [
      col("provider", "text"),
      col("appointments", "count"),
      col("noShows", "count"),
      col("noShowRate", "percent"),
      col("lateCancellations", "count"),
      col("lateCancellationRate", "percent"),
    ],
    ...split(
      raw,
      (r) => ({
        provider: r.provider === null ? null : String(r.provider),
        appointments: num(r.due),
        noShows: num(r.no_shows),
        noShowRate: rate(r.no_shows, r.due),
        lateCancellations: num(r.late_cancels),
        lateCancellationRate: rate(r.late_cancels, r.due),
      }),
      "all",
    ),
  };
}

// ---- message response time against the pool's target ----

/**
 * Each wait for the care team's answer (a `messages` work item, one per patient message that
 * waits) started in the range: hours to the answer, and the share answered by the due time
 * (the pool's response target in business hours) among those answered or already overdue.
 * Per message pool; a pool belongs to a location, a wait to the thread's provider.
 */
async function messageResponse(db: Database, f: FigureFilter): Promise<FigureResult> {
  const { start, end } = bounds(f);
  const raw = await rows(
    db,
    sql<Raw>`
      select grouping(mp.name) = 1 as is_total, mp.name as pool, min(mp.response_target_hours) as target_low,
             max(mp.response_target_hours) as target_high,
             count(*) filter (where w.status <> 'cancelled')::int as waits,
             count(*) filter (where w.status = 'done')::int as answered,
             count(*) filter (where w.status = 'done' and w.completed_at <= w.due_at)::int as on_time,
             count(*) filter (where w.status in ('open', 'claimed') and w.due_at < ${f.now}::timestamptz)::int as overdue_open,
             percentile_cont(0.5) within group (order by extract(epoch from w.completed_at - w.created_at) / 3600.0)
               filter (where w.status = 'done')::float8 as median,
             percentile_cont(0.9) within group (order by extract(epoch from w.completed_at - w.created_at) / 3600.0)
               filter (where w.status = 'done')::float8 as p90
      from work_items w
      join message_pools mp on mp.id = w.pool_id
      where w.queue = 'messages' and w.created_at >= ${start} and w.created_at < ${end}
        ${f.locationId ? sql`and mp.location_id = ${f.locationId}::uuid` : empty}
        ${f.providerId ? sql`and w.provider_id = ${f.providerId}::uuid` : empty}
      group by grouping sets ((mp.name), ())
      order by is_total, mp.name`,
  );
  return {
    applies: { dateRange: true, location: true, provider: true },
    columns: [
      col("pool", "text"),
      col("targetHours", "hours"),
      col("waits", "count"),
      col("answered", "count"),
      col("medianHours", "hours"),
      col("p90Hours", "hours"),
      col("withinTarget", "percent"),
      col("overdueUnanswered", "count"),
    ],
    ...split(
      raw,
      (r) => ({
        pool: r.pool === null ? null : String(r.pool),
        targetHours: r.target_low === r.target_high ? num(r.target_low) : null,
        waits: num(r.waits),
        answered: num(r.answered),
        medianHours: round1(r.median),
        p90Hours: round1(r.p90),
        withinTarget: rate(r.on_time, (num(r.answered) ?? 0) + (num(r.overdue_open) ?? 0)),
        overdueUnanswered: num(r.overdue_open),
      }),
      "all",
    ),
  };
}

// ---- refill turnaround ----

/**
 * Refill request items made in the range: hours from the request to the decision and to the
 * pharmacy, decided by the protocol on its own (automatic) or by a clinician (manual). The
 * provider is the medicine's prescriber; refills have no location.
 */
async function refillTurnaround(db: Database, f: FigureFilter): Promise<FigureResult> {
  const { start, end } = bounds(f);
  const raw = await rows(
    db,
    sql<Raw>`
      select grouping(i.automatic) = 1 as is_total, i.automatic,
             count(*)::int as requests,
             count(i.decided_at)::int as decided,
             percentile_cont(0.5) within group (order by extract(epoch from i.decided_at - i.requested_at) / 3600.0)
               filter (where i.decided_at is not null)::float8 as median,
             percentile_cont(0.9) within group (order by extract(epoch from i.decided_at - i.requested_at) / 3600.0)
               filter (where i.decided_at is not null)::float8 as p90,
             percentile_cont(0.5) within group (order by extract(epoch from i.sent_at - i.requested_at) / 3600.0)
               filter (where i.sent_at is not null)::float8 as median_sent
      from refill_request_items i
      ${f.providerId ? sql`join medications m on m.id = i.medication_id` : empty}
      where i.requested_at >= ${start} and i.requested_at < ${end}
        ${f.providerId ? sql`and m.prescriber_id = ${f.providerId}::uuid` : empty}
      group by grouping sets ((i.automatic), ())
      order by is_total, i.automatic desc`,
  );
  return {
    applies: { dateRange: true, location: false, provider: true },
    columns: [
      col("decidedBy", "text"),
      col("requests", "count"),
      col("decided", "count"),
      col("medianHoursToDecision", "hours"),
      col("p90HoursToDecision", "hours"),
      col("medianHoursToPharmacy", "hours"),
    ],
    ...split(
      raw,
      (r) => ({
        decidedBy: r.automatic === null ? null : r.automatic ? "automatic" : "manual",
        requests: num(r.requests),
        decided: num(r.decided),
        medianHoursToDecision: round1(r.median),
        p90HoursToDecision: round1(r.p90),
        medianHoursToPharmacy: round1(r.median_sent),
      }),
      "all",
    ),
  };
}

// ---- referral turnaround ----

/**
 * Referrals requested in the range, in three stages: request → decision (approved, denied or a
 * visit asked for), decision → first visit booked with it, and request → booked. The provider
 * is the deciding primary care physician or the specialist approved; referrals have no location.
 */
async function referralTurnaround(db: Database, f: FigureFilter): Promise<FigureResult> {
  const { start, end } = bounds(f);
  const raw = await rows(
    db,
    sql<Raw>`
      with r as (
        select r.created_at, r.decided_at,
               (select min(ra.created_at) from referral_appointments ra where ra.referral_id = r.id) as scheduled_at
        from referrals r
        where r.created_at >= ${start} and r.created_at < ${end}
          ${f.providerId ? sql`and (r.pcp_provider_id = ${f.providerId}::uuid or r.approved_provider_id = ${f.providerId}::uuid)` : empty}
      ),
      stages as (
        select 'decision' as stage, 1 as ord, extract(epoch from decided_at - created_at) / 86400.0 as days from r where decided_at is not null
        union all
        select 'scheduling', 2, extract(epoch from scheduled_at - decided_at) / 86400.0 from r where scheduled_at is not null and decided_at is not null
        union all
        select 'requestToScheduled', 3, extract(epoch from scheduled_at - created_at) / 86400.0 from r where scheduled_at is not null
      )
      select s.stage, count(st.days)::int as referrals,
             percentile_cont(0.5) within group (order by st.days)::float8 as median,
             percentile_cont(0.9) within group (order by st.days)::float8 as p90,
             (select count(*)::int from r) as requested
      from (values ('decision', 1), ('scheduling', 2), ('requestToScheduled', 3)) as s(stage, ord)
      left join stages st on st.stage = s.stage
      group by s.stage, s.ord
      order by s.ord`,
  );
  const requested = num(raw[0]?.requested) ?? 0;
  return {
    applies: { dateRange: true, location: false, provider: true },
    columns: [col("stage", "text"), col("referrals", "count"), col("medianDays", "days"), col("p90Days", "days")],
    rows: requested
      ? raw.map((r) => ({
          stage: String(r.stage),
          referrals: num(r.referrals),
          medianDays: round1(r.median),
          p90Days: round1(r.p90),
        }))
      : [],
    total: requested ? { stage: "requested", referrals: requested, medianDays: null, p90Days: null } : null,
  };
}

// ---- arrival to roomed ----

/** Minutes from "arrived" to "roomed" for visits that started in the range, per location. */
async function arrivalWait(db: Database, f: FigureFilter): Promise<FigureResult> {
  const { start, end } = bounds(f);
  const raw = await rows(
    db,
    sql<Raw>`
      select grouping(l.name) = 1 as is_total, l.name as location, count(*)::int as visits,
             percentile_cont(0.5) within group (order by x.wait)::float8 as median,
             percentile_cont(0.9) within group (order by x.wait)::float8 as p90,
             count(*) filter (where x.wait > 15)::int as over15
      from (
        select a.location_id, greatest(extract(epoch from a.roomed_at - a.arrived_at), 0) / 60.0 as wait
        from appointments a
        where a.starts_at >= ${start} and a.starts_at < ${end}
          and a.arrived_at is not null and a.roomed_at is not null
          ${f.locationId ? sql`and a.location_id = ${f.locationId}::uuid` : empty}
          ${f.providerId ? sql`and a.provider_id = ${f.providerId}::uuid` : empty}
      ) x
      join locations l on l.id = x.location_id
      group by grouping sets ((l.name), ())
      order by is_total, l.name`,
  );
  return {
    applies: { dateRange: true, location: true, provider: true },
    columns: [
      col("location", "text"),
      col("visits", "count"),
      col("medianMinutes", "minutes"),
      col("p90Minutes", "minutes"),
      col("over15Minutes", "percent"),
    ],
    ...split(
      raw,
      (r) => ({
        location: r.location === null ? null : String(r.location),
        visits: num(r.visits),
        medianMinutes: round1(r.median),
        p90Minutes: round1(r.p90),
        over15Minutes: rate(r.over15, r.visits),
      }),
      "all",
    ),
  };
}

// ---- portal adoption ----

/**
 * Patients (not merged away), those with a portal account, those who signed in during the
 * range (a completed sign-in in the audit log), the caregivers with access in force now and the patients they
 * act for, and the bookings made in the range: online (by the patient or a caregiver) or by
 * staff. Location and provider narrow the bookings only.
 */
async function portalAdoption(db: Database, f: FigureFilter): Promise<FigureResult> {
  const { start, end } = bounds(f);
  const [r] = await rows(
    db,
    sql<Raw>`
      with staff as (select distinct user_id from user_roles),
      pts as (
        select count(*)::int as patients, count(p.user_id)::int as with_account
        from patients p where p.status <> 'merged'
      ),
      active as (
        select count(distinct p.id)::int as n
        from audit_log l
        join patients p on p.user_id = l.actor_user_id and p.status <> 'merged'
        where l.at >= ${start} and l.at < ${end} and l.outcome = 'success'
          and (l.action = 'mfa_verified' or (l.action = 'login' and l.details->>'step' = 'complete'))
      ),
      grants as (
        select count(distinct g.proxy_user_id)::int as proxies, count(distinct g.patient_id)::int as patients_with_proxy
        from proxy_grants g
        join patients p on p.id = g.patient_id and p.status <> 'merged'
        where g.revoked_at is null and g.starts_at <= ${f.now}::timestamptz
          and (g.ends_at is null or g.ends_at > ${f.now}::timestamptz)
      ),
      bookings as (
        select count(*)::int as bookings,
               count(*) filter (where a.booked_by is not null and a.booked_by not in (select user_id from staff))::int as online,
               count(*) filter (where a.booked_by in (select user_id from staff))::int as by_staff
        from appointments a
        where a.created_at >= ${start} and a.created_at < ${end}
          ${f.locationId ? sql`and a.location_id = ${f.locationId}::uuid` : empty}
          ${f.providerId ? sql`and a.provider_id = ${f.providerId}::uuid` : empty}
      )
      select * from pts, active, grants, bookings`,
  );
  const x = r ?? {};
  const row = (measure: string, count: unknown, share: number | null): OperationsRow => ({
    measure,
    count: num(count),
    share,
  });
  return {
    applies: { dateRange: true, location: true, provider: true },
    columns: [col("measure", "text"), col("count", "count"), col("share", "percent")],
    rows: [
      row("patients", x.patients, null),
      row("withPortalAccount", x.with_account, rate(x.with_account, x.patients)),
      row("signedInDuringRange", x.n, rate(x.n, x.with_account)),
      row("caregivers", x.proxies, null),
      row("patientsWithCaregiver", x.patients_with_proxy, rate(x.patients_with_proxy, x.patients)),
      row("bookings", x.bookings, null),
      row("bookedOnline", x.online, rate(x.online, x.bookings)),
      row("bookedByStaff", x.by_staff, rate(x.by_staff, x.bookings)),
    ],
    total: null,
  };
}

// ---- post-visit survey score ----

/**
 * Surveys sent in the range, per provider: how many were answered, the mean 0–10 score, and the
 * net promoter score (percent scoring 9–10 minus percent scoring 0–6, of those answered).
 */
async function surveyScore(db: Database, f: FigureFilter): Promise<FigureResult> {
  const { start, end } = bounds(f);
  const raw = await rows(
    db,
    sql<Raw>`
      select grouping(p.display_name) = 1 as is_total, p.display_name as provider,
             count(*)::int as sent, count(s.answered_at)::int as answered,
             avg(s.score)::float8 as mean,
             count(*) filter (where s.score >= 9)::int as promoters,
             count(*) filter (where s.score <= 6)::int as detractors
      from visit_surveys s
      join providers p on p.id = s.provider_id
      where s.sent_at >= ${start} and s.sent_at < ${end}
        ${f.locationId ? sql`and s.location_id = ${f.locationId}::uuid` : empty}
        ${f.providerId ? sql`and s.provider_id = ${f.providerId}::uuid` : empty}
      group by grouping sets ((p.display_name), ())
      order by is_total, p.display_name`,
  );
  return {
    applies: { dateRange: true, location: true, provider: true },
    columns: [
      col("provider", "text"),
      col("sent", "count"),
      col("answered", "count"),
      col("responseRate", "percent"),
      col("meanScore", "score"),
      col("netPromoterScore", "count"),
    ],
    ...split(
      raw,
      (r) => {
        const answered = num(r.answered) ?? 0;
        return {
          provider: r.provider === null ? null : String(r.provider),
          sent: num(r.sent),
          answered,
          responseRate: rate(answered, r.sent),
          meanScore: round1(r.mean),
          netPromoterScore: answered
            ? Math.round((100 * ((num(r.promoters) ?? 0) - (num(r.detractors) ?? 0))) / answered)
            : null,
        };
      },
      "all",
    ),
  };
}

export const FIGURES: Record<OperationsFigureName, (db: Database, f: FigureFilter) => Promise<FigureResult>> = {
  "third-next-available": thirdNextAvailable,
  "lead-time": leadTime,
  attendance,
  "message-response": messageResponse,
  "refill-turnaround": refillTurnaround,
  "referral-turnaround": referralTurnaround,
  "arrival-wait": arrivalWait,
  "portal-adoption": portalAdoption,
  "survey-score": surveyScore,
};
