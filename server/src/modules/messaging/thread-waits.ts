import { randomUUID } from "node:crypto";
import type { WorkItem } from "@portico/contracts";
import { ACTIVE, type Db, MESSAGES_QUEUE, type MessagingDeps, type ThreadRow, WAIT } from "./thread-store.ts";

/** Waits for an answer: each one a work item of the thread's pool on the `messages` queue. */

/** A new wait for an answer: a work item of the thread's pool, due from now. */
export async function startWait(
  d: MessagingDeps,
  trx: Db,
  thread: Pick<ThreadRow, "id" | "patient_id" | "pool_id" | "provider_id">,
  due: Date,
  assigneeUserId: string | null,
): Promise<void> {
  const itemId = await d.workQueue.add({
    queue: MESSAGES_QUEUE,
    patientId: thread.patient_id,
    subject: { type: WAIT, id: randomUUID() },
    providerId: thread.provider_id,
    poolId: thread.pool_id,
    dueAt: due,
    assigneeUserId,
  });
  await trx
    .updateTable("message_threads")
    .set({ status: "waiting", due_at: due, work_item_id: itemId })
    .where("id", "=", thread.id)
    .execute();
}

export async function endWait(d: MessagingDeps, trx: Db, thread: ThreadRow, how: "complete" | "cancel"): Promise<void> {
  if (!thread.work_item_id) return;
  const item = await trx
    .selectFrom("work_items")
    .select(["subject_id", "status"])
    .where("id", "=", thread.work_item_id)
    .executeTakeFirst();
  if (!item || !(ACTIVE as readonly string[]).includes(item.status)) return;
  const subject = { type: WAIT, id: item.subject_id };
  if (how === "complete") await d.workQueue.complete(MESSAGES_QUEUE, subject);
  else await d.workQueue.cancel(MESSAGES_QUEUE, subject);
}

/** The thread's current wait as the work queue shows it, while it is open or claimed. */
export async function currentWait(d: MessagingDeps, trx: Db, thread: ThreadRow): Promise<WorkItem | null> {
  if (!thread.work_item_id) return null;
  const wait = await trx
    .selectFrom("work_items")
    .select("subject_id")
    .where("id", "=", thread.work_item_id)
    .where("status", "in", ACTIVE)
    .executeTakeFirst();
  return wait
    ? ((await d.workQueue.forSubjects(MESSAGES_QUEUE, WAIT, [wait.subject_id])).get(wait.subject_id) ?? null)
    : null;
}
