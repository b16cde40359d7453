/**
 * The operations dashboard at scale (SPEC §6: each figure p95 ≤ 200 ms with 1M appointments).
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/portico_bench_operations npm run bench:operations -w bench
 *   … -- --requests 40 --explain
 *
 * PostgreSQL only (the data is made by `generate_series` in the database; the database named
 * in the URL is created when missing and filled once: 3 locations, 60 providers, 4 visit types,
 * 100,000 patients, 1,000,000 appointments over ~650 days back and ~44 ahead, every provider's
 * hours fully booked ahead, 300,000 message waits, 200,000 refill requests, 50,000 referrals,
 * ~250,000 surveys, 100,000 sign-ins). Then a Portico server with the demo clinic on top; the
 * demo admin asks each figure `--requests` times, one at a time, cycling through four filter
 * sets (the default 90 days, a location, a provider, a whole year), and the figure's p50/p95
 * are printed beside the budget; `--explain` prints the plan of each of a figure's statements
 * for the default range. Before the server starts, the roll-up of closed days
 * (`modules/operations/rollup.ts`) is brought up to date and timed, then `VACUUM ANALYZE`.
 */

import { createHash } from "node:crypto";
import { loadavg } from "node:os";
import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { migrateToLatest } from "../../server/src/db/migrate.ts";
import type { DB } from "../../server/src/db/schema.ts";
import { FIGURES } from "../../server/src/modules/operations/figures.ts";
import { runRollup } from "../../server/src/modules/operations/rollup.ts";
import { dataSetRun, dataSetServerEnv, ensureDataSetDatabase, step } from "../data-set.ts";
import { openBenchDatabase } from "../generate-patients.ts";
import { startServer } from "../server.ts";
import { signInHeaders } from "./slots.ts";

const ADMIN = { email: "admin@demo.portico.test", password: "Portico-demo-2026!" };
const BUDGET_MS = 200;
const APPOINTMENTS = 1_000_000;
const PATIENTS = 100_000;
const PROVIDERS = 60;
/** the bench clinic's first location's zone: the reporting zone */
const REPORTING_ZONE = "America/New_York";

const { requests, explain, url, name } = dataSetRun({
  script: "bench:operations",
  command: "npm run bench:operations -w bench --",
  exampleDatabase: "portico_bench_operations",
  requests: 40,
});
// a database that is missing, or whose generation did not finish, is made afresh
await ensureDataSetDatabase(url, name, (bench) =>
  bench.query("select count(*)::int as n from appointments").then((r) => (r.rows[0]?.n ?? 0) >= APPOINTMENTS),
);

