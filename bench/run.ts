/**
 * `npm run bench`: measures Portico against the machine's own limits in the same run.
 *
 * 1. a bare Fastify hello world (bench/hello.ts) on the same Node, as its own process;
 * 2. when the target is PostgreSQL and `pgbench` is installed: pgbench TPC-B read-write and
 *    select-only on a scratch database, with the same client count and duration;
 * 3. the real Portico server (PGlite in a temporary directory, or a fresh PostgreSQL database
 *    when BENCH_DATABASE_URL is set) with the demo and bench clinics, and every scenario;
 * 4. cold start on the existing database.
 *
 * Each figure is printed with its ratio to the reference it is judged against and its SPEC §6
 * budget; the table goes to the terminal and bench/results/<timestamp>.json.
 *
 *   npm run bench -- --duration 10 --connections 50 --scenario health,appointments
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench
 *   npm run bench -- --smoke      # a few requests per scenario, no references: keeps the bench working in CI
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon, { type Result } from "autocannon";
import pg from "pg";
import { failWith, positive, readFlags } from "./cli.ts";
import { runBooking } from "./scenarios/booking.ts";
import {
  type PatientDataSetup,
  preparePatientData,
  runAppointmentList,
  runProfileUpdate,
} from "./scenarios/patient-data.ts";
import { runRefillRequests } from "./scenarios/refills.ts";
import {
  type BenchRow,
  type BenchServer,
  type LoadOptions,
  lengthOf,
  runSlotSearch,
  startBenchServer,
} from "./scenarios/slots.ts";
import { createScratchDatabase } from "./scratch-database.ts";
import { freePort, rssMb, startServer } from "./server.ts";

const here = path.dirname(fileURLToPath(import.meta.url));

/** a reference run beside the scenarios, or a scenario of this run another is compared with */
type ReferenceName = "fastify" | "pgbench-rw" | "pgbench-ro" | "appointments";

interface Budget {
  rps?: number;
  p99?: number;
  /** the least ratio to the reference */
  ratio?: number;
}

interface Context {
  server: BenchServer;
  options: LoadOptions;
  patient?: PatientDataSetup;
}

interface Scenario {
  name: string;
  description: string;
  reference?: ReferenceName;
  budget?: Budget;
  run(context: Context): Promise<{ result: Result; path: string; note?: string }>;
}

const REFERENCE_LABEL: Record<ReferenceName, string> = {
  fastify: "bare Fastify",
  "pgbench-rw": "pgbench read-write",
  "pgbench-ro": "pgbench select-only",
  appointments: "the portal's appointment list",
};

async function get(context: Context, urlPath: string, headers: Record<string, string> = {}): Promise<Result> {
  return autocannon({
    url: `${context.server.base}${urlPath}`,
    connections: context.options.connections,
    ...lengthOf(context.options),
    headers,
    timeout: 10,
  });
}

async function patient(context: Context): Promise<PatientDataSetup> {
  context.patient ??= await preparePatientData(context.server);
  return context.patient;
}

/** A scenario's run from a runner in scenarios/ that measures its own row. */
function measured(
  runner: (server: BenchServer, options: LoadOptions) => Promise<BenchRow & { result: Result }>,
  urlPath: string,
): Scenario["run"] {
  return async (c) => {
    const row = await runner(c.server, c.options);
    return { result: row.result, path: urlPath, note: row.note };
  };
}

