/**
 * Scheduling benchmarks (SPEC §6): slot search for one visit type across 10 providers over
 * 14 days, and booking distinct slots. Run through bench/run.ts:
 *
 *   npm run bench -- --duration 10 --connections 50 --scenario slots,booking
 *
 * It creates a fresh database (PGlite in a temporary folder, or a new PostgreSQL database),
 * migrates it, seeds the demo clinic plus a bench clinic (10 providers with weekly hours, one
 * visit type, 500 patients), starts the real server as a child process, and measures with
 * autocannon. The booking scenario lives in booking.ts.
 */
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon, { type Result } from "autocannon";
import { sql } from "kysely";
import { Temporal } from "temporal-polyfill";
import type { Database } from "../../server/src/db/database.ts";
import { openDatabase } from "../../server/src/db/database.ts";
import { migrateToLatest } from "../../server/src/db/migrate.ts";
import { totpCodeAt } from "../../server/src/platform/auth/totp.ts";
import { systemClock } from "../../server/src/platform/clock.ts";
import { FieldCipher, parseKeyRing } from "../../server/src/platform/crypto.ts";
import { hashPassword } from "../../server/src/platform/passwords.ts";
import { seedDemo } from "../../server/src/seed/demo.ts";
import { createScratchDatabase } from "../scratch-database.ts";
import { startServer } from "../server.ts";

const BENCH_KEYS = `bench1:${Buffer.alloc(32, 11).toString("base64")}`;
const DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXP";
const DEMO_PASSWORD = "Portico-demo-2026!";
export const BENCH_PATIENT = { email: "bench.patient@bench.portico.test", password: "Bench-portal-lantern-77" };
const ZONE = "America/New_York";
const PROVIDERS = 10;
const PATIENTS = 500;
const SLOT_MINUTES = 20;
const DAY_START = 8 * 60;
const DAY_END = 18 * 60;

export interface BenchClinic {
  visitTypeId: string;
  providerIds: string[];
  patientIds: string[];
  benchPatientId: string;
}

