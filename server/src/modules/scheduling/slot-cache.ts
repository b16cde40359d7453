import { type Kysely, sql, type Transaction } from "kysely";
import { compiledQuery, uuidList } from "../../db/compiled-query.ts";
import type { DB } from "../../db/schema.ts";

type Db = Kysely<DB> | Transaction<DB>;

export const DAY_MS = 86_400_000;

/** A free slot as the cache keeps it: its instants, and their ISO forms made once. */
export interface CachedSlot {
  start: number;
  end: number;
  startIso: string;
  endIso: string;
  locationId: string;
  timeZone: string;
}

interface Entry {
  stamp: string;
  slots: CachedSlot[];
}

/** epoch day → "YYYY-MM-DD" */
export const isoDay = (epochDay: number) => new Date(epochDay * DAY_MS).toISOString().slice(0, 10);

/**
 * Per provider and UTC day: how many changes were committed, and the newest (migrations 0037,
 * 0047: a folded row stands for `n` of them);
 * and, in the same snapshot, the catalogue's version (migration 0046), as a row with no provider.
 */
const stampsQuery = compiledQuery(
  "portico_calendar_stamps",
  (db, args: { providerIds: readonly string[]; firstDay: string; lastDay: string }) =>
    db
      .selectFrom("calendar_changes")
      .select([
        sql<string | null>`provider_id`.as("providerId"),
        "day",
        sql<number>`sum(n)`.as("n"),
        sql<string | null>`max(at)::text`.as("at"),
      ])
      .where(
        sql<boolean>`provider_id = any(${uuidList(args.providerIds)}) and (day is null or day between ${args.firstDay}::date and ${args.lastDay}::date)`,
      )
      .groupBy(["provider_id", "day"])
      .unionAll(
        db
          .selectFrom("catalogue_version")
          .select([
            sql<string | null>`null::uuid`.as("providerId"),
            sql<string | null>`null::date`.as("day"),
            "n",
            sql<string | null>`null::text`.as("at"),
          ]),
      ),
);

/**
 * Free slots per provider-day, computed once and reused until a change to that provider-day
 * commits (SPEC §6: slot search). What a search may reuse is decided by the database, in the
 * search's own snapshot: every change that can alter a provider's slots (a visit booked,
 * cancelled or moved; time off, a block or extra hours; a template) appends a row to
 * `calendar_changes` by trigger in its own transaction (migration 0037), and a search first
 * reads the count of those changes per provider-day, then reuses an entry only if it was
 * computed under the same count. The count is read before the calendar it is stored with, so
 * an entry is never older than its stamp; changes are never taken away (a fold replaces a
 * provider-day's rows by one standing for as many, calendar-fold.ts), so an equal count means
 * the same committed changes. Every app server keeps its own entries and all of them see every
 * other server's bookings at once: nothing is announced between servers.
 *
 * Entries hold the day's slots with no notice or horizon applied (those depend on the time of
 * the search and on who searches); the search applies them. Booking never uses the cache: it
 * checks the slot against the calendar read in its own transaction.
 */
export class SlotCache {
  readonly #entries = new Map<string, Entry>();
  readonly #maxEntries: number;
  hits = 0;
  misses = 0;

  constructor(options: { maxEntries?: number } = {}) {
    this.#maxEntries = options.maxEntries ?? 4_000;
  }

  /**
   * The stamp of every provider-day in [firstDay, lastDay] (epoch days), and the catalogue's
   * version read in the same statement (catalogue-cache.ts): one round trip.
   */
  async stamps(db: Db, providerIds: readonly string[], firstDay: number, lastDay: number) {
    const dayIso = Array.from({ length: Math.max(0, lastDay - firstDay + 1) }, (_, i) => isoDay(firstDay + i));
    const rows = await stampsQuery(db, { providerIds, firstDay: isoDay(firstDay), lastDay: isoDay(lastDay) });
    const byKey = new Map<string, string>();
    let catalogueVersion = 0;
    for (const row of rows) {
      if (row.providerId === null) catalogueVersion = Number(row.n);
      else byKey.set(`${row.providerId}|${row.day ?? "*"}`, `${row.n}@${row.at}`);
    }
    return {
      catalogueVersion,
      stampOf: (providerId: string, day: number) =>
        `${byKey.get(`${providerId}|${dayIso[day - firstDay] ?? isoDay(day)}`) ?? "0"}/${byKey.get(`${providerId}|*`) ?? "0"}`,
    };
  }

  get(key: string, stamp: string): CachedSlot[] | undefined {
    const entry = this.#entries.get(key);
    if (entry && entry.stamp === stamp) {
      this.hits++;
      return entry.slots;
    }
    this.misses++;
    return undefined;
  }

  set(key: string, stamp: string, slots: CachedSlot[]): void {
    if (this.#entries.has(key)) this.#entries.delete(key);
    else if (this.#entries.size >= this.#maxEntries) {
      // the oldest entry first (a Map keeps insertion order; a reused entry is not moved, which is enough)
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    this.#entries.set(key, { stamp, slots });
  }

  get size(): number {
    return this.#entries.size;
  }

  clear(): void {
    this.#entries.clear();
  }
}