const SCENARIOS: Scenario[] = [
  {
    name: "health",
    description: "GET /api/health: the platform's per-request cost (logging, rate limit, headers, context)",
    reference: "fastify",
    budget: { ratio: 0.5 },
    run: async (c) => ({ result: await get(c, "/api/health"), path: "/api/health" }),
  },
  {
    name: "ready",
    description: "GET /api/ready: one database round trip",
    reference: "pgbench-ro",
    run: async (c) => ({ result: await get(c, "/api/ready"), path: "/api/ready" }),
  },
  {
    name: "me",
    description: "GET /api/me as a signed-in patient: session check and account read",
    reference: "pgbench-rw",
    run: async (c) => ({ result: await get(c, "/api/me", (await patient(c)).headers), path: "/api/me" }),
  },
  {
    name: "appointments",
    description: "GET /api/patients/:id/appointments: patient data with its audit row committed",
    reference: "pgbench-rw",
    budget: { rps: 3000, p99: 25, ratio: 1 },
    run: async (c) => {
      const setup = await patient(c);
      return {
        result: await runAppointmentList(c.server, setup, c.options),
        path: "/api/patients/:id/appointments",
        note: `${setup.appointments} appointments per response`,
      };
    },
  },
  {
    name: "fhir",
    description:
      "GET /fhir/R4/Appointment?patient=:id: the same appointments as a FHIR searchset Bundle (the gate, an audit row per read)",
    reference: "appointments",
    budget: { ratio: 0.8 },
    run: async (c) => {
      const setup = await patient(c);
      const url = `/fhir/R4/Appointment?patient=${c.server.clinic.benchPatientId}`;
      return {
        result: await get(c, url, { ...setup.headers, accept: "application/fhir+json" }),
        path: "/fhir/R4/Appointment?patient=:id",
        note: `${setup.appointments} appointments per Bundle`,
      };
    },
  },
  {
    name: "profile",
    description: "PATCH /api/me: an authenticated write (CSRF, transaction, audit row)",
    reference: "pgbench-rw",
    run: async (c) => ({
      result: await runProfileUpdate(c.server, await patient(c), c.options),
      path: "PATCH /api/me",
    }),
  },
  {
    name: "slots",
    description: "GET /api/slots: 1 visit type, 10 providers, 14 days",
    budget: { rps: 1000, p99: 30 },
    run: measured(runSlotSearch, "/api/slots"),
  },
  {
    name: "booking",
    description: "POST /api/patients/:id/appointments: booking distinct slots as the front desk",
    budget: { rps: 800, p99: 50 },
    run: measured(runBooking, "POST /api/patients/:id/appointments"),
  },
  {
    name: "refills",
    description:
      "POST /api/patients/:id/refill-requests: each request a different medication, decided by the protocol and sent to the outbox",
    run: measured(runRefillRequests, "POST /api/patients/:id/refill-requests"),
  },
];

interface Options extends LoadOptions {
  scenarios: string[];
  smoke: boolean;
  pgbenchScale: number;
}

function parseArgs(argv: string[]): Options {
  const options: Options = {
    duration: 10,
    connections: 50,
    scenarios: SCENARIOS.map((s) => s.name),
    smoke: false,
    pgbenchScale: 50,
  };
  const whole = (flag: string, raw: string) => positive(flag, raw, fail);
  readFlags(
    argv,
    [
      "Usage: npm run bench -- [--duration 10] [--connections 50] [--scenario health,appointments] [--pgbench-scale 50] [--smoke]",
      "",
      "Scenarios:",
      ...SCENARIOS.map((s) => `  ${s.name.padEnd(13)} ${s.description}`),
      "",
      "--smoke sends a few requests per scenario with 2 connections and skips the references and the",
      "cold start: it proves the bench still runs, it measures nothing.",
      "",
      "Environment: BENCH_DATABASE_URL=postgres://… runs on a fresh PostgreSQL database instead of PGlite",
      "(and runs pgbench on a scratch database when pgbench is installed).",
      "",
    ],
    (flag, value) => {
      if (flag === "--duration" || flag === "-d") options.duration = whole(flag, value());
      else if (flag === "--connections" || flag === "-c") options.connections = whole(flag, value());
      else if (flag === "--pgbench-scale") options.pgbenchScale = whole(flag, value());
      else if (flag === "--smoke") options.smoke = true;
      else if (flag === "--scenario" || flag === "-s") {
        options.scenarios = value()
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean);
        const unknown = options.scenarios.filter((s) => !SCENARIOS.some((known) => known.name === s));
        if (unknown.length > 0) {
          fail(`unknown scenario ${unknown.join(", ")} (known: ${SCENARIOS.map((s) => s.name).join(", ")})`);
        }
      } else return false;
      return true;
    },
    fail,
  );
  if (options.smoke) {
    options.connections = 2;
    options.amount = 20;
  }
  return options;
}

