import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { type DatabaseHandle, openDatabase } from "../db/database.ts";
import { makeTestClinic } from "../modules/scheduling/test-clinic.ts";
import { TEST_KEYS, type TestContext } from "../test/app.ts";
import { createTestDatabase, type TestDatabase } from "../test/database.ts";
import { type ServerProcess, startServerProcess, waitFor } from "../test/server-process.ts";
import { TestClock } from "./clock.ts";
import { FieldCipher, parseKeyRing } from "./crypto.ts";
import { freePort, type ReceivedMail, SmtpTestServer } from "./mail/smtp-test-server.ts";

/**
 * Real faults on the real server process (`server/src/main.ts`), on the embedded database and
 * on PostgreSQL: kill -9 with bookings in flight, then a retry with the same Idempotency-Key;
 * SIGTERM while a slow SMTP server holds emails, then a restart on another PORT and
 * PUBLIC_URL. The database is prepared in this process (a migrated copy with a small clinic),
 * so each start is quick; every wait is for a condition, none is a fixed sleep.
 */
const onPostgres = process.env.PORTICO_TEST_DB === "postgres";

interface Prepared {
  env: Record<string, string>;
  patientId: string;
  email: string;
  password: string;
  visitTypeId: string;
  providerId: string;
  /** PostgreSQL: the database, open in this process too */
  database?: TestDatabase;
  cleanup(): Promise<void>;
}

async function seedClinic(database: DatabaseHandle) {
  const t = {
    database,
    clock: new TestClock(new Date().toISOString()),
    cipher: new FieldCipher(parseKeyRing(TEST_KEYS)),
  } as unknown as TestContext;
  const clinic = await makeTestClinic(t);
  const user = clinic.patient.user as { email: string; password: string };
  return {
    patientId: clinic.patient.id,
    email: user.email,
    password: user.password,
    visitTypeId: clinic.visitTypes.established,
    providerId: clinic.providerId,
  };
}

