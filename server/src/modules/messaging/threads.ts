import { randomUUID } from "node:crypto";
import type {
  CreateThreadRequest,
  Inbox,
  InboxQuery,
  MessageAttachment,
  MessageRouting,
  MessageTopic,
  MessageTopicList,
  PatientThread,
  PatientThreadList,
  PoolCount,
  PoolSummary,
  ReplyRequest,
  StaffReplyRequest,
  StaffThread,
  StaffThreadListItem,
  ThreadListItem,
  ThreadMessage,
  UploadedAttachment,
  WorkItem,
} from "@portico/contracts";
import { MESSAGE_TOPICS } from "@portico/contracts";
import { type Expression, type SqlBool, sql, type Transaction } from "kysely";
import type { Database } from "../../db/database.ts";
import type { DB } from "../../db/schema.ts";
import type { MessageKindValue, ThreadStatusValue } from "../../db/tables/messaging.ts";
import type { StaffRole } from "../../db/tables/people.ts";
import { whoMayBeTold } from "../../platform/access/notice-recipients.ts";
import type { AccessService, PatientAccess } from "../../platform/access/patient-access.ts";
import type { AuditLog } from "../../platform/audit/audit-log.ts";
import type { Clock } from "../../platform/clock.ts";
import { type Actor, currentContext, runWithContext, systemContext } from "../../platform/context.ts";
import type { FieldCipher } from "../../platform/crypto.ts";
import type { SealedColumn } from "../../platform/crypto-rotation.ts";
import { DomainError, notFound } from "../../platform/errors.ts";
import type { FileStore } from "../../platform/files/index.ts";
import type { JobQueue } from "../../platform/jobs/index.ts";
import type { Mailer } from "../../platform/mail/mailer.ts";
import type { MailLocale } from "../../platform/mail/templates.ts";
import { currentDb, inTransaction } from "../../platform/transaction.ts";
import { visibleTo, type WorkQueueService } from "../../platform/work-queue/work-queue.ts";
import {
  addBusinessHours,
  type BusinessCalendar,
  latestDigestSlot,
  type OfficeHoursFacts,
  type Route,
  routeThread,
  type WeeklyInterval,
} from "./business-hours.ts";
import { messageDigest, messageReceived } from "./mail-templates.ts";

type Db = Transaction<DB> | Database;

export const MESSAGES_QUEUE = "messages" as const;
/** each wait for an answer is one work item; its subject is the wait (a thread may wait many times) */
const WAIT = "message_wait";
export const DIGEST_QUEUE = "messages.digest";
const DIGEST_EVERY_MS = 15 * 60_000;
const ACTIVE = ["open", "claimed"] as const;

const subjectSeal = (id: string) => `message_thread:${id}`;
const bodySeal = (id: string) => `message:${id}`;

/** Thread subjects and message bodies, sealed per row: registered for key rotation by the module manifest. */
export const sealedMessageColumns: readonly SealedColumn[] = [
  { table: "message_threads", idColumn: "id", column: "sealed_subject", associatedData: subjectSeal },
  { table: "messages", idColumn: "id", column: "sealed_body", associatedData: bodySeal },
];

const asLocale = (value: string | null | undefined): MailLocale => (value === "es" ? "es" : "en");
const patientName = sql<string>`coalesce(pt.preferred_name, pt.legal_given_name) || ' ' || pt.legal_family_name`;
const PREVIEW = 120;
const preview = (text: string) => {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > PREVIEW ? `${flat.slice(0, PREVIEW - 1)}…` : flat;
};

export interface MessagingDeps {
  db: Database;
  clock: Clock;
  cipher: FieldCipher;
  access: AccessService;
  audit: AuditLog;
  files: FileStore;
  mailer: Mailer;
  jobs: JobQueue;
  workQueue: WorkQueueService;
}

interface ThreadRow {
  id: string;
  patient_id: string;
  topic: MessageTopic;
  sealed_subject: string;
  pool_id: string;
  provider_id: string | null;
  status: ThreadStatusValue;
  work_item_id: string | null;
  due_at: Date | null;
  created_at: Date;
  closed_at: Date | null;
  first_response_at: Date | null;
  last_message_at: Date;
}

interface Reader {
  userId: string;
  side: "patient" | "staff";
}

/** The SQL condition "a staff actor may work thread `t`": a member of its pool, the assignee of its wait, or its physician. */
function staffSees(actor: Actor): Expression<SqlBool> {
  if (actor.kind !== "user" || !actor.userId) return sql<SqlBool>`false`;
  const conditions = [
    sql<SqlBool>`t.pool_id in (select sv_pm.pool_id from message_pool_members sv_pm where sv_pm.user_id = ${actor.userId})`,
    sql<SqlBool>`exists (select 1 from work_items sv_w where sv_w.id = t.work_item_id and sv_w.status in ('open', 'claimed') and sv_w.assignee_user_id = ${actor.userId})`,
  ];
  if (actor.roles.includes("physician") && actor.providerId) {
    conditions.push(sql<SqlBool>`t.provider_id = ${actor.providerId}`);
  }
  return sql<SqlBool>`(${sql.join(conditions, sql` or `)})`;
}

/** "Messages the reader has not read" for thread `t` (notes excluded for the patient side). */
function unreadSql(reader: Reader) {
  const notes = reader.side === "patient" ? sql`and u_m.kind <> 'internal_note'` : sql``;
  return sql<string>`(select count(*) from messages u_m where u_m.thread_id = t.id ${notes}
    and u_m.author_user_id is distinct from ${reader.userId}
    and u_m.seq > coalesce((select u_r.last_read_seq from message_reads u_r where u_r.thread_id = t.id and u_r.user_id = ${reader.userId}), 0))`;
}

