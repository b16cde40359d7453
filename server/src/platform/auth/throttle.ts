import type { Database } from "../../db/database.ts";
import type { Clock } from "../clock.ts";
import { inTransaction } from "../transaction.ts";

/**
 * Progressive delay: the first `freeFailures - 1` failures cost nothing; from then on each
 * failure locks the key for a delay that doubles up to `maxDelayMs`. The count is forgotten
 * after `quietMs` without failures (measured from the end of the last lock), so a victim is
 * never locked out for long and an attacker never gets more than a trickle of guesses.
 */
export interface ProgressiveRule {
  kind: "progressive";
  freeFailures: number;
  baseDelayMs: number;
  maxDelayMs: number;
  quietMs: number;
}

/** A fixed window: at most `maxFailures` failures per `windowMs`. */
export interface WindowRule {
  kind: "window";
  maxFailures: number;
  windowMs: number;
}

export type ThrottleRule = ProgressiveRule | WindowRule;

const MINUTE = 60_000;

export const ACCOUNT_RULE: ProgressiveRule = {
  kind: "progressive",
  freeFailures: 5,
  baseDelayMs: 30_000,
  maxDelayMs: 15 * MINUTE,
  quietMs: 15 * MINUTE,
};
export const LOGIN_IP_RULE: WindowRule = { kind: "window", maxFailures: 30, windowMs: 15 * MINUTE };
export const ACTIVATION_IP_RULE: WindowRule = { kind: "window", maxFailures: 10, windowMs: 15 * MINUTE };
export const RESET_IP_RULE: WindowRule = { kind: "window", maxFailures: 20, windowMs: 15 * MINUTE };
/** password reset emails per account: a few per quarter hour, so nobody can flood an inbox */
export const RESET_ACCOUNT_RULE: WindowRule = { kind: "window", maxFailures: 3, windowMs: 15 * MINUTE };

export class Throttle {
  readonly #db: Database;
  readonly #clock: Clock;
  constructor(db: Database, clock: Clock) {
    this.#db = db;
    this.#clock = clock;
  }

  /** When the key is locked now, the instant it unlocks. */
  async blockedUntil(key: string): Promise<Date | undefined> {
    const row = await this.#db
      .selectFrom("login_throttle")
      .select("locked_until")
      .where("key", "=", key)
      .executeTakeFirst();
    const now = this.#clock.now();
    return row?.locked_until && row.locked_until > now ? row.locked_until : undefined;
  }

  /** Counts one failure (in its own transaction, so it holds even when the request fails). */
  async recordFailure(key: string, rule: ThrottleRule): Promise<Date | undefined> {
    const now = this.#clock.now();
    return this.#db.transaction().execute(async (trx) => {
      await trx
        .insertInto("login_throttle")
        .values({ key, failures: 0, window_started_at: now, last_failure_at: now })
        .onConflict((oc) => oc.column("key").doNothing())
        .execute();
      const row = await trx
        .selectFrom("login_throttle")
        .selectAll()
        .where("key", "=", key)
        .forUpdate()
        .executeTakeFirstOrThrow();
      let failures = row.failures;
      let windowStartedAt = row.window_started_at;
      let lockedUntil: Date | null = null;
      if (rule.kind === "progressive") {
        const quietSince = Math.max(row.last_failure_at.getTime(), row.locked_until?.getTime() ?? 0);
        if (failures === 0 || now.getTime() - quietSince > rule.quietMs) {
          failures = 0;
          windowStartedAt = now;
        }
        failures += 1;
        if (failures >= rule.freeFailures) {
          const delay = Math.min(rule.baseDelayMs * 2 ** (failures - rule.freeFailures), rule.maxDelayMs);
          lockedUntil = new Date(now.getTime() + delay);
        }
      } else {
        if (failures === 0 || now.getTime() - windowStartedAt.getTime() >= rule.windowMs) {
          failures = 0;
          windowStartedAt = now;
        }
        failures += 1;
        if (failures >= rule.maxFailures) lockedUntil = new Date(windowStartedAt.getTime() + rule.windowMs);
      }
      await trx
        .updateTable("login_throttle")
        .set({ failures, window_started_at: windowStartedAt, last_failure_at: now, locked_until: lockedUntil })
        .where("key", "=", key)
        .execute();
      return lockedUntil ?? undefined;
    });
  }

  /** A success forgets the failures of that key (the account's, never the address's). */
  async reset(key: string): Promise<void> {
    await inTransaction(this.#db, (trx) => trx.deleteFrom("login_throttle").where("key", "=", key).execute());
  }

  /** Drops counters nobody has touched for a day. */
  async prune(): Promise<void> {
    const cutoff = new Date(this.#clock.now().getTime() - 24 * 60 * MINUTE);
    await this.#db.deleteFrom("login_throttle").where("last_failure_at", "<", cutoff).execute();
  }
}
