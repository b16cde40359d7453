/**
 * `npm run faults -w bench`: SPEC §5 under real faults, on a PostgreSQL server of its own (a
 * temporary folder, a free port; the shared one is never touched). Books distinct slots as the
 * front desk with an Idempotency-Key each, from `--connections` loops, while
 *
 *   1. the server process is killed with SIGKILL `--kills` times and started again, and
 *   2. PostgreSQL is restarted `--restarts` times (fast and immediate in turn), then stopped
 *      for a second and started,
 *
 * then retries every request that got no answer or a 503 with its key, and checks the database:
 * every acknowledged booking exists with its audit row, its confirmation email job and its
 * reminder jobs; nothing was saved that its client was never told about; the server never
 * died on its own. Prints the figures and writes bench/results/<timestamp>-faults.json.
 *
 *   npm run faults -w bench -- [--kills 5] [--restarts 8] [--connections 16]
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { openDatabase } from "../server/src/db/database.ts";
import { migrateToLatest } from "../server/src/db/migrate.ts";
import { systemClock } from "../server/src/platform/clock.ts";
import { FieldCipher, parseKeyRing } from "../server/src/platform/crypto.ts";
import { seedDemo } from "../server/src/seed/demo.ts";
import { startPrivatePostgres } from "../server/src/test/private-postgres.ts";
import { benchSlots, seedBenchClinic, signInHeaders } from "./scenarios/slots.ts";
import { freePort, type RunningServer, startServer } from "./server.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const KEYS = `faults1:${Buffer.alloc(32, 13).toString("base64")}`;

interface Attempt {
  index: number;
  key: string;
  patientId: string;
  providerId: string;
  start: string;
  /** every X-Request-Id sent for this booking (the audit row carries the one that did the work) */
  requestIds: string[];
  /** the first answer: an HTTP status, or 0 for no answer (the server was killed) */
  firstStatus?: number;
  firstCode?: string;
  /** the final answer after the retry with the same key */
  status?: number;
  code?: string;
  replayed?: boolean;
  appointmentId?: string;
  phase: "kill" | "restart";
}