/**
 * Secure messaging (SPEC §2.5): patients and caregivers start and answer conversations; staff
 * of the answering pool reply, write internal notes, close and reopen; waits for an answer are
 * work items of the shared queue. Patient routes never read internal notes (every query for
 * the patient side filters them out).
 */
export class MessagingService {
  readonly #d: MessagingDeps;

  constructor(deps: MessagingDeps) {
    this.#d = deps;
    deps.workQueue.define({ name: MESSAGES_QUEUE, roles: ["nurse", "physician"], responseBusinessDays: 1 });
    deps.jobs.register(DIGEST_QUEUE, async () => {
      await this.sendDigests();
      const next = Math.floor(this.#d.clock.now().getTime() / DIGEST_EVERY_MS + 1) * DIGEST_EVERY_MS;
      await this.scheduleDigests(new Date(next));
    });
  }

  // ---- time: calendars, due times, routing ----

  async #calendar(db: Db, locationId: string): Promise<BusinessCalendar> {
    const location = await db
      .selectFrom("locations")
      .select(["time_zone", "hours"])
      .where("id", "=", locationId)
      .executeTakeFirstOrThrow();
    const holidays = await db
      .selectFrom("location_holidays")
      .select("holiday_on")
      .where("location_id", "=", locationId)
      .execute();
    const raw = (typeof location.hours === "string" ? JSON.parse(location.hours) : location.hours) as {
      weekday: number;
      open: string;
      close: string;
    }[];
    return {
      timeZone: location.time_zone,
      hours: (raw ?? []).map((h) => ({ weekday: h.weekday, start: h.open, end: h.close })),
      holidays: new Set(holidays.map((h) => String(h.holiday_on).slice(0, 10))),
    };
  }

  /** When a wait starting `from` is due: the pool's target in its location's business hours. */
  async dueFor(db: Db, poolId: string, from: Date): Promise<Date> {
    const pool = await db
      .selectFrom("message_pools")
      .select(["location_id", "response_target_hours"])
      .where("id", "=", poolId)
      .executeTakeFirstOrThrow();
    return addBusinessHours(from, pool.response_target_hours, await this.#calendar(db, pool.location_id));
  }

  /** Where a new thread of this patient about `topic` would go now, with the facts the patient is shown. */
  async #route(
    db: Db,
    patientId: string,
    topic: MessageTopic,
  ): Promise<{ route: Route; physicianName: string | null } | null> {
    const topicRoute = await db
      .selectFrom("message_topic_routes as r")
      .innerJoin("message_pools as p", "p.id", "r.pool_id")
      .select("r.pool_id")
      .where("r.topic", "=", topic)
      .where("p.active", "=", true)
      .executeTakeFirst();
    const pcp = await db
      .selectFrom("patients as pt")
      .innerJoin("providers as pr", "pr.id", "pt.pcp_provider_id")
      .leftJoin("message_office_hours as o", "o.user_id", "pr.user_id")
      .leftJoin("message_pools as cp", (j) => j.onRef("cp.id", "=", "o.covering_pool_id").on("cp.active", "=", true))
      .select([
        "pr.id as provider_id",
        "pr.user_id",
        "pr.display_name",
        "o.user_id as office_user",
        "o.time_zone",
        "o.hours",
        "o.out_from",
        "o.out_until",
        "o.delegate_user_id",
        "cp.id as covering_pool_id",
      ])
      .where("pt.id", "=", patientId)
      .executeTakeFirst();
    const office: OfficeHoursFacts | null =
      pcp?.office_user && pcp.time_zone
        ? {
            timeZone: pcp.time_zone,
            hours: (typeof pcp.hours === "string" ? JSON.parse(pcp.hours) : (pcp.hours ?? [])) as WeeklyInterval[],
            outFrom: pcp.out_from,
            outUntil: pcp.out_until,
          }
        : null;
    const route = routeThread({
      topic,
      topicPoolId: topicRoute?.pool_id ?? null,
      physician: pcp
        ? {
            providerId: pcp.provider_id,
            userId: pcp.user_id,
            office,
            coveringPoolId: pcp.covering_pool_id,
            delegateUserId: pcp.delegate_user_id,
          }
        : null,
      now: this.#d.clock.now(),
    });
    return route ? { route, physicianName: pcp?.display_name ?? null } : null;
  }

