import { randomUUID } from "node:crypto";
import type {
  CreateThreadRequest,
  Inbox,
  InboxQuery,
  MessageRouting,
  MessageTopic,
  MessageTopicList,
  PatientThread,
  PatientThreadList,
  ReplyRequest,
  StaffReplyRequest,
  StaffThread,
  UploadedAttachment,
  WorkItem,
} from "@portico/contracts";
import { MESSAGE_TOPICS } from "@portico/contracts";
import type { PatientAccess } from "../../platform/access/patient-access.ts";
import { patientRows } from "../../platform/access/scoped-query.ts";
import { DomainError, notFound } from "../../platform/errors.ts";
import { currentDb, inTransaction } from "../../platform/transaction.ts";
import { MessageDigests } from "./digest.ts";
import { StaffInbox } from "./inbox.ts";
import {
  ACTIVE,
  type Db,
  DIGEST_EVERY_MS,
  DIGEST_QUEUE,
  MESSAGES_QUEUE,
  type MessagingDeps,
  type Reader,
  staffSees,
  subjectSeal,
  type ThreadRow,
  ThreadStore,
  unreadSql,
  WAIT,
} from "./thread-store.ts";

export { DIGEST_QUEUE, MESSAGES_QUEUE, sealedMessageColumns } from "./thread-store.ts";

/**
 * Secure messaging (SPEC §2.5): patients and caregivers start and answer conversations; staff
 * of the answering pool reply, write internal notes, close and reopen; waits for an answer are
 * work items of the shared queue. Patient routes never read internal notes (every query for
 * the patient side filters them out).
 */
/** What a staff member does to a thread, as audited. */
type StaffThreadAction = "read" | "reply" | "update" | "close" | "reopen" | "download" | "upload";

export class MessagingService {
  readonly #d: MessagingDeps;
  readonly #s: ThreadStore;
  readonly #inbox: StaffInbox;
  readonly #digests: MessageDigests;

  constructor(deps: MessagingDeps) {
    this.#d = deps;
    this.#s = new ThreadStore(deps);
    this.#inbox = new StaffInbox(deps, this.#s);
    this.#digests = new MessageDigests(deps);
    deps.workQueue.define({ name: MESSAGES_QUEUE, roles: ["nurse", "physician"], responseBusinessDays: 1 });
    deps.jobs.register(DIGEST_QUEUE, async () => {
      await this.#digests.sendDigests();
      const next = Math.floor(this.#d.clock.now().getTime() / DIGEST_EVERY_MS + 1) * DIGEST_EVERY_MS;
      await this.#digests.scheduleDigests(new Date(next));
    });
  }

  /** When a wait starting `from` is due: the pool's target in its location's business hours. */
  dueFor(db: Db, poolId: string, from: Date): Promise<Date> {
    return this.#s.dueFor(db, poolId, from);
  }

  /** The staff inbox (see `StaffInbox`). */
  inbox(query: InboxQuery): Promise<Inbox> {
    return this.#inbox.inbox(query);
  }

  /** Queues the digest sweep at `at` (see `MessageDigests`). */
  scheduleDigests(at?: Date): Promise<void> {
    return this.#digests.scheduleDigests(at);
  }

  /** Sends the digests that are due now (see `MessageDigests`). */
  sendDigests(): Promise<number> {
    return this.#digests.sendDigests();
  }

  // ---- patient side ----

  /** The topics that can be sent now, each with who reads it and when to expect an answer. */
  async topics(patientId: string): Promise<MessageTopicList> {
    const access = await this.#d.access.authorizePatient(patientId, {
      scope: "messages",
      action: "read",
      resourceType: "message_thread",
    });
    const db = currentDb(this.#d.db);
    const locale = await this.#s.readerLocale(db);
    const rows = patientRows(access, "messages");
    const topics: MessageRouting[] = [];
    for (const topic of MESSAGE_TOPICS) {
      const routing = await this.#s.routing(db, rows, topic, locale);
      if (routing) topics.push(routing);
    }
    return { topics };
  }

