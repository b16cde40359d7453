import type { OperationsColumn, OperationsFigureName, OperationsRow } from "@portico/contracts";
import { type RawBuilder, sql } from "kysely";
import type { Database } from "../../db/database.ts";
import { type Bucketed, bucketed, percentile } from "./rollup.ts";

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
  /** when the figure was computed, when not now (third next available, cached) */
  asOf?: Date;
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
      select pr.provider_id::text as provider_id, pr.provider, pr.visit_type, extract(epoch from th.third - ${now}) / 86400.0 as days
      from pairs pr
      left join thirds th on th.provider_id = pr.provider_id and th.dur = pr.dur and th.bb = pr.bb and th.ba = pr.ba
        and th.notice = pr.notice and th.horizon = pr.horizon and th.template_ids = pr.template_ids
      where cardinality(pr.template_ids) > 0
      order by pr.provider, pr.visit_type`,
  );
  return {
    applies: { dateRange: false, location: true, provider: true },
    columns: [col("provider", "text"), col("visitType", "text"), col("days", "days")],
    // the provider's id rides along for the service's cache (filtered by provider, then dropped)
    rows: raw.map((r) => ({
      providerId: String(r.provider_id),
      provider: String(r.provider),
      visitType: String(r.visit_type),
      days: round1(r.days),
    })),
    total: null,
  };
}

// ---- figures from the roll-up (rollup.ts): closed days rolled up, the rest read live ----

/** Names of catalogue rows by id, in the database's order of names. */
async function names(db: Database, table: "visit_types" | "providers" | "locations" | "message_pools", ids: string[]) {
  const column = table === "providers" ? sql.raw("display_name") : sql.raw("name");
  const extra = table === "message_pools" ? sql.raw(", response_target_hours as target") : sql.raw(", null as target");
  const { rows: found } = await sql<{ id: string; name: string; target: number | null }>`
    select id::text as id, ${column} as name ${extra} from ${sql.table(table)}
    where id = any(${ids}::uuid[]) order by ${column}`.execute(db);
  return found;
}

/** A duration distribution: bucket (in 1/scale units) → count. */
type Dist = Map<number, number>;
const addTo = (dist: Dist, bucket: number, count: number) => dist.set(bucket, (dist.get(bucket) ?? 0) + count);
const pct = (dist: Dist, p: number, scale: number) => {
  const v = percentile(dist, p);
  return v === null ? null : round1(v / scale);
};

interface Group {
  n: number;
  c1: number;
  c2: number;
  c3: number;
  c4: number;
  s1: number;
  dist: Dist;
  targets: Set<number | null>;
}
const newGroup = (): Group => ({ n: 0, c1: 0, c2: 0, c3: 0, c4: 0, s1: 0, dist: new Map(), targets: new Set() });
function absorb(g: Group, r: Bucketed, withCounts = true): void {
  if (withCounts) {
    g.n += r.n;
    g.c1 += r.c1;
    g.c2 += r.c2;
    g.c3 += r.c3;
    g.c4 += r.c4;
    g.s1 += r.s1;
  }
  if (r.bucket !== null) addTo(g.dist, r.bucket, r.n);
}

/**
 * Rows grouped by the catalogue name of their `grp` id (in the order of names), and the total;
 * groups whose id is no longer in the catalogue are left out (as the join did).
 */
async function byName(
  db: Database,
  table: "visit_types" | "providers" | "locations" | "message_pools",
  raw: Bucketed[],
): Promise<{ groups: [string, Group][]; total: Group }> {
  const catalogue = await names(db, table, [...new Set(raw.map((r) => r.grp))]);
  const nameOf = new Map(catalogue.map((c) => [c.id, c]));
  const groups = new Map<string, Group>(catalogue.map((c) => [c.name, newGroup()]));
  const total = newGroup();
  for (const r of raw) {
    const entry = nameOf.get(r.grp);
    if (!entry) continue;
    const g = groups.get(entry.name) as Group;
    absorb(g, r);
    absorb(total, r);
    g.targets.add(entry.target);
    total.targets.add(entry.target);
  }
  return { groups: [...groups.entries()], total };
}

// ---- booking lead time ----

/** Days from booking to the visit, for appointments booked in the range, per visit type (0.1 day steps). */
async function leadTime(db: Database, f: FigureFilter): Promise<FigureResult> {
  const { groups, total } = await byName(db, "visit_types", await bucketed(db, "lead", f));
  const row = (name: string, g: Group): OperationsRow => ({
    visitType: name,
    appointments: g.n,
    medianDays: pct(g.dist, 0.5, 10),
    p90Days: pct(g.dist, 0.9, 10),
  });
  const rows = groups.map(([name, g]) => row(name, g));
  return {
    applies: { dateRange: true, location: true, provider: true },
    columns: [
      col("visitType", "text"),
      col("appointments", "count"),
      col("medianDays", "days"),
      col("p90Days", "days"),
    ],
    rows,
    total: rows.length ? row("all", total) : null,
  };
}

// ---- no-shows and late cancellations ----

/**
 * Of the appointments due in the range (up to now) — everything but those cancelled before the
 * visit type's cancellation notice — how many were no-shows and how many cancelled late
 * (within the notice, by anyone). Per provider.
 */
async function attendance(db: Database, f: FigureFilter): Promise<FigureResult> {
  const { groups, total } = await byName(db, "providers", await bucketed(db, "attendance", f));
  const row = (name: string, g: Group): OperationsRow => ({
    provider: name,
    appointments: g.n,
    noShows: g.c1,
    noShowRate: rate(g.c1, g.n),
    lateCancellations: g.c2,
    lateCancellationRate: rate(g.c2, g.n),
  });
  const rows = groups.filter(([, g]) => g.n > 0).map(([name, g]) => row(name, g));
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
    rows,
    total: rows.length && total.n > 0 ? row("all", total) : null,
  };
}

// ---- message response time against the pool's target ----

/**
 * Each wait for the care team's answer (a `messages` work item, one per patient message that
 * waits) started in the range: hours to the answer (0.1 hour steps), and the share answered by
 * the due time (the pool's response target in business hours) among those answered or already
 * overdue. Per message pool; a pool belongs to a location, a wait to the thread's provider.
 * Waits still open are always read live (whether they are overdue moves with the clock).
 */
async function messageResponse(db: Database, f: FigureFilter): Promise<FigureResult> {
  const { groups, total } = await byName(db, "message_pools", await bucketed(db, "message", f));
  const row = (name: string, g: Group): OperationsRow => {
    const targets = [...g.targets];
    return {
      pool: name,
      targetHours: targets.length === 1 ? num(targets[0]) : null,
      waits: g.n,
      answered: g.c1,
      medianHours: pct(g.dist, 0.5, 10),
      p90Hours: pct(g.dist, 0.9, 10),
      withinTarget: rate(g.c2, g.c1 + g.c3),
      overdueUnanswered: g.c3,
    };
  };
  const present = groups.filter(([, g]) => g.targets.size > 0);
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
    rows: present.map(([name, g]) => row(name, g)),
    total: present.length ? row("all", total) : null,
  };
}

// ---- refill turnaround ----

/**
 * Refill request items made in the range: hours (0.1 hour steps) from the request to the
 * decision and to the pharmacy, decided by the protocol on its own (automatic) or by a
 * clinician (manual). The provider is the medicine's prescriber; refills have no location.
 */
async function refillTurnaround(db: Database, f: FigureFilter): Promise<FigureResult> {
  const raw = await bucketed(db, "refill", f);
  const kinds = new Map<string, { requests: Group; decided: Group; sent: Group }>();
  const all = { requests: newGroup(), decided: newGroup(), sent: newGroup() };
  for (const r of raw) {
    const [kind, part] = r.grp.split(":") as [string, string | undefined];
    const k = kinds.get(kind) ?? { requests: newGroup(), decided: newGroup(), sent: newGroup() };
    kinds.set(kind, k);
    const which = part === "d" ? "decided" : part === "s" ? "sent" : "requests";
    absorb(k[which], r);
    absorb(all[which], r);
  }
  const row = (label: string, k: { requests: Group; decided: Group; sent: Group }): OperationsRow => ({
    decidedBy: label,
    requests: k.requests.n,
    decided: k.requests.c1,
    medianHoursToDecision: pct(k.decided.dist, 0.5, 10),
    p90HoursToDecision: pct(k.decided.dist, 0.9, 10),
    medianHoursToPharmacy: pct(k.sent.dist, 0.5, 10),
  });
  const rows = (["true", "false"] as const)
    .filter((k) => kinds.get(k)?.requests.n)
    .map((k) =>
      row(k === "true" ? "automatic" : "manual", kinds.get(k) as { requests: Group; decided: Group; sent: Group }),
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
    rows,
    total: rows.length ? row("all", all) : null,
  };
}

// ---- referral turnaround ----

/**
 * Referrals requested in the range, in three stages (0.01 day steps): request → decision
 * (approved, denied or a visit asked for), decision → first visit booked with it, and request →
 * booked. The provider is the deciding primary care physician or the specialist approved;
 * referrals have no location.
 */
async function referralTurnaround(db: Database, f: FigureFilter): Promise<FigureResult> {
  const raw = await bucketed(db, "referral", f);
  const stages = new Map<string, Group>();
  for (const r of raw) {
    const g = stages.get(r.grp) ?? newGroup();
    stages.set(r.grp, g);
    absorb(g, r);
  }
  const requested = stages.get("requested")?.n ?? 0;
  return {
    applies: { dateRange: true, location: false, provider: true },
    columns: [col("stage", "text"), col("referrals", "count"), col("medianDays", "days"), col("p90Days", "days")],
    rows: requested
      ? ["decision", "scheduling", "requestToScheduled"].map((stage) => {
          const g = stages.get(stage) ?? newGroup();
          return { stage, referrals: g.n, medianDays: pct(g.dist, 0.5, 100), p90Days: pct(g.dist, 0.9, 100) };
        })
      : [],
    total: requested ? { stage: "requested", referrals: requested, medianDays: null, p90Days: null } : null,
  };
}

// ---- arrival to roomed ----

/** Minutes (0.1 minute steps) from "arrived" to "roomed" for visits that started in the range, per location. */
async function arrivalWait(db: Database, f: FigureFilter): Promise<FigureResult> {
  const { groups, total } = await byName(db, "locations", await bucketed(db, "arrival", f));
  const row = (name: string, g: Group): OperationsRow => ({
    location: name,
    visits: g.n,
    medianMinutes: pct(g.dist, 0.5, 10),
    p90Minutes: pct(g.dist, 0.9, 10),
    over15Minutes: rate(g.c1, g.n),
  });
  const rows = groups.filter(([, g]) => g.n > 0).map(([name, g]) => row(name, g));
  return {
    applies: { dateRange: true, location: true, provider: true },
    columns: [
      col("location", "text"),
      col("visits", "count"),
      col("medianMinutes", "minutes"),
      col("p90Minutes", "minutes"),
      col("over15Minutes", "percent"),
    ],
    rows,
    total: rows.length ? row("all", total) : null,
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
      with pts as (
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
        -- the chart looked up per grant (a join read every patient)
        where (select p.status from patients p where p.id = g.patient_id) <> 'merged'
          and g.revoked_at is null and g.starts_at <= ${f.now}::timestamptz
          and (g.ends_at is null or g.ends_at > ${f.now}::timestamptz)
      )
      select * from pts, active, grants`,
  );
  const booked = (await bucketed(db, "bookings", f)).reduce(
    (a, b) => ({ bookings: a.bookings + b.n, online: a.online + b.c1, by_staff: a.by_staff + b.c2 }),
    { bookings: 0, online: 0, by_staff: 0 },
  );
  const x: Raw = { ...r, ...booked };
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
  const { groups, total } = await byName(db, "providers", await bucketed(db, "survey", f));
  // n sent, c1 answered, c2 promoters, c3 detractors, c4 scored, s1 sum of scores
  const row = (name: string, g: Group): OperationsRow => ({
    provider: name,
    sent: g.n,
    answered: g.c1,
    responseRate: rate(g.c1, g.n),
    meanScore: g.c4 ? round1(g.s1 / g.c4) : null,
    netPromoterScore: g.c1 ? Math.round((100 * (g.c2 - g.c3)) / g.c1) : null,
  });
  const rows = groups.filter(([, g]) => g.n > 0).map(([name, g]) => row(name, g));
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
    rows,
    total: rows.length ? row("all", total) : null,
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
