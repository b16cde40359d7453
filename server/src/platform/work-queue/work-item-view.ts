import type { WorkItem, WorkItemAbilities, WorkItemStatus, WorkQueueName } from "@portico/contracts";
import { sql } from "kysely";
import { currentContext } from "../context.ts";
import type { currentDb } from "../transaction.ts";
import { visibleTo } from "./visibility.ts";

type Db = ReturnType<typeof currentDb>;

export const ACTIVE: readonly WorkItemStatus[] = ["open", "claimed"];

export type ItemRow = {
  id: string;
  queue: string;
  patient_id: string;
  patient_name: string;
  subject_type: string;
  subject_id: string;
  status: WorkItemStatus;
  assignee_user_id: string | null;
  assignee_name: string | null;
  due_at: Date;
  created_at: Date;
  completed_at: Date | null;
  provider_id: string | null;
  pool_id: string | null;
};

/** Work items the signed-in actor may see, with what a queue page shows of each. */
export function workItemQuery(db: Db) {
  const actor = currentContext().actor;
  return db
    .selectFrom("work_items as w")
    .innerJoin("patients as p", "p.id", "w.patient_id")
    .leftJoin("users as a", "a.id", "w.assignee_user_id")
    .where(visibleTo(actor, "w"))
    .select([
      "w.id",
      "w.queue",
      "w.patient_id",
      sql<string>`coalesce(p.preferred_name, p.legal_given_name) || ' ' || p.legal_family_name`.as("patient_name"),
      "w.subject_type",
      "w.subject_id",
      "w.status",
      "w.assignee_user_id",
      "a.display_name as assignee_name",
      "w.due_at",
      "w.created_at",
      "w.completed_at",
      "w.provider_id",
      "w.pool_id",
    ]);
}

/** A work item as the signed-in actor sees it, with what they may do next. */
export function presentWorkItem(row: ItemRow, now: Date): WorkItem {
  const actor = currentContext().actor;
  const active = ACTIVE.includes(row.status);
  const abilities: WorkItemAbilities = {
    canClaim: active && row.assignee_user_id !== actor.userId,
    canRelease: row.status === "claimed" && row.assignee_user_id === actor.userId,
    canAssign: active,
  };
  return {
    id: row.id,
    queue: row.queue as WorkQueueName,
    patient: { id: row.patient_id, displayName: row.patient_name },
    subject: { type: row.subject_type, id: row.subject_id },
    status: row.status,
    assignee:
      row.assignee_user_id && row.assignee_name
        ? { userId: row.assignee_user_id, displayName: row.assignee_name }
        : null,
    dueAt: row.due_at.toISOString(),
    overdue: active && row.due_at.getTime() < now.getTime(),
    createdAt: row.created_at.toISOString(),
    completedAt: row.completed_at ? row.completed_at.toISOString() : null,
    abilities,
  };
}
