/**
 * Everyday reads at scale (SPEC §6: p95 ≤ 20 ms with 100,000 patients and 1,000,000
 * appointments): slot search, patient search, the arrivals board and a patient's appointment list.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/portico_bench_scale npm run bench:scale -w bench
 *   … -- --requests 200 --explain [--pg-log /var/log/postgresql/postgresql-15-main.log]
 *
 * PostgreSQL only. The data is the operations bench's (`scenarios/operations.ts`, run first
 * when the database named in the URL holds fewer than 1,000,000 appointments): 3 locations, 60
 * providers booked every 20 minutes 09:00–17:00 for ~650 days back and ~44 ahead, 100,000
 * patients. On top of it, once (each step checks whether it was done):
 *   - the patients get the realistic charts of `generate-patients.ts` (names, accents, birth
 *     dates, phones) instead of "Bench Patient N", so that patient search meets real names;
 *   - one patient (the first) is the clinic's most frequent: ~230 visits over the two years,
 *     every third day, a few of them ahead, and signs in to the portal;
 *   - one future visit in four is cancelled, so a busy provider's next 14 days have free slots;
 *   - the demo front desk works the first bench location (its arrivals board: 480 visits a day);
 *   - slot search's change stamps folded, as the server's periodic job keeps them (calendar-fold.ts).
 * Then a Portico server with the demo clinic on top, and, one request at a time (`--requests`
 * each, after 10 to warm up): slot search for one provider and visit type over 14 days, the
 * same visit type across all 60 providers, front-desk patient search (a mix of names, name
 * prefixes, birth dates, MRNs and phone numbers), the busy location's arrivals board for
 * today, the frequent patient's appointment list, and `GET /api/me` as the floor.
 *
 * `--explain` first runs a separate pass with `auto_explain` loaded for this database's
 * sessions (EXPLAIN ANALYZE with BUFFERS of every statement the server runs, as it runs it:
 * a prepared statement's sixth run, when PostgreSQL may keep its generic plan), sends each kind
 * of request 7 times (patient search 12) and prints the plans logged for the last one (the last
 * six), read from the PostgreSQL server's log (`--pg-log`; the server must run on this machine
 * and log to that file). The settings are reset afterwards.
 */

import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import pg from "pg";
import { migrateToLatest } from "../../server/src/db/migrate.ts";
import { foldCalendarChanges } from "../../server/src/modules/scheduling/calendar-fold.ts";
import { hashPassword } from "../../server/src/platform/passwords.ts";
import { dataSetRun, dataSetServerEnv, step } from "../data-set.ts";
import { generatePatient, openBenchDatabase } from "../generate-patients.ts";
import { startServer } from "../server.ts";
import { signInHeaders } from "./slots.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const FRONT_DESK = { email: "frontdesk@demo.portico.test", password: "Portico-demo-2026!" };
/** the frequent patient's portal account (bench only) */
const PATIENT = { email: "bench-0@bench.test", password: "Bench-scale-lantern-46" };
const BUDGET_MS = 20;
const APPOINTMENTS = 1_000_000;
const PATIENTS = 100_000;
const PROVIDERS = 60;
const BATCH = 5_000;

const run = dataSetRun({
  script: "bench:scale",
  command: "npm run bench:scale -w bench --",
  exampleDatabase: "portico_bench_scale",
  requests: 200,
  values: { "pg-log": "/var/log/postgresql/postgresql-15-main.log" },
});
const { requests, explain, url, name } = run;
const pgLog = run.values["pg-log"] as string;
// typed where it is declared, so that a call to it ends a branch for the type checker
const fail: (message: string) => never = run.fail;

const md5Uuid = (text: string) => {
  const hex = createHash("md5").update(text).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};
const LOCATION = md5Uuid("loc1");
const PROVIDER = md5Uuid("prov0");
const VISIT_TYPE = md5Uuid("vt0");
const FREQUENT = md5Uuid("pat0");

// ---- the data: the operations bench's fill, then this bench's additions ----

async function appointmentCount(): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const { rows } = await client.query("select count(*)::int as n from appointments");
    return rows[0]?.n ?? 0;
  } catch {
    return 0;
  } finally {
    await client.end().catch(() => {});
  }
}

if ((await appointmentCount()) < APPOINTMENTS) {
  process.stdout.write("Filling the database with the operations bench (once)…\n");
  const run = spawnSync(process.execPath, [path.join(here, "operations.ts"), "--requests", "4"], {
    stdio: "inherit",
    env: process.env,
  });
  if (run.status !== 0) fail("the operations bench's fill failed");
}

