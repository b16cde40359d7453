import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { CompiledQuery, type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../test/app-servers.ts";
import { type PgBouncer, pgbouncerBinary, startPgBouncer } from "../test/pgbouncer.ts";
import { adminPool } from "../test/postgres.ts";
import {
  bookOneSlotFromAll,
  expectOneBookingForOneKey,
  liveAppointmentsAt,
  type RaceClinic,
  raceSlotStart,
  seedRaceClinic,
  signInFrontDeskOverHttp,
} from "../test/race-clinic.ts";
import { type DatabaseHandle, openDatabase, preparedStatement } from "./database.ts";
import type { DB } from "./schema.ts";

const CONCURRENT = 200;
const POOL_SIZE = 6;
const onPostgres = process.env.PORTICO_TEST_DB === "postgres" && Boolean(process.env.TEST_DATABASE_URL);
const pgbouncer = pgbouncerBinary();

/**
 * SPEC §6 scale-out: app servers work through PgBouncer in transaction-pooling mode, where
 * each transaction (or statement outside one) may run on a different server connection, so
 * nothing may rely on session state. Two app server processes start together on an EMPTY
 * database — one migrating through the pooler, the other on the direct DATABASE_MIGRATION_URL
 * — then race 200 bookings for one slot through a pool of 6 server connections.
 */
describe.skipIf(!onPostgres || !pgbouncer)(
  `two app servers through PgBouncer in transaction mode${!onPostgres ? " (skipped: PostgreSQL only)" : !pgbouncer ? " (skipped: pgbouncer is not installed)" : ""}`,
  () => {
    const name = `portico_pgb_${randomBytes(5).toString("hex")}`;
    const admin = onPostgres ? adminPool(process.env.TEST_DATABASE_URL as string) : undefined;
    let bouncer: PgBouncer;
    let direct: DatabaseHandle;
    let directUrl: string;
    const servers: AppServer[] = [];
    let headers: Record<string, string>;
    let clinic: RaceClinic;
    let startedAt = 0;

    beforeAll(async () => {
      startedAt = Date.now();
      await admin?.query(`CREATE DATABASE ${name}`);
      const url = new URL(process.env.TEST_DATABASE_URL as string);
      url.pathname = `/${name}`;
      directUrl = url.toString();
      bouncer = await startPgBouncer({ upstream: directUrl, poolSize: POOL_SIZE });
      const pooled = bouncer.urlOf(name);
      const env = { DATABASE_PREPARED_STATEMENTS: "false" };
      // both start at once on the empty database: the migration lock (a transaction lock)
      // makes one migrate and the other wait, whether through the pooler or directly
      servers.push(
        ...(await Promise.all([
          startAppServer(pooled, env),
          // this one also runs the background worker and the audit-chain linker through the pooler
          startAppServer(pooled, { ...env, DATABASE_MIGRATION_URL: directUrl, PORTICO_WORKER: "1" }),
        ])),
      );

      direct = await openDatabase({ kind: "postgres", url: directUrl, poolSize: 4 });
      clinic = await seedRaceClinic(direct.db, { name: "Pooled", patients: CONCURRENT });
      // the MFA step on the OTHER server: the session is in the database, not in a process
      headers = await signInFrontDeskOverHttp(servers[0]!.url, clinic.frontDeskEmail, servers[1]!.url);
    }, 180_000);

    afterAll(async () => {
      for (const s of servers) s.child.kill("SIGTERM");
      await direct?.close();
      await bouncer?.stop();
      await admin?.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
      await admin?.end();
      console.info(`PgBouncer two-server test: ${((Date.now() - startedAt) / 1000).toFixed(1)} s in all`);
    });

    it("migrated the empty database once, with no lock left behind on a pooled connection", async () => {
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from kysely_migration`.execute(direct.db);
      const files = fs.readdirSync(path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations"));
      expect(rows[0]!.n).toBe(files.filter((f) => f.endsWith(".sql")).length);
      // Kysely's own migration lock is a session advisory lock: through the pooler its unlock
      // could reach another server connection and leave the lock held for good
      const locks = await sql<{ n: number }>`
        select count(*)::int as n from pg_locks l join pg_database d on d.oid = l.database
        where l.locktype = 'advisory' and d.datname = ${name}`.execute(direct.db);
      expect(locks.rows[0]!.n).toBe(0);
    });

    it(`answers exactly one 201 and ${CONCURRENT - 1} × 409, no 5xx, for ${CONCURRENT} bookings of one slot`, async () => {
      const start = raceSlotStart().toISOString();
      const t0 = Date.now();
      const responses = await bookOneSlotFromAll(servers, clinic, headers, start);
      const statuses = responses.map((r) => r.status);
      const count = (s: number) => statuses.filter((x) => x === s).length;
      expect(
        statuses.filter((s) => s >= 500),
        bouncer.log(),
      ).toEqual([]);
      expect(count(201)).toBe(1);
      expect(count(409)).toBe(CONCURRENT - 1);
      const loser = (await responses.find((r) => r.status === 409)!.json()) as { error: { code: string } };
      expect(loser.error.code).toBe("slot_taken");
      const live = await liveAppointmentsAt(direct.db, start);
      expect(live).toHaveLength(1);
      // the pooler really multiplexed: two servers' 20-connection pools over 6 server connections
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from pg_stat_activity
        where datname = ${name} and backend_type = 'client backend'`.execute(direct.db);
      expect(rows[0]!.n).toBeLessThanOrEqual(POOL_SIZE + 4);
      console.info(`${CONCURRENT} contended bookings through PgBouncer: ${Date.now() - t0} ms`);
    }, 120_000);

    it("links every audit row through the pooler (the linker's lock is a transaction lock) and fails no job", async () => {
      let unlinked = -1;
      for (let i = 0; i < 150; i++) {
        const { rows } = await sql<{ n: number }>`
          select count(*)::int as n from audit_log where seq is null`.execute(direct.db);
        unlinked = rows[0]!.n;
        if (unlinked === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(unlinked).toBe(0);
      const linked = await sql<{ n: number }>`select count(*)::int as n from audit_log`.execute(direct.db);
      expect(linked.rows[0]!.n).toBeGreaterThan(0);
      const failed = await direct.db
        .selectFrom("jobs")
        .select(["queue", "last_error"])
        .where("status", "=", "failed")
        .execute();
      expect(failed).toEqual([]);
    }, 30_000);

    it("turns named prepared statements off when the pooler refuses one, resending a query outside a transaction", async () => {
      const refused: Error[] = [];
      const handle = await openDatabase({
        kind: "postgres",
        url: bouncer.urlOf(name),
        poolSize: 2,
        onPreparedStatementsRefused: (error) => refused.push(error),
      });
      try {
        const probe = (db: Kysely<DB>, n: number) =>
          db.executeQuery<{ n: number }>(
            CompiledQuery.raw(preparedStatement("portico_probe", "select $1::int as n"), [n]),
          );
        // two clients, one after the other: PgBouncer hands the second the server connection the
        // first just used (it keeps the most recent one first), where the name already exists
        const answers: number[] = [];
        await handle.db.connection().execute(async (a) =>
          handle.db.connection().execute(async (b) => {
            for (let i = 0; i < 10 && refused.length === 0; i++) {
              answers.push((await probe(a, 2 * i)).rows[0]!.n, (await probe(b, 2 * i + 1)).rows[0]!.n);
            }
            answers.push((await probe(a, -1)).rows[0]!.n, (await probe(b, -2)).rows[0]!.n);
          }),
        );
        expect(refused.map((e) => (e as { code?: string }).code)).toEqual([expect.stringMatching(/^(26000|42P05)$/)]);
        expect(answers).toEqual([...Array.from({ length: answers.length - 2 }, (_, i) => i), -1, -2]);
      } finally {
        await handle.close();
      }
    });

    it("books once when the same request is retried with one Idempotency-Key on both servers", async () => {
      await expectOneBookingForOneKey(servers, direct.db, clinic, headers, "pooled-retry-1");
    }, 60_000);
  },
);
