import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { sql } from "kysely";
import pg from "pg";
import { migrateToLatest } from "../../server/src/db/migrate.ts";
import { parseSearchQuery, searchPatients } from "../../server/src/modules/patients/search.ts";
import { failWith, positive, readFlags } from "../cli.ts";
import { DEFAULT_PATIENT_COUNT, generatePatients, openBenchDatabase } from "../generate-patients.ts";
import { rssMb, startServer } from "../server.ts";
import { signInHeaders } from "./slots.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const FRONT_DESK = { email: "frontdesk@demo.portico.test", password: "Portico-demo-2026!" };

type Kind =
  | "partial name"
  | "accented name"
  | "unaccented name"
  | "name with typo"
  | "date of birth (ISO)"
  | "date of birth (US)"
  | "name + date of birth"
  | "MRN"
  | "phone"
  | "phone without area code";

interface Query {
  kind: Kind;
  q: string;
}

// ---- the parts of autocannon used here beyond bench/autocannon.d.ts ----

interface RequestParams {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
}
interface CannonOptions {
  url: string;
  connections: number;
  duration: number;
  headers: Record<string, string>;
  timeout: number;
  requests: { setupRequest: (request: RequestParams) => RequestParams }[];
}
interface CannonResult {
  requests: { average: number; total: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  duration: number;
}
interface CannonInstance extends PromiseLike<CannonResult> {
  on(event: "response", listener: (client: object, status: number, bytes: number, ms: number) => void): void;
}
const cannon = autocannon as unknown as (options: CannonOptions) => CannonInstance;

// ---- options ----

function parseArgs(argv: string[]) {
  const options = {
    duration: 15,
    connections: 10,
    count: DEFAULT_PATIENT_COUNT,
    dataDir: "/tmp/portico-bench-patients",
  };
  const whole = (flag: string, raw: string) => positive(flag, raw, fail);
  readFlags(
    argv,
    [
      "Usage: npm run bench:patients -- [--duration 15] [--connections 10] [--count 100000] [--data-dir DIR]",
      "",
      "Staff patient search against --count generated patients (generated once, kept between runs).",
      "Database: BENCH_DATABASE_URL=postgres://…/portico_bench_patients (created when missing),",
      "else PGlite in DIR/pglite (default /tmp/portico-bench-patients).",
      "",
    ],
    (flag, value) => {
      if (flag === "--duration" || flag === "-d") options.duration = whole(flag, value());
      else if (flag === "--connections" || flag === "-c") options.connections = whole(flag, value());
      else if (flag === "--count") options.count = whole(flag, value());
      else if (flag === "--data-dir") options.dataDir = path.resolve(value());
      else return false;
      return true;
    },
    fail,
  );
  return options;
}

// typed where it is declared, so that a call to it ends a branch for the type checker
const fail: (message: string) => never = failWith("bench:patients");

// ---- the query mix, from rows that exist ----

const stripAccents = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "");

/** One edit a person makes when typing fast: a swapped pair, a dropped or a wrong letter. */
function typo(word: string, seed: number): string {
  const letters = [...word.toLowerCase()];
  const at = 1 + (seed % Math.max(1, letters.length - 2));
  const kind = seed % 3;
  if (kind === 0 && at + 1 < letters.length) {
    [letters[at], letters[at + 1]] = [letters[at + 1] as string, letters[at] as string];
  } else if (kind === 1) letters.splice(at, 1);
  else letters[at] = letters[at] === "e" ? "a" : "e";
  return letters.join("");
}

