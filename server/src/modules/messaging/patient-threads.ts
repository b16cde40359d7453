import { randomUUID } from "node:crypto";
import type {
  CreateThreadRequest,
  MessageRouting,
  MessageTopic,
  MessageTopicList,
  PatientThread,
  PatientThreadList,
  ReplyRequest,
  UploadedAttachment,
} from "@portico/contracts";
import { MESSAGE_TOPICS } from "@portico/contracts";
import type { PatientAccess } from "../../platform/access/patient-access.ts";
import { patientRows } from "../../platform/access/scoped-query.ts";
import { DomainError, notFound } from "../../platform/errors.ts";
import { currentDb, inTransaction } from "../../platform/transaction.ts";
import { type AttachmentFile, readAttachment, saveAttachment } from "./attachments.ts";
import { dueFor, poolSummary, readerLocale, routeFor, topicRouting } from "./routing.ts";
import { lockThread } from "./thread-lock.ts";
import { listItem, patientRef, previews, readMessages, threadReader } from "./thread-reads.ts";
import { type Db, type MessagingDeps, type Reader, subjectSeal, unreadSql } from "./thread-store.ts";
import { startWait } from "./thread-waits.ts";
import { appendMessage, patientAuthor } from "./thread-writes.ts";

/**
 * The patient side (patients and caregivers, scope `messages`): topics and routing, the list,
 * one thread, starting and answering a conversation, attachments. Every query here filters
 * internal notes out.
 */

/** The patient check for reading the patient's conversations (no one thread named). */
const readAccess = (d: MessagingDeps, patientId: string) =>
  d.access.authorizePatient(patientId, { scope: "messages", action: "read", resourceType: "message_thread" });

const noCareTeamForTopic = () =>
  new DomainError("validation_failed", "Messages about this topic cannot be sent yet.", [
    { field: "topic", problem: "no care team answers this topic yet" },
  ]);

/** The topics that can be sent now, each with who reads it and when to expect an answer. */
export async function patientTopics(d: MessagingDeps, patientId: string): Promise<MessageTopicList> {
  const access = await readAccess(d, patientId);
  const db = currentDb(d.db);
  const locale = await readerLocale(db);
  const rows = patientRows(access, "messages");
  const topics: MessageRouting[] = [];
  for (const topic of MESSAGE_TOPICS) {
    const routing = await topicRouting(d, db, rows, topic, locale);
    if (routing) topics.push(routing);
  }
  return { topics };
}

export async function patientRouting(
  d: MessagingDeps,
  patientId: string,
  topic: MessageTopic,
): Promise<MessageRouting> {
  const access = await readAccess(d, patientId);
  const db = currentDb(d.db);
  const routing = await topicRouting(d, db, patientRows(access, "messages"), topic, await readerLocale(db));
  if (!routing) throw noCareTeamForTopic();
  return routing;
}

export async function listPatientThreads(d: MessagingDeps, patientId: string): Promise<PatientThreadList> {
  const access = await readAccess(d, patientId);
  const db = currentDb(d.db);
  // the patient side's view whoever reads it: internal notes are not counted
  const reader: Reader = { ...threadReader(access), side: "patient" };
  const own = patientRows(access, "messages");
  const rows = await own
    .selectFrom(db, "message_threads", "t")
    .innerJoin("message_pools as p", "p.id", "t.pool_id")
    .selectAll("t")
    .select([
      "p.name as pool_name",
      "p.readers_description",
      "p.readers_description_es",
      unreadSql(reader).as("unread"),
    ])
    .orderBy("t.last_message_at", "desc")
    .limit(500)
    .execute();
  const lastLines = await previews(
    d,
    db,
    rows.map((r) => r.id),
    false,
  );
  const locale = await readerLocale(db);
  const threads = rows.map((r) => {
    const item = listItem(d, r, r.pool_name, Number(r.unread), lastLines.get(r.id) ?? "");
    // patients read who answers in their own language, not the pool's internal name
    const readers = locale === "es" ? r.readers_description_es : r.readers_description;
    return { ...item, pool: { ...item.pool, readersDescription: readers } };
  });
  return {
    patient: await patientRef(db, own),
    threads,
    totalUnread: threads.reduce((sum, t) => sum + t.unreadCount, 0),
    abilities: { canStartThread: await d.access.can(access.patientId, { scope: "messages", action: "write" }) },
  };
}

export async function getPatientThread(d: MessagingDeps, patientId: string, threadId: string): Promise<PatientThread> {
  const access = await d.access.authorizePatient(patientId, {
    scope: "messages",
    action: "read",
    resourceType: "message_thread",
    resourceId: threadId,
  });
  return inTransaction(d.db, (trx) => patientView(d, trx, access, threadId));
}

