import type { StaffReplyRequest, StaffThread, UploadedAttachment } from "@portico/contracts";
import type { PatientAccess } from "../../platform/access/patient-access.ts";
import { patientRows } from "../../platform/access/scoped-query.ts";
import { DomainError } from "../../platform/errors.ts";
import { currentDb, inTransaction } from "../../platform/transaction.ts";
import { type AttachmentFile, readAttachment, saveAttachment } from "./attachments.ts";
import { deniedAsMissing } from "./denied.ts";
import { dueFor, poolSummary, readerLocale } from "./routing.ts";
import { lockThread } from "./thread-lock.ts";
import { listItem, patientRef, readMessages } from "./thread-reads.ts";
import { type Db, type MessagingDeps, type Reader, staffSees, type ThreadRow } from "./thread-store.ts";
import { currentWait, endWait, startWait } from "./thread-waits.ts";
import { appendMessage, notifyReply } from "./thread-writes.ts";

/**
 * The staff side (nurses and physicians of the answering pool): one thread with its notes and
 * work item, replies, internal notes, close and reopen, attachments. Each action goes through
 * one check, `authorizeStaffThread`.
 */

/** What a staff member does to a thread, as audited. */
type StaffThreadAction = "read" | "reply" | "update" | "close" | "reopen" | "download" | "upload";

const closedToReplies = () => new DomainError("thread_closed", "This conversation is closed. Reopen it to reply.");

/**
 * The one staff check for a thread: nurse or physician, then a thread the actor may work
 * (see `staffSees`), then the patient check with the pool as the reason. Anything else is
 * 404, audited, exactly like a missing thread. `read` and `download` read; the rest write.
 * A download names the attachment as the audited resource; an upload names no resource yet.
 */
async function authorizeStaffThread(
  d: MessagingDeps,
  threadId: string,
  auditAction: StaffThreadAction,
  attachmentId?: string,
): Promise<{ access: PatientAccess; thread: ThreadRow }> {
  const action = auditAction === "read" || auditAction === "download" ? "read" : "write";
  const actor = await d.access.authorizeStaff(["nurse", "physician"], {
    resourceType: "message_thread",
    action,
  });
  const thread = await currentDb(d.db)
    .selectFrom("message_threads as t")
    .selectAll("t")
    .where("t.id", "=", threadId)
    .where(staffSees(actor))
    .executeTakeFirst();
  if (!thread) {
    const denied = { action, resourceType: "message_thread", resourceId: threadId, reason: "not_in_pool_or_missing" };
    return deniedAsMissing(d.audit, "conversation", denied);
  }
  const onAttachment = auditAction === "download" || auditAction === "upload";
  const access = await d.access.authorizePatient(thread.patient_id, {
    scope: "messages",
    action,
    resourceType: onAttachment ? "message_attachment" : "message_thread",
    ...(auditAction === "upload" ? {} : { resourceId: attachmentId ?? threadId }),
    ...(auditAction === "read" ? {} : { auditAction }),
    reason: { queue: "message_pool", itemId: threadId },
  });
  return { access, thread };
}

export async function getStaffThread(d: MessagingDeps, threadId: string): Promise<StaffThread> {
  const { access } = await authorizeStaffThread(d, threadId, "read");
  return inTransaction(d.db, (trx) => staffView(d, trx, access, threadId));
}

export async function staffReply(d: MessagingDeps, threadId: string, input: StaffReplyRequest): Promise<StaffThread> {
  const { access } = await authorizeStaffThread(d, threadId, "reply");
  return inTransaction(d.db, async (trx) => {
    const rows = patientRows(access, "messages", "write");
    const thread = await lockThread(trx, threadId, rows);
    if (thread.status === "closed") throw closedToReplies();
    if (input.quickReplyId) {
      const quick = await trx
        .selectFrom("message_quick_replies")
        .select("id")
        .where("id", "=", input.quickReplyId)
        .where("pool_id", "=", thread.pool_id)
        .executeTakeFirst();
      if (!quick) {
        throw new DomainError("validation_failed", "That saved reply is not one of this pool's.", [
          { field: "quickReplyId", problem: "not a quick reply of the thread's pool" },
        ]);
      }
    }
    await appendMessage(d, trx, thread.id, rows, {
      kind: "message",
      authorKind: "staff",
      authorUserId: access.actor.userId,
      viaProxyGrantId: null,
      body: input.body,
      attachmentIds: input.attachmentIds ?? [],
      quickReplyId: input.quickReplyId ?? null,
    });
    const now = d.clock.now();
    await endWait(d, trx, thread, "complete");
    await trx
      .updateTable("message_threads")
      .set({ status: "answered", due_at: null, first_response_at: thread.first_response_at ?? now })
      .where("id", "=", thread.id)
      .execute();
    await notifyReply(d, trx, access.patientId);
    return staffView(d, trx, access, thread.id);
  });
}

