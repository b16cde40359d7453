import { sql } from "kysely";
import type { DemoSeedContext } from "./demo-clinic.ts";

const HISTORY_PATIENTS = 24;

/**
 * History for the operations dashboard (SPEC §7): three months of past clinic life for every
 * demo provider at their locations, on 24 patients of their own (no sign-in; half have a
 * portal account and book online), so no demo person's lists change and no future slot is
 * taken: visits from 100 to 8 days ago (completed with arrival and rooming times, some missed,
 * some cancelled late), their surveys, message waits answered in and out of target, refill
 * requests decided automatically and by clinicians, referrals from request to booked visit.
 * Made by a few `generate_series` statements, so it stays fast. Rows that would clash with an
 * earlier step's visit are left out (`on conflict do nothing`).
 */
export async function seedDemoOperations(ctx: DemoSeedContext): Promise<void> {
  const { trx, now, ids } = ctx;
  const pool = ids["pool:fm-nurses"] ?? null;
  const frontDesk = ids["user:frontdesk"] ?? null;

  await sql`
    insert into users (id, email, email_normalized, display_name, locale)
    select md5('ops-user' || i)::uuid, 'history-' || i || '@demo.portico.test', 'history-' || i || '@demo.portico.test',
           (array['Rosa','Kenji','Amara','Luis','Grace','Omar','Elena','Tobias','Nia','Diego','Hana','Marek'])[1 + i % 12]
             || ' ' || (array['Whitfield','Serrano','Okonkwo','Brandt','Ferreira','Nakamura'])[1 + i % 6],
           case when i % 3 = 0 then 'es' else 'en' end
    from generate_series(0, ${HISTORY_PATIENTS / 2 - 1}) i`.execute(trx);
  await sql`
    insert into patients (id, mrn, legal_given_name, legal_family_name, date_of_birth, sex, user_id, registration_source,
                          preferred_language, created_at)
    select md5('ops-patient' || i)::uuid, 'H' || lpad(i::text, 6, '0'),
           (array['Rosa','Kenji','Amara','Luis','Grace','Omar','Elena','Tobias','Nia','Diego','Hana','Marek'])[1 + i % 12],
           (array['Whitfield','Serrano','Okonkwo','Brandt','Ferreira','Nakamura'])[1 + i % 6],
           date '1950-03-01' + (i * 811) % 20000, 'unknown',
           case when i < ${HISTORY_PATIENTS / 2} then md5('ops-user' || i)::uuid end, 'import',
           case when i % 3 = 0 then 'es' else 'en' end, ${now}::timestamptz - interval '400 days'
    from generate_series(0, ${HISTORY_PATIENTS - 1}) i`.execute(trx);

  // six visits a day per provider and location on weekdays, 100 to 8 days ago, in the location's zone
  await sql`
    with clinic as (
      select p.id as provider_id, pl.location_id, l.time_zone, vt.id as visit_type_id, vt.duration_minutes as dur,
             vt.cancellation_notice_minutes as notice, row_number() over (order by p.display_name, l.name) as k
      from providers p
      join provider_locations pl on pl.provider_id = p.id
      join locations l on l.id = pl.location_id
      cross join lateral (
        select v.* from visit_types v
        where v.specialty = p.specialty and v.active and v.modality = 'in_person'
        order by v.booking_kind = 'established' desc, v.name limit 1
      ) vt
      where p.active
    ),
    slots as (
      select c.*, d.day, s.n,
             ((((${now}::timestamptz at time zone c.time_zone)::date - d.day) + time '13:00' + s.n * interval '35 minutes')
               at time zone c.time_zone) as starts,
             abs(hashtext(c.provider_id::text || d.day || s.n)) as h
      from clinic c
      cross join generate_series(8, 100) d(day)
      cross join generate_series(0, 5) s(n)
      where extract(isodow from (${now}::timestamptz at time zone c.time_zone)::date - d.day) < 6
    )
    insert into appointments (id, patient_id, provider_id, location_id, visit_type_id, starts_at, ends_at, blocked,
      status, booked_by, created_at, cancelled_at, arrived_at, roomed_at, visit_started_at, completed_at)
    select md5('ops-visit' || s.provider_id || s.location_id || s.day || '-' || s.n)::uuid,
           md5('ops-patient' || ((s.day * 6 + s.n + s.k * 7) % ${HISTORY_PATIENTS}))::uuid,
           s.provider_id, s.location_id, s.visit_type_id, s.starts, s.starts + make_interval(mins => s.dur),
           tstzrange(s.starts, s.starts + make_interval(mins => s.dur)),
           case when s.h % 100 < 8 then 'no_show' when s.h % 100 < 17 then 'cancelled' else 'completed' end,
           case when ((s.day * 6 + s.n + s.k * 7) % ${HISTORY_PATIENTS}) < ${HISTORY_PATIENTS / 2} and s.h % 5 < 3
                then md5('ops-user' || ((s.day * 6 + s.n + s.k * 7) % ${HISTORY_PATIENTS}))::uuid
                else ${frontDesk}::uuid end,
           s.starts - ((s.h / 7) % (60 * 24 * 21)) * interval '1 minute' - interval '2 hours',
           case when s.h % 100 >= 8 and s.h % 100 < 17
                then s.starts - case when s.h % 2 = 0 then interval '5 hours' else interval '4 days' end end,
           case when s.h % 100 >= 17 then s.starts - interval '10 minutes' + (s.h % 7) * interval '1 minute' end,
           case when s.h % 100 >= 17 then s.starts - interval '10 minutes'
                + ((s.h % 7) + 2 + (s.h / 100) % (case when s.time_zone = 'America/Chicago' then 14 else 26 end)) * interval '1 minute' end,
           case when s.h % 100 >= 17 then s.starts + interval '5 minutes' end,
           case when s.h % 100 >= 17 then s.starts + make_interval(mins => s.dur) end
    from slots s
    on conflict do nothing`.execute(trx);

  await sql`
    insert into visit_surveys (appointment_id, patient_id, provider_id, location_id, token_hash, sent_at, expires_at, answered_at, score)
    select a.id, a.patient_id, a.provider_id, a.location_id, md5('ops-survey' || a.id), a.completed_at + interval '2 hours',
           a.completed_at + interval '14 days',
           case when h % 10 < 6 then a.completed_at + interval '20 hours' end,
           case when h % 10 < 6 then greatest(0, 10 - (h / 10) % (case when h % 3 = 0 then 8 else 4 end)) end
    from appointments a
    cross join lateral (select abs(hashtext(a.id::text)) as h) x
    where a.id in (select md5('ops-visit' || p.id || pl.location_id || d || '-' || n)::uuid
                   from providers p join provider_locations pl on pl.provider_id = p.id,
                        generate_series(8, 100) d, generate_series(0, 5) n)
      and a.status = 'completed' and x.h % 5 < 2
    on conflict do nothing`.execute(trx);

  if (pool) {
    // three message waits a weekday for the family-medicine nurses: most answered within the day
    await sql`
      insert into work_items (queue, patient_id, subject_type, subject_id, pool_id, provider_id, status, due_at, created_at,
                              completed_at)
      select 'messages', md5('ops-patient' || ((d * 3 + n) % ${HISTORY_PATIENTS}))::uuid, 'message_wait',
             md5('ops-wait' || d || '-' || n)::uuid, ${pool}::uuid, ${ids["provider:okafor"] ?? null}::uuid, 'done',
             x.c + interval '1 day', x.c, x.c + ((h % 40) * interval '1 hour') / (case when h % 4 = 0 then 1 else 6 end)
      from generate_series(8, 100) d, generate_series(0, 2) n
      cross join lateral (select ${now}::timestamptz - d * interval '1 day' + n * interval '3 hours' as c,
                                 abs(hashtext('ops-wait' || d || n)) as h) x
      on conflict do nothing`.execute(trx);
  }

  // refill requests: two a weekday, two in three decided by the protocol on its own
  await sql`
    insert into medications (id, patient_id, name, dose, directions, quantity, days_supply, refills_remaining, prescriber_id,
                             status, created_at)
    select md5('ops-med' || i)::uuid, md5('ops-patient' || (i % ${HISTORY_PATIENTS}))::uuid,
           (array['Lisinopril','Metformin','Atorvastatin','Levothyroxine'])[1 + i % 4], '10 mg', 'Once a day', 30, 30, 2,
           (select id from providers where active order by display_name offset (i % 3) limit 1),
           'active', ${now}::timestamptz - interval '200 days'
    from generate_series(0, 185) i`.execute(trx);
  await sql`
    insert into refill_requests (id, patient_id, pharmacy_id, created_at)
    select md5('ops-refill' || i)::uuid, md5('ops-patient' || (i % ${HISTORY_PATIENTS}))::uuid,
           (select id from pharmacies order by created_at, id limit 1),
           ${now}::timestamptz - interval '100 days' + i * interval '11 hours 40 minutes'
    from generate_series(0, 185) i
    where exists (select 1 from pharmacies)`.execute(trx);
  await sql`
    insert into refill_request_items (request_id, patient_id, medication_id, status, rule, protocol_version, automatic,
                                      requested_at, decided_at, delivery_status, sent_at)
    select r.id, r.patient_id, md5('ops-med' || i)::uuid, 'approved',
           case when i % 3 = 0 then 'renewal_needs_prescriber' else 'refill_from_remaining' end, 1, i % 3 <> 0,
           r.created_at, x.decided, 'sent', x.decided + interval '4 minutes'
    from generate_series(0, 185) i
    join refill_requests r on r.id = md5('ops-refill' || i)::uuid
    cross join lateral (
      select r.created_at + case when i % 3 <> 0 then interval '0' else ((i * 37) % 52 + 2) * interval '1 hour' end as decided
    ) x`.execute(trx);

  // referrals: one every three days, decided within days, most booked afterwards
  await sql`
    insert into referrals (id, patient_id, status, specialty, urgency, pcp_provider_id, requested_by_kind, created_at,
                           decided_at, updated_at)
    select md5('ops-referral' || i)::uuid, md5('ops-patient' || (i % ${HISTORY_PATIENTS}))::uuid,
           case when i % 5 = 0 then 'denied' else 'completed' end, 'cardiology', 'routine',
           ${ids["provider:okafor"] ?? null}::uuid, 'patient', x.c, x.c + ((i * 29) % 96 + 3) * interval '1 hour', x.c
    from generate_series(0, 29) i
    cross join lateral (select ${now}::timestamptz - interval '100 days' + i * interval '3 days' as c) x`.execute(trx);
  await sql`
    insert into referral_appointments (appointment_id, referral_id, patient_id, created_at)
    select a.id, r.id, r.patient_id, r.decided_at + ((i * 13) % 9 + 1) * interval '1 day'
    from generate_series(0, 29) i
    join referrals r on r.id = md5('ops-referral' || i)::uuid and r.status = 'completed'
    cross join lateral (
      select a.id from appointments a
      where a.patient_id = r.patient_id and a.status = 'completed' and a.starts_at > r.decided_at
        and not exists (select 1 from referral_appointments x where x.appointment_id = a.id)
      order by a.starts_at limit 1
    ) a
    on conflict do nothing`.execute(trx);
}