  async routing(patientId: string, topic: MessageTopic): Promise<MessageRouting> {
    const access = await this.#d.access.authorizePatient(patientId, {
      scope: "messages",
      action: "read",
      resourceType: "message_thread",
    });
    const db = currentDb(this.#d.db);
    const routing = await this.#s.routing(db, patientRows(access, "messages"), topic, await this.#s.readerLocale(db));
    if (!routing) {
      throw new DomainError("validation_failed", "Messages about this topic cannot be sent yet.", [
        { field: "topic", problem: "no care team answers this topic yet" },
      ]);
    }
    return routing;
  }

  async list(patientId: string): Promise<PatientThreadList> {
    const access = await this.#d.access.authorizePatient(patientId, {
      scope: "messages",
      action: "read",
      resourceType: "message_thread",
    });
    const db = currentDb(this.#d.db);
    // the patient side's view whoever reads it: internal notes are not counted
    const reader: Reader = { ...this.#s.reader(access), side: "patient" };
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
    const previews = await this.#s.previews(
      db,
      rows.map((r) => r.id),
      false,
    );
    const locale = await this.#s.readerLocale(db);
    const threads = rows.map((r) => {
      const item = this.#s.listItem(r, r.pool_name, Number(r.unread), previews.get(r.id) ?? "");
      // patients read who answers in their own language, not the pool's internal name
      const readers = locale === "es" ? r.readers_description_es : r.readers_description;
      return { ...item, pool: { ...item.pool, readersDescription: readers } };
    });
    return {
      patient: await this.#s.patientRef(db, own),
      threads,
      totalUnread: threads.reduce((sum, t) => sum + t.unreadCount, 0),
      abilities: { canStartThread: await this.#d.access.can(access.patientId, { scope: "messages", action: "write" }) },
    };
  }

  async get(patientId: string, threadId: string): Promise<PatientThread> {
    const access = await this.#d.access.authorizePatient(patientId, {
      scope: "messages",
      action: "read",
      resourceType: "message_thread",
      resourceId: threadId,
    });
    return inTransaction(this.#d.db, (trx) => this.#patientView(trx, access, threadId));
  }

  async create(patientId: string, input: CreateThreadRequest): Promise<PatientThread> {
    const access = await this.#d.access.authorizePatient(patientId, {
      scope: "messages",
      action: "write",
      resourceType: "message_thread",
      auditAction: "create",
    });
    return inTransaction(this.#d.db, async (trx) => {
      const rows = patientRows(access, "messages", "write");
      const routed = await this.#s.route(trx, rows, input.topic);
      if (!routed) {
        throw new DomainError("validation_failed", "Messages about this topic cannot be sent yet.", [
          { field: "topic", problem: "no care team answers this topic yet" },
        ]);
      }
      const { route, physicianName } = routed;
      const now = this.#d.clock.now();
      const id = randomUUID();
      const due = await this.#s.dueFor(trx, route.poolId, now);
      await trx
        .insertInto("message_threads")
        .values(
          rows.stamp({
            id,
            topic: input.topic,
            sealed_subject: this.#d.cipher.seal(input.subject.trim(), subjectSeal(id)),
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
      await this.#s.append(trx, id, rows, {
        kind: "message",
        ...this.#s.patientAuthor(access),
        body: input.body,
        attachmentIds: input.attachmentIds ?? [],
      });
      await this.#s.startWait(
        trx,
        { id, patient_id: rows.patientId, pool_id: route.poolId, provider_id: route.providerId },
        due,
        route.assigneeUserId,
      );
      if (route.coverage) {
        const pool = await this.#s.poolSummary(trx, route.poolId, "en");
        const name = physicianName ?? "Your physician";
        const when = due.toISOString();
        await this.#s.append(trx, id, rows, {
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
      return this.#patientView(trx, access, id);
    });
  }

  async reply(patientId: string, threadId: string, input: ReplyRequest): Promise<PatientThread> {
    const access = await this.#d.access.authorizePatient(patientId, {
      scope: "messages",
      action: "write",
      resourceType: "message_thread",
      resourceId: threadId,
      auditAction: "reply",
    });
    return inTransaction(this.#d.db, async (trx) => {
      const rows = patientRows(access, "messages", "write");
      const thread = await this.#s.lockThread(trx, threadId, rows);
      if (thread.status === "closed") {
        throw new DomainError(
          "thread_closed",
          "This conversation is closed. Start a new message if you have another question.",
        );
      }
      await this.#s.append(trx, thread.id, rows, {
        kind: "message",
        ...this.#s.patientAuthor(access),
        body: input.body,
        attachmentIds: input.attachmentIds ?? [],
      });
      if (thread.status === "answered") {
        const due = await this.#s.dueFor(trx, thread.pool_id, this.#d.clock.now());
        await this.#s.startWait(trx, thread, due, null);
      }
      return this.#patientView(trx, access, thread.id);
    });
  }

  /** An attachment uploaded before sending: checked by content, sealed in the file store, waiting for a message. */
  async upload(patientId: string, bytes: Buffer): Promise<UploadedAttachment> {
    const access = await this.#d.access.authorizePatient(patientId, {
      scope: "messages",
      action: "write",
      resourceType: "message_attachment",
      auditAction: "upload",
    });
    return this.#s.saveAttachment(patientRows(access, "messages", "write"), access.actor.userId, bytes);
  }

  async patientAttachment(
    patientId: string,
    threadId: string,
    attachmentId: string,
  ): Promise<{ bytes: Buffer; contentType: string; fileName: string }> {
    const access = await this.#d.access.authorizePatient(patientId, {
      scope: "messages",
      action: "read",
      resourceType: "message_attachment",
      resourceId: attachmentId,
      auditAction: "download",
    });
    return this.#s.attachment(patientRows(access, "messages"), threadId, attachmentId, false);
  }

  // ---- staff side ----

  /**
   * The one staff check for a thread: nurse or physician, then a thread the actor may work
   * (see `staffSees`), then the patient check with the pool as the reason. Anything else is
   * 404, audited, exactly like a missing thread. `read` and `download` read; the rest write.
   * A download names the attachment as the audited resource; an upload names no resource yet.
   */
  async #authorizeStaffThread(
    threadId: string,
    auditAction: StaffThreadAction,
    attachmentId?: string,
  ): Promise<{ access: PatientAccess; thread: ThreadRow }> {
    const action = auditAction === "read" || auditAction === "download" ? "read" : "write";
    const actor = await this.#d.access.authorizeStaff(["nurse", "physician"], {
      resourceType: "message_thread",
      action,
    });
    const thread = await currentDb(this.#d.db)
      .selectFrom("message_threads as t")
      .selectAll("t")
      .where("t.id", "=", threadId)
      .where(staffSees(actor))
      .executeTakeFirst();
    if (!thread) {
      await this.#d.audit.recordIndependent({
        action,
        resourceType: "message_thread",
        resourceId: threadId,
        outcome: "denied",
        details: { reason: "not_in_pool_or_missing" },
      });
      throw notFound("conversation");
    }
    const onAttachment = auditAction === "download" || auditAction === "upload";
    const access = await this.#d.access.authorizePatient(thread.patient_id, {
      scope: "messages",
      action,
      resourceType: onAttachment ? "message_attachment" : "message_thread",
      ...(auditAction === "upload" ? {} : { resourceId: attachmentId ?? threadId }),
      ...(auditAction === "read" ? {} : { auditAction }),
      reason: { queue: "message_pool", itemId: threadId },
    });
    return { access, thread };
  }

  async staffGet(threadId: string): Promise<StaffThread> {
    const { access } = await this.#authorizeStaffThread(threadId, "read");
    return inTransaction(this.#d.db, (trx) => this.#staffView(trx, access, threadId));
  }

  async staffReply(threadId: string, input: StaffReplyRequest): Promise<StaffThread> {
    const { access } = await this.#authorizeStaffThread(threadId, "reply");
    return inTransaction(this.#d.db, async (trx) => {
      const rows = patientRows(access, "messages", "write");
      const thread = await this.#s.lockThread(trx, threadId, rows);
      if (thread.status === "closed") {
        throw new DomainError("thread_closed", "This conversation is closed. Reopen it to reply.");
      }
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
      await this.#s.append(trx, thread.id, rows, {
        kind: "message",
        authorKind: "staff",
        authorUserId: access.actor.userId,
        viaProxyGrantId: null,
        body: input.body,
        attachmentIds: input.attachmentIds ?? [],
        quickReplyId: input.quickReplyId ?? null,
      });
      const now = this.#d.clock.now();
      await this.#s.endWait(trx, thread, "complete");
      await trx
        .updateTable("message_threads")
        .set({ status: "answered", due_at: null, first_response_at: thread.first_response_at ?? now })
        .where("id", "=", thread.id)
        .execute();
      await this.#s.notifyReply(trx, access.patientId);
      return this.#staffView(trx, access, thread.id);
    });
  }

  /** An internal note: staff only, never shown, counted or emailed to the patient's side. */
  async addNote(threadId: string, body: string): Promise<StaffThread> {
    const { access } = await this.#authorizeStaffThread(threadId, "update");
    return inTransaction(this.#d.db, async (trx) => {
      const rows = patientRows(access, "messages", "write");
      const thread = await this.#s.lockThread(trx, threadId, rows);
      await this.#s.append(trx, thread.id, rows, {
        kind: "internal_note",
        authorKind: "staff",
        authorUserId: access.actor.userId,
        viaProxyGrantId: null,
        body,
        attachmentIds: [],
        // a note does not move the thread along: it is not the last message the patient sees
        keepLastMessageAt: true,
      });
      return this.#staffView(trx, access, thread.id);
    });
  }

  async close(threadId: string): Promise<StaffThread> {
    const { access } = await this.#authorizeStaffThread(threadId, "close");
    return inTransaction(this.#d.db, async (trx) => {
      const thread = await this.#s.lockThread(trx, threadId, patientRows(access, "messages", "write"));
      if (thread.status === "closed") throw new DomainError("conflict", "This conversation is already closed.");
      await this.#s.endWait(trx, thread, "cancel");
      await trx
        .updateTable("message_threads")
        .set({ status: "closed", due_at: null, closed_at: this.#d.clock.now(), closed_by: access.actor.userId })
        .where("id", "=", thread.id)
        .execute();
      return this.#staffView(trx, access, thread.id);
    });
  }

  async reopen(threadId: string): Promise<StaffThread> {
    const { access } = await this.#authorizeStaffThread(threadId, "reopen");
    return inTransaction(this.#d.db, async (trx) => {
      const thread = await this.#s.lockThread(trx, threadId, patientRows(access, "messages", "write"));
      if (thread.status !== "closed") throw new DomainError("conflict", "This conversation is not closed.");
      const due = await this.#s.dueFor(trx, thread.pool_id, this.#d.clock.now());
      await trx
        .updateTable("message_threads")
        .set({ closed_at: null, closed_by: null })
        .where("id", "=", thread.id)
        .execute();
      await this.#s.startWait(trx, thread, due, null);
      return this.#staffView(trx, access, thread.id);
    });
  }

  /** A file for a staff reply, uploaded before sending: checked by content, sealed, waiting for the reply. */
  async staffUpload(threadId: string, bytes: Buffer): Promise<UploadedAttachment> {
    const { access, thread } = await this.#authorizeStaffThread(threadId, "upload");
    if (thread.status === "closed") {
      throw new DomainError("thread_closed", "This conversation is closed. Reopen it to reply.");
    }
    return this.#s.saveAttachment(patientRows(access, "messages", "write"), access.actor.userId, bytes);
  }

  async staffAttachment(
    threadId: string,
    attachmentId: string,
  ): Promise<{ bytes: Buffer; contentType: string; fileName: string }> {
    const { access } = await this.#authorizeStaffThread(threadId, "download", attachmentId);
    return this.#s.attachment(patientRows(access, "messages"), threadId, attachmentId, true);
  }

  async #patientView(trx: Db, access: PatientAccess, threadId: string): Promise<PatientThread> {
    const rows = patientRows(access, "messages");
    const thread = await rows
      .selectFrom(trx, "message_threads", "t")
      .selectAll("t")
      .where("t.id", "=", threadId)
      .executeTakeFirst();
    if (!thread) throw notFound("conversation");
    const reader = this.#s.reader(access);
    const base = `/api/patients/${access.patientId}/messages/threads/${thread.id}/attachments/`;
    const pool = await this.#s.poolSummary(trx, thread.pool_id, await this.#s.readerLocale(trx));
    // an automatic reply names who answers as the patient reads it (the pool's description in their language)
    const messages = (await this.#s.messages(trx, thread, reader, (a) => `${base}${a}`, false)).map((m) =>
      m.autoReply ? { ...m, autoReply: { ...m.autoReply, poolName: pool.readersDescription } } : m,
    );
    const item = this.#s.listItem(thread, "", 0, "");
    const canWrite = await this.#d.access.can(access.patientId, { scope: "messages", action: "write" });
    const patient = await this.#s.patientRef(trx, rows);
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

  async #staffView(trx: Db, access: PatientAccess, threadId: string): Promise<StaffThread> {
    const thread = await trx
      .selectFrom("message_threads as t")
      .selectAll("t")
      .where("t.id", "=", threadId)
      .executeTakeFirstOrThrow();
    const reader: Reader = { userId: access.actor.userId as string, side: "staff" };
    const messages = await this.#s.messages(
      trx,
      thread,
      reader,
      (a) => `/api/messages/threads/${thread.id}/attachments/${a}`,
      true,
    );
    const item = this.#s.listItem(thread, "", 0, "");
    const provider = thread.provider_id
      ? await trx
          .selectFrom("providers")
          .select(["id", "display_name"])
          .where("id", "=", thread.provider_id)
          .executeTakeFirst()
      : undefined;
    let workItem: WorkItem | null = null;
    if (thread.work_item_id) {
      const wait = await trx
        .selectFrom("work_items")
        .select("subject_id")
        .where("id", "=", thread.work_item_id)
        .where("status", "in", ACTIVE)
        .executeTakeFirst();
      if (wait)
        workItem =
          (await this.#d.workQueue.forSubjects(MESSAGES_QUEUE, WAIT, [wait.subject_id])).get(wait.subject_id) ?? null;
    }
    const quickReplies = await trx
      .selectFrom("message_quick_replies")
      .select(["id", "title", "body"])
      .where("pool_id", "=", thread.pool_id)
      .orderBy("title")
      .execute();
    const open = thread.status !== "closed";
    // the same check the booking route makes for this reader (care team or front desk), without the pool's reason
    const canBookAppointment = await this.#d.access.can(thread.patient_id, { scope: "appointments", action: "write" });
    return {
      id: thread.id,
      patient: await this.#s.patientRef(trx, patientRows(access, "messages")),
      topic: thread.topic,
      subject: item.subject,
      status: thread.status,
      pool: await this.#s.poolSummary(trx, thread.pool_id, await this.#s.readerLocale(trx)),
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
}
