import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { Kysely, PGliteDialect, PostgresDialect } from "kysely";
import pg from "pg";
import type { DB } from "./schema.ts";

export type Database = Kysely<DB>;

export interface DatabaseHandle {
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
    }
  | { kind: "pglite"; dataDir: string | "memory"; loadDataDir?: Blob };

export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.kind === "postgres") {
    const pool = new pg.Pool({
      connectionString: target.url,
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
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: "postgres", close: () => db.destroy() };
  }
  if (target.dataDir !== "memory") fs.mkdirSync(path.dirname(target.dataDir), { recursive: true });
  const pglite = await PGlite.create({
    dataDir: target.dataDir === "memory" ? undefined : target.dataDir,
    loadDataDir: target.loadDataDir,
    extensions: { btree_gist, pg_trgm, unaccent },
    parsers,
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
