import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { Kysely, PGliteDialect, PostgresAdapter, PostgresDialect, sql, type Transaction } from "kysely";
import pg from "pg";
import { isDatabaseUnreachable } from "./connection-errors.ts";
import type { DB } from "./schema.ts";

export type Database = Kysely<DB>;

export interface DatabaseHandle {
  /**
   * The primary: every write, every transaction, every read that decides something. Its read
   * replica (`DATABASE_READ_URL`), when there is one, is reached only through `readReplica(db)`.
   */
  db: Database;
  kind: "pglite" | "postgres";
  close(): Promise<void>;
  /** PGlite only: the data directory as a tarball (tests load it instead of migrating again) */
  dump?: () => Promise<Blob>;
}

const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;

/** int8 and numeric become numbers, dates stay "YYYY-MM-DD": the same on both databases. */
const parsers: Record<number, (value: string) => unknown> = {
  [INT8]: (v) => Number(v),
  [NUMERIC]: (v) => Number(v),
  [DATE]: (v) => v,
};

export type DatabaseTarget =
  | {
      kind: "postgres";
      url: string;
      poolSize?: number;
      /** a pooled connection was lost (database restart, network); the pool replaces it */
      onConnectionError?: (error: Error) => void;
      /**
       * Run the hot queries marked with `preparedStatement()` as named server-side prepared
       * statements (default on). Turn off behind a transaction pooler that does not track
       * them (PgBouncer before 1.21, or `max_prepared_statements = 0`).
       */
      preparedStatements?: boolean;
      /**
       * Named statements were refused as a transaction pooler refuses them: naming is now off
       * for this pool (set `preparedStatements: false` behind such a pooler to avoid the
       * requests that fail before it is noticed).
       */
      onPreparedStatementsRefused?: (error: Error) => void;
      /**
       * A streaming replica for lag-tolerant reads (slot search, patient search), reached
       * through `readReplica(db)`; unset, those reads go to the primary.
       */
      readUrl?: string;
    }
  | { kind: "pglite"; dataDir: string | "memory"; loadDataDir?: Blob };

const PREPARED = /^\/\* prepared:([a-z0-9_]+) \*\//;

/**
 * Marks a hot query to be prepared once per connection and reused: PostgreSQL then skips
 * parsing and, after a few runs, planning (for the session query, planning takes ten times
 * as long as running it). `name` must always go with the same SQL. Elsewhere (PGlite, or
 * prepared statements off) the mark is just a comment.
 */
export function preparedStatement(name: string, text: string): string {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`prepared statement names are snake_case, got "${name}"`);
  return `/* prepared:${name} */ ${text}`;
}

/**
 * 26000 "prepared statement does not exist", 42P05 "prepared statement already exists": what a
 * named statement meets behind a transaction pooler that does not track them (PgBouncer
 * before 1.21 in transaction mode hands each transaction any server connection).
 */
const POOLER_STATEMENT_ERRORS = new Set(["26000", "42P05"]);

type Query = (...args: unknown[]) => unknown;

/**
 * Sends marked queries (see `preparedStatement`) as named statements on this connection. If
 * the server answers as a transaction pooler does (above), naming stops for the whole pool
 * (`state.named`), `onRefused` is told once, and a query that was not inside a transaction is
 * sent again unnamed (inside one, the transaction is already aborted: that request fails).
 */
function nameMarkedStatements(state: { named: boolean }, onRefused?: (error: Error) => void) {
  return (client: pg.PoolClient): void => {
    const query = client.query as Query;
    client.query = function (this: pg.PoolClient, text: unknown, values?: unknown, callback?: unknown) {
      if (state.named && typeof text === "string" && Array.isArray(values) && callback === undefined) {
        const name = PREPARED.exec(text)?.[1];
        if (name) {
          const outsideTransaction = client.getTransactionStatus?.() === "I";
          return (query.call(this, { name, text, values }) as Promise<unknown>).catch(
            (error: Error & { code?: string }) => {
              if (!POOLER_STATEMENT_ERRORS.has(error.code ?? "")) throw error;
              if (state.named) {
                state.named = false;
                onRefused?.(error);
              }
              if (!outsideTransaction) throw error;
              return query.call(this, text, values);
            },
          );
        }
      }
      return query.call(this, text, values, callback);
    } as typeof client.query;
  };
}

/**
 * Kysely's PostgreSQL migration lock is a SESSION advisory lock taken before, and released
 * after, the migration transaction: behind a transaction pooler (PgBouncer, pool_mode =
 * transaction) the three statements may run on different server connections, so the unlock
 * misses and the lock stays held by a pooled connection. `migrateToLatest` runs the Migrator
 * inside one transaction; there the lock is a transaction lock, released by COMMIT or
 * ROLLBACK on the connection that took it.
 */
export const MIGRATION_LOCK_ID = 3_853_314_791_062_309_107n;

