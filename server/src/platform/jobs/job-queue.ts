import { sql } from "kysely";
import type { Database } from "../../db/database.ts";
import type { Clock } from "../clock.ts";
import { runWithContext, systemContext } from "../context.ts";
import type { Logger } from "../logging.ts";
import { currentDb } from "../transaction.ts";
import { describeError, PermanentJobError, retryDelayMs } from "./retry.ts";

/** A claimed job as its handler sees it. */
export interface Job {
  id: number;
  queue: string;
  /** this run's number, starting at 1 */
  attempt: number;
  maxAttempts: number;
  runAt: Date;
  createdAt: Date;
}

// biome-ignore lint/suspicious/noExplicitAny: handlers declare their own payload type
export type JobHandler<P = any> = (payload: P, job: Job) => Promise<void>;

/** A job to add: its queue, payload and options, as `enqueue` takes them. */
export interface QueuedJob {
  queue: string;
  payload: object;
  options?: EnqueueOptions;
}

export interface EnqueueOptions {
  /** not before this time (default: now) */
  runAt?: Date;
  /**
   * Makes the enqueue idempotent: a second job with the same key is not added while the first
   * is kept (done jobs are kept 7 days), e.g. `reminder:<appointmentId>:3d`.
   */
  dedupeKey?: string;
  /** attempts before the job is marked failed (default 10) */
  maxAttempts?: number;
}

export interface JobQueueDeps {
  db: Database;
  clock: Clock;
  logger: Logger;
  /** how long a claimed job is held before another worker may take it over (default 5 min) */
  leaseMs?: number;
  /** jobs claimed and run together (default 5) */
  batchSize?: number;
}

export interface WorkerHandle {
  /**
   * Stops claiming, waits up to `graceMs` (default 1.5 s) for the jobs being run, then releases
   * the unfinished ones: they are due again at once for any worker, and the interrupted attempt
   * is not counted against them.
   */
  stop(options?: { graceMs?: number }): Promise<void>;
}

interface JobRow {
  id: number;
  queue: string;
  payload: unknown;
  attempts: number;
  max_attempts: number;
  run_at: Date;
  created_at: Date;
}

export const HOUSEKEEPING_QUEUE = "platform.housekeeping";
const STOP_GRACE_MS = 1_500;
const HOUSEKEEPING_EVERY_MS = 3_600_000;

/**
 * The job queue is a transactional outbox: `enqueue` writes into `jobs` through the caller's
 * open transaction, so a job exists exactly when the change that caused it committed. Workers
 * (any number, in any process) claim due jobs with `FOR UPDATE SKIP LOCKED` and hold them for
 * a lease; a job whose worker died is taken over when the lease runs out. Delivery is
 * at-least-once, so handlers must be idempotent.
 */
export class JobQueue {
  readonly #db: Database;
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #leaseMs: number;
  readonly #batchSize: number;
  readonly #handlers = new Map<string, JobHandler>();
  /** jobs this process has claimed and not yet finished */
  readonly #inFlight = new Map<number, JobRow>();
  /** jobs given back by `releaseUnfinished` whose handler was still running */
  readonly #released = new Set<number>();

  constructor(deps: JobQueueDeps) {
    this.#db = deps.db;
    this.#clock = deps.clock;
    this.#logger = deps.logger;
    this.#leaseMs = deps.leaseMs ?? 5 * 60_000;
    this.#batchSize = deps.batchSize ?? 5;
  }

  async enqueue(queue: string, payload: object, options: EnqueueOptions = {}): Promise<void> {
    await this.enqueueAll([{ queue, payload, options }]);
  }

