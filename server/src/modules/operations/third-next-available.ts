import { sql } from "kysely";
import type { Database } from "../../db/database.ts";
import { col, type FigureFilter, type FigureResult, round1, rows } from "./figure-kit.ts";
import { empty, type Raw } from "./rollup-facts.ts";

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
export async function thirdNextAvailable(db: Database, f: FigureFilter): Promise<FigureResult> {
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
