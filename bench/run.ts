/**
 * `npm run bench`: starts the real server (PGlite in a temporary directory, or a fresh
 * PostgreSQL database when BENCH_DATABASE_URL is set), runs autocannon scenarios against it
 * while sampling the server's memory, measures cold start on the existing database, and
 * writes a table to the terminal and bench/results/<timestamp>.json.
 *
 *   npm run bench -- --duration 10 --connections 50 --scenario health,db-read,me
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import pg from "pg";
import { freePort, rssMb, startServer } from "./server.ts";

const here = path.dirname(fileURLToPath(import.meta.url));

interface Scenario {
  name: string;
  description: string;
  /** prepares the request, or returns a reason to skip it */
  prepare(base: string): Promise<{ path: string; headers?: Record<string, string> } | { skip: string }>;
}

const DEMO_PATIENT = { email: "alex.rivera@demo.portico.test", password: "Portico-demo-2026!" };

const SCENARIOS: Scenario[] = [
  {
    name: "health",
    description: "GET /api/health (process only)",
    prepare: async () => ({ path: "/api/health" }),
  },
  {
    name: "db-read",
    description: "GET /api/ready (one database round trip)",
    prepare: async () => ({ path: "/api/ready" }),
  },
  {
    name: "me",
    description: "GET /api/me as a signed-in patient (session check, database read)",
    prepare: async (base) => {
      const response = await fetch(`${base}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(DEMO_PATIENT),
      });
      if (response.status === 404) return { skip: "sign-in is not available yet (POST /api/auth/login is 404)" };
      if (!response.ok) return { skip: `signing in as ${DEMO_PATIENT.email} answered ${response.status}` };
      const cookie = response.headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .join("; ");
      if (!cookie) return { skip: "signing in set no session cookie" };
      return { path: "/api/me", headers: { cookie } };
    },
  },
];

function parseArgs(argv: string[]) {
  const options = { duration: 10, connections: 50, scenarios: SCENARIOS.map((s) => s.name) };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    const [flag, inline] = arg.split("=", 2);
    const value = () => inline ?? argv[++i] ?? "";
    if (flag === "--help" || flag === "-h") {
      process.stdout.write(
        [
          "Usage: npm run bench -- [--duration 10] [--connections 50] [--scenario health,db-read,me]",
          "",
          "Scenarios:",
          ...SCENARIOS.map((s) => `  ${s.name.padEnd(10)} ${s.description}`),
          "",
          "Environment: BENCH_DATABASE_URL=postgres://… runs on a fresh PostgreSQL database instead of PGlite.",
          "",
        ].join("\n"),
      );
      process.exit(0);
    } else if (flag === "--duration" || flag === "-d") options.duration = positive(flag, value());
    else if (flag === "--connections" || flag === "-c") options.connections = positive(flag, value());
    else if (flag === "--scenario" || flag === "-s") {
      options.scenarios = value()
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
      const unknown = options.scenarios.filter((s) => !SCENARIOS.some((known) => known.name === s));
      if (unknown.length > 0) {
        fail(`unknown scenario ${unknown.join(", ")} (known: ${SCENARIOS.map((s) => s.name).join(", ")})`);
      }
    } else fail(`unknown option ${arg} (see --help)`);
  }
  return options;
}

function positive(flag: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) fail(`${flag} needs a whole number ≥ 1, got "${raw}"`);
  return value;
}

function fail(message: string): never {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}

interface Row {
  scenario: string;
  path: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
  maxRssMb: number;
  skipped?: string;
}

const options = parseArgs(process.argv.slice(2));
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "portico-bench-"));
const postgresUrl = process.env.BENCH_DATABASE_URL?.trim() || undefined;
let databaseName: string | undefined;
let databaseUrl: string | undefined;
if (postgresUrl) {
  databaseName = `portico_bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${databaseName}`);
  await admin.end();
  const target = new URL(postgresUrl);
  target.pathname = `/${databaseName}`;
  databaseUrl = target.toString();
}

const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "test",
  HOST: "127.0.0.1",
  PORTICO_DATA_DIR: dataDir,
  PORTICO_DEMO: "1",
  RATE_LIMIT_PER_MINUTE: "1000000",
  LOG_LEVEL: "warn",
  TZ: "UTC",
};
delete env.DATABASE_URL;
delete env.REDIS_URL;
delete env.SMTP_URL;
if (databaseUrl) env.DATABASE_URL = databaseUrl;

const databaseLabel = databaseUrl ? "PostgreSQL" : "PGlite";
const rows: Row[] = [];
let firstStartMs = 0;
let coldStartMs = 0;
let idleRssMb = 0;

try {
  const port = await freePort();
  process.stdout.write(`Starting the server on ${databaseLabel} (fresh database, demo clinic)…\n`);
  const server = await startServer(env, { port });
  firstStartMs = server.readyMs;
  const pid = server.child.pid as number;
  idleRssMb = rssMb(pid) ?? 0;

  for (const name of options.scenarios) {
    const scenario = SCENARIOS.find((s) => s.name === name) as Scenario;
    const prepared = await scenario.prepare(server.base);
    if ("skip" in prepared) {
      process.stdout.write(`- ${name}: skipped, ${prepared.skip}\n`);
      rows.push({
        scenario: name,
        path: "",
        requestsPerSecond: 0,
        p50Ms: 0,
        p99Ms: 0,
        errors: 0,
        non2xx: 0,
        maxRssMb: 0,
        skipped: prepared.skip,
      });
      continue;
    }
    process.stdout.write(
      `- ${name}: ${options.connections} connections for ${options.duration} s on ${prepared.path}\n`,
    );
    let maxRss = rssMb(pid) ?? 0;
    const sampler = setInterval(() => {
      maxRss = Math.max(maxRss, rssMb(pid) ?? 0);
    }, 100);
    const result = await autocannon({
      url: `${server.base}${prepared.path}`,
      connections: options.connections,
      duration: options.duration,
      headers: prepared.headers ?? {},
      timeout: 10,
    });
    clearInterval(sampler);
    maxRss = Math.max(maxRss, rssMb(pid) ?? 0);
    rows.push({
      scenario: name,
      path: prepared.path,
      requestsPerSecond: Math.round(result.requests.average),
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      errors: result.errors + result.timeouts,
      non2xx: result.non2xx,
      maxRssMb: Math.round(maxRss),
    });
  }
  await server.stop();

  process.stdout.write("- cold start: starting again on the same database…\n");
  const again = await startServer(env);
  coldStartMs = again.readyMs;
  await again.stop();
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (postgresUrl && databaseName) {
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
    await admin.end();
  }
}

const header = ["scenario", "req/s", "p50 ms", "p99 ms", "errors/non-2xx", "max RSS MB"];
const table = rows.map((r) =>
  r.skipped
    ? [r.scenario, "skipped", "", "", "", ""]
    : [
        r.scenario,
        String(r.requestsPerSecond),
        String(r.p50Ms),
        String(r.p99Ms),
        `${r.errors}/${r.non2xx}`,
        String(r.maxRssMb),
      ],
);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => (row[i] ?? "").length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ")} |`;
const output = [
  "",
  `Portico benchmark — ${new Date().toISOString()} — ${databaseLabel}, ${options.connections} connections, ${options.duration} s each, ${os.cpus().length} CPUs, Node ${process.versions.node}`,
  "",
  line(header),
  `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`,
  ...table.map(line),
  "",
  `First start (fresh database: create, migrate, seed demo): ${Math.round(firstStartMs)} ms`,
  `Cold start on the existing database (spawn → /api/ready):  ${Math.round(coldStartMs)} ms`,
  `Idle RSS after start: ${Math.round(idleRssMb)} MB`,
  ...rows.filter((r) => r.skipped).map((r) => `${r.scenario} skipped: ${r.skipped}`),
  "",
];
process.stdout.write(output.join("\n"));

const resultsDir = path.join(here, "results");
fs.mkdirSync(resultsDir, { recursive: true });
const file = path.join(resultsDir, `${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
fs.writeFileSync(
  file,
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      database: databaseLabel,
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30) },
      node: process.versions.node,
      duration: options.duration,
      connections: options.connections,
      firstStartMs: Math.round(firstStartMs),
      coldStartMs: Math.round(coldStartMs),
      idleRssMb: Math.round(idleRssMb),
      scenarios: rows,
    },
    null,
    2,
  )}\n`,
);
process.stdout.write(`Results written to ${path.relative(process.cwd(), file)}\n`);