  /** Several jobs in one statement (one round trip), each as `enqueue` would add it. */
  async enqueueAll(jobs: readonly QueuedJob[]): Promise<void> {
    if (jobs.length === 0) return;
    const now = this.#clock.now();
    const rows = jobs.map(({ queue, payload, options = {} }) => {
      const maxAttempts = options.maxAttempts ?? 10;
      if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new Error("maxAttempts must be a positive integer");
      return {
        queue,
        payload: JSON.stringify(payload),
        run_at: options.runAt ?? now,
        max_attempts: maxAttempts,
        dedupe_key: options.dedupeKey ?? null,
      };
    });
    await currentDb(this.#db)
      .insertInto("jobs")
      .values(rows)
      .onConflict((oc) => oc.column("dedupe_key").doNothing())
      .execute();
  }

  /**
   * A job that repeats every `everyMs`: registers `run` under `queue` and returns the function
   * that queues a run at `at` (default now), which a module's `PeriodicJob.scheduleFirst` calls.
   * A run's dedupe key is its due time's bucket of `everyMs`, so any number of processes may
   * queue it and it still runs once a bucket; each run queues the next, `everyMs` after it ends
   * or, with `nextAt`, at the time that gives from the end (the next boundary of a clock, say).
   */
  periodic(
    queue: string,
    everyMs: number,
    run: () => Promise<unknown>,
    nextAt: (ended: Date) => Date = (ended) => new Date(ended.getTime() + everyMs),
  ): (at?: Date) => Promise<void> {
    const schedule = async (at: Date = this.#clock.now()) => {
      const bucket = Math.floor(at.getTime() / everyMs);
      await this.enqueue(queue, {}, { runAt: at, dedupeKey: `${queue}:${bucket}`, maxAttempts: 3 });
    };
    this.register(queue, async () => {
      await run();
      await schedule(nextAt(this.#clock.now()));
    });
    return schedule;
  }

  register<P>(queue: string, handler: JobHandler<P>): void {
    if (this.#handlers.has(queue)) throw new Error(`a handler for ${queue} is already registered`);
    this.#handlers.set(queue, handler);
  }

  get queues(): string[] {
    return [...this.#handlers.keys()];
  }

  /** Runs every job that is due now (including jobs those jobs enqueue); returns how many ran. */
  async runDueJobs(shouldStop: () => boolean = () => false): Promise<number> {
    let ran = 0;
    while (!shouldStop()) {
      const claimed = await this.#claim();
      if (claimed.length === 0) break;
      for (const row of claimed) this.#inFlight.set(row.id, row);
      if (shouldStop()) {
        // stopped while claiming: give them back untouched
        await this.releaseUnfinished();
        break;
      }
      await Promise.all(claimed.map((row) => this.#run(row)));
      ran += claimed.length;
    }
    return ran;
  }

  /**
   * Gives back every job this process claimed and has not finished: pending, due now, the
   * attempt uncounted (it did not fail; its process is stopping). A handler still running may
   * yet complete; if it does, it marks the job done unless another worker has taken it since.
   * Returns how many were released.
   */
  async releaseUnfinished(): Promise<number> {
    const rows = [...this.#inFlight.values()];
    if (rows.length === 0) return 0;
    const now = this.#clock.now();
    let released = 0;
    for (const row of rows) {
      const result = await this.#db
        .updateTable("jobs")
        .set({ status: "pending", run_at: now, locked_until: null, attempts: row.attempts - 1 })
        .where("id", "=", row.id)
        .where("attempts", "=", row.attempts)
        .where("status", "=", "running")
        .executeTakeFirst();
      this.#inFlight.delete(row.id);
      if (Number(result.numUpdatedRows) > 0) {
        released++;
        this.#released.add(row.id);
      }
    }
    this.#logger.info({ released }, "released unfinished jobs for another worker");
    return released;
  }

  /**
   * Polls for due jobs every `pollMs` until stopped. `stop()` stops claiming, waits for running
   * handlers for up to 1.5 s, then releases the jobs still running (`releaseUnfinished`) so that
   * another worker, or this one after a restart, runs them at once instead of after the lease.
   */
  startWorker(options: { pollMs?: number } = {}): WorkerHandle {
    const pollMs = options.pollMs ?? 1_000;
    let stopping = false;
    let wake: (() => void) | undefined;
    let lastHousekeeping = 0;

    // polls that failed in a row: the database may be briefly unreachable (a restart); keep
    // polling, backing off up to 10 s, and say so when the outage starts and when it ends
    let failures = 0;
    const loop = async () => {
      while (!stopping) {
        try {
          const now = this.#clock.now().getTime();
          if (now - lastHousekeeping >= HOUSEKEEPING_EVERY_MS) {
            await this.scheduleHousekeeping();
            lastHousekeeping = now;
          }
          await this.runDueJobs(() => stopping);
          if (failures > 0) this.#logger.info({ failedPolls: failures }, "job worker polling again");
          failures = 0;
        } catch (error) {
          failures++;
          if (failures === 1 || failures % 10 === 0) {
            this.#logger.warn({ err: describeError(error), failedPolls: failures }, "job worker poll failed; retrying");
          }
        }
        if (stopping) break;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, failures === 0 ? pollMs : Math.min(pollMs * 2 ** (failures - 1), 10_000));
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = undefined;
      }
    };
    const running = loop();

    return {
      stop: async (options) => {
        stopping = true;
        wake?.();
        let timer: NodeJS.Timeout | undefined;
        const grace = new Promise<void>((resolve) => {
          timer = setTimeout(resolve, options?.graceMs ?? STOP_GRACE_MS);
        });
        await Promise.race([running, grace]);
        clearTimeout(timer);
        try {
          await this.releaseUnfinished();
        } catch (error) {
          // the database is unreachable: the lease ends them instead
          this.#logger.warn({ err: describeError(error) }, "could not release unfinished jobs");
        }
      },
    };
  }

  /** Queues the hourly clean-up once per hour across all workers. */
  async scheduleHousekeeping(): Promise<void> {
    const hour = this.#clock.now().toISOString().slice(0, 13);
    await this.enqueue(HOUSEKEEPING_QUEUE, {}, { dedupeKey: `${HOUSEKEEPING_QUEUE}:${hour}`, maxAttempts: 3 });
  }

  async #claim(): Promise<JobRow[]> {
    const queues = this.queues;
    if (queues.length === 0) return [];
    const now = this.#clock.now();
    const leaseUntil = new Date(now.getTime() + this.#leaseMs);
    // A job whose worker died on its last allowed attempt will never finish: fail it.
    const abandoned = await sql<{ id: number; queue: string; attempts: number }>`
      update jobs set status = 'failed', finished_at = ${now}, locked_until = null,
        last_error = coalesce(last_error, 'the worker running it stopped before it finished')
      where status = 'running' and locked_until <= ${now} and attempts >= max_attempts
      returning id, queue, attempts`.execute(this.#db);
    for (const job of abandoned.rows) {
      this.#logger.error(
        {
          jobId: job.id,
          queue: job.queue,
          attempt: job.attempts,
          err: "the worker running it stopped before it finished",
        },
        "job failed permanently",
      );
    }
    const { rows } = await sql<JobRow>`
      update jobs set status = 'running', attempts = attempts + 1, locked_until = ${leaseUntil}
      where id in (
        select id from jobs
        where queue in (${sql.join(queues)})
          and ((status = 'pending' and run_at <= ${now})
            or (status = 'running' and locked_until <= ${now} and attempts < max_attempts))
        order by run_at, id
        limit ${this.#batchSize}
        for update skip locked)
      returning id, queue, payload, attempts, max_attempts, run_at, created_at`.execute(this.#db);
    return rows;
  }

  async #run(row: JobRow): Promise<void> {
    const handler = this.#handlers.get(row.queue) as JobHandler;
    const job: Job = {
      id: row.id,
      queue: row.queue,
      attempt: row.attempts,
      maxAttempts: row.max_attempts,
      runAt: row.run_at,
      createdAt: row.created_at,
    };
    let failure: unknown;
    let succeeded = false;
    try {
      await runWithContext(systemContext(`job:${row.queue}`), () => handler(row.payload, job));
      succeeded = true;
    } catch (error) {
      failure = error;
    } finally {
      // finished: no longer ours to give back on shutdown
      this.#inFlight.delete(row.id);
    }
    if (this.#released.delete(row.id)) {
      // given back while it ran: done if it succeeded and nobody has claimed it since; else its next run decides
      if (succeeded) {
        await this.#db
          .updateTable("jobs")
          .set({ status: "done", finished_at: this.#clock.now(), locked_until: null, last_error: null })
          .where("id", "=", row.id)
          .where("attempts", "=", row.attempts - 1)
          .where("status", "=", "pending")
          .execute();
      }
      return;
    }
    if (!succeeded) {
      await this.#failed(row, failure);
      return;
    }
    // `attempts` fences the update: a worker whose lease ran out must not overwrite a newer run
    await this.#db
      .updateTable("jobs")
      .set({ status: "done", finished_at: this.#clock.now(), locked_until: null, last_error: null })
      .where("id", "=", row.id)
      .where("attempts", "=", row.attempts)
      .where("status", "=", "running")
      .execute();
  }

  async #failed(row: JobRow, error: unknown): Promise<void> {
    const lastError = describeError(error);
    const final = error instanceof PermanentJobError || row.attempts >= row.max_attempts;
    const now = this.#clock.now();
    const log = { jobId: row.id, queue: row.queue, attempt: row.attempts, err: lastError };
    if (final) this.#logger.error(log, "job failed permanently");
    else this.#logger.warn(log, "job failed; will retry");
    await this.#db
      .updateTable("jobs")
      .set(
        final
          ? { status: "failed", finished_at: now, locked_until: null, last_error: lastError }
          : {
              status: "pending",
              run_at: new Date(now.getTime() + retryDelayMs(row.attempts)),
              locked_until: null,
              last_error: lastError,
            },
      )
      .where("id", "=", row.id)
      .where("attempts", "=", row.attempts)
      .where("status", "=", "running")
      .execute();
  }
}