// typed where it is declared, so that a call to it ends a branch for the type checker
const fail: (message: string) => never = failWith("bench");

/** user + system CPU time of a process in ms, from /proc (undefined where there is none) */
function cpuMs(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime and stime are fields 14 and 15 of /proc/<pid>/stat, in clock ticks (100 per second)
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/**
 * CPU time (ms) of each PostgreSQL backend connected to the bench database; PostgreSQL on
 * this machine only, undefined otherwise.
 */
async function sampleBackends(server: BenchServer): Promise<Map<number, number> | undefined> {
  const url = server.env.DATABASE_URL;
  if (!url) return undefined;
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const { rows } = await client.query<{ pid: number }>(
      "select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()",
    );
    const sample = new Map<number, number>();
    for (const { pid } of rows) {
      const ms = cpuMs(pid);
      if (ms !== undefined) sample.set(pid, ms);
    }
    return sample.size > 0 ? sample : undefined;
  } catch {
    return undefined;
  } finally {
    await client.end().catch(() => {});
  }
}

/** CPU ms the bench database's backends used since `before` (backends that ended are not counted). */
async function backendsCpuSince(server: BenchServer, before: Map<number, number> | undefined) {
  if (!before) return undefined;
  const after = await sampleBackends(server);
  if (!after) return undefined;
  let used = 0;
  for (const [pid, ms] of after) used += ms - (before.get(pid) ?? 0);
  return used;
}

const load1 = () => Math.round((os.loadavg()[0] ?? 0) * 100) / 100;

interface Reference {
  name: ReferenceName;
  requestsPerSecond: number;
  p99Ms?: number;
  latencyAverageMs?: number;
  load1: number;
  detail: string;
}

/** The bare Fastify hello world, as its own process on the same Node. */
async function measureFastify(options: LoadOptions): Promise<Reference> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(here, "hello.ts")], {
    env: { ...process.env, PORT: String(port) },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    const deadline = Date.now() + 20_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`bench/hello.ts exited with ${child.exitCode}`);
      if (Date.now() > deadline) throw new Error("bench/hello.ts did not answer within 20 s");
      try {
        if ((await fetch(`http://127.0.0.1:${port}/`)).ok) break;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    const load = load1();
    const result = await autocannon({
      url: `http://127.0.0.1:${port}/`,
      connections: options.connections,
      ...lengthOf(options),
      timeout: 10,
    });
    return {
      name: "fastify",
      requestsPerSecond: Math.round(result.requests.average),
      p99Ms: result.latency.p99,
      load1: load,
      detail: `Fastify hello world, Node ${process.versions.node}, no plugins, no logging`,
    };
  } finally {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  }
}

function findPgbench(): string | undefined {
  const candidates = ["pgbench"];
  try {
    for (const version of fs.readdirSync("/usr/lib/postgresql").sort().reverse()) {
      candidates.push(`/usr/lib/postgresql/${version}/bin/pgbench`);
    }
  } catch {
    // no Debian PostgreSQL layout
  }
  return candidates.find((bin) => spawnSync(bin, ["--version"], { stdio: "ignore" }).status === 0);
}

