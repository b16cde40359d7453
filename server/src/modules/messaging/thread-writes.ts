import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { MessageKindValue } from "../../db/tables/messaging.ts";
import { whoMayBeTold } from "../../platform/access/notice-recipients.ts";
import type { PatientAccess } from "../../platform/access/patient-access.ts";
import type { PatientRows } from "../../platform/access/scoped-query.ts";
import { DomainError } from "../../platform/errors.ts";
import { messageReceived } from "./mail-templates.ts";
import { bodySeal, type Db, type MessagingDeps } from "./thread-store.ts";

/** Writing in a thread (under its lock, thread-lock.ts): who writes, the message itself, the reply email. */

/** Who writes on the patient side: the patient or a caregiver. Staff answer from the staff routes, never as the patient. */
export function patientAuthor(access: PatientAccess) {
  if (access.basis !== "patient" && access.basis !== "proxy") {
    throw new DomainError("forbidden", "Staff answer conversations from the In Basket.");
  }
  return access.basis === "proxy"
    ? { authorKind: "proxy" as const, authorUserId: access.actor.userId, viaProxyGrantId: access.viaProxyGrantId }
    : { authorKind: "patient" as const, authorUserId: access.actor.userId, viaProxyGrantId: null };
}

/**
 * Adds a message: the thread's row lock hands out the next seq (so concurrent writers get
 * 1, 2, 3, … and unread counts stay exact), the body is sealed, attachments uploaded by the
 * author for this patient and not yet sent are attached.
 */
export async function appendMessage(
  d: MessagingDeps,
  trx: Db,
  threadId: string,
  rows: PatientRows,
  m: {
    kind: MessageKindValue;
    authorKind: "patient" | "proxy" | "staff" | "system";
    authorUserId: string | null;
    viaProxyGrantId: string | null;
    body: string;
    attachmentIds: readonly string[];
    autoReply?: object;
    quickReplyId?: string | null;
    keepLastMessageAt?: boolean;
  },
): Promise<{ id: string; seq: number }> {
  const now = d.clock.now();
  const counted = await trx
    .updateTable("message_threads")
    .set(
      m.keepLastMessageAt
        ? { message_count: sql`message_count + 1` }
        : { message_count: sql`message_count + 1`, last_message_at: now },
    )
    .where("id", "=", threadId)
    .returning("message_count")
    .executeTakeFirstOrThrow();
  const id = randomUUID();
  await trx
    .insertInto("messages")
    .values(
      rows.stamp({
        id,
        thread_id: threadId,
        seq: counted.message_count,
        kind: m.kind,
        author_kind: m.authorKind,
        author_user_id: m.authorUserId,
        via_proxy_grant_id: m.viaProxyGrantId,
        sealed_body: d.cipher.seal(m.body, bodySeal(id)),
        auto_reply: m.autoReply ? JSON.stringify(m.autoReply) : null,
        quick_reply_id: m.quickReplyId ?? null,
        created_at: now,
      }),
    )
    .execute();
  if (m.attachmentIds.length > 0) {
    const attached = await rows
      .updateTable(trx, "message_attachments")
      .set({ message_id: id })
      .where("id", "in", [...m.attachmentIds])
      .where("message_id", "is", null)
      .where("uploaded_by", "=", m.authorUserId ?? "00000000-0000-0000-0000-000000000000")
      .returning("id")
      .execute();
    if (attached.length !== m.attachmentIds.length) {
      const found = new Set(attached.map((a) => a.id));
      throw new DomainError("validation_failed", "An attachment could not be found. Please attach the file again.", [
        ...m.attachmentIds
          .map((a, i) => ({ a, i }))
          .filter(({ a }) => !found.has(a))
          .map(({ i }) => ({
            field: `attachmentIds.${i}`,
            problem: "not an attachment you uploaded for this message",
          })),
      ]);
    }
  }
  return { id, seq: counted.message_count };
}

/**
 * The content-free email on a staff reply, in each reader's language: the patient (own
 * address, or login email), and every caregiver whose grant gives `messages` now (a parent of
 * an adolescent never does).
 */
export async function notifyReply(d: MessagingDeps, trx: Db, patientId: string): Promise<void> {
  const recipients = await whoMayBeTold(trx, patientId, {
    scope: "messages",
    now: d.clock.now(),
    ages: d.access.ageBounds,
    caregivers: "all",
  });
  for (const to of recipients) {
    await d.mailer.send({
      to: to.email,
      locale: to.locale,
      template: messageReceived,
      params: { forName: to.forName ?? "", messagesUrl: `/messages?patient=${patientId}` },
    });
  }
}