const database = await openBenchDatabase({ url });
const db = database.db;
try {
  await migrateToLatest(db);
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from appointments`.execute(db);
  if ((rows[0]?.n ?? 0) >= APPOINTMENTS) {
    process.stdout.write(`${rows[0]?.n.toLocaleString("en")} appointments already there\n`);
  } else {
    process.stdout.write("Generating the bench clinic (once)…\n");
    await generate();
  }
  // the roll-up of closed days, as the server's periodic job keeps it (here all at once, timed)
  await step("roll-up of closed days (days not yet rolled up, or changed since)", async () => {
    const run = await runRollup(db, { timeZone: REPORTING_ZONE, now: new Date(), maxDays: 100_000 });
    process.stdout.write(` ${run.days} days, ${run.periods} months and weeks`);
  });
  await step("vacuum analyze", () => sql`vacuum analyze`.execute(db));
} finally {
  await database.close();
}

async function generate() {
  await step("locations, providers, visit types, hours, pools", async () => {
    await sql`
      insert into locations (id, name, time_zone, created_at)
      select md5('loc' || i)::uuid, 'Bench location ' || i, (array['America/New_York', 'America/Chicago', 'America/New_York'])[i],
             '2000-01-01'::timestamptz + i * interval '1 second'
      from generate_series(1, 3) i`.execute(db);
    await sql`
      insert into providers (id, display_name, specialty)
      select md5('prov' || i)::uuid, 'Bench Dr ' || lpad(i::text, 2, '0'), 'bench_medicine' from generate_series(0, ${PROVIDERS - 1}) i`.execute(
      db,
    );
    await sql`
      insert into provider_locations (provider_id, location_id)
      select md5('prov' || i)::uuid, md5('loc' || (1 + i % 3))::uuid from generate_series(0, ${PROVIDERS - 1}) i`.execute(
      db,
    );
    await sql`
      insert into visit_types (id, name, specialty, duration_minutes, modality, booking_kind, minimum_notice_minutes, horizon_days)
      select md5('vt' || i)::uuid, 'Bench visit ' || i, 'bench_medicine', 20, 'in_person', 'established', 120, 60
      from generate_series(0, 3) i`.execute(db);
    await sql`
      insert into availability_templates (provider_id, location_id, weekday, start_time, end_time)
      select md5('prov' || i)::uuid, md5('loc' || (1 + i % 3))::uuid, d, '09:00', '17:00'
      from generate_series(0, ${PROVIDERS - 1}) i, generate_series(1, 7) d`.execute(db);
    await sql`
      insert into message_pools (id, name, readers_description, readers_description_es, location_id, response_target_hours)
      select md5('pool' || i)::uuid, 'Bench pool ' || i, 'bench', 'bench', md5('loc' || i)::uuid, 24 * i from generate_series(1, 3) i`.execute(
      db,
    );
    await sql`
      insert into pharmacies (id, name) values (md5('pharmacy')::uuid, 'Bench pharmacy')`.execute(db);
    await sql`
      insert into users (id, email, email_normalized, display_name)
      select md5('user' || i)::uuid, 'bench-' || i || '@bench.test', 'bench-' || i || '@bench.test', 'Bench user ' || i
      from generate_series(0, 1000) i`.execute(db);
    await sql`
      insert into user_roles (user_id, role) values (md5('user1000')::uuid, 'front_desk')`.execute(db);
  });
  await step(`${PATIENTS.toLocaleString("en")} patients`, () =>
    sql`
      insert into patients (id, mrn, legal_given_name, legal_family_name, date_of_birth, sex, user_id, registration_source)
      select md5('pat' || i)::uuid, 'B' || lpad(i::text, 7, '0'), 'Bench', 'Patient ' || i,
             date '1940-01-01' + (i * 37) % 25000, 'unknown', case when i < 1000 then md5('user' || i)::uuid end, 'import'
      from generate_series(0, ${PATIENTS - 1}) i`.execute(db),
  );
  await step("proxy grants", () =>
    sql`
      insert into proxy_grants (patient_id, proxy_user_id, relationship, scopes, starts_at)
      select md5('pat' || (1000 + i))::uuid, md5('user' || (i % 1000))::uuid, 'caregiver', '{appointments}', now() - interval '400 days'
      from generate_series(0, 1999) i`.execute(db),
  );
  // 60 providers × 24 twenty-minute slots a day (09:00–17:00 New York), every slot taken, from
  // 650 days ago: 1,440 a day, ~694 days
  // bulk: the indexes and exclusion constraints come off and are built again once at the end
  const { rows: constraints } = await sql<{ name: string; def: string }>`
    select conname as name, pg_get_constraintdef(oid) as def from pg_constraint
    where conrelid = 'appointments'::regclass and contype = 'x'`.execute(db);
  const { rows: indexes } = await sql<{ name: string; def: string }>`
    select indexname as name, indexdef as def from pg_indexes
    where tablename = 'appointments' and indexname <> 'appointments_pkey'
      and indexname not in (select conname from pg_constraint where conrelid = 'appointments'::regclass)`.execute(db);
  for (const c of constraints) await sql.raw(`alter table appointments drop constraint ${c.name}`).execute(db);
  for (const i of indexes) await sql.raw(`drop index ${i.name}`).execute(db);
  const chunk = 250_000;
  for (let lo = 0; lo < APPOINTMENTS; lo += chunk) {
    await step(`appointments ${lo.toLocaleString("en")}–${(lo + chunk).toLocaleString("en")}`, () =>
      sql`
        insert into appointments (id, patient_id, provider_id, location_id, visit_type_id, starts_at, ends_at, blocked,
          status, booked_by, created_at, cancelled_at, arrived_at, roomed_at, completed_at)
        select md5('apt' || i)::uuid, md5('pat' || (i % ${PATIENTS}))::uuid, md5('prov' || (i % ${PROVIDERS}))::uuid,
               md5('loc' || (1 + (i % ${PROVIDERS}) % 3))::uuid, md5('vt' || (i % 4))::uuid,
               s.starts, s.starts + interval '20 minutes', tstzrange(s.starts, s.starts + interval '20 minutes'),
               s.status,
               case when i % 5 < 2 then md5('user' || (i % 1000))::uuid else md5('user1000')::uuid end,
               least(s.starts - ((i::bigint * 7919) % 43200) * interval '1 minute', now()),
               case when s.status = 'cancelled' then least(s.starts - ((i::bigint * 31) % 96) * interval '1 hour', now()) end,
               case when s.status = 'completed' then s.starts - interval '12 minutes' + (i % 9) * interval '1 minute' end,
               case when s.status = 'completed' then s.starts - interval '12 minutes' + (i % 9 + (i::bigint * 13) % 30) * interval '1 minute' end,
               case when s.status = 'completed' then s.starts + interval '20 minutes' end
        from generate_series(${lo}::int, ${Math.min(lo + chunk, APPOINTMENTS) - 1}::int) i
        cross join lateral (
          select x.starts,
                 case when x.starts > now() then 'booked'
                      when i % 100 < 7 then 'no_show' when i % 100 < 17 then 'cancelled' else 'completed' end as status
          from (
            select ((date_trunc('day', now() at time zone 'America/New_York') - interval '650 days'
                     + ((i / ${PROVIDERS}) / 24) * interval '1 day' + interval '9 hours'
                     + ((i / ${PROVIDERS}) % 24) * interval '20 minutes') at time zone 'America/New_York') as starts
          ) x
        ) s`.execute(db),
    );
  }
  await step("appointment indexes and exclusion constraints", async () => {
    for (const i of indexes) await sql.raw(i.def).execute(db);
    for (const c of constraints)
      await sql.raw(`alter table appointments add constraint ${c.name} ${c.def}`).execute(db);
  });
  await step("300,000 message waits", () =>
    sql`
      insert into work_items (queue, patient_id, subject_type, subject_id, provider_id, pool_id, status, due_at, created_at, completed_at)
      select 'messages', md5('pat' || ((i * 7) % ${PATIENTS}))::uuid, 'message_wait', md5('wait' || i)::uuid,
             md5('prov' || (i % ${PROVIDERS}))::uuid, md5('pool' || (1 + i % 3))::uuid,
             x.status, x.c + (24 * (1 + i % 3)) * interval '1 hour', x.c,
             case when x.status <> 'open' then x.c + ((i::bigint * 37) % 4320) * interval '1 minute' end
      from generate_series(0, 299999) i
      cross join lateral (
        select now() - interval '650 days' + (i * 650.0 / 300000) * interval '1 day' as c,
               case when i > 299000 and i % 2 = 0 then 'open' when i % 50 = 0 then 'cancelled' else 'done' end as status
      ) x`.execute(db),
  );
  await step("200,000 refill requests", async () => {
    await sql`
      insert into medications (id, patient_id, name, dose, directions, quantity, days_supply, refills_remaining, prescriber_id)
      select md5('med' || i)::uuid, md5('pat' || (i % ${PATIENTS}))::uuid, 'Bench medicine', '1 mg', 'daily', 30, 30, 3,
             md5('prov' || (i % ${PROVIDERS}))::uuid
      from generate_series(0, 199999) i`.execute(db);
    await sql`
      insert into refill_requests (id, patient_id, pharmacy_id, created_at)
      select md5('req' || i)::uuid, md5('pat' || (i % ${PATIENTS}))::uuid, md5('pharmacy')::uuid,
             now() - interval '650 days' + (i * 650.0 / 200000) * interval '1 day'
      from generate_series(0, 199999) i`.execute(db);
    await sql`
      insert into refill_request_items (request_id, patient_id, medication_id, status, rule, protocol_version, automatic,
        requested_at, decided_at, delivery_status, sent_at)
      select md5('req' || i)::uuid, md5('pat' || (i % ${PATIENTS}))::uuid, md5('med' || i)::uuid,
             case when i % 20 = 0 then 'denied' else 'approved' end, 'refill_from_remaining', 1, i % 3 <> 0,
             x.c, x.d, case when i % 20 <> 0 then 'sent' end,
             case when i % 20 <> 0 then x.d + (5 + i % 60) * interval '1 minute' end
      from generate_series(0, 199999) i
      cross join lateral (
        select r.created_at as c,
               r.created_at + case when i % 3 <> 0 then interval '0' else ((i::bigint * 53) % 4320) * interval '1 minute' end as d
        from refill_requests r where r.id = md5('req' || i)::uuid
      ) x`.execute(db);
  });
  await step("50,000 referrals", async () => {
    await sql`
      insert into referrals (id, patient_id, status, specialty, urgency, pcp_provider_id, requested_by_kind, created_at, decided_at)
      select md5('ref' || i)::uuid, md5('pat' || (i % ${PATIENTS}))::uuid, 'approved', 'cardiology', 'routine',
             md5('prov' || (i % ${PROVIDERS}))::uuid, 'patient', x.c, x.c + ((i::bigint * 17) % 10080) * interval '1 minute'
      from generate_series(0, 49999) i
      cross join lateral (select now() - interval '650 days' + (i * 640.0 / 50000) * interval '1 day' as c) x`.execute(
      db,
    );
    await sql`
      insert into referral_appointments (appointment_id, referral_id, patient_id, created_at)
      select md5('apt' || (i * 20))::uuid, md5('ref' || i)::uuid, md5('pat' || (i % ${PATIENTS}))::uuid,
             r.decided_at + ((i::bigint * 29) % 14400) * interval '1 minute'
      from generate_series(0, 49999, 2) i
      join referrals r on r.id = md5('ref' || i)::uuid`.execute(db);
  });
  await step("surveys (a third of completed visits)", () =>
    sql`
      insert into visit_surveys (appointment_id, patient_id, provider_id, location_id, token_hash, sent_at, expires_at, answered_at, score)
      select a.id, a.patient_id, a.provider_id, a.location_id, md5('srv' || a.id::text), a.ends_at + interval '2 hours',
             a.ends_at + interval '16 days',
             case when h % 10 < 6 then a.ends_at + interval '5 hours' end,
             case when h % 10 < 6 then greatest(0, 10 - (h / 10) % 7) end
      from appointments a
      cross join lateral (select abs(hashtext(a.id::text)) as h) x
      where a.status = 'completed' and x.h % 3 = 0`.execute(db),
  );
  await step("100,000 sign-ins in the audit log", () =>
    sql`
      insert into audit_log (at, actor_user_id, actor_kind, action, resource_type, outcome, details)
      select now() - interval '650 days' + (i * 650.0 / 100000) * interval '1 day', md5('user' || (i % 1000))::uuid,
             'user', 'login', 'session', 'success', '{"step":"complete"}'::jsonb
      from generate_series(0, 99999) i`.execute(db),
  );
  await step("analyze", () => sql`analyze`.execute(db));
}

// ---- explain ----

if (explain) {
  // the figures' statements as the service sends them, captured and run again under EXPLAIN ANALYZE
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  let captured: { sql: string; parameters: readonly unknown[] }[] = [];
  const logged = new Kysely<DB>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      if (event.level === "query") captured.push({ sql: event.query.sql, parameters: event.query.parameters });
    },
  });
  // the last 90 local days of the reporting zone, as the dashboard's default
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: REPORTING_ZONE }).format(new Date());
  const from = new Date(Date.parse(`${today}T00:00:00Z`) - 89 * 86_400_000).toISOString().slice(0, 10);
  const filter = { from, to: today, timeZone: REPORTING_ZONE, locationId: null, providerId: null, now: new Date() };
  for (const [figure, compute] of Object.entries(FIGURES)) {
    captured = [];
    const t0 = performance.now();
    await compute(logged, filter);
    const ms = performance.now() - t0;
    process.stdout.write(`\n=== ${figure} (${ms.toFixed(1)} ms in-process, ${captured.length} statements) ===\n`);
    // each statement's plan (the roll-up's plan, the catalogue's names, the live part)
    for (const statement of captured) {
      const plan = await pool.query(`explain (analyze, costs off) ${statement.sql}`, [...statement.parameters]);
      const lines = plan.rows.map((r: Record<string, string>) => r["QUERY PLAN"]);
      process.stdout.write(`${lines.join("\n")}\n---\n`);
    }
  }
  await logged.destroy();
}

// ---- through the server ----

const env = dataSetServerEnv(url);
process.stdout.write("Starting the server (demo clinic on top of the bench clinic)…\n");
const server = await startServer(env, { readyTimeoutMs: 300_000 });
try {
  const headers = await signInHeaders(server.base, ADMIN.email, ADMIN.password);
  const overview = (await (await fetch(`${server.base}/api/operations`, { headers })).json()) as {
    figures: string[];
    to: string;
  };
  const year = new Date(Date.parse(`${overview.to}T00:00:00Z`) - 364 * 86_400_000).toISOString().slice(0, 10);
  const filters = [
    "",
    `locationId=${md5Uuid("loc1")}`,
    `providerId=${md5Uuid("prov7")}`,
    `from=${year}&to=${overview.to}`,
  ];
  // p50/p95 over the three 90-day filter sets; the whole year reported beside them
  const results: { figure: string; p50: number; p95: number; max: number; yearP95: number }[] = [];
  const pick = (samples: number[], p: number) =>
    samples[Math.min(samples.length - 1, Math.ceil(p * samples.length) - 1)] as number;
  for (const figure of overview.figures) {
    const samples: number[] = [];
    const year: number[] = [];
    for (let i = 0; i < requests + 4; i++) {
      const t0 = performance.now();
      const filter = filters[i % filters.length] as string;
      const response = await fetch(`${server.base}/api/operations/figures/${figure}?${filter}`, { headers });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${figure}: ${response.status}`);
      if (i < 4) continue; // the first round warms up
      (filter.startsWith("from=") ? year : samples).push(performance.now() - t0);
    }
    samples.sort((a, b) => a - b);
    year.sort((a, b) => a - b);
    results.push({
      figure,
      p50: pick(samples, 0.5),
      p95: pick(samples, 0.95),
      max: samples[samples.length - 1] as number,
      yearP95: pick(year, 0.95),
    });
  }
  const load = loadavg()[0]?.toFixed(1);
  process.stdout.write(
    `\n| figure | p50 ms | p95 ms | max ms | budget p95 ≤ ${BUDGET_MS} ms | whole year p95 ms |\n|---|---|---|---|---|---|\n${results
      .map(
        (r) =>
          `| ${r.figure} | ${r.p50.toFixed(0)} | ${r.p95.toFixed(0)} | ${r.max.toFixed(0)} | ${r.p95 <= BUDGET_MS ? "met" : "not met"} | ${r.yearP95.toFixed(0)} |`,
      )
      .join(
        "\n",
      )}\n\n${requests} requests per figure, one at a time (90 days: all, one location, one provider; and a whole year), load average ${load} at the end\n`,
  );
} finally {
  await server.stop();
}

function md5Uuid(text: string): string {
  const hex = createHash("md5").update(text).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
