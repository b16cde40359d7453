import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../platform/mail/smtp-test-server.ts";
import { type AppServer, startAppServer } from "../test/app-servers.ts";
import { type PrivatePostgres, postgresBinDir, startPrivatePostgres } from "../test/private-postgres.ts";
import { liveAppointmentsAt, type RaceClinic, seedRaceClinic, signInFrontDeskOverHttp } from "../test/race-clinic.ts";
import { type DatabaseHandle, openDatabase } from "./database.ts";

const run = promisify(execFile);
const onPostgres = process.env.PORTICO_TEST_DB === "postgres";

/** initdb, pg_ctl and pg_basebackup of one PostgreSQL version, or why not */
function serverPrograms(): { bin: string } | { missing: string } {
  try {
    const bin = postgresBinDir();
    for (const program of ["initdb", "pg_ctl", "pg_basebackup"]) {
      if (!fs.existsSync(path.join(bin, program))) return { missing: `${program} is not in ${bin}` };
    }
    return { bin };
  } catch (error) {
    return { missing: (error as Error).message };
  }
}
const programs = serverPrograms();
const skipReason = !onPostgres ? "PostgreSQL only" : "missing" in programs ? programs.missing : undefined;

const asRoot = process.getuid?.() === 0;
async function exec(program: string, args: string[]): Promise<void> {
  const file = path.join((programs as { bin: string }).bin, program);
  try {
    if (asRoot) await run("runuser", ["-u", "postgres", "--", file, ...args]);
    else await run(file, args);
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new Error(`${program} failed: ${e.stderr || e.message}`);
  }
}

