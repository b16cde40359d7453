import type { Insertable } from "kysely";
import type { Database } from "../../db/database.ts";
import type { AuditLogTable } from "../../db/tables/audit.ts";

type Row = Insertable<AuditLogTable>;

interface Waiting {
  rows: Row[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for audit rows written outside a transaction (a patient-data read, a denial,
 * a failed login). Every caller still waits until its rows have committed — the guarantee
 * that no response leaves before its audit row is stored is unchanged — but the rows of all
 * requests that arrive while one INSERT is in flight go into the next INSERT together: one
 * statement, one commit and one WAL flush for many requests instead of one each.
 *
 * With nothing in flight a row is written at once, so a quiet server adds no latency. If a
 * batch fails, each caller's rows are retried on their own, so one bad row fails only its
 * own request.
 */
export class AuditAppender {
  readonly #db: Database;
  readonly #maxRows: number;
  #queue: Waiting[] = [];
  #queuedRows = 0;
  #inFlight = 0;
  readonly #maxInFlight: number;

  constructor(db: Database, options: { maxRows?: number; maxInFlight?: number } = {}) {
    this.#db = db;
    this.#maxRows = options.maxRows ?? 500;
    // a second batch may start while one commits: the group still forms under load, and a
    // slow commit does not hold every other request behind it
    this.#maxInFlight = options.maxInFlight ?? 2;
  }

  /** Resolves once `rows` are committed; rejects if they could not be written. */
  append(rows: Row[]): Promise<void> {
    if (rows.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.#queue.push({ rows, resolve, reject });
      this.#queuedRows += rows.length;
      this.#pump();
    });
  }

  #pump(): void {
    while (this.#inFlight < this.#maxInFlight && this.#queue.length > 0) {
      const batch: Waiting[] = [];
      let count = 0;
      while (this.#queue.length > 0 && (count === 0 || count + (this.#queue[0]?.rows.length ?? 0) <= this.#maxRows)) {
        const next = this.#queue.shift() as Waiting;
        batch.push(next);
        count += next.rows.length;
      }
      this.#queuedRows -= count;
      this.#inFlight++;
      void this.#write(batch).finally(() => {
        this.#inFlight--;
        this.#pump();
      });
    }
  }

  async #write(batch: Waiting[]): Promise<void> {
    try {
      await this.#db
        .insertInto("audit_log")
        .values(batch.flatMap((w) => w.rows))
        .execute();
      for (const waiting of batch) waiting.resolve();
    } catch (error) {
      if (batch.length === 1) {
        batch[0]?.reject(error);
        return;
      }
      // one caller's bad row must not fail the others: write each on its own
      await Promise.all(
        batch.map(async (waiting) => {
          try {
            await this.#db.insertInto("audit_log").values(waiting.rows).execute();
            waiting.resolve();
          } catch (single) {
            waiting.reject(single);
          }
        }),
      );
    }
  }

  /** rows waiting for a batch (for tests and metrics) */
  get queued(): number {
    return this.#queuedRows;
  }
}