export async function createThread(
  d: MessagingDeps,
  patientId: string,
  input: CreateThreadRequest,
): Promise<PatientThread> {
  const access = await d.access.authorizePatient(patientId, {
    scope: "messages",
    action: "write",
    resourceType: "message_thread",
    auditAction: "create",
  });
  return inTransaction(d.db, async (trx) => {
    const rows = patientRows(access, "messages", "write");
    const routed = await routeFor(d, trx, rows, input.topic);
    if (!routed) throw noCareTeamForTopic();
    const { route, physicianName } = routed;
    const now = d.clock.now();
    const id = randomUUID();
    const due = await dueFor(trx, route.poolId, now);
    await trx
      .insertInto("message_threads")
      .values(
        rows.stamp({
          id,
          topic: input.topic,
          sealed_subject: d.cipher.seal(input.subject.trim(), subjectSeal(id)),
          pool_id: route.poolId,
          provider_id: route.providerId,
          status: "waiting" as const,
          due_at: due,
          last_message_at: now,
          created_by: access.actor.userId,
          created_at: now,
        }),
      )
      .execute();
    await appendMessage(d, trx, id, rows, {
      kind: "message",
      ...patientAuthor(access),
      body: input.body,
      attachmentIds: input.attachmentIds ?? [],
    });
    await startWait(
      d,
      trx,
      { id, patient_id: rows.patientId, pool_id: route.poolId, provider_id: route.providerId },
      due,
      route.assigneeUserId,
    );
    if (route.coverage) {
      const pool = await poolSummary(trx, route.poolId, "en");
      const name = physicianName ?? "Your physician";
      const when = due.toISOString();
      await appendMessage(d, trx, id, rows, {
        kind: "auto_reply",
        authorKind: "system",
        authorUserId: null,
        viaProxyGrantId: null,
        body:
          route.coverage.reason === "out_of_office"
            ? `${name} is out of the office. Your message went to ${pool.name}, who will answer by ${when}. If this is an emergency, call 911.`
            : `${name} reads messages during office hours. Your message went to ${pool.name}, who will answer by ${when}. If this is an emergency, call 911.`,
        autoReply: { reason: route.coverage.reason, physicianName: name, expectAnswerBy: when, poolName: pool.name },
        attachmentIds: [],
      });
    }
    return patientView(d, trx, access, id);
  });
}

export async function patientReply(
  d: MessagingDeps,
  patientId: string,
  threadId: string,
  input: ReplyRequest,
): Promise<PatientThread> {
  const access = await d.access.authorizePatient(patientId, {
    scope: "messages",
    action: "write",
    resourceType: "message_thread",
    resourceId: threadId,
    auditAction: "reply",
  });
  return inTransaction(d.db, async (trx) => {
    const rows = patientRows(access, "messages", "write");
    const thread = await lockThread(trx, threadId, rows);
    if (thread.status === "closed") {
      throw new DomainError(
        "thread_closed",
        "This conversation is closed. Start a new message if you have another question.",
      );
    }
    await appendMessage(d, trx, thread.id, rows, {
      kind: "message",
      ...patientAuthor(access),
      body: input.body,
      attachmentIds: input.attachmentIds ?? [],
    });
    if (thread.status === "answered") {
      const due = await dueFor(trx, thread.pool_id, d.clock.now());
      await startWait(d, trx, thread, due, null);
    }
    return patientView(d, trx, access, thread.id);
  });
}

/** An attachment uploaded before sending: checked by content, sealed in the file store, waiting for a message. */
export async function patientUpload(d: MessagingDeps, patientId: string, bytes: Buffer): Promise<UploadedAttachment> {
  const access = await d.access.authorizePatient(patientId, {
    scope: "messages",
    action: "write",
    resourceType: "message_attachment",
    auditAction: "upload",
  });
  return saveAttachment(d, patientRows(access, "messages", "write"), access.actor.userId, bytes);
}

export async function patientAttachment(
  d: MessagingDeps,
  patientId: string,
  threadId: string,
  attachmentId: string,
): Promise<AttachmentFile> {
  const access = await d.access.authorizePatient(patientId, {
    scope: "messages",
    action: "read",
    resourceType: "message_attachment",
    resourceId: attachmentId,
    auditAction: "download",
  });
  return readAttachment(d, patientRows(access, "messages"), threadId, attachmentId, false);
}

/** One thread as the patient side sees it (no internal notes), marked read for the reader. */
async function patientView(d: MessagingDeps, trx: Db, access: PatientAccess, threadId: string): Promise<PatientThread> {
  const rows = patientRows(access, "messages");
  const thread = await rows
    .selectFrom(trx, "message_threads", "t")
    .selectAll("t")
    .where("t.id", "=", threadId)
    .executeTakeFirst();
  if (!thread) throw notFound("conversation");
  const reader = threadReader(access);
  const base = `/api/patients/${access.patientId}/messages/threads/${thread.id}/attachments/`;
  const pool = await poolSummary(trx, thread.pool_id, await readerLocale(trx));
  // an automatic reply names who answers as the patient reads it (the pool's description in their language)
  const messages = (await readMessages(d, trx, thread, reader, (a) => `${base}${a}`, false)).map((m) =>
    m.autoReply ? { ...m, autoReply: { ...m.autoReply, poolName: pool.readersDescription } } : m,
  );
  const item = listItem(d, thread, "", 0, "");
  const canWrite = await d.access.can(access.patientId, { scope: "messages", action: "write" });
  const patient = await patientRef(trx, rows);
  return {
    id: thread.id,
    patient: { id: patient.id, displayName: patient.displayName },
    topic: thread.topic,
    subject: item.subject,
    status: thread.status,
    pool,
    dueAt: item.dueAt,
    overdue: item.overdue,
    createdAt: item.createdAt,
    closedAt: thread.closed_at?.toISOString() ?? null,
    messages,
    abilities: {
      canReply: canWrite && thread.status !== "closed",
      canAttach: canWrite && thread.status !== "closed",
    },
  };
}