/** A streaming replica of `primary` made with `pg_basebackup -R`, on a port of its own. */
async function startReplica(
  primary: PrivatePostgres,
): Promise<{ url: string; folder: string; halt(): Promise<void>; stop(): Promise<void> }> {
  const folder = fs.mkdtempSync("/tmp/portico-replica-");
  if (asRoot) {
    const line = fs
      .readFileSync("/etc/passwd", "utf8")
      .split("\n")
      .find((l) => l.startsWith("postgres:"));
    const [, , uid, gid] = line?.split(":") ?? [];
    fs.chownSync(folder, Number(uid), Number(gid));
  }
  const dataDir = path.join(folder, "data");
  const port = await freePort();
  await exec("pg_basebackup", [
    "-D",
    dataDir,
    "-R",
    "-X",
    "stream",
    "-c",
    "fast",
    "--no-sync",
    "-h",
    "127.0.0.1",
    "-p",
    String(primary.port),
    "-U",
    "postgres",
  ]);
  // the copy carries the primary's settings; a later line wins
  fs.appendFileSync(
    path.join(dataDir, "postgresql.conf"),
    `\nport = ${port}\nunix_socket_directories = '${folder}'\nhot_standby = on\n`,
  );
  await exec("pg_ctl", ["-D", dataDir, "-l", path.join(folder, "replica.log"), "-w", "-t", "60", "start"]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}`,
    folder,
    halt: () => exec("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"]),
    stop: async () => {
      await exec("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"]).catch(() => {});
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** The next weekday at least two days ahead, at `hour`:00 UTC. */
function slotAt(hour: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + 2);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + 1);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
}

/**
 * SPEC §6 scale-out: DATABASE_READ_URL sends slot search and patient search to a streaming
 * replica; booking is decided on the primary. A private primary and a replica made from it
 * with pg_basebackup; the replica's replay is paused to stand for lag: the search keeps
 * showing a time that was just booked (it reads the replica), booking that time again is still
 * refused (the primary decides), and once the replica catches up the time is gone.
 */
describe.skipIf(skipReason !== undefined)(
  `a read replica (DATABASE_READ_URL)${skipReason ? ` (skipped: ${skipReason})` : ""}`,
  () => {
    let primary: PrivatePostgres;
    let replica: Awaited<ReturnType<typeof startReplica>>;
    let replicaClient: pg.Client;
    let direct: DatabaseHandle;
    let server: AppServer;
    let headers: Record<string, string>;
    let clinic: RaceClinic;
    let startedAt = 0;

    /** waits until the replica has replayed everything the primary has written so far */
    async function caughtUp(): Promise<void> {
      const primaryClient = new pg.Client({ connectionString: primary.urlOf("portico") });
      await primaryClient.connect();
      const { rows } = await primaryClient.query<{ lsn: string }>("select pg_current_wal_lsn()::text as lsn");
      await primaryClient.end();
      for (let i = 0; i < 300; i++) {
        const r = await replicaClient.query<{ ok: boolean }>("select pg_last_wal_replay_lsn() >= $1::pg_lsn as ok", [
          rows[0]!.lsn,
        ]);
        if (r.rows[0]?.ok) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error("the replica did not catch up within 15 s");
    }

    const slotsShown = async () => {
      const res = await fetch(
        `${server.url}/api/slots?visitTypeId=${clinic.visitTypeId}&providerId=${clinic.providerId}&limit=500`,
        { headers },
      );
      expect(res.status).toBe(200);
      return ((await res.json()) as { slots: { start: string }[] }).slots.map((s) => s.start);
    };
    const book = (patientId: string, start: string) =>
      fetch(`${server.url}/api/patients/${patientId}/appointments`, {
        method: "POST",
        headers,
        body: JSON.stringify({ visitTypeId: clinic.visitTypeId, providerId: clinic.providerId, start }),
      });
    const patientsFound = async (q: string) => {
      const res = await fetch(`${server.url}/api/patients?q=${encodeURIComponent(q)}`, { headers });
      expect(res.status).toBe(200);
      return ((await res.json()) as { results: { id: string }[] }).results.map((r) => r.id);
    };

    beforeAll(async () => {
      startedAt = Date.now();
      primary = await startPrivatePostgres();
      const admin = new pg.Client({ connectionString: primary.url });
      await admin.connect();
      await admin.query("create database portico");
      await admin.end();
      replica = await startReplica(primary);
      replicaClient = new pg.Client({ connectionString: `${replica.url}/portico` });
      for (let i = 0; ; i++) {
        try {
          await replicaClient.connect();
          break;
        } catch (error) {
          // the database is created on the primary just before the copy; a moment to replay it
          if (i > 50) throw error;
          replicaClient = new pg.Client({ connectionString: `${replica.url}/portico` });
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
      const { rows } = await replicaClient.query<{ standby: boolean }>("select pg_is_in_recovery() as standby");
      expect(rows[0]!.standby).toBe(true);

      // migrates the primary at start; the replica replays it
      server = await startAppServer(primary.urlOf("portico"), { DATABASE_READ_URL: `${replica.url}/portico` });
      direct = await openDatabase({ kind: "postgres", url: primary.urlOf("portico"), poolSize: 2 });
      clinic = await seedRaceClinic(direct.db, { name: "Replica", patients: 2 });
      await caughtUp();
      headers = await signInFrontDeskOverHttp(server.url, clinic.frontDeskEmail);
      await caughtUp();
    }, 120_000);

    afterAll(async () => {
      server?.child.kill("SIGTERM");
      await replicaClient?.end().catch(() => {});
      await direct?.close();
      await replica?.stop();
      await primary?.destroy();
      console.info(`read replica test: ${((Date.now() - startedAt) / 1000).toFixed(1)} s in all`);
    });

    it("searches slots on the lagging replica, and still refuses a double booking (decided on the primary)", async () => {
      const start = slotAt(15);
      expect(await slotsShown()).toContain(start);

      // the replica stops replaying: from now on it lags the primary
      await replicaClient.query("select pg_wal_replay_pause()");
      const first = await book(clinic.patients[0]!, start);
      expect(first.status).toBe(201);

      // the search reads the replica, which has not seen the booking: the time is still shown
      expect(await slotsShown()).toContain(start);
      // ... but booking it again is decided on the primary
      const second = await book(clinic.patients[1]!, start);
      expect(second.status).toBe(409);
      const refused = (await second.json()) as {
        error: { code: string; details: { alternatives: { start: string }[] } };
      };
      expect(refused.error.code).toBe("slot_taken");
      // the alternatives offered with a refusal come from the primary too
      expect(refused.error.details.alternatives.map((a) => a.start)).not.toContain(start);

      // a chart registered now is not found on the replica until it catches up
      const { id: lateId } = await direct.db
        .insertInto("patients")
        .values({
          mrn: "RP9",
          legal_given_name: "Quincy",
          legal_family_name: "Laggard",
          date_of_birth: "1975-05-05",
          sex: "unknown",
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      expect(await patientsFound("Laggard")).toEqual([]);

      await replicaClient.query("select pg_wal_replay_resume()");
      await caughtUp();
      expect(await slotsShown()).not.toContain(start);
      expect(await patientsFound("Laggard")).toEqual([lateId]);
      expect(await liveAppointmentsAt(direct.db, start)).toHaveLength(1);
    }, 60_000);

    it("answers slot search and patient search from the primary while the replica is down", async () => {
      await replicaClient.end();
      await replica.halt();
      const start = slotAt(15);
      const shown = await slotsShown();
      expect(shown.length).toBeGreaterThan(0);
      expect(shown).not.toContain(start);
      expect(await patientsFound("Laggard")).toHaveLength(1);
      // and a second time, with the replica left alone for a while
      expect(await slotsShown()).toEqual(shown);
    }, 30_000);
  },
);
