import type { Transaction } from "kysely";
import type { Database } from "../db/database.ts";
import type { DB } from "../db/schema.ts";
import { maybeContext } from "./context.ts";

/**
 * Runs `fn` in a transaction. Nested calls (a service calling another service, the audit
 * writer, the outbox) join the transaction already open in the request context, so the
 * change, its audit rows and its outbox rows commit or roll back together.
 */
export async function inTransaction<T>(db: Database, fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  const context = maybeContext();
  if (context?.trx) return fn(context.trx);
  return db.transaction().execute(async (trx) => {
    if (!context) return fn(trx);
    context.trx = trx;
    try {
      return await fn(trx);
    } finally {
      context.trx = undefined;
    }
  });
}

/** The handle to query with right now: the open transaction if there is one. */
export function currentDb(db: Database): Database | Transaction<DB> {
  return maybeContext()?.trx ?? db;
}