/** An internal note: staff only, never shown, counted or emailed to the patient's side. */
export async function addNote(d: MessagingDeps, threadId: string, body: string): Promise<StaffThread> {
  const { access } = await authorizeStaffThread(d, threadId, "update");
  return inTransaction(d.db, async (trx) => {
    const rows = patientRows(access, "messages", "write");
    const thread = await lockThread(trx, threadId, rows);
    await appendMessage(d, trx, thread.id, rows, {
      kind: "internal_note",
      authorKind: "staff",
      authorUserId: access.actor.userId,
      viaProxyGrantId: null,
      body,
      attachmentIds: [],
      // a note does not move the thread along: it is not the last message the patient sees
      keepLastMessageAt: true,
    });
    return staffView(d, trx, access, thread.id);
  });
}

export async function closeThread(d: MessagingDeps, threadId: string): Promise<StaffThread> {
  const { access } = await authorizeStaffThread(d, threadId, "close");
  return inTransaction(d.db, async (trx) => {
    const thread = await lockThread(trx, threadId, patientRows(access, "messages", "write"));
    if (thread.status === "closed") throw new DomainError("conflict", "This conversation is already closed.");
    await endWait(d, trx, thread, "cancel");
    await trx
      .updateTable("message_threads")
      .set({ status: "closed", due_at: null, closed_at: d.clock.now(), closed_by: access.actor.userId })
      .where("id", "=", thread.id)
      .execute();
    return staffView(d, trx, access, thread.id);
  });
}

export async function reopenThread(d: MessagingDeps, threadId: string): Promise<StaffThread> {
  const { access } = await authorizeStaffThread(d, threadId, "reopen");
  return inTransaction(d.db, async (trx) => {
    const thread = await lockThread(trx, threadId, patientRows(access, "messages", "write"));
    if (thread.status !== "closed") throw new DomainError("conflict", "This conversation is not closed.");
    const due = await dueFor(trx, thread.pool_id, d.clock.now());
    await trx
      .updateTable("message_threads")
      .set({ closed_at: null, closed_by: null })
      .where("id", "=", thread.id)
      .execute();
    await startWait(d, trx, thread, due, null);
    return staffView(d, trx, access, thread.id);
  });
}

/** A file for a staff reply, uploaded before sending: checked by content, sealed, waiting for the reply. */
export async function staffUpload(d: MessagingDeps, threadId: string, bytes: Buffer): Promise<UploadedAttachment> {
  const { access, thread } = await authorizeStaffThread(d, threadId, "upload");
  if (thread.status === "closed") throw closedToReplies();
  return saveAttachment(d, patientRows(access, "messages", "write"), access.actor.userId, bytes);
}

export async function staffAttachment(
  d: MessagingDeps,
  threadId: string,
  attachmentId: string,
): Promise<AttachmentFile> {
  const { access } = await authorizeStaffThread(d, threadId, "download", attachmentId);
  return readAttachment(d, patientRows(access, "messages"), threadId, attachmentId, true);
}

/** One thread as staff see it: internal notes, its work item, the pool's quick replies; marked read for the reader. */
async function staffView(d: MessagingDeps, trx: Db, access: PatientAccess, threadId: string): Promise<StaffThread> {
  const thread = await trx
    .selectFrom("message_threads as t")
    .selectAll("t")
    .where("t.id", "=", threadId)
    .executeTakeFirstOrThrow();
  const reader: Reader = { userId: access.actor.userId as string, side: "staff" };
  const messages = await readMessages(
    d,
    trx,
    thread,
    reader,
    (a) => `/api/messages/threads/${thread.id}/attachments/${a}`,
    true,
  );
  const item = listItem(d, thread, "", 0, "");
  const provider = thread.provider_id
    ? await trx
        .selectFrom("providers")
        .select(["id", "display_name"])
        .where("id", "=", thread.provider_id)
        .executeTakeFirst()
    : undefined;
  const workItem = await currentWait(d, trx, thread);
  const quickReplies = await trx
    .selectFrom("message_quick_replies")
    .select(["id", "title", "body"])
    .where("pool_id", "=", thread.pool_id)
    .orderBy("title")
    .execute();
  const open = thread.status !== "closed";
  // the same check the booking route makes for this reader (care team or front desk), without the pool's reason
  const canBookAppointment = await d.access.can(thread.patient_id, { scope: "appointments", action: "write" });
  return {
    id: thread.id,
    patient: await patientRef(trx, patientRows(access, "messages")),
    topic: thread.topic,
    subject: item.subject,
    status: thread.status,
    pool: await poolSummary(trx, thread.pool_id, await readerLocale(trx)),
    physician: provider ? { providerId: provider.id, displayName: provider.display_name } : null,
    dueAt: item.dueAt,
    overdue: item.overdue,
    createdAt: item.createdAt,
    closedAt: thread.closed_at?.toISOString() ?? null,
    firstResponseAt: thread.first_response_at?.toISOString() ?? null,
    messages,
    workItem,
    quickReplies,
    abilities: { canReply: open, canAddNote: true, canClose: open, canReopen: !open, canBookAppointment },
  };
}
