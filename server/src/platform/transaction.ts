import type { Transaction } from "kysely";
import { isDatabaseUnreachable } from "../db/connection-errors.ts";
import type { Database } from "../db/database.ts";
import type { DB } from "../db/schema.ts";
import { maybeContext } from "./context.ts";
import { DomainError } from "./errors.ts";

/**
 * Runs `fn` in a transaction. Nested calls (a service calling another service, the audit
 * writer, the outbox) join the transaction already open in the request context, so the
 * change, its audit rows and its outbox rows commit or roll back together.
 */
export async function inTransaction<T>(db: Database, fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  const context = maybeContext();
  if (context?.trx) return fn(context.trx);
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

/** The handle to query with right now: the open transaction if there is one. */
export function currentDb(db: Database): Database | Transaction<DB> {
  return maybeContext()?.trx ?? db;
}