const database = await openBenchDatabase({ url });
const db = database.db;
let samplePatients: { mrn: string; given: string; family: string; dob: string; phone: string | null }[];
try {
  await migrateToLatest(db);
  const today = new Date().toISOString().slice(0, 10);
  const { rows: named } = await sql<{ family: string; mrn: string }>`
    select legal_family_name as family, mrn from patients where id = ${FREQUENT}::uuid`.execute(db);
  if (!named[0]) fail("the operations bench's patients are missing");
  if (!named[0].mrn.startsWith("P")) {
    // the portal's MRNs are P and digits (what staff type, and what search recognises)
    await step("MRNs as the portal numbers them", () =>
      sql`
        update patients set mrn = 'P8' || lpad(substr(mrn, 2), 7, '0')
        where registration_source = 'import' and mrn like 'B%'`.execute(db),
    );
  }
  if (named[0].family.startsWith("Patient ")) {
    await step(`realistic charts for ${PATIENTS.toLocaleString("en")} patients`, async () => {
      for (let lo = 0; lo < PATIENTS; lo += BATCH) {
        const index = Array.from({ length: Math.min(BATCH, PATIENTS - lo) }, (_, i) => lo + i);
        const charts = index.map((i) => generatePatient(i, today));
        const column = <K extends keyof (typeof charts)[number]>(key: K) => charts.map((c) => c[key]);
        await sql`
          update patients p set legal_given_name = r.given, legal_family_name = r.family, preferred_name = r.preferred,
            date_of_birth = r.dob, phone = r.phone, preferred_language = r.language
          from unnest(${index}::int[], ${column("given")}::text[], ${column("family")}::text[],
            ${column("preferred")}::text[], ${column("dateOfBirth")}::date[], ${column("phone")}::text[],
            ${column("language")}::text[]) as r(i, given, family, preferred, dob, phone, language)
          where p.id = md5('pat' || r.i)::uuid`.execute(db);
      }
    });
  }
  const { rows: frequent } = await sql<{ n: number }>`
    select count(*)::int as n from appointments where patient_id = ${FREQUENT}::uuid`.execute(db);
  if ((frequent[0]?.n ?? 0) < 100) {
    await step("the frequent patient: a visit every third day", () =>
      // slot k of the fill is appointment 60·k + provider; every third day (72 slots) one slot,
      // a different time of day and provider each time, skipping any that meets one of theirs
      sql`
        update appointments a set patient_id = ${FREQUENT}::uuid
        from generate_series(0, ${Math.floor(APPOINTMENTS / PROVIDERS / 72)}) j
        where a.id = md5('apt' || (60 * (72 * j + j % 24) + j % 60))::uuid
          and not exists (
            select 1 from appointments b
            where b.patient_id = ${FREQUENT}::uuid and b.status <> 'cancelled'
              and tstzrange(b.starts_at, b.ends_at) && tstzrange(a.starts_at, a.ends_at))`.execute(db),
    );
  }
  const { rows: account } = await sql<{ hash: string | null }>`
    select password_hash as hash from users where id = md5('user0')::uuid`.execute(db);
  if (!account[0]?.hash) {
    await step("the frequent patient's portal account", async () =>
      sql`
        update users set email = ${PATIENT.email}, email_normalized = ${PATIENT.email},
          password_hash = ${await hashPassword(PATIENT.password)}, password_changed_at = now()
        where id = md5('user0')::uuid`.execute(db),
    );
  }
  const { rows: freed } = await sql<{ n: number }>`
    select count(*)::int as n from appointments where status = 'cancelled' and starts_at > now()`.execute(db);
  if ((freed[0]?.n ?? 0) === 0) {
    await step("one future visit in four cancelled", () =>
      sql`
        update appointments set status = 'cancelled', cancelled_at = now(), updated_at = now()
        where starts_at > now() + interval '1 day' and status = 'booked'
          and patient_id <> ${FREQUENT}::uuid and abs(hashtext(id::text)) % 4 = 0`.execute(db),
    );
  }
  // what the server's periodic job keeps doing every 10 minutes, done before it starts so that
  // the first fold (about 3 million rows) does not run during the measurement
  await step("slot search's change stamps folded", () => foldCalendarChanges(db));
  await step("vacuum analyze", () => sql`vacuum analyze`.execute(db));
  const { rows } = await sql<{ mrn: string; given: string; family: string; dob: string; phone: string | null }>`
    select mrn, legal_given_name as given, legal_family_name as family, date_of_birth::text as dob, phone
    from patients where id = any(${Array.from({ length: 40 }, (_, i) => md5Uuid(`pat${(i * 2477) % PATIENTS}`))}::uuid[])
    order by mrn`.execute(db);
  samplePatients = rows;
} finally {
  await database.close();
}

