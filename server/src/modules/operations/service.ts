import {
  OPERATIONS_FIGURES,
  type OperationsFigure,
  type OperationsFigureName,
  type OperationsOverview,
  type OperationsQuery,
} from "@portico/contracts";
import { sql } from "kysely";
import type { Database } from "../../db/database.ts";
import type { AccessService } from "../../platform/access/patient-access.ts";
import type { Clock } from "../../platform/clock.ts";
import { DomainError } from "../../platform/errors.ts";
import type { JobQueue } from "../../platform/jobs/index.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { FIGURES, type FigureFilter, type FigureResult } from "./figures.ts";
import { type RollupRun, runRollup } from "./rollup.ts";

/** the longest range one request may ask for (two years and a day) */
export const MAX_RANGE_DAYS = 731;
const DEFAULT_RANGE_DAYS = 90;
const DAY = 86_400_000;
/** how long third next available is kept: it changes only with bookings, hours and time off */
export const THIRD_NEXT_TTL_MS = 3 * 60_000;
const ROLLUP_QUEUE = "operations.rollup";
const ROLLUP_EVERY_MS = 5 * 60_000;

/**
 * The operations dashboard for administrators: figures over the whole clinic, aggregates only
 * (no patient data: `authorizeStaff("admin")`, never a patient id or name in an answer).
 */
export class OperationsService {
  readonly #d: { db: Database; clock: Clock; access: AccessService; jobs: JobQueue };
  /** third next available per location filter ('' for all), all providers, with when it was computed */
  readonly #thirdNext = new Map<string, { at: Date; result: FigureResult }>();

  constructor(deps: { db: Database; clock: Clock; access: AccessService; jobs: JobQueue }) {
    this.#d = deps;
    deps.jobs.register(ROLLUP_QUEUE, async () => {
      const run = await this.rollUp();
      const next = new Date(this.#d.clock.now().getTime() + (run.remaining ? 1_000 : ROLLUP_EVERY_MS));
      await this.scheduleRollup(next);
    });
  }

  /** Queues the roll-up's next run (deduplicated per time, so every process may call it). */
  async scheduleRollup(at: Date = this.#d.clock.now()): Promise<void> {
    await this.#d.jobs.enqueue(
      ROLLUP_QUEUE,
      {},
      { runAt: at, dedupeKey: `${ROLLUP_QUEUE}:${Math.floor(at.getTime() / 1_000)}`, maxAttempts: 3 },
    );
  }

  /**
   * Rolls up the closed days not yet rolled up or changed since (rollup.ts), then the months
   * whose days are all rolled up. The periodic job runs it every 5 minutes (at once again while
   * days remain); tests call it directly.
   */
  async rollUp(options: { maxDays?: number; settleMs?: number } = {}): Promise<RollupRun> {
    return runRollup(this.#d.db, { timeZone: await this.#timeZone(), now: this.#d.clock.now(), ...options });
  }

  async overview(): Promise<OperationsOverview> {
    await this.#authorize();
    const timeZone = await this.#timeZone();
    const today = localDate(this.#d.clock.now(), timeZone);
    const [locations, providers] = await Promise.all([
      this.#d.db.selectFrom("locations").select(["id", "name"]).where("active", "=", true).orderBy("name").execute(),
      this.#d.db
        .selectFrom("providers")
        .select(["id", "display_name as name"])
        .where("active", "=", true)
        .orderBy("display_name")
        .execute(),
    ]);
    return {
      timeZone,
      from: addDays(today, -(DEFAULT_RANGE_DAYS - 1)),
      to: today,
      figures: [...OPERATIONS_FIGURES],
      locations,
      providers,
    };
  }

  async figure(name: OperationsFigureName, query: OperationsQuery): Promise<OperationsFigure> {
    await this.#authorize();
    const filter = await this.#filter(query);
    // one read transaction per figure: its percentiles sort in memory (no spill to disk at the
    // default work_mem), and the statements, planned as costly over a large range, are not
    // JIT-compiled (compiling took longer than running them)
    const compute = (f: FigureFilter) =>
      inTransaction(this.#d.db, async (trx) => {
        await sql`select set_config('work_mem', '32MB', true), set_config('jit', 'off', true)`.execute(trx);
        return FIGURES[name](trx, f);
      });
    const result =
      name === "third-next-available" ? await this.#thirdNextAvailable(filter, compute) : await compute(filter);
    const { asOf, ...figure } = result;
    return {
      figure: name,
      timeZone: filter.timeZone,
      from: filter.from,
      to: filter.to,
      asOf: (asOf ?? filter.now).toISOString(),
      filters: { locationId: filter.locationId, providerId: filter.providerId },
      ...figure,
    };
  }

  /**
   * Third next available, kept for THIRD_NEXT_TTL_MS per location filter (computed for every
   * provider; the provider filter picks from it): its `asOf` says when it was computed.
   */
  async #thirdNextAvailable(
    filter: FigureFilter,
    compute: (f: FigureFilter) => Promise<FigureResult>,
  ): Promise<FigureResult> {
    const key = filter.locationId ?? "";
    let entry = this.#thirdNext.get(key);
    const age = entry ? filter.now.getTime() - entry.at.getTime() : Number.POSITIVE_INFINITY;
    if (!entry || age < 0 || age >= THIRD_NEXT_TTL_MS) {
      entry = { at: filter.now, result: await compute({ ...filter, providerId: null }) };
      this.#thirdNext.set(key, entry);
    }
    const providerName = filter.providerId;
    const rows = entry.result.rows
      .filter((r) => providerName === null || r.providerId === providerName)
      .map(({ providerId: _, ...r }) => r);
    return { ...entry.result, rows, asOf: entry.at };
  }