const usDate = (iso: string) => `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;

interface SampleRow {
  mrn: string;
  legal_given_name: string;
  legal_family_name: string;
  date_of_birth: string;
  phone: string | null;
}

function buildQueries(rows: SampleRow[]): Query[] {
  const queries: Query[] = [];
  rows.forEach((row, i) => {
    const family = row.legal_family_name.split(/[\s-]/).find((w) => w.length >= 4) ?? row.legal_family_name;
    const given = row.legal_given_name;
    const accented = stripAccents(`${given} ${family}`) !== `${given} ${family}`;
    const push = (kind: Kind, q: string) => queries.push({ kind, q });
    switch (i % 10) {
      case 0:
        push("partial name", family.slice(0, Math.max(3, Math.ceil(family.length * 0.6))));
        break;
      case 1:
        push("partial name", `${given} ${family.slice(0, 3)}`);
        break;
      case 2:
        push(accented ? "accented name" : "unaccented name", `${given} ${family}`);
        if (accented) push("unaccented name", stripAccents(`${given} ${family}`).toLowerCase());
        break;
      case 3:
        // a typo in a word long enough to be recognisable (staff type at least four letters)
        push("name with typo", typo(stripAccents([family, given].find((w) => w.length >= 4) ?? family), i));
        break;
      case 4:
        push("date of birth (ISO)", row.date_of_birth);
        break;
      case 5:
        push("date of birth (US)", usDate(row.date_of_birth));
        break;
      case 6:
        push("name + date of birth", `${family} ${usDate(row.date_of_birth)}`);
        break;
      case 7:
        push("MRN", row.mrn);
        break;
      case 8:
        if (row.phone) push("phone", row.phone);
        break;
      case 9:
        if (row.phone)
          push(
            "phone without area code",
            row.phone
              .replace(/\D/g, "")
              .slice(-7)
              .replace(/^(\d{3})/, "$1-"),
          );
        break;
    }
  });
  return queries;
}

// ---- statistics ----

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

interface Summary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

function summarise(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    count: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted[sorted.length - 1] ?? 0),
  };
}

// ---- run ----

const options = parseArgs(process.argv.slice(2));
const postgresUrl = process.env.BENCH_DATABASE_URL?.trim() || undefined;
const databaseLabel = postgresUrl ? "PostgreSQL" : "PGlite";

if (postgresUrl) {
  const target = new URL(postgresUrl);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) fail("BENCH_DATABASE_URL must name a database, e.g. …/portico_bench_patients");
  const adminUrl = new URL(postgresUrl);
  adminUrl.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  const exists = await admin.query("select 1 from pg_database where datname = $1", [name]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
}

process.stdout.write(`Preparing ${options.count.toLocaleString("en")} patients on ${databaseLabel}…\n`);
const database = await openBenchDatabase({ url: postgresUrl, dataDir: options.dataDir });
let queries: Query[];
const databaseOnly = new Map<Kind, number[]>();
try {
  await migrateToLatest(database.db);
  const started = performance.now();
  const added = await generatePatients(database.db, {
    count: options.count,
    onProgress: (done, total) =>
      process.stdout.write(`\r  ${done.toLocaleString("en")} / ${total.toLocaleString("en")}`),
  });
  process.stdout.write(
    added > 0
      ? `\n  added ${added.toLocaleString("en")} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`
      : "  already generated\n",
  );
  const { rows } = await sql<SampleRow>`
    select mrn, legal_given_name, legal_family_name, date_of_birth, phone from patients
    where registration_source = 'import' and status = 'active'
    order by md5(id::text) limit 400`.execute(database.db);
  queries = buildQueries(rows);
  // The search queries alone, in-process (no HTTP, session check or audit write): a warm-up
  // pass, then a measured one.
  for (const pass of ["warm-up", "measured"]) {
    for (const query of queries) {
      const t0 = performance.now();
      await database.db
        .transaction()
        .execute((trx) =>
          searchPatients(trx, parseSearchQuery(query.q), { limit: 20, includePending: true, withContact: true }),
        );
      if (pass === "measured") {
        const list = databaseOnly.get(query.kind) ?? [];
        list.push(performance.now() - t0);
        databaseOnly.set(query.kind, list);
      }
    }
  }
} finally {
  await database.close();
}

const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "test",
  HOST: "127.0.0.1",
  PORTICO_DATA_DIR: options.dataDir,
  PORTICO_DEMO: "1",
  RATE_LIMIT_PER_MINUTE: "1000000",
  LOG_LEVEL: "warn",
  TZ: "UTC",
};
delete env.DATABASE_URL;
delete env.REDIS_URL;
delete env.SMTP_URL;
if (postgresUrl) env.DATABASE_URL = postgresUrl;

process.stdout.write("Starting the server (demo clinic on top of the generated patients)…\n");
const server = await startServer(env, { readyTimeoutMs: 300_000 });
const pid = server.child.pid as number;
const overall: number[] = [];
const baseline: number[] = [];
const sequential = new Map<Kind, { samples: number[]; empty: number }>();
let result: CannonResult;
let maxRss = 0;
try {
  const headers = await signInHeaders(server.base, FRONT_DESK.email, FRONT_DESK.password);
  const pathOf = (q: Query) => `/api/patients?q=${encodeURIComponent(q.q)}`;

  // One request at a time first: what each kind of query costs without queueing, and a check
  // that the mix finds the patients it was built from.
  for (const query of queries) {
    const t0 = performance.now();
    const response = await fetch(`${server.base}${pathOf(query)}`, { headers });
    const body = (await response.json()) as { results?: unknown[] };
    const ms = performance.now() - t0;
    if (!response.ok) throw new Error(`${query.kind} "${query.q}" answered ${response.status}`);
    const entry = sequential.get(query.kind) ?? { samples: [], empty: 0 };
    entry.samples.push(ms);
    if ((body.results ?? []).length === 0) entry.empty += 1;
    sequential.set(query.kind, entry);
  }

  // the same machine's cost of a signed-in request that does not search: the baseline
  for (let i = 0; i < 100; i++) {
    const t0 = performance.now();
    const response = await fetch(`${server.base}/api/me`, { headers });
    await response.arrayBuffer();
    baseline.push(performance.now() - t0);
  }

  process.stdout.write(
    `Load: ${options.connections} connections for ${options.duration} s over ${queries.length} queries…\n`,
  );
  let next = 0;
  const instance = cannon({
    url: server.base,
    connections: options.connections,
    duration: options.duration,
    headers,
    timeout: 10,
    requests: [
      {
        setupRequest: (request) => {
          const query = queries[next++ % queries.length] as Query;
          return { ...request, method: "GET", path: pathOf(query) };
        },
      },
    ],
  });
  instance.on("response", (_client, _status, _bytes, ms) => {
    overall.push(ms);
  });
  const sampler = setInterval(() => {
    maxRss = Math.max(maxRss, rssMb(pid) ?? 0);
  }, 100);
  result = await instance;
  clearInterval(sampler);
  maxRss = Math.max(maxRss, rssMb(pid) ?? 0);
} finally {
  await server.stop();
}

const total = summarise(overall);
const lines = [
  "",
  `Patient search — ${new Date().toISOString()} — ${databaseLabel}, ${options.count.toLocaleString("en")} patients, ${options.connections} connections, ${options.duration} s, ${os.cpus().length} CPUs, Node ${process.versions.node}`,
  "",
  `Under load: ${Math.round(result.requests.average)} req/s, p50 ${total.p50} ms, p95 ${total.p95} ms, p99 ${total.p99} ms, max ${total.max} ms (${total.count} responses, errors ${result.errors + result.timeouts}, non-2xx ${result.non2xx}); max RSS ${Math.round(maxRss)} MB`,
  `Budget (SPEC §6): p95 ≤ 20 ms — ${total.p95 <= 20 ? "met" : "MISSED"}`,
  `Search queries alone (in-process, no HTTP): p50 ${summarise([...databaseOnly.values()].flat()).p50} ms, p95 ${summarise([...databaseOnly.values()].flat()).p95} ms`,
  `Baseline, GET /api/me one at a time (session check, no search): p50 ${summarise(baseline).p50} ms, p95 ${summarise(baseline).p95} ms`,
  "",
  "| query kind | query alone (in-process): p50 / p95 ms | over HTTP one at a time: p50 / p95 / max ms | found nothing |",
  "|---|---|---|---|",
  ...[...sequential.entries()].map(([kind, entry]) => {
    const alone = summarise(entry.samples);
    const query = summarise(databaseOnly.get(kind) ?? []);
    return `| ${kind} | ${query.p50} / ${query.p95} | ${alone.p50} / ${alone.p95} / ${alone.max} | ${entry.empty} of ${alone.count} |`;
  }),
  "",
];
process.stdout.write(lines.join("\n"));

const resultsDir = path.join(here, "..", "results");
fs.mkdirSync(resultsDir, { recursive: true });
const file = path.join(resultsDir, `patient-search-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
fs.writeFileSync(
  file,
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      scenario: "patient-search",
      database: databaseLabel,
      patients: options.count,
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30) },
      node: process.versions.node,
      connections: options.connections,
      duration: options.duration,
      requestsPerSecond: Math.round(result.requests.average),
      latencyMs: total,
      baselineMeMs: summarise(baseline),
      errors: result.errors + result.timeouts,
      non2xx: result.non2xx,
      maxRssMb: Math.round(maxRss),
      byKind: Object.fromEntries(
        [...sequential.entries()].map(([kind, entry]) => [
          kind,
          {
            queryAlone: summarise(databaseOnly.get(kind) ?? []),
            overHttpOneAtATime: summarise(entry.samples),
            foundNothing: entry.empty,
          },
        ]),
      ),
    },
    null,
    2,
  )}\n`,
);
process.stdout.write(`Results written to ${path.relative(process.cwd(), file)}\n`);