/** pgbench TPC-B read-write and select-only on a scratch database next to the bench's own. */
async function measurePgbench(
  adminUrl: string,
  options: Options,
): Promise<{ references: Reference[]; skipped?: string }> {
  const bin = findPgbench();
  if (!bin) return { references: [], skipped: "pgbench is not installed" };
  const scratch = await createScratchDatabase(adminUrl, `portico_pgbench_${Date.now().toString(36)}`);
  const url = scratch.url;
  try {
    process.stdout.write(`- pgbench: initialising scale ${options.pgbenchScale}…\n`);
    const init = spawnSync(bin, ["-i", "-q", "-s", String(options.pgbenchScale), url], { encoding: "utf8" });
    if (init.status !== 0) return { references: [], skipped: `pgbench -i failed: ${init.stderr.trim().slice(-300)}` };
    const references: Reference[] = [];
    for (const [refName, extra] of [
      ["pgbench-rw", []],
      ["pgbench-ro", ["-S"]],
    ] as const) {
      process.stdout.write(
        `- ${refName}: ${options.connections} clients for ${options.duration} s (TPC-B${extra.length ? ", select-only" : ""})\n`,
      );
      const load = load1();
      const run = spawnSync(
        bin,
        [
          ...extra,
          "-c",
          String(options.connections),
          "-j",
          String(os.cpus().length),
          "-T",
          String(options.duration),
          url,
        ],
        { encoding: "utf8" },
      );
      const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(run.stdout)?.[1]);
      const latency = Number(/latency average = ([\d.]+) ms/.exec(run.stdout)?.[1]);
      if (run.status !== 0 || !Number.isFinite(tps)) {
        return { references, skipped: `pgbench failed: ${(run.stderr || run.stdout).trim().slice(-300)}` };
      }
      references.push({
        name: refName,
        requestsPerSecond: Math.round(tps),
        latencyAverageMs: latency,
        load1: load,
        detail: `pgbench ${extra.join(" ")} -c ${options.connections} -T ${options.duration}, scale ${options.pgbenchScale}`,
      });
    }
    return { references };
  } finally {
    await scratch.drop();
  }
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
  /** CPU time per request: the Portico process, and the PostgreSQL backends serving it (ms) */
  nodeCpuMs?: number;
  postgresCpuMs?: number;
  /** the 1-minute load average when the scenario started */
  load1: number;
  reference?: ReferenceName;
  ratio?: number;
  budget?: string;
  met?: boolean;
  note?: string;
  skipped?: string;
}

function budgetText(budget: Budget | undefined, reference: ReferenceName | undefined): string | undefined {
  if (!budget) return undefined;
  const parts: string[] = [];
  if (budget.rps) parts.push(`≥ ${budget.rps}/s`);
  if (budget.p99) parts.push(`p99 ≤ ${budget.p99} ms`);
  if (budget.ratio && reference) parts.push(`≥ ${budget.ratio}× ${REFERENCE_LABEL[reference]}`);
  return parts.join(", ");
}

const options = parseArgs(process.argv.slice(2));
const postgresUrl = process.env.BENCH_DATABASE_URL?.trim() || undefined;
const databaseLabel = postgresUrl ? "PostgreSQL" : "PGlite";
const loadAtStart = os.loadavg().map((l) => Math.round(l * 100) / 100);
const references = new Map<ReferenceName, Reference>();
const notes: string[] = [];
const rows: Row[] = [];
let firstStartMs = 0;
let coldStartMs = 0;
let idleRssMb = 0;

if (!postgresUrl) notes.push("CPU ms/req on PGlite: the server process alone, the embedded database included");
const wanted = SCENARIOS.filter((s) => options.scenarios.includes(s.name));
const needs = new Set(wanted.map((s) => s.reference).filter(Boolean));
if (options.smoke) {
  notes.push("smoke run: a few requests per scenario, no references, figures mean nothing");
} else {
  if (needs.has("fastify")) {
    process.stdout.write(`- bare Fastify: ${options.connections} connections for ${options.duration} s\n`);
    const fastify = await measureFastify(options);
    references.set("fastify", fastify);
  }
  if (needs.has("pgbench-rw") || needs.has("pgbench-ro")) {
    if (!postgresUrl)
      notes.push("pgbench references: only measured when PostgreSQL is the target (BENCH_DATABASE_URL)");
    else {
      const measured = await measurePgbench(postgresUrl, options);
      for (const reference of measured.references) references.set(reference.name, reference);
      if (measured.skipped) notes.push(`pgbench references skipped: ${measured.skipped}`);
    }
  }
}

