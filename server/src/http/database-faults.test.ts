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
    const marker = await query<{ id: number }>("select coalesce(max(id), 0)::int as id from jobs");
    const lastJob = marker[0]?.id ?? 0;
    await postgres.restart("immediate");
    await server.ready(20_000);
    // the linker and the worker pick up work written after the outage
    await query("insert into jobs (queue, payload, run_at) values ('platform.housekeeping', '{}', now())");
    await waitFor(
      "the job written after the outage to run",
      async () =>
        (
          await query<{ n: number }>("select count(*)::int as n from jobs where id > $1 and status = 'done'", [lastJob])
        )[0]?.n === 1,
    );
    await fetch(`${server.base}/api/patients/${session.patientId}/appointments`, { headers: session.headers });
    await waitFor(
      "every audit row to be linked into the chain",
      async () =>
        (await query<{ n: number }>("select count(*)::int as n from audit_log where seq is null"))[0]?.n === 0,
    );
    expect(server.alive()).toBe(true);
  }, 30_000);
});
