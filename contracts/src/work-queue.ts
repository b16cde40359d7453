import { type Static, Type } from "typebox";
import { IsoDateTime, Literals, NamedPerson, Nullable, Uuid } from "./common.ts";
import { StaffRole } from "./identity.ts";

/**
 * The shared staff work queue (SPEC §2.10, "In Basket"): every item of staff work — a refill
 * request needing a decision, later a patient's message, a referral, a flagged reading — is a
 * work item in a named queue, claimed or assigned to one person, with a due time.
 */

/** The queues that exist today; more are added as capabilities arrive (messages, referrals, readings). */
export const WorkQueueName = Literals(["refills", "messages", "referrals", "health_updates"], {
  description:
    "refills: refill and renewal requests waiting for a nurse or physician; messages: patients' conversations waiting for an answer from a message pool; referrals: referral requests waiting for the patient's primary care practice; health_updates: readings and questionnaires flagged against the clinic's ranges, waiting for the patient's care team",
});
export type WorkQueueName = Static<typeof WorkQueueName>;

export const WorkItemStatus = Literals(["open", "claimed", "done", "cancelled"]);
export type WorkItemStatus = Static<typeof WorkItemStatus>;

/** What the server allows the caller to do next with this item (the web computes no roles). */
export const WorkItemAbilities = Type.Object({
  canClaim: Type.Boolean(),
  canRelease: Type.Boolean(),
  canAssign: Type.Boolean(),
});
export type WorkItemAbilities = Static<typeof WorkItemAbilities>;

export const WorkItem = Type.Object({
  id: Uuid,
  queue: WorkQueueName,
  /** the patient the work is about, named (the reader is staff, never the patient) */
  patient: NamedPerson,
  /** the record the work is about, e.g. { type: "refill_request_item", id } */
  subject: Type.Object({ type: Type.String(), id: Uuid }),
  status: WorkItemStatus,
  assignee: Type.Union([Type.Object({ userId: Uuid, displayName: Type.String() }), Type.Null()]),
  dueAt: IsoDateTime,
  overdue: Type.Boolean(),
  createdAt: IsoDateTime,
  completedAt: Nullable(IsoDateTime),
  abilities: WorkItemAbilities,
});
export type WorkItem = Static<typeof WorkItem>;

/** The counts of one queue, limited to the items the caller may see. */
export const WorkQueueCount = Type.Object({
  queue: WorkQueueName,
  /** open or claimed */
  open: Type.Integer({ minimum: 0 }),
  /** open or claimed and past its due time */
  overdue: Type.Integer({ minimum: 0 }),
  /** claimed by or assigned to the caller */
  mine: Type.Integer({ minimum: 0 }),
  /** open and nobody's yet */
  unassigned: Type.Integer({ minimum: 0 }),
});
export type WorkQueueCount = Static<typeof WorkQueueCount>;

/** GET /api/work-queue/counts: one entry per queue the caller works (empty for patients and admins). */
export const WorkQueueCounts = Type.Object({ queues: Type.Array(WorkQueueCount) });
export type WorkQueueCounts = Static<typeof WorkQueueCounts>;

/** POST /api/work-queue/items/:id/assign */
export const AssignWorkItemRequest = Type.Object({ userId: Uuid }, { additionalProperties: false });
export type AssignWorkItemRequest = Static<typeof AssignWorkItemRequest>;

/** One colleague a work item may be given to (they work its queue and may see it and its patient). */
export const WorkItemAssignee = Type.Object({
  userId: Uuid,
  displayName: Type.String(),
  /** the roles of theirs that work this queue (nurse, physician) */
  roles: Type.Array(StaffRole),
  /** the item is theirs now */
  current: Type.Boolean(),
});
export type WorkItemAssignee = Static<typeof WorkItemAssignee>;

/**
 * GET /api/work-queue/items/:id/assignees: the item (as the caller sees it) and the colleagues it
 * may be assigned to, by name; the caller is not listed (claiming is how one takes an item).
 */
export const WorkItemAssignees = Type.Object({
  item: WorkItem,
  assignees: Type.Array(WorkItemAssignee),
});
export type WorkItemAssignees = Static<typeof WorkItemAssignees>;