  async #readerLocale(db: Db): Promise<"en" | "es"> {
    const userId = currentContext().actor.userId;
    if (!userId) return "en";
    const row = await db.selectFrom("users").select("locale").where("id", "=", userId).executeTakeFirst();
    return row?.locale === "es" ? "es" : "en";
  }

  async #poolSummary(db: Db, poolId: string, locale: "en" | "es"): Promise<PoolSummary> {
    const pool = await db
      .selectFrom("message_pools")
      .select(["id", "name", "readers_description", "readers_description_es", "response_target_hours"])
      .where("id", "=", poolId)
      .executeTakeFirstOrThrow();
    return {
      id: pool.id,
      name: pool.name,
      readersDescription: locale === "es" ? pool.readers_description_es : pool.readers_description,
      responseTargetBusinessHours: pool.response_target_hours,
    };
  }

  async #routing(db: Db, patientId: string, topic: MessageTopic, locale: "en" | "es"): Promise<MessageRouting | null> {
    const routed = await this.#route(db, patientId, topic);
    if (!routed) return null;
    const { route, physicianName } = routed;
    return {
      topic,
      pool: await this.#poolSummary(db, route.poolId, locale),
      physician: route.providerId && physicianName ? { displayName: physicianName } : null,
      expectAnswerBy: (await this.dueFor(db, route.poolId, this.#d.clock.now())).toISOString(),
      coverage: route.coverage
        ? { reason: route.coverage.reason, physicianBackAt: route.coverage.backAt?.toISOString() ?? null }
        : null,
    };
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
    const locale = await this.#readerLocale(db);
    const topics: MessageRouting[] = [];
    for (const topic of MESSAGE_TOPICS) {
      const routing = await this.#routing(db, access.patientId, topic, locale);
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
    const routing = await this.#routing(db, access.patientId, topic, await this.#readerLocale(db));
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
    const reader: Reader = { ...this.#reader(access), side: "patient" };
    const rows = await db
      .selectFrom("message_threads as t")
      .innerJoin("message_pools as p", "p.id", "t.pool_id")
      .selectAll("t")
      .select(["p.name as pool_name", unreadSql(reader).as("unread")])
      .where("t.patient_id", "=", access.patientId)
      .orderBy("t.last_message_at", "desc")
      .limit(500)
      .execute();
    const previews = await this.#previews(
      db,
      rows.map((r) => r.id),
      false,
    );
    const threads = rows.map((r) => this.#listItem(r, r.pool_name, Number(r.unread), previews.get(r.id) ?? ""));
    return {
      patient: await this.#patientRef(db, access.patientId),
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
      const routed = await this.#route(trx, access.patientId, input.topic);
      if (!routed) {
        throw new DomainError("validation_failed", "Messages about this topic cannot be sent yet.", [
          { field: "topic", problem: "no care team answers this topic yet" },
        ]);
      }
      const { route, physicianName } = routed;
      const now = this.#d.clock.now();
      const id = randomUUID();
      const due = await this.dueFor(trx, route.poolId, now);
      await trx
        .insertInto("message_threads")
        .values({
          id,
          patient_id: access.patientId,
          topic: input.topic,
          sealed_subject: this.#d.cipher.seal(input.subject.trim(), subjectSeal(id)),
          pool_id: route.poolId,
          provider_id: route.providerId,
          status: "waiting",
          due_at: due,
          last_message_at: now,
          created_by: access.actor.userId,
          created_at: now,
        })
        .execute();
      await this.#append(trx, id, access.patientId, {
        kind: "message",
        ...this.#patientAuthor(access),
        body: input.body,
        attachmentIds: input.attachmentIds ?? [],
      });
      await this.#startWait(
        trx,
        { id, patient_id: access.patientId, pool_id: route.poolId, provider_id: route.providerId },
        due,
        route.assigneeUserId,
      );
      if (route.coverage) {
        const pool = await this.#poolSummary(trx, route.poolId, "en");
        const name = physicianName ?? "Your physician";
        const when = due.toISOString();
        await this.#append(trx, id, access.patientId, {
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
      const thread = await this.#lockThread(trx, threadId, access.patientId);
      if (thread.status === "closed") {
        throw new DomainError(
          "thread_closed",
          "This conversation is closed. Start a new message if you have another question.",
        );
      }
      await this.#append(trx, thread.id, access.patientId, {
        kind: "message",
        ...this.#patientAuthor(access),
        body: input.body,
        attachmentIds: input.attachmentIds ?? [],
      });
      if (thread.status === "answered") {
        const due = await this.dueFor(trx, thread.pool_id, this.#d.clock.now());
        await this.#startWait(trx, thread, due, null);
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
    return inTransaction(this.#d.db, async (trx) => {
      const file = await this.#d.files.save({
        patientId: access.patientId,
        kind: "message_attachment",
        bytes,
        uploadedBy: access.actor.userId,
      });
      const row = await trx
        .insertInto("message_attachments")
        .values({ file_id: file.id, patient_id: access.patientId, uploaded_by: access.actor.userId })
        .returning("id")
        .executeTakeFirstOrThrow();
      return { id: row.id, contentType: file.contentType, sizeBytes: file.sizeBytes };
    });
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
    return this.#attachment(access.patientId, threadId, attachmentId, false);
  }

  // ---- staff side ----

  /**
   * A thread the staff actor may work (see `staffSees`), then the patient check with the pool
   * as the reason. Anything else is 404, audited, exactly like a missing thread.
   */
  async #staffThread(
    threadId: string,
    action: "read" | "write",
    authorize: (patientId: string) => Promise<PatientAccess>,
  ): Promise<{ access: PatientAccess; thread: ThreadRow }> {
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
    return { access: await authorize(thread.patient_id), thread };
  }

  async staffGet(threadId: string): Promise<StaffThread> {
    const { access } = await this.#staffThread(threadId, "read", (patientId) =>
      this.#d.access.authorizePatient(patientId, {
        scope: "messages",
        action: "read",
        resourceType: "message_thread",
        resourceId: threadId,
        reason: { queue: "message_pool", itemId: threadId },
      }),
    );
    return inTransaction(this.#d.db, (trx) => this.#staffView(trx, access, threadId));
  }

  async staffReply(threadId: string, input: StaffReplyRequest): Promise<StaffThread> {
    const { access } = await this.#staffThread(threadId, "write", (patientId) =>
      this.#d.access.authorizePatient(patientId, {
        scope: "messages",
        action: "write",
        resourceType: "message_thread",
        resourceId: threadId,
        auditAction: "reply",
        reason: { queue: "message_pool", itemId: threadId },
      }),
    );
    return inTransaction(this.#d.db, async (trx) => {
      const thread = await this.#lockThread(trx, threadId, access.patientId);
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
      await this.#append(trx, thread.id, access.patientId, {
        kind: "message",
        authorKind: "staff",
        authorUserId: access.actor.userId,
        viaProxyGrantId: null,
        body: input.body,
        attachmentIds: [],
        quickReplyId: input.quickReplyId ?? null,
      });
      const now = this.#d.clock.now();
      await this.#endWait(trx, thread, "complete");
      await trx
        .updateTable("message_threads")
        .set({ status: "answered", due_at: null, first_response_at: thread.first_response_at ?? now })
        .where("id", "=", thread.id)
        .execute();
      await this.#notifyReply(trx, access.patientId);
      return this.#staffView(trx, access, thread.id);
    });
  }

  /** An internal note: staff only, never shown, counted or emailed to the patient's side. */
  async addNote(threadId: string, body: string): Promise<StaffThread> {
    const { access } = await this.#staffThread(threadId, "write", (patientId) =>
      this.#d.access.authorizePatient(patientId, {
        scope: "messages",
        action: "write",
        resourceType: "message_thread",
        resourceId: threadId,
        auditAction: "update",
        reason: { queue: "message_pool", itemId: threadId },
      }),
    );
    return inTransaction(this.#d.db, async (trx) => {
      const thread = await this.#lockThread(trx, threadId, access.patientId);
      await this.#append(trx, thread.id, access.patientId, {
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
    const { access } = await this.#staffThread(threadId, "write", (patientId) =>
      this.#d.access.authorizePatient(patientId, {
        scope: "messages",
        action: "write",
        resourceType: "message_thread",
        resourceId: threadId,
        auditAction: "close",
        reason: { queue: "message_pool", itemId: threadId },
      }),
    );
    return inTransaction(this.#d.db, async (trx) => {
      const thread = await this.#lockThread(trx, threadId, access.patientId);
      if (thread.status === "closed") throw new DomainError("conflict", "This conversation is already closed.");
      await this.#endWait(trx, thread, "cancel");
      await trx
        .updateTable("message_threads")
        .set({ status: "closed", due_at: null, closed_at: this.#d.clock.now(), closed_by: access.actor.userId })
        .where("id", "=", thread.id)
        .execute();
      return this.#staffView(trx, access, thread.id);
    });
  }

  async reopen(threadId: string): Promise<StaffThread> {
    const { access } = await this.#staffThread(threadId, "write", (patientId) =>
      this.#d.access.authorizePatient(patientId, {
        scope: "messages",
        action: "write",
        resourceType: "message_thread",
        resourceId: threadId,
        auditAction: "reopen",
        reason: { queue: "message_pool", itemId: threadId },
      }),
    );
    return inTransaction(this.#d.db, async (trx) => {
      const thread = await this.#lockThread(trx, threadId, access.patientId);
      if (thread.status !== "closed") throw new DomainError("conflict", "This conversation is not closed.");
      const due = await this.dueFor(trx, thread.pool_id, this.#d.clock.now());
      await trx
        .updateTable("message_threads")
        .set({ closed_at: null, closed_by: null })
        .where("id", "=", thread.id)
        .execute();
      await this.#startWait(trx, thread, due, null);
      return this.#staffView(trx, access, thread.id);
    });
  }

  async staffAttachment(
    threadId: string,
    attachmentId: string,
  ): Promise<{ bytes: Buffer; contentType: string; fileName: string }> {
    const { access } = await this.#staffThread(threadId, "read", (patientId) =>
      this.#d.access.authorizePatient(patientId, {
        scope: "messages",
        action: "read",
        resourceType: "message_attachment",
        resourceId: attachmentId,
        auditAction: "download",
        reason: { queue: "message_pool", itemId: threadId },
      }),
    );
    return this.#attachment(access.patientId, threadId, attachmentId, true);
  }

  /** The staff inbox: the caller's pools with counts, their own work, and the threads asked for (overdue first). */
  async inbox(query: InboxQuery): Promise<Inbox> {
    const actor = await this.#d.access.authorizeStaff(["nurse", "physician"], {
      resourceType: "message_inbox",
      action: "read",
    });
    const userId = actor.userId as string;
    const db = currentDb(this.#d.db);
    const now = this.#d.clock.now();
    const reader: Reader = { userId, side: "staff" };
    const status = query.status ?? "active";
    const limit = query.limit ?? 50;
    const rows = await db
      .selectFrom("message_threads as t")
      .innerJoin("message_pools as p", "p.id", "t.pool_id")
      .innerJoin("patients as pt", "pt.id", "t.patient_id")
      .leftJoin("providers as pr", "pr.id", "t.provider_id")
      .leftJoin("work_items as w", (j) => j.onRef("w.id", "=", "t.work_item_id").on("w.status", "in", ACTIVE))
      .selectAll("t")
      .select([
        "p.name as pool_name",
        patientName.as("patient_name"),
        "pt.date_of_birth",
        "pr.display_name as provider_name",
        "w.subject_id as wait_id",
      ])
      .where(staffSees(actor))
      .$if(query.view === "mine", (q) => q.where("w.assignee_user_id", "=", userId))
      .$if(query.poolId !== undefined, (q) => q.where("t.pool_id", "=", query.poolId as string))
      .$if(query.patientId !== undefined, (q) => q.where("t.patient_id", "=", query.patientId as string))
      .$if(status === "active", (q) => q.where("t.status", "in", ["waiting", "answered"]))
      .$if(status !== "active" && status !== "all", (q) => q.where("t.status", "=", status as ThreadStatusValue))
      .orderBy(sql`(t.status = 'waiting' and t.due_at < ${now})`, "desc")
      .orderBy(sql`t.due_at asc nulls last`)
      .orderBy("t.last_message_at", "desc")
      .limit(query.q ? 1000 : limit)
      .execute();
    let found = rows;
    if (query.q) {
      const words = query.q.toLowerCase();
      const bodies = rows.length
        ? await db
            .selectFrom("messages")
            .select(["id", "thread_id", "sealed_body"])
            .where(
              "thread_id",
              "in",
              rows.map((r) => r.id),
            )
            .execute()
        : [];
      const matching = new Set<string>();
      for (const m of bodies) {
        if (this.#d.cipher.open(m.sealed_body, bodySeal(m.id)).toLowerCase().includes(words)) matching.add(m.thread_id);
      }
      found = rows.filter((r) => matching.has(r.id) || this.#subject(r).toLowerCase().includes(words)).slice(0, limit);
      await this.#d.audit.record({
        action: "search",
        resourceType: "message_thread",
        details: { found: found.length },
      });
    }
    const previews = await this.#previews(
      db,
      found.map((r) => r.id),
      true,
    );
    const unread = await this.#unreadFor(
      db,
      found.map((r) => r.id),
      reader,
    );
    const items = await this.#d.workQueue.forSubjects(
      MESSAGES_QUEUE,
      WAIT,
      found.flatMap((r) => (r.wait_id ? [r.wait_id] : [])),
    );
    const threads: StaffThreadListItem[] = found.map((r) => ({
      ...this.#listItem(r, r.pool_name, unread.get(r.id) ?? 0, previews.get(r.id) ?? ""),
      patient: { id: r.patient_id, displayName: r.patient_name, dateOfBirth: String(r.date_of_birth).slice(0, 10) },
      physician: r.provider_id && r.provider_name ? { providerId: r.provider_id, displayName: r.provider_name } : null,
      workItem: (r.wait_id ? items.get(r.wait_id) : undefined) ?? null,
    }));
    return {
      pools: await this.#poolCounts(db, reader, now),
      mine: await this.#mineCounts(db, userId, now),
      threads,
      abilities: {
        canManagePools: actor.roles.includes("admin"),
        canSetOfficeHours: actor.roles.includes("physician"),
        canSetDigest: true,
      },
    };
  }

  /** Unread messages per thread for a staff reader, for one page of threads (one grouped query). */
  async #unreadFor(db: Db, threadIds: readonly string[], reader: Reader): Promise<Map<string, number>> {
    if (threadIds.length === 0) return new Map();
    const rows = await db
      .selectFrom("messages as m")
      .leftJoin("message_reads as r", (j) =>
        j.onRef("r.thread_id", "=", "m.thread_id").on("r.user_id", "=", reader.userId),
      )
      .select(["m.thread_id", sql<string>`count(*)`.as("n")])
      .where("m.thread_id", "in", [...threadIds])
      .where(sql<SqlBool>`m.author_user_id is distinct from ${reader.userId}`)
      .where(sql<SqlBool>`m.seq > coalesce(r.last_read_seq, 0)`)
      .groupBy("m.thread_id")
      .execute();
    return new Map(rows.map((r) => [r.thread_id, Number(r.n)]));
  }

  async #poolCounts(db: Db, reader: Reader, now: Date): Promise<PoolCount[]> {
    const rows = await db
      .selectFrom("message_pools as p")
      .innerJoin("message_pool_members as pm", (j) =>
        j.onRef("pm.pool_id", "=", "p.id").on("pm.user_id", "=", reader.userId),
      )
      .leftJoin("message_threads as t", (j) =>
        j.onRef("t.pool_id", "=", "p.id").on("t.status", "in", ["waiting", "answered"]),
      )
      .leftJoin("work_items as w", (j) => j.onRef("w.id", "=", "t.work_item_id").on("w.status", "in", ACTIVE))
      .select([
        "p.id",
        "p.name",
        sql<string>`count(t.id) filter (where t.status = 'waiting')`.as("waiting"),
        sql<string>`count(t.id) filter (where t.status = 'waiting' and t.due_at < ${now})`.as("overdue"),
        sql<string>`count(t.id) filter (where t.status = 'waiting' and w.status = 'open')`.as("unassigned"),
        // threads with anything unread: stops at the first unread message (index on thread_id, seq)
        sql<string>`count(t.id) filter (where exists (select 1 from messages pc_m where pc_m.thread_id = t.id
          and pc_m.author_user_id is distinct from ${reader.userId}
          and pc_m.seq > coalesce((select pc_r.last_read_seq from message_reads pc_r where pc_r.thread_id = t.id and pc_r.user_id = ${reader.userId}), 0)))`.as(
          "unread",
        ),
      ])
      .groupBy(["p.id", "p.name"])
      .orderBy("p.name")
      .execute();
    return rows.map((r) => ({
      poolId: r.id,
      name: r.name,
      waiting: Number(r.waiting),
      overdue: Number(r.overdue),
      unassigned: Number(r.unassigned),
      unread: Number(r.unread),
    }));
  }

  async #mineCounts(db: Db, userId: string, now: Date): Promise<{ waiting: number; overdue: number }> {
    const row = await db
      .selectFrom("message_threads as t")
      .innerJoin("work_items as w", "w.id", "t.work_item_id")
      .select([
        sql<string>`count(*)`.as("waiting"),
        sql<string>`count(*) filter (where t.due_at < ${now})`.as("overdue"),
      ])
      .where("t.status", "=", "waiting")
      .where("w.status", "=", "claimed")
      .where("w.assignee_user_id", "=", userId)
      .executeTakeFirstOrThrow();
    return { waiting: Number(row.waiting), overdue: Number(row.overdue) };
  }

  // ---- digest (job) ----

  /** Queues the digest sweep at `at` (one per 15-minute slot, whichever process asks). */
  async scheduleDigests(at: Date = this.#d.clock.now()): Promise<void> {
    const bucket = Math.floor(at.getTime() / DIGEST_EVERY_MS);
    await this.#d.jobs.enqueue(DIGEST_QUEUE, {}, { runAt: at, dedupeKey: `${DIGEST_QUEUE}:${bucket}`, maxAttempts: 3 });
  }

  /**
   * Emails each staff member who chose digest times and whose latest chosen time has passed
   * since their last digest: how many new waits for an answer they may work arrived since
   * then (counts only). Nothing new: no email, but the time is still marked done.
   */
  async sendDigests(): Promise<number> {
    return runWithContext(systemContext("messages-digest"), async () => {
      const db = this.#d.db;
      const now = this.#d.clock.now();
      const prefs = await db
        .selectFrom("message_digest_preferences as d")
        .innerJoin("users as u", "u.id", "d.user_id")
        .select(["d.user_id", "d.times", "d.time_zone", "d.last_sent_at", "u.email", "u.locale"])
        .where("d.enabled", "=", true)
        .where("u.status", "=", "active")
        .execute();
      let sent = 0;
      for (const pref of prefs) {
        const times = (typeof pref.times === "string" ? JSON.parse(pref.times) : pref.times) as string[];
        const slot = latestDigestSlot(times ?? [], pref.time_zone, now);
        if (!slot || (pref.last_sent_at && pref.last_sent_at.getTime() >= slot.getTime())) continue;
        const since = pref.last_sent_at ?? new Date(slot.getTime() - 86_400_000);
        const roles = (
          await db.selectFrom("user_roles").select("role").where("user_id", "=", pref.user_id).execute()
        ).map((r) => r.role as StaffRole);
        const provider = await db
          .selectFrom("providers")
          .select("id")
          .where("user_id", "=", pref.user_id)
          .executeTakeFirst();
        const actor: Actor = {
          kind: "user",
          userId: pref.user_id,
          roles,
          patientId: null,
          providerId: provider?.id ?? null,
          grants: [],
        };
        const counts = await db
          .selectFrom("work_items as w")
          .select([
            sql<string>`count(*) filter (where w.created_at > ${since})`.as("fresh"),
            sql<string>`count(*)`.as("waiting"),
            sql<string>`count(*) filter (where w.due_at < ${now})`.as("overdue"),
          ])
          .where("w.queue", "=", MESSAGES_QUEUE)
          .where("w.status", "in", ACTIVE)
          .where(visibleTo(actor, "w"))
          .executeTakeFirstOrThrow();
        await inTransaction(db, async (trx) => {
          if (Number(counts.fresh) > 0) {
            await this.#d.mailer.send({
              to: pref.email,
              locale: asLocale(pref.locale),
              template: messageDigest,
              params: {
                newCount: Number(counts.fresh),
                waitingCount: Number(counts.waiting),
                overdueCount: Number(counts.overdue),
                inboxUrl: "/staff/messages",
              },
              dedupeKey: `messages.digest:${pref.user_id}:${slot.toISOString()}`,
            });
            sent += 1;
          }
          await trx
            .updateTable("message_digest_preferences")
            .set({ last_sent_at: now })
            .where("user_id", "=", pref.user_id)
            .execute();
        });
      }
      return sent;
    });
  }

  // ---- shared pieces ----

  #reader(access: PatientAccess): Reader {
    const userId = access.actor.userId as string;
    return { userId, side: access.basis === "patient" || access.basis === "proxy" ? "patient" : "staff" };
  }

  /** Who writes on the patient side: the patient or a caregiver. Staff answer from the staff routes, never as the patient. */
  #patientAuthor(access: PatientAccess) {
    if (access.basis !== "patient" && access.basis !== "proxy") {
      throw new DomainError("forbidden", "Staff answer conversations from the In Basket.");
    }
    return access.basis === "proxy"
      ? { authorKind: "proxy" as const, authorUserId: access.actor.userId, viaProxyGrantId: access.viaProxyGrantId }
      : { authorKind: "patient" as const, authorUserId: access.actor.userId, viaProxyGrantId: null };
  }

  #subject(row: { id: string; sealed_subject: string }): string {
    return this.#d.cipher.open(row.sealed_subject, subjectSeal(row.id));
  }

  async #patientRef(db: Db, patientId: string) {
    const row = await db
      .selectFrom("patients as pt")
      .select(["pt.id", patientName.as("name"), "pt.date_of_birth"])
      .where("pt.id", "=", patientId)
      .executeTakeFirstOrThrow();
    return { id: row.id, displayName: row.name, dateOfBirth: String(row.date_of_birth).slice(0, 10) };
  }

  async #lockThread(trx: Db, threadId: string, patientId: string): Promise<ThreadRow> {
    const thread = await trx
      .selectFrom("message_threads as t")
      .selectAll("t")
      .where("t.id", "=", threadId)
      .where("t.patient_id", "=", patientId)
      .forUpdate()
      .executeTakeFirst();
    if (!thread) throw notFound("conversation");
    return thread;
  }

  /** A new wait for an answer: a work item of the thread's pool, due from now. */
  async #startWait(
    trx: Db,
    thread: Pick<ThreadRow, "id" | "patient_id" | "pool_id" | "provider_id">,
    due: Date,
    assigneeUserId: string | null,
  ): Promise<void> {
    const itemId = await this.#d.workQueue.add({
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

  async #endWait(trx: Db, thread: ThreadRow, how: "complete" | "cancel"): Promise<void> {
    if (!thread.work_item_id) return;
    const item = await trx
      .selectFrom("work_items")
      .select(["subject_id", "status"])
      .where("id", "=", thread.work_item_id)
      .executeTakeFirst();
    if (!item || !(ACTIVE as readonly string[]).includes(item.status)) return;
    const subject = { type: WAIT, id: item.subject_id };
    if (how === "complete") await this.#d.workQueue.complete(MESSAGES_QUEUE, subject);
    else await this.#d.workQueue.cancel(MESSAGES_QUEUE, subject);
  }

  /**
   * Adds a message: the thread's row lock hands out the next seq (so concurrent writers get
   * 1, 2, 3, … and unread counts stay exact), the body is sealed, attachments uploaded by the
   * author for this patient and not yet sent are attached.
   */
  async #append(
    trx: Db,
    threadId: string,
    patientId: string,
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
    const now = this.#d.clock.now();
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
      .values({
        id,
        thread_id: threadId,
        patient_id: patientId,
        seq: counted.message_count,
        kind: m.kind,
        author_kind: m.authorKind,
        author_user_id: m.authorUserId,
        via_proxy_grant_id: m.viaProxyGrantId,
        sealed_body: this.#d.cipher.seal(m.body, bodySeal(id)),
        auto_reply: m.autoReply ? JSON.stringify(m.autoReply) : null,
        quick_reply_id: m.quickReplyId ?? null,
        created_at: now,
      })
      .execute();
    if (m.attachmentIds.length > 0) {
      const attached = await trx
        .updateTable("message_attachments")
        .set({ message_id: id })
        .where("id", "in", [...m.attachmentIds])
        .where("patient_id", "=", patientId)
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

  /** The last message each thread shows in a list (notes only for staff). */
  async #previews(db: Db, threadIds: readonly string[], includeNotes: boolean): Promise<Map<string, string>> {
    if (threadIds.length === 0) return new Map();
    const rows = await db
      .selectFrom("messages")
      .distinctOn("thread_id")
      .select(["id", "thread_id", "sealed_body"])
      .where("thread_id", "in", [...threadIds])
      .$if(!includeNotes, (q) => q.where("kind", "<>", "internal_note"))
      .orderBy("thread_id")
      .orderBy("seq", "desc")
      .execute();
    return new Map(rows.map((r) => [r.thread_id, preview(this.#d.cipher.open(r.sealed_body, bodySeal(r.id)))]));
  }

  #listItem(r: ThreadRow, poolName: string, unread: number, previewText: string): ThreadListItem {
    const now = this.#d.clock.now();
    return {
      id: r.id,
      patientId: r.patient_id,
      topic: r.topic,
      subject: this.#subject(r),
      status: r.status,
      pool: { id: r.pool_id, name: poolName },
      unreadCount: unread,
      lastMessageAt: r.last_message_at.toISOString(),
      preview: previewText,
      dueAt: r.status === "waiting" && r.due_at ? r.due_at.toISOString() : null,
      overdue: r.status === "waiting" && r.due_at !== null && r.due_at.getTime() < now.getTime(),
      createdAt: r.created_at.toISOString(),
    };
  }

  /**
   * The thread's messages for a reader, oldest first, then marks them read for the reader up
   * to the last one shown (never backwards: concurrent readers keep the furthest point).
   */
  async #messages(
    trx: Db,
    thread: ThreadRow,
    reader: Reader,
    paths: (attachmentId: string) => string,
    staffView: boolean,
  ): Promise<ThreadMessage[]> {
    const rows = await trx
      .selectFrom("messages as m")
      .leftJoin("users as u", "u.id", "m.author_user_id")
      .leftJoin("proxy_grants as g", "g.id", "m.via_proxy_grant_id")
      .select([
        "m.id",
        "m.seq",
        "m.kind",
        "m.author_kind",
        "m.author_user_id",
        "m.sealed_body",
        "m.auto_reply",
        "m.created_at",
        "u.display_name",
        "g.relationship",
      ])
      .where("m.thread_id", "=", thread.id)
      .$if(!staffView, (q) => q.where("m.kind", "<>", "internal_note"))
      .orderBy("m.seq")
      .execute();
    const staffIds = [...new Set(rows.filter((r) => r.author_kind === "staff").map((r) => r.author_user_id as string))];
    const roles = staffIds.length
      ? await trx
          .selectFrom("user_roles")
          .select(["user_id", "role"])
          .where("user_id", "in", staffIds)
          .where("role", "in", ["physician", "nurse"])
          .execute()
      : [];
    const attachments = rows.length
      ? await trx
          .selectFrom("message_attachments as a")
          .innerJoin("files as f", "f.id", "a.file_id")
          .select(["a.id", "a.message_id", "f.content_type", "f.size_bytes"])
          .where(
            "a.message_id",
            "in",
            rows.map((r) => r.id),
          )
          .orderBy("a.created_at")
          .execute()
      : [];
    const reads = await trx
      .selectFrom("message_reads")
      .select(["user_id", "side", "last_read_seq"])
      .where("thread_id", "=", thread.id)
      .execute();
    const mine = reads.find((r) => r.user_id === reader.userId)?.last_read_seq ?? 0;
    const furthest = (side: "patient" | "staff") =>
      Math.max(0, ...reads.filter((r) => r.side === side).map((r) => r.last_read_seq));
    const staffRead = furthest("staff");
    const patientRead = furthest("patient");
    const extension = { "image/jpeg": "jpg", "image/png": "png", "image/heic": "heic", "application/pdf": "pdf" };
    const messages = rows.map((r): ThreadMessage => {
      const role = roles.find((x) => x.user_id === r.author_user_id);
      const autoReply = r.auto_reply
        ? ((typeof r.auto_reply === "string" ? JSON.parse(r.auto_reply) : r.auto_reply) as ThreadMessage["autoReply"])
        : null;
      const patientSide = r.author_kind === "patient" || r.author_kind === "proxy";
      return {
        id: r.id,
        kind: r.kind,
        author: {
          kind: r.author_kind,
          userId: r.author_user_id,
          displayName: r.author_kind === "system" ? "Portico" : (r.display_name ?? ""),
          role:
            r.author_kind === "proxy"
              ? (r.relationship ?? null)
              : r.author_kind === "staff"
                ? (role?.role ?? null)
                : null,
          isMe: r.author_user_id !== null && r.author_user_id === reader.userId,
        },
        body: this.#d.cipher.open(r.sealed_body, bodySeal(r.id)),
        autoReply,
        attachments: attachments
          .filter((a) => a.message_id === r.id)
          .map(
            (a): MessageAttachment => ({
              id: a.id,
              contentType: a.content_type,
              sizeBytes: a.size_bytes,
              fileName: `attachment-${a.id.slice(0, 8)}.${extension[a.content_type]}`,
              downloadPath: paths(a.id),
            }),
          ),
        sentAt: r.created_at.toISOString(),
        readByOtherSide:
          r.kind === "internal_note" || r.author_kind === "system"
            ? false
            : patientSide
              ? staffRead >= r.seq
              : patientRead >= r.seq,
        readByMe: r.author_user_id === reader.userId || r.seq <= mine,
      };
    });
    const last = rows.at(-1)?.seq ?? 0;
    if (last > mine) {
      await trx
        .insertInto("message_reads")
        .values({
          thread_id: thread.id,
          user_id: reader.userId,
          side: reader.side,
          last_read_seq: last,
          read_at: this.#d.clock.now(),
        })
        .onConflict((oc) =>
          oc.columns(["thread_id", "user_id"]).doUpdateSet({
            last_read_seq: sql`greatest(message_reads.last_read_seq, excluded.last_read_seq)`,
            read_at: sql`excluded.read_at`,
          }),
        )
        .execute();
    }
    return messages;
  }

  async #patientView(trx: Db, access: PatientAccess, threadId: string): Promise<PatientThread> {
    const thread = await trx
      .selectFrom("message_threads as t")
      .selectAll("t")
      .where("t.id", "=", threadId)
      .where("t.patient_id", "=", access.patientId)
      .executeTakeFirst();
    if (!thread) throw notFound("conversation");
    const reader = this.#reader(access);
    const base = `/api/patients/${access.patientId}/messages/threads/${thread.id}/attachments/`;
    const messages = await this.#messages(trx, thread, reader, (a) => `${base}${a}`, false);
    const item = this.#listItem(thread, "", 0, "");
    const canWrite = await this.#d.access.can(access.patientId, { scope: "messages", action: "write" });
    const patient = await this.#patientRef(trx, access.patientId);
    return {
      id: thread.id,
      patient: { id: patient.id, displayName: patient.displayName },
      topic: thread.topic,
      subject: item.subject,
      status: thread.status,
      pool: await this.#poolSummary(trx, thread.pool_id, await this.#readerLocale(trx)),
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
    const messages = await this.#messages(
      trx,
      thread,
      reader,
      (a) => `/api/messages/threads/${thread.id}/attachments/${a}`,
      true,
    );
    const item = this.#listItem(thread, "", 0, "");
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
    return {
      id: thread.id,
      patient: await this.#patientRef(trx, thread.patient_id),
      topic: thread.topic,
      subject: item.subject,
      status: thread.status,
      pool: await this.#poolSummary(trx, thread.pool_id, await this.#readerLocale(trx)),
      physician: provider ? { providerId: provider.id, displayName: provider.display_name } : null,
      dueAt: item.dueAt,
      overdue: item.overdue,
      createdAt: item.createdAt,
      closedAt: thread.closed_at?.toISOString() ?? null,
      firstResponseAt: thread.first_response_at?.toISOString() ?? null,
      messages,
      workItem,
      quickReplies,
      abilities: { canReply: open, canAddNote: true, canClose: open, canReopen: !open, canBookAppointment: false },
    };
  }

  async #attachment(
    patientId: string,
    threadId: string,
    attachmentId: string,
    staffView: boolean,
  ): Promise<{ bytes: Buffer; contentType: string; fileName: string }> {
    const row = await currentDb(this.#d.db)
      .selectFrom("message_attachments as a")
      .innerJoin("messages as m", "m.id", "a.message_id")
      .select(["a.id", "a.file_id"])
      .where("a.id", "=", attachmentId)
      .where("a.patient_id", "=", patientId)
      .where("m.thread_id", "=", threadId)
      .$if(!staffView, (q) => q.where("m.kind", "<>", "internal_note"))
      .executeTakeFirst();
    const file = row ? await this.#d.files.read(patientId, row.file_id) : undefined;
    if (!row || !file) throw notFound("attachment");
    const extension = { "image/jpeg": "jpg", "image/png": "png", "image/heic": "heic", "application/pdf": "pdf" }[
      file.contentType
    ];
    return {
      bytes: file.bytes,
      contentType: file.contentType,
      fileName: `attachment-${row.id.slice(0, 8)}.${extension}`,
    };
  }

  /**
   * The content-free email on a staff reply, in each reader's language: the patient (own
   * address, or login email), and every caregiver whose grant gives `messages` now (a parent of
   * an adolescent never does).
   */
  async #notifyReply(trx: Db, patientId: string): Promise<void> {
    const recipients = await whoMayBeTold(trx, patientId, {
      scope: "messages",
      now: this.#d.clock.now(),
      ages: this.#d.access.ageBounds,
      caregivers: "all",
    });
    for (const to of recipients) {
      await this.#d.mailer.send({
        to: to.email,
        locale: to.locale,
        template: messageReceived,
        params: { forName: to.forName ?? "", messagesUrl: `/messages?patient=${patientId}` },
      });
    }
  }
}