  #authorize() {
    return this.#d.access.authorizeStaff("admin", { resourceType: "operations_dashboard", action: "read" });
  }

  /** The clinic's reporting zone: that of its first location (UTC before there is one). */
  async #timeZone(): Promise<string> {
    const row = await this.#d.db
      .selectFrom("locations")
      .select("time_zone")
      .orderBy("created_at")
      .orderBy("id")
      .limit(1)
      .executeTakeFirst();
    return row?.time_zone ?? "UTC";
  }

  /** Checks the filters (400 naming the field) and fills in the defaults. */
  async #filter(query: OperationsQuery): Promise<FigureFilter> {
    const timeZone = await this.#timeZone();
    const now = this.#d.clock.now();
    const today = localDate(now, timeZone);
    const problems: { field: string; problem: string }[] = [];
    for (const field of ["from", "to"] as const) {
      const value = query[field];
      if (value !== undefined && !isRealDate(value)) problems.push({ field, problem: "is not a date (YYYY-MM-DD)" });
    }
    if (problems.length) throw invalid(problems);
    const to = query.to ?? (query.from ? minDate(today, addDays(query.from, DEFAULT_RANGE_DAYS - 1)) : today);
    const from = query.from ?? addDays(to, -(DEFAULT_RANGE_DAYS - 1));
    if (from > to) problems.push({ field: "from", problem: "must not be after to" });
    else if (daysBetween(from, to) + 1 > MAX_RANGE_DAYS) {
      problems.push({ field: "to", problem: `the range may be at most ${MAX_RANGE_DAYS} days` });
    }
    const [location, provider] = await Promise.all([
      query.locationId
        ? this.#d.db.selectFrom("locations").select("id").where("id", "=", query.locationId).executeTakeFirst()
        : null,
      query.providerId
        ? this.#d.db.selectFrom("providers").select("id").where("id", "=", query.providerId).executeTakeFirst()
        : null,
    ]);
    if (query.locationId && !location) problems.push({ field: "locationId", problem: "no such location" });
    if (query.providerId && !provider) problems.push({ field: "providerId", problem: "no such provider" });
    if (problems.length) throw invalid(problems);
    return {
      from,
      to,
      timeZone,
      locationId: query.locationId ?? null,
      providerId: query.providerId ?? null,
      now,
    };
  }
}

function invalid(problems: { field: string; problem: string }[]) {
  return new DomainError("validation_failed", "Some filters are not valid.", problems);
}

/** The local calendar date of an instant in a zone. */
export function localDate(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" })
    .formatToParts(instant)
    .reduce<Record<string, string>>((acc, p) => {
      acc[p.type] = p.value;
      return acc;
    }, {});
  return `${parts.year}-${parts.month}-${parts.day}`;
}

const isRealDate = (iso: string) => {
  const t = Date.parse(`${iso}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) && !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === iso;
};
const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const daysBetween = (a: string, b: string) =>
  Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);
const minDate = (a: string, b: string) => (a < b ? a : b);