async function prepare(): Promise<Prepared> {
  if (onPostgres) {
    const database = await createTestDatabase();
    const seeded = await seedClinic(database);
    return { env: { DATABASE_URL: database.url as string }, ...seeded, database, cleanup: () => database.close() };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portico-faults-"));
  const dump = new Blob([fs.readFileSync(inject("pgliteTemplate"))]);
  const database = await openDatabase({ kind: "pglite", dataDir: path.join(dir, "pglite"), loadDataDir: dump });
  const seeded = await seedClinic(database);
  await database.close();
  return {
    env: { PORTICO_DATA_DIR: dir },
    ...seeded,
    cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

const started: ServerProcess[] = [];
afterAll(async () => {
  await Promise.all(started.map((server) => server.kill()));
});

/** The real server on the prepared database, ready to answer. */
async function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const server = await startServerProcess({ PORTICO_DEMO: "0", PORTICO_WORKER: "0", ...env });
  started.push(server);
  await server.ready();
  return server;
}

async function signIn(base: string, email: string, password: string): Promise<Record<string, string>> {
  const login = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (login.status !== 200) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] as string;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return { cookie, "x-csrf-token": csrfToken, "content-type": "application/json" };
}

async function freeSlots(base: string, headers: Record<string, string>, p: Prepared, count: number) {
  const query = new URLSearchParams({ visitTypeId: p.visitTypeId, providerId: p.providerId, limit: String(count) });
  const res = await fetch(`${base}/api/slots?${query}`, { headers });
  const { slots } = (await res.json()) as { slots: { start: string }[] };
  expect(slots.length).toBe(count);
  return slots.map((s) => s.start);
}

function book(base: string, headers: Record<string, string>, p: Prepared, start: string, key: string) {
  return fetch(`${base}/api/patients/${p.patientId}/appointments`, {
    method: "POST",
    headers: { ...headers, "idempotency-key": key },
    body: JSON.stringify({ visitTypeId: p.visitTypeId, providerId: p.providerId, start }),
  });
}

describe(`process faults (${onPostgres ? "PostgreSQL" : "PGlite"})`, { timeout: 120_000 }, () => {
  it("kill -9 with bookings in flight, then SIGTERM with a slow SMTP server, then a restart on another PORT and PUBLIC_URL: every booking once, every email once", async () => {
    const p = await prepare();
    const smtp = new SmtpTestServer({ replyDelayMs: 10_000 });
    const smtpPort = await freePort();
    await smtp.listen(smtpPort);
    try {
      const portA = String(await freePort());
      const publicA = `http://portal-a.localhost:${portA}`;
      const envA = { ...p.env, SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, PORT: portA, PUBLIC_URL: publicA };

      // 1. kill -9 with bookings in flight (no worker: this is about the bookings)
      const first = await startServer({ ...envA, PORTICO_WORKER: "0" });
      const headers = await signIn(first.base, p.email, p.password);
      const starts = await freeSlots(first.base, headers, p, 8);
      const keys = starts.map(() => randomUUID());
      // PostgreSQL: hold every booking inside its transaction (inserts wait for a table lock
      // taken here) so that all of them are in flight when the process dies
      let blocker: pg.Client | undefined;
      if (p.database) {
        blocker = new pg.Client({ connectionString: p.database.url });
        await blocker.connect();
        await blocker.query("begin");
        await blocker.query("lock table appointments in exclusive mode");
      }
      const answered = new Map<string, { status: number; body: string }>();
      const inFlight = starts.map((start, i) =>
        book(first.base, headers, p, start, keys[i] as string)
          .then(async (res) => answered.set(keys[i] as string, { status: res.status, body: await res.text() }))
          .catch(() => undefined),
      );
      if (p.database) {
        const db = p.database.db;
        await waitFor("the bookings to wait inside their transactions", async () => {
          const { rows } = await sql<{ waiting: number }>`
            select count(*)::int as waiting from pg_locks
            where not granted and relation = 'appointments'::regclass`.execute(db);
          return (rows[0]?.waiting ?? 0) >= starts.length;
        });
      } else {
        // the embedded database runs one transaction at a time: die just after the first commit
        await waitFor("a first booking", () => answered.size > 0);
      }
      await first.kill("SIGKILL");
      if (blocker) {
        await blocker.query("rollback");
        await blocker.end();
      }
      await Promise.all(inFlight);
      expect(answered.size).toBeLessThan(starts.length);

      // 2. restart (now with the worker, on a slow SMTP server) and retry with the same keys
      const second = await startServer({ ...envA, PORTICO_WORKER: "1" });
      const retried = await Promise.all(
        starts.map(async (start, i) => {
          const res = await book(second.base, headers, p, start, keys[i] as string);
          return { key: keys[i] as string, status: res.status, body: await res.text() };
        }),
      );
      for (const retry of retried) {
        expect(retry.status, retry.body).toBe(201);
        const before = answered.get(retry.key);
        if (before) expect(retry.body).toBe(before.body); // answered before the kill: the same appointment
      }
      const ids = retried.map((r) => (JSON.parse(r.body) as { id: string }).id);
      expect(new Set(ids).size).toBe(starts.length);
      // and again: every key now replays its appointment, nothing is booked twice
      const again = await Promise.all(
        starts.map((start, i) => book(second.base, headers, p, start, keys[i] as string)),
      );
      for (const [i, res] of again.entries()) {
        expect(res.status).toBe(201);
        expect(res.headers.get("idempotent-replayed")).toBe("true");
        expect(((await res.json()) as { id: string }).id).toBe(ids[i]);
      }
      const list = await fetch(`${second.base}/api/patients/${p.patientId}/appointments`, { headers });
      const { upcoming } = (await list.json()) as { upcoming: { id: string }[] };
      expect(upcoming.map((a) => a.id).sort()).toEqual([...ids].sort());

      // 3. SIGTERM while the receiver holds the first confirmation emails without answering
      await waitFor("the first emails at the receiver", () => smtp.received.length >= 1);
      second.child.kill("SIGTERM");
      expect(await second.exited).toBe(0);
      const receivedBeforeRestart = smtp.received.length;

      // 4. restart on another PORT and PUBLIC_URL, the receiver quick again
      smtp.replyDelayMs = 0;
      const portB = String(await freePort());
      const publicB = `http://portal-b.localhost:${portB}`;
      const third = await startServer({ ...envA, PORTICO_WORKER: "1", PORT: portB, PUBLIC_URL: publicB });
      const messageIds = () => new Set(smtp.received.map((m) => m.headers.get("message-id")));
      await waitFor("every confirmation email", () => messageIds().size >= starts.length, 30_000);
      const ready = (await (await fetch(`${third.base}/api/ready`)).json()) as Record<string, unknown>;
      expect(ready).toMatchObject({ failedEmails: 0, failedJobs: 0 });
      expect(messageIds().size).toBe(starts.length);
      // a repeat only of what was on the wire at SIGTERM, under the same Message-ID
      expect(smtp.received.length).toBeLessThanOrEqual(starts.length + receivedBeforeRestart);
      const afterRestart: ReceivedMail[] = smtp.received.slice(receivedBeforeRestart);
      expect(afterRestart.length).toBeGreaterThan(0);
      for (const mail of afterRestart) {
        expect(mail.text).toContain(`${publicB}/appointments`);
        expect(mail.text).not.toContain(publicA);
      }
      third.child.kill("SIGTERM");
      expect(await third.exited).toBe(0);
    } finally {
      await smtp.close();
      await p.cleanup();
    }
  });
});