function parseArgs(argv: string[]) {
  const options = { kills: 5, restarts: 8, connections: 16 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = (argv[i] ?? "").split("=", 2);
    const value = Number(inline ?? argv[++i]);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${flag} needs a whole number ≥ 1`);
    if (flag === "--kills") options.kills = value;
    else if (flag === "--restarts") options.restarts = value;
    else if (flag === "--connections") options.connections = value;
    else throw new Error(`unknown option ${flag} (--kills, --restarts, --connections)`);
  }
  return options;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const between = (min: number, max: number) => min + Math.random() * (max - min);
const percentile = (values: number[], p: number) => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number);
};

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const began = performance.now();
  const postgres = await startPrivatePostgres();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "portico-faults-"));
  let server: RunningServer | undefined;
  try {
    const admin = new pg.Client({ connectionString: postgres.url });
    await admin.connect();
    await admin.query("CREATE DATABASE portico");
    await admin.end();
    const databaseUrl = postgres.urlOf("portico");
    const handle = await openDatabase({ kind: "postgres", url: databaseUrl });
    await migrateToLatest(handle.db);
    await seedDemo(handle.db, systemClock, new FieldCipher(parseKeyRing(KEYS)));
    const clinic = await seedBenchClinic(handle.db);
    await handle.close();

    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "test",
      HOST: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      PORTICO_DATA_DIR: dataDir,
      PORTICO_DEMO: "0",
      PORTICO_ENCRYPTION_KEYS: KEYS,
      RATE_LIMIT_PER_MINUTE: "1000000",
      LOG_LEVEL: "error",
      TZ: "UTC",
    };
    server = await startServer(env, { port });
    const base = server.base;
    const headers = await signInHeaders(base, "frontdesk@demo.portico.test");

    const slots = benchSlots(clinic.providerIds, 15, 75);
    const attempts: Attempt[] = [];
    let phase: Attempt["phase"] = "kill";
    let stopping = false;
    let last = { status: 0, code: "", at: 0 };
    const post = async (attempt: Attempt) => {
      const requestId = `faults-${attempt.index}-${attempt.requestIds.length}`;
      attempt.requestIds.push(requestId);
      try {
        const response = await fetch(`${base}/api/patients/${attempt.patientId}/appointments`, {
          method: "POST",
          headers: {
            ...headers,
            "content-type": "application/json",
            "idempotency-key": attempt.key,
            "x-request-id": requestId,
          },
          body: JSON.stringify({
            visitTypeId: clinic.visitTypeId,
            providerId: attempt.providerId,
            start: attempt.start,
          }),
          signal: AbortSignal.timeout(15_000),
        });
        const body = (await response.json().catch(() => ({}))) as { id?: string; error?: { code?: string } };
        return {
          status: response.status,
          code: body.error?.code ?? "",
          id: body.id,
          replayed: response.headers.get("idempotent-replayed") === "true",
        };
      } catch {
        return { status: 0, code: "no answer", id: undefined, replayed: false };
      }
    };
    // while the killed server is being started again, the loops wait instead of sending bookings to nobody
    let serverUp = true;
    const loop = async () => {
      while (!stopping) {
        if (!serverUp) {
          await sleep(10);
          continue;
        }
        const index = attempts.length;
        const slot = slots[index];
        if (!slot) throw new Error("out of distinct slots: lower --kills or --restarts");
        const attempt: Attempt = {
          index,
          key: `faults-${index}`,
          patientId: clinic.patientIds[index % clinic.patientIds.length] as string,
          providerId: slot.providerId,
          start: slot.start,
          requestIds: [],
          phase,
        };
        attempts.push(attempt);
        const answer = await post(attempt);
        attempt.firstStatus = answer.status;
        attempt.firstCode = answer.code;
        if (answer.status === 201) attempt.appointmentId = answer.id;
        last = { status: answer.status, code: answer.code, at: performance.now() };
      }
    };
    const runLoad = () => {
      stopping = false;
      return Array.from({ length: options.connections }, loop);
    };
    const waitForBooking = async (since: number, timeoutMs = 30_000) => {
      const deadline = performance.now() + timeoutMs;
      while (!(last.status === 201 && last.at > since)) {
        if (performance.now() > deadline) throw new Error("no booking succeeded within 30 s after a fault");
        await sleep(10);
      }
      return last.at;
    };

    // 1. kill -9 under booking load
    const restartMs: number[] = [];
    let loops = runLoad();
    await waitForBooking(0);
    for (let i = 0; i < options.kills; i++) {
      await sleep(between(800, 2_000));
      const running = server as RunningServer;
      const exited = new Promise((resolve) => running.child.once("exit", resolve));
      running.child.kill("SIGKILL");
      serverUp = false;
      await exited;
      server = await startServer(env, { port });
      serverUp = true;
      restartMs.push(server.readyMs);
      await waitForBooking(performance.now());
    }
    stopping = true;
    await Promise.all(loops);

    // 2. PostgreSQL restarts and a stop under the same load
    phase = "restart";
    const serverDuringRestarts = server;
    let diedOnItsOwn = false;
    serverDuringRestarts.child.once("exit", () => {
      diedOnItsOwn = !stopping;
    });
    const outageMs: number[] = [];
    loops = runLoad();
    await waitForBooking(0);
    for (let i = 0; i < options.restarts + 1; i++) {
      await sleep(between(800, 1_500));
      const faultAt = performance.now();
      if (i < options.restarts) await postgres.restart(i % 2 === 0 ? "fast" : "immediate");
      else {
        await postgres.stop("fast");
        await sleep(1_000);
        await postgres.start();
      }
      const recoveredAt = await waitForBooking(faultAt);
      outageMs.push(recoveredAt - faultAt);
      if (diedOnItsOwn) break;
    }
    stopping = true;
    await Promise.all(loops);
    if (diedOnItsOwn || serverDuringRestarts.child.exitCode !== null) {
      throw new Error("the server died during the PostgreSQL restarts");
    }

    // 3. every booking that got no answer or a 503 is retried with its key: the truth
    const unanswered = attempts.filter((a) => a.firstStatus !== 201);
    for (const attempt of attempts) {
      attempt.status = attempt.firstStatus;
      attempt.code = attempt.firstCode;
    }
    for (const attempt of unanswered) {
      const answer = await post(attempt);
      attempt.status = answer.status;
      attempt.code = answer.code;
      attempt.replayed = answer.replayed;
      if (answer.status === 201) attempt.appointmentId = answer.id;
    }
    await server.stop();
    server = undefined;

    // 4. check the database
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    const acknowledged = attempts.filter((a) => a.status === 201 && a.appointmentId);
    const ids = acknowledged.map((a) => a.appointmentId as string);
    const appointments = new Set(
      (await db.query<{ id: string }>("select id from appointments where id = any($1::uuid[])", [ids])).rows.map(
        (r) => r.id,
      ),
    );
    const requestIds = acknowledged.flatMap((a) => a.requestIds);
    const audited = new Set(
      (
        await db.query<{ request_id: string }>(
          `select request_id from audit_log where request_id = any($1::text[])
             and resource_type = 'appointment' and action = 'write' and outcome = 'success'`,
          [requestIds],
        )
      ).rows.map((r) => r.request_id),
    );
    const jobs = (
      await db.query<{ dedupe_key: string }>(
        "select dedupe_key from jobs where dedupe_key like 'mail:appointment-booked:%' or dedupe_key like 'reminder:%'",
      )
    ).rows.map((r) => r.dedupe_key);
    const mailFor = new Set(jobs.filter((k) => k.startsWith("mail:")).map((k) => k.split(":")[2]));
    const remindersFor = new Map<string, number>();
    for (const k of jobs.filter((k) => k.startsWith("reminder:"))) {
      const id = k.split(":")[1] as string;
      remindersFor.set(id, (remindersFor.get(id) ?? 0) + 1);
    }
    const slotCount = (
      await db.query<{ n: number }>(
        "select count(*)::int as n from appointments where visit_type_id = $1 and patient_id = any($2::uuid[])",
        [clinic.visitTypeId, clinic.patientIds],
      )
    ).rows[0]?.n as number;
    await db.end();

    const missing = acknowledged.filter((a) => !appointments.has(a.appointmentId as string));
    const withoutAudit = acknowledged.filter((a) => !a.requestIds.some((id) => audited.has(id)));
    const withoutMail = acknowledged.filter((a) => !mailFor.has(a.appointmentId as string));
    const withoutReminders = acknowledged.filter((a) => (remindersFor.get(a.appointmentId as string) ?? 0) < 2);
    const count = (list: Attempt[], test: (a: Attempt) => boolean) => list.filter(test).length;
    const summary = {
      at: new Date().toISOString(),
      machine: `${os.cpus().length} CPUs, load average ${os.loadavg()[0]?.toFixed(1)}, Node ${process.versions.node}`,
      connections: options.connections,
      seconds: Math.round((performance.now() - began) / 1000),
      kill: {
        kills: options.kills,
        bookings: count(attempts, (a) => a.phase === "kill"),
        acknowledgedAtOnce: count(attempts, (a) => a.phase === "kill" && a.firstStatus === 201),
        noAnswer: count(attempts, (a) => a.phase === "kill" && a.firstStatus === 0),
        restartToReadyMs: { min: Math.round(Math.min(...restartMs)), max: Math.round(Math.max(...restartMs)) },
      },
      restart: {
        restarts: options.restarts,
        stops: 1,
        bookings: count(attempts, (a) => a.phase === "restart"),
        acknowledgedAtOnce: count(attempts, (a) => a.phase === "restart" && a.firstStatus === 201),
        unavailable503: count(attempts, (a) => a.phase === "restart" && a.firstCode === "unavailable"),
        outcomeUnknown503: count(attempts, (a) => a.phase === "restart" && a.firstCode === "outcome_unknown"),
        noAnswer: count(attempts, (a) => a.phase === "restart" && a.firstStatus === 0),
        otherAnswers: count(
          attempts,
          (a) => a.phase === "restart" && a.firstStatus !== 0 && a.firstStatus !== 201 && a.firstStatus !== 503,
        ),
        faultToNextBookingMs: { p50: percentile(outageMs, 50), max: percentile(outageMs, 100) },
        serverDied: false,
      },
      retriedWithKey: {
        retried: unanswered.length,
        savedBeforeTheFault: count(unanswered, (a) => a.status === 201 && a.replayed === true),
        doneOnRetry: count(unanswered, (a) => a.status === 201 && a.replayed !== true),
        otherAnswers: count(unanswered, (a) => a.status !== 201),
        otherCodes: [...new Set(unanswered.filter((a) => a.status !== 201).map((a) => `${a.status} ${a.code}`))],
      },
      check: {
        acknowledged: acknowledged.length,
        missing: missing.length,
        withoutAuditRow: withoutAudit.length,
        withoutEmailJob: withoutMail.length,
        withoutReminderJobs: withoutReminders.length,
        appointmentsInDatabase: slotCount,
        savedButNeverAcknowledged: slotCount - acknowledged.length,
      },
    };
    const failed =
      missing.length +
        withoutAudit.length +
        withoutMail.length +
        withoutReminders.length +
        summary.retriedWithKey.otherAnswers +
        summary.restart.otherAnswers >
        0 || summary.check.savedButNeverAcknowledged !== 0;
    const lines = [
      "",
      `Portico fault run — ${summary.at} — private PostgreSQL, ${summary.machine}, ${options.connections} booking loops, ${summary.seconds} s`,
      "",
      `kill -9 under booking load: ${options.kills} kills; ${summary.kill.bookings} bookings sent, ${summary.kill.acknowledgedAtOnce} answered 201, ${summary.kill.noAnswer} got no answer; restart to ready ${summary.kill.restartToReadyMs.min}–${summary.kill.restartToReadyMs.max} ms`,
      `PostgreSQL restarts: ${options.restarts} restarts (fast/immediate) and 1 stop of 1 s; ${summary.restart.bookings} bookings sent, ${summary.restart.acknowledgedAtOnce} answered 201, ${summary.restart.unavailable503} 503 unavailable, ${summary.restart.outcomeUnknown503} 503 outcome_unknown, ${summary.restart.noAnswer} no answer, ${summary.restart.otherAnswers} other; fault to next booking p50 ${summary.restart.faultToNextBookingMs.p50} ms, max ${summary.restart.faultToNextBookingMs.max} ms; server process alive throughout`,
      `retried with the same Idempotency-Key: ${unanswered.length}; ${summary.retriedWithKey.savedBeforeTheFault} replayed (saved before the fault), ${summary.retriedWithKey.doneOnRetry} done on the retry, ${summary.retriedWithKey.otherAnswers} other${summary.retriedWithKey.otherCodes.length ? ` (${summary.retriedWithKey.otherCodes.join(", ")})` : ""}`,
      `check: ${acknowledged.length} acknowledged bookings; missing ${missing.length}, without audit row ${withoutAudit.length}, without email job ${withoutMail.length}, without reminder jobs ${withoutReminders.length}; ${slotCount} in the database, ${summary.check.savedButNeverAcknowledged} saved but never acknowledged`,
      failed ? "RESULT: FAILED" : "RESULT: every acknowledged booking is complete",
      "",
    ];
    process.stdout.write(lines.join("\n"));
    const out = path.join(here, "results", `${summary.at.replaceAll(":", "-").replace(".", "-")}-faults.json`);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, `${JSON.stringify(summary, null, 2)}\n`);
    process.stdout.write(`written to ${path.relative(process.cwd(), out)}\n\n`);
    if (failed) process.exitCode = 1;
  } finally {
    await server?.stop().catch(() => {});
    await postgres.destroy();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`faults: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