/** What the front desk types: names, name prefixes, birth dates (two ways), MRNs, phone numbers. */
const searches = samplePatients.flatMap((p, i) => {
  const family = p.family.split(/[\s-]/).find((w) => w.length >= 3) ?? p.family;
  const us = `${p.dob.slice(5, 7)}/${p.dob.slice(8, 10)}/${p.dob.slice(0, 4)}`;
  switch (i % 6) {
    case 0:
      return [`${p.given} ${p.family}`];
    case 1:
      return [family.slice(0, Math.max(3, Math.ceil(family.length * 0.6)))];
    case 2:
      return [`${family} ${us}`];
    case 3:
      return [p.dob];
    case 4:
      return [p.mrn];
    default:
      return p.phone ? [p.phone] : [`${p.given} ${family.slice(0, 3)}`];
  }
});

// ---- the requests ----

interface Kind {
  label: string;
  as: "patient" | "front desk";
  path: (i: number) => string;
  /** what one answer holds, for the table */
  size: (body: unknown) => string;
  /** how many requests `--explain` shows the plans of (default 1) */
  explainRequests?: number;
}

const count = (key: string) => (body: unknown) => {
  const value = (body as Record<string, unknown>)[key];
  return Array.isArray(value) ? `${value.length} ${key}` : "";
};
const KINDS: Kind[] = [
  {
    label: "slot search: one provider, one visit type, 14 days",
    as: "patient",
    path: () => `/api/slots?visitTypeId=${VISIT_TYPE}&providerId=${PROVIDER}&patientId=${FREQUENT}`,
    size: count("slots"),
  },
  {
    label: "slot search: the visit type across 60 providers, 14 days",
    as: "patient",
    path: () => `/api/slots?visitTypeId=${VISIT_TYPE}&patientId=${FREQUENT}`,
    size: count("slots"),
  },
  {
    label: "patient search (front desk)",
    as: "front desk",
    path: (i) => `/api/patients?q=${encodeURIComponent(searches[i % searches.length] as string)}`,
    size: count("results"),
    explainRequests: 6,
  },
  {
    label: "arrivals board: a busy location, today",
    as: "front desk",
    path: () => `/api/arrivals?locationId=${LOCATION}`,
    size: count("entries"),
  },
  {
    label: "a patient's appointment list (the most frequent patient)",
    as: "patient",
    path: () => `/api/patients/${FREQUENT}/appointments`,
    size: (body) => {
      const b = body as { upcoming?: unknown[]; past?: unknown[] };
      return `${b.upcoming?.length ?? 0} upcoming, ${b.past?.length ?? 0} past`;
    },
  },
  { label: "floor: GET /api/me", as: "patient", path: () => "/api/me", size: () => "" },
];

const env = dataSetServerEnv(url);

/** The demo front desk works the first bench location (the demo clinic exists once a server has started). */
async function assignFrontDesk(): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `insert into staff_locations (user_id, location_id)
       select id, $2::uuid from users where email_normalized = $1 on conflict do nothing`,
      [FRONT_DESK.email, LOCATION],
    );
  } finally {
    await client.end();
  }
}

/** CPU time (user + system) of a process so far in ms, from /proc (undefined where there is none). */
function cpuMs(pid: number | undefined): number | undefined {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks (USER_HZ = 100)
  } catch {
    return undefined;
  }
}

async function withServer<T>(
  run: (send: (kind: Kind, i: number) => Promise<Response>, pid: number | undefined) => Promise<T>,
): Promise<T> {
  const server = await startServer(env, { readyTimeoutMs: 300_000 });
  try {
    await assignFrontDesk();
    const headers = {
      patient: await signInHeaders(server.base, PATIENT.email, PATIENT.password),
      "front desk": await signInHeaders(server.base, FRONT_DESK.email, FRONT_DESK.password),
    };
    return await run(
      (kind, i) => fetch(`${server.base}${kind.path(i)}`, { headers: headers[kind.as] }),
      server.child.pid,
    );
  } finally {
    await server.stop();
  }
}

// ---- plans (--explain): auto_explain for this database's sessions, read from the server's log ----