process.stdout.write(`Starting the server on ${databaseLabel} (fresh database, demo and bench clinics)…\n`);
const started = performance.now();
// production's log level: the per-request logging cost is part of what is measured
const server = await startBenchServer({ LOG_LEVEL: "info" });
firstStartMs = performance.now() - started;
try {
  const pid = server.child.pid as number;
  idleRssMb = rssMb(pid) ?? 0;
  const context: Context = { server, options };
  // signing in (a password hash) and booking the patient's appointments stay out of the figures
  if (wanted.some((s) => ["me", "appointments", "fhir", "profile"].includes(s.name))) await patient(context);
  for (const scenario of wanted) {
    const load = load1();
    process.stdout.write(
      `- ${scenario.name}: ${options.connections} connections, ${options.amount ? `${options.amount} requests` : `${options.duration} s`} (load ${load})\n`,
    );
    let maxRss = rssMb(pid) ?? 0;
    const cpuBefore = cpuMs(pid);
    const postgresBefore = await sampleBackends(server);
    const sampler = setInterval(() => {
      maxRss = Math.max(maxRss, rssMb(pid) ?? 0);
    }, 100);
    try {
      const { result, path: urlPath, note } = await scenario.run(context);
      const nodeCpu = (cpuMs(pid) ?? 0) - (cpuBefore ?? 0);
      const postgresCpu = await backendsCpuSince(server, postgresBefore);
      const total = Math.max(1, result.requests.total);
      maxRss = Math.max(maxRss, rssMb(pid) ?? 0);
      const rps = Math.round(result.requests.average);
      if (scenario.name === "appointments" && !options.smoke) {
        references.set("appointments", {
          name: "appointments",
          requestsPerSecond: rps,
          p99Ms: result.latency.p99,
          load1: load,
          detail: "this run's appointments scenario",
        });
      }
      const reference = scenario.reference ? references.get(scenario.reference) : undefined;
      const ratio = reference ? Math.round((rps / reference.requestsPerSecond) * 100) / 100 : undefined;
      const budget = scenario.budget;
      const errors = result.errors + result.timeouts;
      const met =
        budget && !options.smoke
          ? errors === 0 &&
            result.non2xx === 0 &&
            (budget.rps === undefined || rps >= budget.rps) &&
            (budget.p99 === undefined || result.latency.p99 <= budget.p99) &&
            (budget.ratio === undefined || ratio === undefined || ratio >= budget.ratio)
          : undefined;
      rows.push({
        scenario: scenario.name,
        path: urlPath,
        requestsPerSecond: rps,
        p50Ms: result.latency.p50,
        p99Ms: result.latency.p99,
        errors,
        non2xx: result.non2xx,
        maxRssMb: Math.round(maxRss),
        nodeCpuMs: cpuBefore === undefined ? undefined : Math.round((nodeCpu / total) * 1000) / 1000,
        postgresCpuMs: postgresCpu === undefined ? undefined : Math.round((postgresCpu / total) * 1000) / 1000,
        load1: load,
        reference: reference?.name,
        ratio,
        budget: budgetText(budget, scenario.reference),
        met,
        note,
      });
    } catch (error) {
      rows.push({
        scenario: scenario.name,
        path: "",
        requestsPerSecond: 0,
        p50Ms: 0,
        p99Ms: 0,
        errors: 0,
        non2xx: 0,
        maxRssMb: 0,
        load1: load,
        skipped: (error as Error).message,
      });
    } finally {
      clearInterval(sampler);
    }
  }
} finally {
  await server.stop({ keepData: !options.smoke });
}

if (!options.smoke && server.env) {
  process.stdout.write("- cold start: starting again on the same database…\n");
  const again = await startServer(server.env);
  coldStartMs = again.readyMs;
  await again.stop();
}
await server.cleanUp();

const fmtRatio = (r: Row) =>
  r.ratio === undefined ? "" : `${r.ratio.toFixed(2)}× ${REFERENCE_LABEL[r.reference as ReferenceName]}`;