/** The bench clinic: one location, 10 providers open 08:00–18:00 every day, one 20-minute visit type, 500 patients. */
export async function seedBenchClinic(db: Database): Promise<BenchClinic> {
  return db.transaction().execute(async (trx) => {
    const { id: locationId } = await trx
      .insertInto("locations")
      .values({ name: "Bench Clinic", time_zone: ZONE, phone: "(555) 010-9999" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const { id: visitTypeId } = await trx
      .insertInto("visit_types")
      .values({
        name: "Bench visit",
        specialty: "bench_medicine",
        duration_minutes: SLOT_MINUTES,
        modality: "in_person",
        booking_kind: "new",
        minimum_notice_minutes: 120,
        horizon_days: 90,
        cancellation_notice_minutes: 24 * 60,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const providerIds: string[] = [];
    for (let i = 0; i < PROVIDERS; i++) {
      const { id } = await trx
        .insertInto("providers")
        .values({ display_name: `Dr. Bench ${i + 1}`, specialty: "bench_medicine" })
        .returning("id")
        .executeTakeFirstOrThrow();
      providerIds.push(id);
      await trx.insertInto("provider_locations").values({ provider_id: id, location_id: locationId }).execute();
      await trx
        .insertInto("availability_templates")
        .values(
          [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
            provider_id: id,
            location_id: locationId,
            weekday,
            start_time: "08:00",
            end_time: "18:00",
          })),
        )
        .execute();
    }
    const patients = await trx
      .insertInto("patients")
      .values(
        Array.from({ length: PATIENTS }, (_, i) => ({
          mrn: `B${String(i).padStart(7, "0")}`,
          legal_given_name: "Bench",
          legal_family_name: `Patient${i}`,
          date_of_birth: "1980-01-01",
          sex: "unknown" as const,
          email: `bench.patient.${i}@bench.portico.test`,
        })),
      )
      .returning("id")
      .execute();
    const { id: userId } = await trx
      .insertInto("users")
      .values({
        email: BENCH_PATIENT.email,
        email_normalized: BENCH_PATIENT.email,
        display_name: "Bench Patient",
        password_hash: await hashPassword(BENCH_PATIENT.password),
        password_changed_at: new Date(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const { id: benchPatientId } = await trx
      .insertInto("patients")
      .values({
        mrn: "BLOGIN01",
        user_id: userId,
        legal_given_name: "Bench",
        legal_family_name: "Login",
        date_of_birth: "1980-01-01",
        sex: "unknown",
        email: BENCH_PATIENT.email,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return { visitTypeId, providerIds, patientIds: patients.map((p) => p.id), benchPatientId };
  });
}

/** Bookable starts, time-major (every provider at one time, then the next time), from `fromDay` days ahead. */
export function benchSlots(
  providerIds: string[],
  fromDay: number,
  days: number,
): { providerId: string; start: string }[] {
  const today = Temporal.Now.plainDateISO(ZONE);
  const out: { providerId: string; start: string }[] = [];
  for (let d = fromDay; d < fromDay + days; d++) {
    const date = today.add({ days: d });
    for (let m = DAY_START; m + SLOT_MINUTES <= DAY_END; m += SLOT_MINUTES) {
      const start = date
        .toZonedDateTime({ timeZone: ZONE, plainTime: new Temporal.PlainTime(Math.floor(m / 60), m % 60) })
        .toInstant()
        .toString();
      for (const providerId of providerIds) out.push({ providerId, start: new Date(start).toISOString() });
    }
  }
  return out;
}

export interface BenchServer {
  base: string;
  child: ChildProcess;
  clinic: BenchClinic;
  label: string;
  /** the server's environment, to start it again on the same database (cold start) */
  env: NodeJS.ProcessEnv;
  /** stops the server and, unless `keepData`, removes its database */
  stop(options?: { keepData?: boolean }): Promise<void>;
  /** removes the database (after `stop({ keepData: true })`) */
  cleanUp(): Promise<void>;
}

/** A fresh database with the demo and bench clinics, and the real server running on it. */
export async function startBenchServer(envOverrides: NodeJS.ProcessEnv = {}): Promise<BenchServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "portico-bench-scheduling-"));
  const postgresUrl = process.env.BENCH_DATABASE_URL?.trim() || undefined;
  const scratch = postgresUrl
    ? await createScratchDatabase(postgresUrl, `portico_bench_sched_${Date.now().toString(36)}`)
    : undefined;
  const databaseUrl = scratch?.url;
  const handle = databaseUrl
    ? await openDatabase({ kind: "postgres", url: databaseUrl })
    : await openDatabase({ kind: "pglite", dataDir: path.join(dataDir, "pglite") });
  await migrateToLatest(handle.db);
  await seedDemo(handle.db, systemClock, new FieldCipher(parseKeyRing(BENCH_KEYS)));
  const clinic = await seedBenchClinic(handle.db);
  // planner statistics as a running clinic has them (autovacuum analyzes its tables), not the
  // guesses PostgreSQL makes for tables it has never analyzed
  await sql`analyze`.execute(handle.db);
  await handle.close();

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "test",
    HOST: "127.0.0.1",
    PORTICO_DATA_DIR: dataDir,
    PORTICO_DEMO: "1",
    PORTICO_ENCRYPTION_KEYS: BENCH_KEYS,
    RATE_LIMIT_PER_MINUTE: "1000000",
    LOG_LEVEL: "warn",
    TZ: "UTC",
    ...envOverrides,
  };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  delete env.SMTP_URL;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  const server = await startServer(env);
  let cleaned = false;
  const cleanUp = async () => {
    if (cleaned) return;
    cleaned = true;
    fs.rmSync(dataDir, { recursive: true, force: true });
    await scratch?.drop();
  };
  return {
    base: server.base,
    child: server.child,
    clinic,
    label: databaseUrl ? "PostgreSQL" : "PGlite",
    env,
    stop: async (options = {}) => {
      await server.stop();
      if (!options.keepData) await cleanUp();
    },
    cleanUp,
  };
}

/** Signs in through the API (with the demo TOTP secret when MFA is asked); returns the headers to send. */
export async function signInHeaders(
  base: string,
  email: string,
  password: string = DEMO_PASSWORD,
): Promise<Record<string, string>> {
  const cookieOf = (r: Response) =>
    r.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
  const login = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (!login.ok) throw new Error(`signing in as ${email} answered ${login.status}`);
  let body = (await login.json()) as { csrfToken: string; mfaRequired?: boolean };
  let cookie = cookieOf(login);
  if (body.mfaRequired) {
    const send = (at: Date) =>
      fetch(`${base}/api/auth/mfa`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie, "x-csrf-token": body.csrfToken },
        body: JSON.stringify({ code: totpCodeAt(DEMO_TOTP_SECRET, at) }),
      });
    let mfa = await send(new Date());
    if (mfa.status === 400) {
      // this step's code was already used (a run just before): a code works once, so take the next step's
      await new Promise((resolve) => setTimeout(resolve, 30_000 - (Date.now() % 30_000) + 100));
      mfa = await send(new Date());
    }
    if (!mfa.ok) throw new Error(`MFA for ${email} answered ${mfa.status}`);
    body = (await mfa.json()) as { csrfToken: string };
    cookie = cookieOf(mfa) || cookie;
  }
  return { cookie, "x-csrf-token": body.csrfToken };
}

/** How long each scenario runs: `duration` seconds, or a fixed `amount` of requests (the smoke run). */
export interface LoadOptions {
  duration: number;
  connections: number;
  amount?: number;
}

/** autocannon's length option for `options`. */
export function lengthOf(options: LoadOptions): { duration: number } | { amount: number } {
  return options.amount ? { amount: options.amount } : { duration: options.duration };
}

export interface BenchRow {
  scenario: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
  budget: string;
  met: boolean;
  note?: string;
}

export function rowOf(scenario: string, result: Result, budget: { rps: number; p99: number }, note?: string): BenchRow {
  if (process.env.BENCH_DEBUG)
    process.stderr.write(
      `${JSON.stringify({ requests: result.requests, errors: result.errors, timeouts: result.timeouts, ok: result["2xx"], non2xx: result.non2xx, duration: result.duration })}\n`,
    );
  const rps = Math.round(result.requests.average);
  return {
    scenario,
    requestsPerSecond: rps,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    budget: `≥ ${budget.rps}/s, p99 ≤ ${budget.p99} ms`,
    met: rps >= budget.rps && result.latency.p99 <= budget.p99 && result.non2xx === 0 && result.errors === 0,
    note,
  };
}

/** GET /api/slots for the bench visit type (10 providers, the next 14 days) as a signed-in patient. */
export async function runSlotSearch(server: BenchServer, options: LoadOptions): Promise<BenchRow & { result: Result }> {
  const headers = await signInHeaders(server.base, BENCH_PATIENT.email, BENCH_PATIENT.password);
  const query = `visitTypeId=${server.clinic.visitTypeId}&patientId=${server.clinic.benchPatientId}`;
  const check = await fetch(`${server.base}/api/slots?${query}`, { headers });
  const sample = (await check.json()) as { slots?: unknown[] };
  if (!check.ok || !sample.slots?.length) throw new Error(`slot search answered ${check.status} with no slots`);
  const result = await autocannon({
    url: `${server.base}/api/slots?${query}`,
    connections: options.connections,
    ...lengthOf(options),
    headers,
    timeout: 10,
  });
  return {
    ...rowOf("slot search", result, { rps: 1000, p99: 30 }, `${sample.slots.length} slots per response`),
    result,
  };
}
