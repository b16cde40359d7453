import { AssignWorkItemRequest, IdParams, WorkItem, WorkItemAssignees, WorkQueueCounts } from "@portico/contracts";
import type { App } from "../../app.ts";
import type { AccessService } from "../access/patient-access.ts";
import { staffRouteGuard } from "../access/route-guards.ts";
import { currentContext } from "../context.ts";
import { DomainError } from "../errors.ts";
import { ok } from "../route-responses.ts";
import type { WorkQueueService } from "./work-queue.ts";

const tags = ["work-queue"];

/** The In Basket: counts per queue, and claiming, releasing and assigning work items. */
export async function workQueueRoutes(app: App, workQueue: WorkQueueService, access: AccessService): Promise<void> {
  app.get(
    "/api/work-queue/counts",
    {
      schema: {
        tags,
        summary: "Counts per queue the caller works (open, overdue, mine, unassigned), limited to what they may see",
        response: ok(WorkQueueCounts),
      },
    },
    async () => {
      if (currentContext().actor.kind !== "user")
        throw new DomainError("unauthenticated", "Please sign in to continue.");
      return { queues: await workQueue.counts() };
    },
  );
  const roles = ["nurse", "physician"] as const;
  const guard = staffRouteGuard(access, roles, "work_item");
  app.post(
    "/api/work-queue/items/:id/claim",
    {
      preHandler: guard,
      schema: { tags, summary: "Claim a work item", params: IdParams, response: ok(WorkItem) },
    },
    async (request) => workQueue.claim(request.params.id),
  );
  app.post(
    "/api/work-queue/items/:id/release",
    {
      preHandler: guard,
      schema: {
        tags,
        summary: "Give back a work item one has claimed",
        params: IdParams,
        response: ok(WorkItem),
      },
    },
    async (request) => workQueue.release(request.params.id),
  );
  app.get(
    "/api/work-queue/items/:id/assignees",
    {
      preHandler: guard,
      schema: {
        tags,
        summary:
          "The colleagues a work item may be assigned to: active staff who work its queue and may see it (and its patient)",
        params: IdParams,
        response: ok(WorkItemAssignees),
      },
    },
    async (request) => workQueue.assignees(request.params.id),
  );
  app.post(
    "/api/work-queue/items/:id/assign",
    {
      preHandler: guard,
      schema: {
        tags,
        summary: "Assign a work item to a colleague who works the queue",
        params: IdParams,
        body: AssignWorkItemRequest,
        response: ok(WorkItem),
      },
    },
    async (request) => workQueue.assign(request.params.id, request.body.userId),
  );
}
