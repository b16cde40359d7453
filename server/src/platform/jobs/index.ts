export { registerHousekeeping, runHousekeeping } from "./housekeeping.ts";
export {
  type EnqueueOptions,
  HOUSEKEEPING_QUEUE,
  type Job,
  type JobHandler,
  JobQueue,
  type QueuedJob,
  type WorkerHandle,
} from "./job-queue.ts";
export { PermanentJobError, retryDelayMs } from "./retry.ts";
