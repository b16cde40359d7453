import type { Database } from "../../db/database.ts";
import type { Clock } from "../clock.ts";
import type { Logger } from "../logging.ts";
import { HOUSEKEEPING_QUEUE, type JobQueue } from "./job-queue.ts";

const DAY_MS = 86_400_000;

export interface HousekeepingResult {
  doneJobs: number;
  failedJobs: number;
  idempotencyKeys: number;
  devMail: number;
}

/**
 * Deletes what is only kept for a while: finished jobs after 7 days (failed ones after 30, so
 * that someone can look into them), idempotency keys after 24 hours, dev mailbox after 7 days.
 */
export async function runHousekeeping(db: Database, clock: Clock): Promise<HousekeepingResult> {
  const now = clock.now().getTime();
  const doneJobs = await db
    .deleteFrom("jobs")
    .where("status", "=", "done")
    .where("finished_at", "<", new Date(now - 7 * DAY_MS))
    .executeTakeFirst();
  const failedJobs = await db
    .deleteFrom("jobs")
    .where("status", "=", "failed")
    .where("finished_at", "<", new Date(now - 30 * DAY_MS))
    .executeTakeFirst();
  const idempotencyKeys = await db
    .deleteFrom("idempotency_keys")
    .where("created_at", "<", new Date(now - DAY_MS))
    .executeTakeFirst();
  const devMail = await db
    .deleteFrom("dev_mailbox")
    .where("created_at", "<", new Date(now - 7 * DAY_MS))
    .executeTakeFirst();
  return {
    doneJobs: Number(doneJobs.numDeletedRows),
    failedJobs: Number(failedJobs.numDeletedRows),
    idempotencyKeys: Number(idempotencyKeys.numDeletedRows),
    devMail: Number(devMail.numDeletedRows),
  };
}

export function registerHousekeeping(jobs: JobQueue, db: Database, clock: Clock, logger: Logger): void {
  jobs.register(HOUSEKEEPING_QUEUE, async () => {
    const deleted = await runHousekeeping(db, clock);
    logger.info({ deleted }, "housekeeping done");
  });
}
