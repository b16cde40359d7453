import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PrivatePostgres, startPrivatePostgres } from "../test/private-postgres.ts";
import { type ServerProcess, startServerProcess, waitFor } from "../test/server-process.ts";

/**
 * SPEC §5 under real faults: the real server process (`main.ts`) on a PostgreSQL server of
 * its own, which the tests restart, stop and crash while requests flow. Runs once (in the
 * PGlite project): the database here is always the private PostgreSQL.
 */
const onlyOnce = process.env.PORTICO_TEST_DB === "postgres";
const PATIENT = { email: "alex.rivera@demo.portico.test", password: "Portico-demo-2026!" };

interface Session {
  headers: Record<string, string>;
  patientId: string;
}

async function signIn(base: string): Promise<Session> {
  const login = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(PATIENT),
  });
  expect(login.status).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const me = (await (await fetch(`${base}/api/me`, { headers: { cookie } })).json()) as {
    patients?: { id: string; relationship: string }[];
  };
  const patientId = me.patients?.find((p) => p.relationship === "self")?.id;
  if (!patientId) throw new Error(`/api/me named no patient: ${JSON.stringify(me)}`);
  return { headers: { cookie, "x-csrf-token": csrfToken }, patientId };
}

interface Observed {
  statuses: Map<number, number>;
  without503RetryAfter: number;
  networkErrors: number;
  last: { status: number; at: number };
}

/** `connections` loops of GET /api/me (a session read) until `stop()`; counts what came back. */
function load(base: string, session: Session, connections = 16) {
  const observed: Observed = {
    statuses: new Map(),
    without503RetryAfter: 0,
    networkErrors: 0,
    last: { status: 0, at: 0 },
  };
  let stopping = false;
  const loops = Array.from({ length: connections }, async () => {
    while (!stopping) {
      try {
        const response = await fetch(`${base}/api/me`, {
          headers: session.headers,
          signal: AbortSignal.timeout(10_000),
        });
        await response.arrayBuffer();
        observed.statuses.set(response.status, (observed.statuses.get(response.status) ?? 0) + 1);
        if (response.status === 503 && !response.headers.get("retry-after")) observed.without503RetryAfter++;
        observed.last = { status: response.status, at: Date.now() };
      } catch {
        observed.networkErrors++;
        await new Promise((r) => setTimeout(r, 20));
      }
    }
  });
  return {
    observed,
    /** resolves once a response with `status` arrives after this call */
    seen: (status: number, timeoutMs?: number) => {
      const since = Date.now();
      return waitFor(
        `a ${status} from GET /api/me`,
        () => observed.last.status === status && observed.last.at >= since,
        timeoutMs,
      );
    },
    stop: async () => {
      stopping = true;
      await Promise.all(loops);
      return observed;
    },
  };
}

interface FreeSlot {
  visitTypeId: string;
  providerId: string;
  locationId: string;
  start: string;
}

/** Free times the patient may book, at different start times (a patient's own bookings may not overlap). */
async function freeSlots(base: string, session: Session, count: number): Promise<FreeSlot[]> {
  const { visitTypes } = (await (await fetch(`${base}/api/visit-types`, { headers: session.headers })).json()) as {
    visitTypes: { id: string }[];
  };
  for (const visitType of visitTypes) {
    const response = await fetch(`${base}/api/slots?visitTypeId=${visitType.id}&patientId=${session.patientId}`, {
      headers: session.headers,
    });
    if (!response.ok) continue;
    const { slots } = (await response.json()) as { slots: Omit<FreeSlot, "visitTypeId">[] };
    const byStart = new Map(slots.map((slot) => [slot.start, slot]));
    // a day apart, so that no visit type's buffers make them overlap
    const picked: FreeSlot[] = [];
    for (const slot of byStart.values()) {
      const last = picked.at(-1);
      if (last && Date.parse(slot.start) - Date.parse(last.start) < 86_400_000) continue;
      picked.push({
        visitTypeId: visitType.id,
        providerId: slot.providerId,
        locationId: slot.locationId,
        start: slot.start,
      });
      if (picked.length === count) return picked;
    }
  }
  throw new Error(`the demo patient has fewer than ${count} bookable times`);
}