class TransactionLockAdapter extends PostgresAdapter {
  override async acquireMigrationLock(
    db: Kysely<unknown>,
    options: Parameters<PostgresAdapter["acquireMigrationLock"]>[1],
  ) {
    if (!db.isTransaction) return super.acquireMigrationLock(db, options);
    await sql`select pg_advisory_xact_lock(${sql.lit(MIGRATION_LOCK_ID.toString())}::bigint)`.execute(db);
  }
  override async releaseMigrationLock(
    db: Kysely<unknown>,
    options: Parameters<PostgresAdapter["releaseMigrationLock"]>[1],
  ) {
    if (!db.isTransaction) return super.releaseMigrationLock(db, options);
    // released with the transaction
  }
}

class PorticoPostgresDialect extends PostgresDialect {
  override createAdapter() {
    return new TransactionLockAdapter();
  }
}

/** primary → its read replica (only when `DATABASE_READ_URL` opened one) */
const replicas = new WeakMap<Database, Database>();

/**
 * Where a lag-tolerant read may go: the read replica of `db` (`DATABASE_READ_URL`), else `db`
 * itself. A transaction is returned as it is: what runs in a transaction reads its own
 * writes and may decide on them, so it stays on the primary. Use it only for reads whose
 * answer may be a moment old (a replica lags the primary): what to show, never what to decide
 * — a booking, an access check, a uniqueness test read the primary.
 */
export function readReplica<T extends Database | Transaction<DB>>(db: T): T | Database {
  if (db.isTransaction) return db;
  return replicas.get(db as Database) ?? db;
}

/** primary → until when its replica is left alone after it could not be reached */
const replicaDownUntil = new WeakMap<Database, number>();
const REPLICA_PAUSE_MS = 10_000;

/**
 * Runs `read` on the read replica of `db` (see `readReplica`, the same rules) and, when the
 * replica cannot be reached (stopped, restarting, network), once more on the primary; the
 * replica is then left alone for 10 s. `read` must only read, and may run twice.
 */
export async function onReadReplica<T>(
  db: Database | Transaction<DB>,
  read: (reads: Database | Transaction<DB>) => Promise<T>,
): Promise<T> {
  const replica = readReplica(db);
  if (replica === db) return read(db);
  const primary = db as Database;
  if ((replicaDownUntil.get(primary) ?? 0) > Date.now()) return read(primary);
  try {
    return await read(replica);
  } catch (error) {
    if (!isDatabaseUnreachable(error)) throw error;
    replicaDownUntil.set(primary, Date.now() + REPLICA_PAUSE_MS);
    return read(primary);
  }
}

function postgresPool(url: string, target: Extract<DatabaseTarget, { kind: "postgres" }>): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: target.poolSize ?? 20,
    connectionTimeoutMillis: 5_000,
    types: {
      getTypeParser: ((oid: number, format?: string) =>
        parsers[oid] ?? pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
    },
  });
  // A connection lost while a client is idle or checked out (database restart, network)
  // makes pg emit 'error' on the client; unheard, that ends the process. The pool listens to
  // idle clients only, so every client gets a listener of its own for its whole life: the
  // query in flight rejects with the same error (the request answers 503) and the pool
  // discards the client when it is released.
  pool.on("error", () => {}); // reported by the client's own listener
  pool.on("connect", (client) => client.on("error", (error: Error) => target.onConnectionError?.(error)));
  if (target.preparedStatements !== false) {
    pool.on("connect", nameMarkedStatements({ named: true }, target.onPreparedStatementsRefused));
  }
  return pool;
}

/**
 * The embedded database's memory: PostgreSQL's defaults assume a server of its own (128 MB of
 * shared buffers, 100 connections), and the WebAssembly heap PGlite runs in never gives memory
 * back. One process is its only client; a small clinic's working set fits in 32 MB of buffers.
 */
const PGLITE_SETTINGS = ["shared_buffers=32MB", "max_connections=5", "wal_buffers=1MB"];

export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.kind === "postgres") {
    const db = new Kysely<DB>({ dialect: new PorticoPostgresDialect({ pool: postgresPool(target.url, target) }) });
    if (!target.readUrl) return { db, kind: "postgres", close: () => db.destroy() };
    const reads = new Kysely<DB>({
      dialect: new PorticoPostgresDialect({ pool: postgresPool(target.readUrl, target) }),
    });
    replicas.set(db, reads);
    return {
      db,
      kind: "postgres",
      close: async () => {
        await Promise.all([db.destroy(), reads.destroy()]);
      },
    };
  }
  if (target.dataDir !== "memory") fs.mkdirSync(path.dirname(target.dataDir), { recursive: true });
  const pglite = await PGlite.create({
    dataDir: target.dataDir === "memory" ? undefined : target.dataDir,
    loadDataDir: target.loadDataDir,
    extensions: { btree_gist, pg_trgm, unaccent },
    parsers,
    // after PGlite's own start parameters, as `-c` settings (its `postgresqlconf` option replaces the whole file)
    startParams: [...PGlite.defaultStartParams, ...PGLITE_SETTINGS.flatMap((setting) => ["-c", setting])],
  });
  const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite }) });
  return {
    db,
    kind: "pglite",
    dump: async () => (await pglite.dumpDataDir("gzip")) as Blob,
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}
