import type { WorkQueueCounts, WorkQueueName } from "@portico/contracts";
import { queryOptions } from "@tanstack/react-query";
import { api } from "../../lib/api";

export const workQueueKeys = { all: ["work-queue"] as const, counts: () => ["work-queue", "counts"] as const };

/** The queues this clinician works, with their counts, as the server counts them (only what they may see). */
export const workQueueCountsQuery = queryOptions({
  queryKey: workQueueKeys.counts(),
  queryFn: ({ signal }) => api<WorkQueueCounts>("/api/work-queue/counts", { signal }).then((r) => r.queues),
  refetchInterval: 60_000,
});

/** Where each queue is worked (a queue whose page does not exist yet is listed without a link). */
export const QUEUE_PAGES: Partial<Record<WorkQueueName, string>> = {
  refills: "/in-basket/refills",
  messages: "/staff/messages",
  referrals: "/in-basket/referrals",
};
