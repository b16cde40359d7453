import { beforeEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "../../test/database.ts";
import { TestClock } from "../clock.ts";
import { currentContext, runWithContext, systemContext } from "../context.ts";
import { createLogger } from "../logging.ts";
import { inTransaction } from "../transaction.ts";
import { runHousekeeping } from "./housekeeping.ts";
import { type Job, JobQueue } from "./job-queue.ts";
import { PermanentJobError, retryDelayMs } from "./retry.ts";

const logger = createLogger({ logLevel: "silent", env: "test" });

describe("JobQueue", () => {
  const database = useTestDatabase();
  let clock: TestClock;
  let jobs: JobQueue;

  beforeEach(async () => {
    await database.db.deleteFrom("jobs").execute();
    await database.db.deleteFrom("idempotency_keys").execute();
    clock = new TestClock("2026-03-02T14:00:00Z");
    jobs = new JobQueue({ db: database.db, clock, logger });
  });

  const rows = () => database.db.selectFrom("jobs").selectAll().orderBy("id").execute();

  it("enqueues through the caller's transaction: a rolled-back change leaves no job", async () => {
    await expect(
      runWithContext(systemContext("test"), () =>
        inTransaction(database.db, async () => {
          await jobs.enqueue("demo.send", { n: 1 });
          throw new Error("the change failed");
        }),
      ),
    ).rejects.toThrow("the change failed");
    expect(await rows()).toHaveLength(0);

    await runWithContext(systemContext("test"), () =>
      inTransaction(database.db, async () => {
        await jobs.enqueue("demo.send", { n: 2 });
      }),
    );
    const stored = await rows();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ queue: "demo.send", payload: { n: 2 }, status: "pending", attempts: 0 });
  });

  it("adds a job once per dedupe key", async () => {
    await jobs.enqueue("demo.send", { n: 1 }, { dedupeKey: "reminder:a" });
    await jobs.enqueue("demo.send", { n: 2 }, { dedupeKey: "reminder:a" });
    await jobs.enqueue("demo.send", { n: 3 }, { dedupeKey: "reminder:b" });
    expect((await rows()).map((r) => r.payload)).toEqual([{ n: 1 }, { n: 3 }]);
  });

  it("adds several jobs in one statement, each once per dedupe key, in the caller's transaction", async () => {
    await jobs.enqueue("demo.send", { n: 1 }, { dedupeKey: "reminder:a" });
    const later = new Date("2026-03-05T14:00:00Z");
    await jobs.enqueueAll([
      { queue: "demo.send", payload: { n: 2 }, options: { dedupeKey: "reminder:a" } },
      { queue: "demo.remind", payload: { n: 3 }, options: { runAt: later, dedupeKey: "reminder:c" } },
      { queue: "demo.send", payload: { n: 4 }, options: { dedupeKey: "reminder:c" } },
      { queue: "demo.send", payload: { n: 5 } },
    ]);
    expect((await rows()).map((r) => [r.queue, r.payload, r.run_at.toISOString()])).toEqual([
      ["demo.send", { n: 1 }, "2026-03-02T14:00:00.000Z"],
      ["demo.remind", { n: 3 }, "2026-03-05T14:00:00.000Z"],
      ["demo.send", { n: 5 }, "2026-03-02T14:00:00.000Z"],
    ]);
    await expect(
      runWithContext(systemContext("test"), () =>
        inTransaction(database.db, async () => {
          await jobs.enqueueAll([{ queue: "demo.send", payload: { n: 6 } }]);
          throw new Error("the change failed");
        }),
      ),
    ).rejects.toThrow("the change failed");
    expect(await rows()).toHaveLength(3);
    await expect(jobs.enqueueAll([{ queue: "demo.send", payload: {}, options: { maxAttempts: 0 } }])).rejects.toThrow(
      "maxAttempts",
    );
  });

  it("runs due jobs once as the named system actor and marks them done", async () => {
    const seen: { payload: unknown; job: Job; actor: string | undefined }[] = [];
    jobs.register("demo.send", async (payload, job) => {
      seen.push({ payload, job, actor: currentContext().actor.systemName });
    });
    await jobs.enqueue("demo.send", { n: 1 });
    await jobs.enqueue("demo.send", { n: 2 }, { runAt: new Date("2026-03-02T15:00:00Z") });

    expect(await jobs.runDueJobs()).toBe(1);
    expect(seen).toEqual([
      { payload: { n: 1 }, job: expect.objectContaining({ queue: "demo.send", attempt: 1 }), actor: "job:demo.send" },
    ]);
    expect(await jobs.runDueJobs()).toBe(0);

    clock.advance({ hours: 1 });
    expect(await jobs.runDueJobs()).toBe(1);
    const stored = await rows();
    expect(stored.map((r) => r.status)).toEqual(["done", "done"]);
    expect(stored[0]?.finished_at).toEqual(new Date("2026-03-02T14:00:00Z"));
  });

  it("runs a periodic job once a bucket whoever queues it, each run queuing the next", async () => {
    const runs: string[] = [];
    const schedule = jobs.periodic("demo.sweep", 10 * 60_000, async () => {
      runs.push(clock.now().toISOString());
    });
    // every process queues the first run at start: one job per 10-minute bucket
    const other = new JobQueue({ db: database.db, clock, logger });
    const otherSchedule = other.periodic("demo.sweep", 10 * 60_000, async () => {});
    await Promise.all([schedule(), otherSchedule(), schedule(new Date("2026-03-02T14:05:00Z"))]);
    expect((await rows()).map((r) => r.run_at.toISOString())).toEqual(["2026-03-02T14:00:00.000Z"]);

    expect(await jobs.runDueJobs()).toBe(1);
    clock.advance({ minutes: 5 });
    expect(await jobs.runDueJobs()).toBe(0);
    clock.advance({ minutes: 5 });
    expect(await jobs.runDueJobs()).toBe(1);
    expect(runs).toEqual(["2026-03-02T14:00:00.000Z", "2026-03-02T14:10:00.000Z"]);
    expect((await rows()).map((r) => [r.status, r.run_at.toISOString()])).toEqual([
      ["done", "2026-03-02T14:00:00.000Z"],
      ["done", "2026-03-02T14:10:00.000Z"],
      ["pending", "2026-03-02T14:20:00.000Z"],
    ]);
  });

  it("queues a periodic job's next run at the time its next-run rule names", async () => {
    jobs.periodic(
      "demo.digest",
      15 * 60_000,
      async () => {},
      () => new Date("2026-03-02T14:15:00Z"),
    );
    await jobs.enqueue("demo.digest", {}, { dedupeKey: "demo.digest:first" });
    clock.advance({ minutes: 4 });
    expect(await jobs.runDueJobs()).toBe(1);
    expect((await rows()).map((r) => r.run_at.toISOString())).toEqual([
      "2026-03-02T14:00:00.000Z",
      "2026-03-02T14:15:00.000Z",
    ]);
  });

  it("leaves jobs of queues this process has no handler for", async () => {
    jobs.register("demo.send", async () => {});
    await jobs.enqueue("other.queue", {});
    expect(await jobs.runDueJobs()).toBe(0);
    expect((await rows())[0]?.status).toBe("pending");
  });

  it("retries a failing job with growing backoff, then marks it failed without the payload", async () => {
    let calls = 0;
    jobs.register("demo.flaky", async () => {
      calls++;
      const error = new Error("connect ECONNREFUSED 127.0.0.1:25") as Error & { code: string };
      error.code = "ECONNREFUSED";
      throw error;
    });
    await jobs.enqueue("demo.flaky", { email: "patient@example.test" }, { maxAttempts: 3 });

    await jobs.runDueJobs();
    let [job] = await rows();
    expect(job).toMatchObject({ status: "pending", attempts: 1 });
    expect(job?.last_error).toBe("Error ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:25");
    const firstDelay = (job?.run_at.getTime() ?? 0) - clock.now().getTime();
    expect(firstDelay).toBeGreaterThanOrEqual(10_000);
    expect(firstDelay).toBeLessThanOrEqual(12_000);

    clock.advance({ seconds: 9 });
    expect(await jobs.runDueJobs()).toBe(0);
    clock.advance({ seconds: 3 });
    expect(await jobs.runDueJobs()).toBe(1);
    [job] = await rows();
    const secondDelay = (job?.run_at.getTime() ?? 0) - clock.now().getTime();
    expect(secondDelay).toBeGreaterThanOrEqual(20_000);
    expect(secondDelay).toBeLessThanOrEqual(24_000);

    clock.advance({ seconds: 25 });
    await jobs.runDueJobs();
    [job] = await rows();
    expect(calls).toBe(3);
    expect(job).toMatchObject({ status: "failed", attempts: 3 });
    expect(job?.finished_at).toEqual(clock.now());
    expect(job?.last_error).not.toContain("patient@example.test");

    clock.advance({ hours: 2 });
    expect(await jobs.runDueJobs()).toBe(0);
  });

  it("fails a job at once when the handler says retrying cannot help", async () => {
    jobs.register("demo.bad", async () => {
      throw new PermanentJobError("unknown template");
    });
    await jobs.enqueue("demo.bad", {});
    await jobs.runDueJobs();
    expect((await rows())[0]).toMatchObject({
      status: "failed",
      attempts: 1,
      last_error: "PermanentJobError: unknown template",
    });
  });

  it("takes over a job whose worker died once its lease has run out", async () => {
    const runs: number[] = [];
    jobs.register("demo.send", async (_payload, job) => {
      runs.push(job.attempt);
    });
    await jobs.enqueue("demo.send", {});
    // what a process killed while running the job leaves behind
    await database.db
      .updateTable("jobs")
      .set({ status: "running", attempts: 1, locked_until: new Date(clock.now().getTime() + 5 * 60_000) })
      .execute();

    clock.advance({ minutes: 4 });
    expect(await jobs.runDueJobs()).toBe(0);
    clock.advance({ minutes: 2 });
    expect(await jobs.runDueJobs()).toBe(1);
    expect(runs).toEqual([2]);
    expect((await rows())[0]?.status).toBe("done");
  });

  it("marks a job failed when its worker died on its last attempt", async () => {
    jobs.register("demo.send", async () => {});
    await jobs.enqueue("demo.send", {}, { maxAttempts: 1 });
    await database.db.updateTable("jobs").set({ status: "running", attempts: 1, locked_until: clock.now() }).execute();
    clock.advance({ seconds: 1 });
    expect(await jobs.runDueJobs()).toBe(0);
    expect((await rows())[0]).toMatchObject({ status: "failed", last_error: expect.stringContaining("stopped") });
  });

  it("runs each job exactly once when two workers claim at the same time", async () => {
    const runs: unknown[] = [];
    const second = new JobQueue({ db: database.db, clock, logger, batchSize: 3 });
    const handler = async (payload: { n: number }) => {
      runs.push(payload.n);
      await new Promise((r) => setTimeout(r, 5));
    };
    jobs.register("demo.send", handler);
    second.register("demo.send", handler);
    for (let n = 0; n < 40; n++) await jobs.enqueue("demo.send", { n });

    const [a, b] = await Promise.all([jobs.runDueJobs(), second.runDueJobs()]);
    expect(a + b).toBe(40);
    expect(runs.sort((x, y) => (x as number) - (y as number))).toEqual(Array.from({ length: 40 }, (_, n) => n));
    expect((await rows()).every((r) => r.status === "done")).toBe(true);
  });

  it("polls in the background and stops within 1.5 s even when a handler hangs", async () => {
    const done: number[] = [];
    jobs.register("demo.send", async (payload: { n: number }) => {
      done.push(payload.n);
    });
    jobs.register("demo.hang", () => new Promise<void>(() => {}));
    const worker = jobs.startWorker({ pollMs: 20 });
    await jobs.enqueue("demo.send", { n: 1 });
    await expect.poll(() => done, { timeout: 5_000 }).toEqual([1]);

    await jobs.enqueue("demo.hang", {});
    await expect
      .poll(async () => (await rows()).find((r) => r.queue === "demo.hang")?.status, { timeout: 5_000 })
      .toBe("running");
    const started = performance.now();
    await worker.stop();
    expect(performance.now() - started).toBeLessThan(1_800);
    // the hourly clean-up was queued when the worker started
    expect((await rows()).some((r) => r.queue === "platform.housekeeping")).toBe(true);
    // the unfinished job is given back: due now for any worker, its interrupted attempt uncounted
    expect((await rows()).find((r) => r.queue === "demo.hang")).toMatchObject({
      status: "pending",
      attempts: 0,
      locked_until: null,
      run_at: clock.now(),
    });
  });

  it("on stop gives back what is still running, and a handler finishing afterwards marks it done", async () => {
    let finish: () => void = () => {};
    jobs.register("demo.slow", () => new Promise<void>((resolve) => (finish = resolve)));
    await jobs.enqueue("demo.slow", {});
    const worker = jobs.startWorker({ pollMs: 20 });
    await expect.poll(async () => (await rows())[0]?.status, { timeout: 5_000 }).toBe("running");
    await worker.stop({ graceMs: 50 });
    expect((await rows())[0]).toMatchObject({ status: "pending", attempts: 0 });
    finish();
    await expect.poll(async () => (await rows())[0]?.status, { timeout: 5_000 }).toBe("done");

    // another worker took it over first: the late finish leaves that run alone
    await database.db.deleteFrom("jobs").execute();
    await jobs.enqueue("demo.slow", {});
    const again = jobs.startWorker({ pollMs: 20 });
    await expect.poll(async () => (await rows())[0]?.status, { timeout: 5_000 }).toBe("running");
    await again.stop({ graceMs: 50 });
    const other = new JobQueue({ db: database.db, clock, logger });
    let otherFinish: () => void = () => {};
    other.register("demo.slow", () => new Promise<void>((resolve) => (otherFinish = resolve)));
    const otherRun = other.runDueJobs();
    await expect.poll(async () => (await rows())[0]?.status, { timeout: 5_000 }).toBe("running");
    finish();
    await new Promise((r) => setTimeout(r, 100));
    expect((await rows())[0]).toMatchObject({ status: "running", attempts: 1 });
    otherFinish();
    await otherRun;
    expect((await rows())[0]).toMatchObject({ status: "done", attempts: 1 });
  });

  it("cleans up done jobs after 7 days and idempotency keys after 24 hours", async () => {
    jobs.register("demo.send", async () => {});
    await jobs.enqueue("demo.send", { n: "old" });
    await jobs.runDueJobs();
    await database.db
      .insertInto("idempotency_keys")
      .values({ scope: "u1", key: "old", method: "POST", path: "/api/x", request_hash: "h", created_at: clock.now() })
      .execute();

    clock.advance({ days: 6 });
    await jobs.enqueue("demo.send", { n: "new" });
    await jobs.runDueJobs();
    await database.db
      .insertInto("idempotency_keys")
      .values({ scope: "u1", key: "new", method: "POST", path: "/api/x", request_hash: "h", created_at: clock.now() })
      .execute();
    expect(await runHousekeeping(database.db, clock)).toMatchObject({ doneJobs: 0, idempotencyKeys: 1 });

    clock.advance({ days: 2 });
    expect(await runHousekeeping(database.db, clock)).toMatchObject({ doneJobs: 1, idempotencyKeys: 1 });
    expect((await rows()).map((r) => r.payload)).toEqual([{ n: "new" }]);
    expect(await database.db.selectFrom("idempotency_keys").select("key").execute()).toEqual([]);
  });
});

describe("retryDelayMs", () => {
  it("doubles from 10 s, is capped at one hour and adds at most 20% jitter", () => {
    expect([1, 2, 3, 4].map((a) => retryDelayMs(a, () => 0))).toEqual([10_000, 20_000, 40_000, 80_000]);
    expect(retryDelayMs(30, () => 0)).toBe(3_600_000);
    expect(retryDelayMs(1, () => 0.999)).toBeLessThanOrEqual(12_000);
    expect(retryDelayMs(1, () => 0.5)).toBe(11_000);
  });
});
