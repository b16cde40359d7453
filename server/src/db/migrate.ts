import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import { type Migration, type MigrationProvider, Migrator } from "kysely/migration";
import { type Database, MIGRATION_LOCK_ID } from "./database.ts";
import { splitSqlStatements } from "./sql-split.ts";

const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

/** Forward-only migrations: every `migrations/NNNN_name.sql` file, in name order. */
class SqlFileMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await fs.readdir(migrationsDir)).filter((f) => f.endsWith(".sql")).sort();
    const migrations: Record<string, Migration> = {};
    for (const file of files) {
      const script = await fs.readFile(path.join(migrationsDir, file), "utf8");
      migrations[file.replace(/\.sql$/, "")] = {
        async up(db) {
          for (const statement of splitSqlStatements(script)) await sql.raw(statement).execute(db);
        },
      };
    }
    return migrations;
  }
}

class MigrationFailed extends Error {}

/**
 * Brings the schema up to date, in ONE transaction that first takes a transaction-scoped
 * advisory lock: app servers starting together migrate once, one after another, and nothing
 * outlives the transaction — so migrations also run through a transaction-mode pooler
 * (PgBouncer), where consecutive statements outside a transaction may reach different server
 * connections (Kysely's own lock is a session lock; `database.ts` turns it into a
 * transaction lock inside a transaction). `DATABASE_MIGRATION_URL` may still point them at the
 * primary directly (e.g. a role that owns the schema, or no pooler timeouts on a long one).
 */
export async function migrateToLatest(db: Database): Promise<string[]> {
  try {
    return await db.transaction().execute(async (trx) => {
      // before the Migrator's own bookkeeping (it creates its tables first): a second server
      // waits here until the first has committed, then finds nothing left to do
      await sql`select pg_advisory_xact_lock(${sql.lit(MIGRATION_LOCK_ID.toString())}::bigint)`.execute(trx);
      const migrator = new Migrator({ db: trx, provider: new SqlFileMigrationProvider() });
      const { error, results } = await migrator.migrateToLatest();
      if (error) {
        const failed = results?.find((r) => r.status === "Error");
        const cause = error instanceof Error ? error.message : String(error);
        // thrown inside the callback so that the transaction rolls back
        throw new MigrationFailed(`migration ${failed?.migrationName ?? "(unknown)"} failed: ${cause}`);
      }
      return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
    });
  } catch (error) {
    if (error instanceof MigrationFailed) throw new Error(error.message);
    throw error;
  }
}
