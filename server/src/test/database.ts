import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { sql } from "kysely";
import { afterAll, beforeAll, inject } from "vitest";
import { type DatabaseHandle, openDatabase } from "../db/database.ts";
import { adminPool } from "./postgres.ts";

/** `url` is set on PostgreSQL: other processes (a second app server) can open the same database. */
export type TestDatabase = DatabaseHandle & { url?: string };

/**
 * A fresh, migrated database for one test file: PGlite in memory (loaded from the run's
 * migrated dump), or a PostgreSQL database copied from the run's template when the test
 * project is `postgres`. Call once per file (beforeAll) and close it in afterAll.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const postgresTemplate = inject("postgresTemplate");
  if (postgresTemplate) {
    const url = process.env.TEST_DATABASE_URL as string;
    const name = `portico_t_${randomBytes(6).toString("hex")}`;
    const admin = adminPool(url);
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE ${name} TEMPLATE ${postgresTemplate}`);
        break;
      } catch (error) {
        // another worker copying the template at the same instant: wait and retry
        if (attempt >= 20) throw error;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
    const target = new URL(url);
    target.pathname = `/${name}`;
    const handle = await openDatabase({ kind: "postgres", url: target.toString(), poolSize: 10 });
    return {
      ...handle,
      url: target.toString(),
      close: async () => {
        await handle.close();
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
        await admin.end();
      },
    };
  }
  const dump = new Blob([fs.readFileSync(inject("pgliteTemplate"))]);
  return openDatabase({ kind: "pglite", dataDir: "memory", loadDataDir: dump });
}

/**
 * A fresh database for a test file or a `describe`, opened before its tests and closed after
 * them: `const database = useTestDatabase();`, then `database.db` in hooks and tests.
 */
export function useTestDatabase(): TestDatabase {
  let opened: TestDatabase | undefined;
  beforeAll(async () => {
    opened = await createTestDatabase();
  });
  afterAll(async () => {
    await opened?.close();
  });
  const handle = (): TestDatabase => {
    if (!opened) throw new Error("the test database is opened in beforeAll: use it in hooks and tests");
    return opened;
  };
  return {
    get db() {
      return handle().db;
    },
    get kind() {
      return handle().kind;
    },
    get url() {
      return handle().url;
    },
    close: () => handle().close(),
  };
}

/**
 * Empties every table (but the migration bookkeeping) between tests that need a clean slate.
 * The audit log is kept: the database refuses to truncate it (it is append-only), so tests
 * that read it filter by their own patient, user or request ids.
 */
export async function truncateAll(handle: TestDatabase): Promise<void> {
  const { rows } = await sql<{ tablename: string }>`
    select tablename from pg_tables
    where schemaname = 'public' and tablename not like 'kysely_%'
      and tablename not in ('audit_log', 'audit_chain_head')`.execute(handle.db);
  if (rows.length === 0) return;
  const list = rows.map((r) => `"${r.tablename}"`).join(", ");
  await sql.raw(`truncate ${list} restart identity cascade`).execute(handle.db);
}