const header = [
  "scenario",
  "req/s",
  "p50 ms",
  "p99 ms",
  "errors/non-2xx",
  "ratio",
  "budget",
  "met",
  "CPU ms/req Node+PG",
  "max RSS MB",
  "load",
];
const table: string[][] = [
  // a scenario used as a reference already has its own row
  ...[...references.values()]
    .filter((ref) => ref.name !== "appointments")
    .map((ref) => [
      `(${REFERENCE_LABEL[ref.name]})`,
      String(ref.requestsPerSecond),
      "",
      ref.p99Ms === undefined ? "" : String(ref.p99Ms),
      "",
      "reference",
      "",
      "",
      "",
      "",
      String(ref.load1),
    ]),
  ...rows.map((r) =>
    r.skipped
      ? [r.scenario, "failed", "", "", "", "", "", "", "", "", String(r.load1)]
      : [
          r.scenario,
          String(r.requestsPerSecond),
          String(r.p50Ms),
          String(r.p99Ms),
          `${r.errors}/${r.non2xx}`,
          fmtRatio(r),
          r.budget ?? "",
          r.met === undefined ? "" : r.met ? "yes" : "no",
          r.nodeCpuMs === undefined
            ? ""
            : `${r.nodeCpuMs.toFixed(2)}${r.postgresCpuMs === undefined ? "" : `+${r.postgresCpuMs.toFixed(2)}`}`,
          String(r.maxRssMb),
          String(r.load1),
        ],
  ),
];
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => (row[i] ?? "").length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ")} |`;
const date = new Date().toISOString();
const output = [
  "",
  `Portico benchmark — ${date} — ${databaseLabel}, ${options.connections} connections, ${options.amount ? `${options.amount} requests` : `${options.duration} s`} each, ${os.cpus().length} CPUs, Node ${process.versions.node}`,
  `Load average before the run: ${loadAtStart.join(", ")} (1, 5, 15 min); "load" is the 1-minute figure as each row started`,
  "",
  line(header),
  `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`,
  ...table.map(line),
  "",
  `First start (fresh database: create, migrate, seed demo and bench clinics): ${Math.round(firstStartMs)} ms`,
  ...(coldStartMs ? [`Cold start on the existing database (spawn → /api/ready): ${Math.round(coldStartMs)} ms`] : []),
  `Idle RSS after start: ${Math.round(idleRssMb)} MB`,
  ...rows.filter((r) => r.note).map((r) => `${r.scenario}: ${r.note}`),
  ...rows.filter((r) => r.skipped).map((r) => `${r.scenario} failed: ${r.skipped}`),
  ...notes,
  "",
];
process.stdout.write(output.join("\n"));

const resultsDir = path.join(here, "results");
fs.mkdirSync(resultsDir, { recursive: true });
const file = path.join(resultsDir, `${date.replace(/[:.]/g, "-")}${options.smoke ? "-smoke" : ""}.json`);
fs.writeFileSync(
  file,
  `${JSON.stringify(
    {
      date,
      database: databaseLabel,
      smoke: options.smoke,
      machine: {
        cpus: os.cpus().length,
        model: os.cpus()[0]?.model,
        memoryGb: Math.round(os.totalmem() / 2 ** 30),
        loadAverageAtStart: loadAtStart,
      },
      node: process.versions.node,
      duration: options.amount ? undefined : options.duration,
      requestsPerScenario: options.amount,
      connections: options.connections,
      firstStartMs: Math.round(firstStartMs),
      coldStartMs: coldStartMs ? Math.round(coldStartMs) : undefined,
      idleRssMb: Math.round(idleRssMb),
      references: [...references.values()],
      scenarios: rows,
      notes,
    },
    null,
    2,
  )}\n`,
);
process.stdout.write(`Results written to ${path.relative(process.cwd(), file)}\n`);
if (rows.some((r) => r.skipped)) process.exitCode = 1;
