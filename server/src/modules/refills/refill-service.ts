import type {
  ApproveRefillRequest,
  BulkApproveRefillsResult,
  CreateRefillRequest,
  RefillQueue,
  RefillQueueItem,
  RefillQueueQuery,
  RefillRequest,
  RefillRequestList,
} from "@portico/contracts";
import type { Job } from "../../platform/jobs/index.ts";
import { PHARMACY_SEND_QUEUE } from "./pharmacy.ts";
import { deliver } from "./pharmacy-delivery.ts";
import { REFILL_QUEUE, type RefillServiceDeps } from "./refill-items.ts";
import { refillQueue } from "./refill-queue.ts";
import { approveRefill, bulkApproveRefills, denyRefill } from "./refill-queue-decisions.ts";
import { getRefillRequest, listRefillRequests, requestRefills } from "./refill-requests.ts";

export { REFILL_QUEUE, REFILL_SUBJECT, type RefillServiceDeps } from "./refill-items.ts";

/**
 * Refill requests (patients, caregivers), the refill queue (clinicians), pharmacy delivery (job).
 * Each part lives in its own file; this class is what the module and its routes see.
 */
export class RefillService {
  readonly #d: RefillServiceDeps;

  constructor(deps: RefillServiceDeps) {
    this.#d = deps;
    deps.workQueue.define({ name: REFILL_QUEUE, roles: ["nurse", "physician"], responseBusinessDays: 2 });
    deps.jobs.register<{ outboxId: string }>(PHARMACY_SEND_QUEUE, (payload, job) =>
      this.deliver(payload.outboxId, job),
    );
  }

  // ---- patients and caregivers (refill-requests.ts; the protocol's decision: refill-decision.ts) ----

  create(patientId: string, input: CreateRefillRequest): Promise<RefillRequest> {
    return requestRefills(this.#d, patientId, input);
  }

  list(patientId: string): Promise<RefillRequestList> {
    return listRefillRequests(this.#d, patientId);
  }

  get(patientId: string, requestId: string): Promise<RefillRequest> {
    return getRefillRequest(this.#d, patientId, requestId);
  }

  // ---- the clinicians' refill queue (refill-queue.ts, refill-queue-decisions.ts) ----

  queue(query: RefillQueueQuery): Promise<RefillQueue> {
    return refillQueue(this.#d, query);
  }

  approve(itemId: string, input: ApproveRefillRequest): Promise<RefillQueueItem> {
    return approveRefill(this.#d, itemId, input);
  }

  deny(itemId: string, reason: string): Promise<RefillQueueItem> {
    return denyRefill(this.#d, itemId, reason);
  }

  bulkApprove(itemIds: readonly string[]): Promise<BulkApproveRefillsResult> {
    return bulkApproveRefills(this.#d, itemIds);
  }

  // ---- pharmacy delivery (job; pharmacy-delivery.ts) ----

  /** Hands one outbox row to the pharmacy adapter; idempotent (a sent row is not sent again). */
  deliver(outboxId: string, job: Pick<Job, "attempt" | "maxAttempts">): Promise<void> {
    return deliver(this.#d, outboxId, job);
  }
}
