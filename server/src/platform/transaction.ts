import { type ControlledTransaction, sql, type Transaction } from "kysely";
import { isDatabaseUnreachable } from "../db/connection-errors.ts";
import type { Database } from "../db/database.ts";
import type { DB } from "../db/schema.ts";
import { maybeContext, type RequestContext } from "./context.ts";
import { DomainError } from "./errors.ts";

let savepoints = 0;

/**
 * Runs `fn` in a transaction. Nested calls (a service calling another service, the audit
 * writer, the outbox) join the transaction already open in the request context, so the
 * change, its audit rows and its outbox rows commit or roll back together.
 *
 * When the request holds its own transaction (a POST with an Idempotency-Key, see
 * `beginRequestTransaction`), the outermost unit of work runs under a savepoint of it: a
 * failure inside rolls back that unit only, exactly as its own transaction would, and the
 * unit commits when the request's outcome is recorded.
 */
export async function inTransaction<T>(db: Database, fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  const context = maybeContext();
  if (context?.trx) {
    if (context.trx !== context.requestTrx || context.unitOpen) return fn(context.trx);
    return inSavepoint(context, context.trx, fn);
  }
  // set once the work is done: a lost connection after it means the COMMIT's outcome is unknown
  let committing = false;
  const work = async (trx: Transaction<DB>) => {
    const result = await fn(trx);
    committing = true;
    return result;
  };
  try {
    return await db.transaction().execute(async (trx) => {
      if (!context) return work(trx);
      context.trx = trx;
      try {
        await joinPending(context, trx);
        return await work(trx);
      } finally {
        context.trx = undefined;
      }
    });
  } catch (error) {
    if (committing && isDatabaseUnreachable(error)) throw outcomeUnknown();
    throw error;
  }
}

/**
 * The connection was lost during or after COMMIT: the work may have been saved. Saying it
 * failed could make someone do it again by other means; the client retries with its
 * Idempotency-Key instead and gets the true outcome.
 */
export function outcomeUnknown(): DomainError {
  return new DomainError(
    "outcome_unknown",
    "We could not confirm whether this was saved: the connection to the database was lost as it was being saved. Send the same request again with the same Idempotency-Key to get its outcome; without one, check before repeating it.",
  );
}

async function inSavepoint<T>(
  context: RequestContext,
  trx: Transaction<DB>,
  fn: (trx: Transaction<DB>) => Promise<T>,
): Promise<T> {
  const name = sql.raw(`portico_unit_${++savepoints}`);
  context.unitOpen = true;
  try {
    await sql`savepoint ${name}`.execute(trx);
    try {
      const result = await fn(trx);
      await sql`release savepoint ${name}`.execute(trx);
      return result;
    } catch (error) {
      await sql`rollback to savepoint ${name}`.execute(trx).catch(() => undefined);
      throw error;
    }
  } finally {
    context.unitOpen = false;
  }
}

async function joinPending(context: RequestContext, trx: Transaction<DB>): Promise<void> {
  const pending = context.withNextTransaction;
  if (!pending?.length) return;
  context.withNextTransaction = undefined;
  for (const write of pending) await write(trx);
}

/**
 * Opens the request's own transaction and makes it the request context's open transaction:
 * everything the request does joins it until `endRequestTransaction`.
 */
export async function beginRequestTransaction(db: Database, context: RequestContext): Promise<Transaction<DB>> {
  const trx = await db.startTransaction().execute();
  context.trx = trx;
  context.requestTrx = trx;
  return trx;
}

/** Commits (`commit: true`) or rolls back the request's own transaction; a no-op when none is open. */
export async function endRequestTransaction(context: RequestContext, commit: boolean): Promise<void> {
  const trx = context.requestTrx as ControlledTransaction<DB> | undefined;
  if (!trx) return;
  context.trx = undefined;
  context.requestTrx = undefined;
  context.withNextTransaction = undefined;
  if (commit) await trx.commit().execute();
  else await trx.rollback().execute();
}

/** The handle to query with right now: the open transaction if there is one. */
export function currentDb(db: Database): Database | Transaction<DB> {
  return maybeContext()?.trx ?? db;
}
