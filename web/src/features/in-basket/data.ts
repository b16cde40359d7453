import type { WorkItem, WorkItemAssignees, WorkQueueCounts, WorkQueueName } from "@portico/contracts";
import { type QueryClient, queryOptions } from "@tanstack/react-query";
import { api } from "../../lib/api";

const enc = encodeURIComponent;

export const workQueueKeys = {
  all: ["work-queue"] as const,
  counts: () => ["work-queue", "counts"] as const,
  assignees: (workItemId: string) => ["work-queue", "assignees", workItemId] as const,
};

/** The queues this clinician works, with their counts, as the server counts them (only what they may see). */
export const workQueueCountsQuery = queryOptions({
  queryKey: workQueueKeys.counts(),
  queryFn: ({ signal }) => api<WorkQueueCounts>("/api/work-queue/counts", { signal }).then((r) => r.queues),
  refetchInterval: 60_000,
});

/** The colleagues a work item may be given to, as the server decides (its queue's own visibility rule). */
export const workItemAssigneesQuery = (workItemId: string) =>
  queryOptions({
    queryKey: workQueueKeys.assignees(workItemId),
    queryFn: ({ signal }) => api<WorkItemAssignees>(`/api/work-queue/items/${enc(workItemId)}/assignees`, { signal }),
    staleTime: 0,
  });

/** Gives the item to a colleague; refreshes the counts and every assignee list. */
export async function assignWorkItem(queryClient: QueryClient, workItemId: string, userId: string): Promise<WorkItem> {
  const item = await api<WorkItem>(`/api/work-queue/items/${enc(workItemId)}/assign`, {
    method: "POST",
    body: { userId },
  });
  await queryClient.invalidateQueries({ queryKey: workQueueKeys.all });
  return item;
}

/** Where each queue is worked (a queue whose page does not exist yet is listed without a link). */
export const QUEUE_PAGES: Partial<Record<WorkQueueName, string>> = {
  refills: "/in-basket/refills",
  messages: "/staff/messages",
  referrals: "/in-basket/referrals",
  health_updates: "/in-basket/health",
};