function book(base: string, session: Session, slot: FreeSlot, idempotencyKey?: string) {
  return fetch(`${base}/api/patients/${session.patientId}/appointments`, {
    method: "POST",
    headers: {
      ...session.headers,
      "content-type": "application/json",
      ...(idempotencyKey ? { "idempotency-key": idempotencyKey } : {}),
    },
    body: JSON.stringify(slot),
    signal: AbortSignal.timeout(30_000),
  });
}

describe.skipIf(onlyOnce)("the server under database faults (real PostgreSQL restarts)", () => {
  let postgres: PrivatePostgres;
  let databaseUrl: string;
  let server: ServerProcess;
  let session: Session;
  const spawned: ServerProcess[] = [];

  const query = async <R extends pg.QueryResultRow>(text: string, values: unknown[] = []) => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return (await client.query<R>(text, values)).rows;
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    postgres = await startPrivatePostgres();
    const admin = new pg.Client({ connectionString: postgres.url });
    await admin.connect();
    await admin.query("CREATE DATABASE portico");
    await admin.end();
    databaseUrl = postgres.urlOf("portico");
    server = await startServerProcess({ DATABASE_URL: databaseUrl, PORTICO_DEMO: "1" });
    spawned.push(server);
    await server.ready(60_000);
    session = await signIn(server.base);
  }, 90_000);

  afterAll(async () => {
    for (const s of spawned) await s.kill("SIGKILL");
    await postgres?.destroy();
  });

  it("stays up through fast and immediate restarts and a stop under load, answering 503 with Retry-After, then 200 by itself", async () => {
    const traffic = load(server.base, session);
    try {
      await traffic.seen(200);
      for (const mode of ["fast", "immediate", "fast"] as const) {
        await postgres.restart(mode);
        await traffic.seen(200, 20_000);
        expect(server.alive(), `the server died on a ${mode} restart:\n${server.output()}`).toBe(true);
      }
      await postgres.stop("fast");
      await traffic.seen(503, 10_000);
      await new Promise((r) => setTimeout(r, 300)); // a few more requests while it is down
      await postgres.start();
      await traffic.seen(200, 20_000);
    } finally {
      await traffic.stop();
    }
    const { statuses, without503RetryAfter, networkErrors } = traffic.observed;
    expect(server.alive(), server.output()).toBe(true);
    expect(networkErrors).toBe(0);
    expect([...statuses.keys()].sort()).toEqual([200, 503]);
    expect(without503RetryAfter).toBe(0);
  }, 60_000);

  it("keeps the job worker and the audit linker running after an outage", async () => {
    await postgres.restart("immediate");
    await server.ready(20_000);
    // the linker and the worker pick up work written after the outage
    const [job] = await query<{ id: number }>(
      "insert into jobs (queue, payload, run_at) values ('platform.housekeeping', '{}', now()) returning id",
    );
    await waitFor(
      "the job written after the outage to run",
      async () =>
        (await query<{ status: string }>("select status from jobs where id = $1", [job?.id]))[0]?.status === "done",
    );
    await fetch(`${server.base}/api/patients/${session.patientId}/appointments`, { headers: session.headers });
    await waitFor(
      "every audit row to be linked into the chain",
      async () =>
        (await query<{ n: number }>("select count(*)::int as n from audit_log where seq is null"))[0]?.n === 0,
    );
    expect(server.alive()).toBe(true);
  }, 30_000);
  /**
   * A COMMIT whose answer never arrives: the database is told to wait for a synchronous
   * standby that does not exist, but only for transactions that insert an appointment (a
   * trigger turns synchronous_commit on for them). Such a COMMIT is durable locally and hangs;
   * restarting PostgreSQL then cuts the connection: the booking is saved, the server never
   * heard so.
   */
  async function withCommitThatNeverAnswers<T>(during: () => Promise<T>): Promise<T> {
    await query(`create or replace function portico_fault_wait_for_standby() returns trigger language plpgsql as $$
      begin perform set_config('synchronous_commit', 'on', true); return null; end $$`);
    await query(`create trigger portico_fault_wait_for_standby after insert on appointments
      for each row execute function portico_fault_wait_for_standby()`);
    await query("alter system set synchronous_commit = 'local'");
    await query("alter system set synchronous_standby_names = 'portico_fault_standby'");
    await query("select pg_reload_conf()");
    try {
      return await during();
    } finally {
      await query("drop trigger if exists portico_fault_wait_for_standby on appointments");
      await query("alter system reset synchronous_standby_names");
      await query("alter system reset synchronous_commit");
      await query("select pg_reload_conf()");
    }
  }

  const waitingForStandby = async () =>
    (await query<{ n: number }>("select count(*)::int as n from pg_stat_activity where wait_event = 'SyncRep'"))[0]
      ?.n === 1;

  const appointmentsAt = async (slot: FreeSlot) =>
    (
      await query<{ id: string }>(
        "select id from appointments where patient_id = $1 and provider_id = $2 and starts_at = $3",
        [session.patientId, slot.providerId, slot.start],
      )
    ).map((row) => row.id);

  it("answers 503 outcome_unknown (not 'unavailable') when the connection is lost during COMMIT, and the retry with the same Idempotency-Key gets the saved booking", async () => {
    const [slot] = await freeSlots(server.base, session, 1);
    if (!slot) throw new Error("no slot");
    const key = `fault-test-${Date.now()}`;
    const first = await withCommitThatNeverAnswers(async () => {
      const pending = book(server.base, session, slot, key);
      await waitFor("the booking's COMMIT to wait for the standby", waitingForStandby);
      await postgres.restart("fast");
      return pending;
    });
    expect(first.status).toBe(503);
    expect(first.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(((await first.json()) as { error: { code: string } }).error.code).toBe("outcome_unknown");
    const saved = await appointmentsAt(slot);
    expect(saved).toHaveLength(1); // it was saved: "unavailable" would have been untrue

    const retry = await book(server.base, session, slot, key);
    expect(retry.status).toBe(201);
    expect(((await retry.json()) as { id: string }).id).toBe(saved[0]);
    expect(await appointmentsAt(slot)).toEqual(saved);
    expect(server.alive()).toBe(true);
  }, 30_000);

  it("answers 503 outcome_unknown for a booking without an Idempotency-Key whose COMMIT outcome is unknown", async () => {
    const [, slot] = await freeSlots(server.base, session, 2);
    if (!slot) throw new Error("no slot");
    const first = await withCommitThatNeverAnswers(async () => {
      const pending = book(server.base, session, slot);
      await waitFor("the booking's COMMIT to wait for the standby", waitingForStandby);
      await postgres.restart("immediate");
      return pending;
    });
    expect(first.status).toBe(503);
    expect(first.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(((await first.json()) as { error: { code: string } }).error.code).toBe("outcome_unknown");
    expect(await appointmentsAt(slot)).toHaveLength(1);
  }, 30_000);

  it("started while PostgreSQL is down, waits with a log line and becomes ready once it is up", async () => {
    await postgres.stop("fast");
    const waiting = await startServerProcess({ DATABASE_URL: databaseUrl, DATABASE_CONNECT_TIMEOUT_SECONDS: "30" });
    spawned.push(waiting);
    await waitFor("the waiting log line", () => waiting.output().includes("waiting for the database at 127.0.0.1"));
    await waitFor("a second attempt", () => waiting.output().includes('"attempt":2'));
    expect(waiting.alive(), waiting.output()).toBe(true);
    await postgres.start();
    await waiting.ready(30_000);
    await waiting.kill("SIGTERM");
  }, 60_000);

  it("started while PostgreSQL is down, exits 1 with a clear message once DATABASE_CONNECT_TIMEOUT_SECONDS has passed", async () => {
    await postgres.stop("fast");
    try {
      const started = Date.now();
      const doomed = await startServerProcess({ DATABASE_URL: databaseUrl, DATABASE_CONNECT_TIMEOUT_SECONDS: "1" });
      spawned.push(doomed);
      expect(await doomed.exited).toBe(1);
      expect(Date.now() - started).toBeLessThan(30_000); // not the default 60 s
      expect(doomed.output()).toContain(
        "Portico cannot start: DATABASE_URL: could not open the database at 127.0.0.1:",
      );
      expect(doomed.output()).toContain("not reachable within 1 s");
      expect(doomed.output()).toContain("DATABASE_CONNECT_TIMEOUT_SECONDS");
      expect(doomed.output()).not.toMatch(/\n\s+at /); // no stack trace
    } finally {
      await postgres.start();
    }
  }, 45_000);
});