if (explain) {
  process.stdout.write("\nPlans: EXPLAIN (ANALYZE, BUFFERS) of each statement, as the server runs it\n");
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const settings = [
    "session_preload_libraries = 'auto_explain'",
    "auto_explain.log_min_duration = 0",
    "auto_explain.log_analyze = on",
    "auto_explain.log_buffers = on",
    "auto_explain.log_timing = on",
  ];
  try {
    if (!fs.existsSync(pgLog)) throw new Error(`no PostgreSQL log at ${pgLog} (--pg-log FILE)`);
    for (const setting of settings) await admin.query(`alter database ${name} set ${setting}`);
    await withServer(async (send) => {
      for (const kind of KINDS) {
        if (kind.label.startsWith("floor")) continue;
        // 6 first: from its sixth run PostgreSQL may keep a prepared statement's generic plan
        for (let i = 0; i < 6; i++) await (await send(kind, i)).arrayBuffer();
        for (let i = 6; i < 6 + (kind.explainRequests ?? 1); i++) {
          await new Promise((resolve) => setTimeout(resolve, 300));
          const before = fs.statSync(pgLog).size;
          const response = await send(kind, i);
          await response.arrayBuffer();
          await new Promise((resolve) => setTimeout(resolve, 500));
          const fd = fs.openSync(pgLog, "r");
          const buffer = Buffer.alloc(fs.statSync(pgLog).size - before);
          fs.readSync(fd, buffer, 0, buffer.length, before);
          fs.closeSync(fd);
          process.stdout.write(
            `\n=== ${kind.label}: GET ${decodeURIComponent(kind.path(i))} (${response.status}) ===\n${plansOf(buffer.toString("utf8"))}\n`,
          );
        }
      }
    });
  } finally {
    for (const setting of settings) await admin.query(`alter database ${name} reset ${setting.split(" =")[0]}`);
    await admin.end();
  }
}

/** The logged plans of this database's statements, each headed by its duration and statement name. */
function plansOf(log: string): string {
  const entries = log.split(/\n(?=\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)/);
  const out: string[] = [];
  for (const entry of entries) {
    const at = entry.indexOf("duration: ");
    if (at < 0 || !entry.includes(`@${name} `) || !entry.includes("plan:")) continue;
    const lines = entry.slice(at).split("\n");
    const text = lines.findIndex((l) => l.includes("Query Text:"));
    const statement = lines[text] ?? "";
    // the in-process worker's polling and the audit chain's linking run beside any request
    if (/\b(jobs|audit_link_pending)\b/.test(lines.slice(text, text + 4).join(" "))) continue;
    const prepared = /prepared:([a-z0-9_]+)/.exec(statement)?.[1];
    const head = `${lines[0]?.replace(/ plan:$/, "")} — ${prepared ? `prepared ${prepared}` : statement.trim().slice(12, 140)}`;
    out.push([head, ...lines.slice(text + 1).filter((l) => l.trim() && !l.includes("Query Text:"))].join("\n"));
  }
  return out.join("\n---\n");
}

// ---- the measurement ----

const pick = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
const loadBefore = loadavg()[0] as number;
process.stdout.write(
  `\nStarting the server (demo clinic on top of the bench clinic), load average ${loadBefore.toFixed(2)}…\n`,
);
const results = await withServer(async (send, pid) => {
  const out: { kind: Kind; samples: number[]; size: string; cpu: number | undefined }[] = [];
  for (const kind of KINDS) {
    const samples: number[] = [];
    let size = "";
    let cpuBefore: number | undefined;
    for (let i = 0; i < requests + 10; i++) {
      if (i === 10) cpuBefore = cpuMs(pid);
      const t0 = performance.now();
      const response = await send(kind, i);
      const body = await response.json();
      const ms = performance.now() - t0;
      if (!response.ok) throw new Error(`${kind.label}: ${response.status} ${JSON.stringify(body)}`);
      if (i === 0) size = kind.size(body);
      if (i >= 10) samples.push(ms);
    }
    const cpuAfter = cpuMs(pid);
    const cpu = cpuBefore === undefined || cpuAfter === undefined ? undefined : (cpuAfter - cpuBefore) / requests;
    out.push({ kind, samples: samples.sort((a, b) => a - b), size, cpu });
  }
  return out;
});
const loadAfter = loadavg()[0] as number;
process.stdout.write(
  [
    "",
    `| request | answer | p50 ms | p95 ms | p99 ms | max ms | server CPU ms / request | budget p95 ≤ ${BUDGET_MS} ms |`,
    "|---|---|---|---|---|---|---|---|",
    ...results.map(
      ({ kind, samples, size, cpu }) =>
        `| ${kind.label} | ${size} | ${pick(samples, 50).toFixed(1)} | ${pick(samples, 95).toFixed(1)} | ${pick(samples, 99).toFixed(1)} | ${(samples[samples.length - 1] as number).toFixed(1)} | ${cpu === undefined ? "" : cpu.toFixed(1)} | ${kind.label.startsWith("floor") ? "" : pick(samples, 95) <= BUDGET_MS ? "met" : "not met"} |`,
    ),
    "",
    `${requests} requests of each kind, one at a time, after 10 to warm up; ${new Date().toISOString()}, load average ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after`,
    "",
  ].join("\n"),
);
