import { randomUUID } from "node:crypto";
import type {
  MessageAttachment,
  MessageRouting,
  MessageTopic,
  PoolSummary,
  ThreadListItem,
  ThreadMessage,
  UploadedAttachment,
} from "@portico/contracts";
import { type Expression, type SqlBool, sql, type Transaction } from "kysely";
import type { Database } from "../../db/database.ts";
import type { DB } from "../../db/schema.ts";
import type { MessageKindValue, ThreadStatusValue } from "../../db/tables/messaging.ts";
import { whoMayBeTold } from "../../platform/access/notice-recipients.ts";
import type { AccessService, PatientAccess } from "../../platform/access/patient-access.ts";
import type { PatientRows } from "../../platform/access/scoped-query.ts";
import type { AuditLog } from "../../platform/audit/audit-log.ts";
import type { Clock } from "../../platform/clock.ts";
import { type Actor, currentContext } from "../../platform/context.ts";
import type { FieldCipher } from "../../platform/crypto.ts";
import type { SealedColumn } from "../../platform/crypto-rotation.ts";
import { DomainError, notFound } from "../../platform/errors.ts";
import type { FileStore } from "../../platform/files/index.ts";
import type { JobQueue } from "../../platform/jobs/index.ts";
import type { Mailer } from "../../platform/mail/mailer.ts";
import type { MailLocale } from "../../platform/mail/templates.ts";
import { currentDb, inTransaction } from "../../platform/transaction.ts";
import type { WorkQueueService } from "../../platform/work-queue/work-queue.ts";
import {
  addBusinessHours,
  type BusinessCalendar,
  type OfficeHoursFacts,
  type Route,
  routeThread,
  type WeeklyInterval,
} from "./business-hours.ts";
import { messageReceived } from "./mail-templates.ts";

export type Db = Transaction<DB> | Database;

export const MESSAGES_QUEUE = "messages" as const;
/** each wait for an answer is one work item; its subject is the wait (a thread may wait many times) */
export const WAIT = "message_wait";
export const DIGEST_QUEUE = "messages.digest";
export const DIGEST_EVERY_MS = 15 * 60_000;
export const ACTIVE = ["open", "claimed"] as const;

export const subjectSeal = (id: string) => `message_thread:${id}`;
export const bodySeal = (id: string) => `message:${id}`;

/** Thread subjects and message bodies, sealed per row: registered for key rotation by the module manifest. */
export const sealedMessageColumns: readonly SealedColumn[] = [
  { table: "message_threads", idColumn: "id", column: "sealed_subject", associatedData: subjectSeal },
  { table: "messages", idColumn: "id", column: "sealed_body", associatedData: bodySeal },
];

export const asLocale = (value: string | null | undefined): MailLocale => (value === "es" ? "es" : "en");
export const patientName = sql<string>`coalesce(pt.preferred_name, pt.legal_given_name) || ' ' || pt.legal_family_name`;
/** the same name, of the chart as the scoped rows open it (`patients as p`) */
const chartName = sql<string>`coalesce(p.preferred_name, p.legal_given_name) || ' ' || p.legal_family_name`;
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

export interface ThreadRow {
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

export interface Reader {
  userId: string;
  side: "patient" | "staff";
}

/** The SQL condition "a staff actor may work thread `t`": a member of its pool, the assignee of its wait, or its physician. */
export function staffSees(actor: Actor): Expression<SqlBool> {
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
export function unreadSql(reader: Reader) {
  const notes = reader.side === "patient" ? sql`and u_m.kind <> 'internal_note'` : sql``;
  return sql<string>`(select count(*) from messages u_m where u_m.thread_id = t.id ${notes}
    and u_m.author_user_id is distinct from ${reader.userId}
    and u_m.seq > coalesce((select u_r.last_read_seq from message_reads u_r where u_r.thread_id = t.id and u_r.user_id = ${reader.userId}), 0))`;
}

/**
 * The pieces every side of messaging shares: calendars and routing, the thread's row lock and
 * seq, sealing, the message list a reader sees (marking it read), waits on the work queue,
 * attachments and the content-free reply email.
 */
export class ThreadStore {
  readonly #d: MessagingDeps;

  constructor(deps: MessagingDeps) {
    this.#d = deps;
  }

  // ---- time: calendars, due times, routing ----

  async calendar(db: Db, locationId: string): Promise<BusinessCalendar> {
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
    return addBusinessHours(from, pool.response_target_hours, await this.calendar(db, pool.location_id));
  }

  /** Where a new thread of this patient about `topic` would go now, with the facts the patient is shown. */
  async route(
    db: Db,
    rows: PatientRows,
    topic: MessageTopic,
  ): Promise<{ route: Route; physicianName: string | null } | null> {
    const topicRoute = await db
      .selectFrom("message_topic_routes as r")
      .innerJoin("message_pools as p", "p.id", "r.pool_id")
      .select("r.pool_id")
      .where("r.topic", "=", topic)
      .where("p.active", "=", true)
      .executeTakeFirst();
    const pcp = await rows
      .chart(db)
      .innerJoin("providers as pr", "pr.id", "p.pcp_provider_id")
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

  async readerLocale(db: Db): Promise<"en" | "es"> {
    const userId = currentContext().actor.userId;
    if (!userId) return "en";
    const row = await db.selectFrom("users").select("locale").where("id", "=", userId).executeTakeFirst();
    return row?.locale === "es" ? "es" : "en";
  }

  async poolSummary(db: Db, poolId: string, locale: "en" | "es"): Promise<PoolSummary> {
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

  async routing(db: Db, rows: PatientRows, topic: MessageTopic, locale: "en" | "es"): Promise<MessageRouting | null> {
    const routed = await this.route(db, rows, topic);
    if (!routed) return null;
    const { route, physicianName } = routed;
    return {
      topic,
      pool: await this.poolSummary(db, route.poolId, locale),
      physician: route.providerId && physicianName ? { displayName: physicianName } : null,
      expectAnswerBy: (await this.dueFor(db, route.poolId, this.#d.clock.now())).toISOString(),
      coverage: route.coverage
        ? { reason: route.coverage.reason, physicianBackAt: route.coverage.backAt?.toISOString() ?? null }
        : null,
    };
  }

  // ---- shared pieces ----

  reader(access: PatientAccess): Reader {
    const userId = access.actor.userId as string;
    return { userId, side: access.basis === "patient" || access.basis === "proxy" ? "patient" : "staff" };
  }

  /** Who writes on the patient side: the patient or a caregiver. Staff answer from the staff routes, never as the patient. */
  patientAuthor(access: PatientAccess) {
    if (access.basis !== "patient" && access.basis !== "proxy") {
      throw new DomainError("forbidden", "Staff answer conversations from the In Basket.");
    }
    return access.basis === "proxy"
      ? { authorKind: "proxy" as const, authorUserId: access.actor.userId, viaProxyGrantId: access.viaProxyGrantId }
      : { authorKind: "patient" as const, authorUserId: access.actor.userId, viaProxyGrantId: null };
  }

  subject(row: { id: string; sealed_subject: string }): string {
    return this.#d.cipher.open(row.sealed_subject, subjectSeal(row.id));
  }

  async patientRef(db: Db, rows: PatientRows) {
    const row = await rows
      .chart(db)
      .select(["p.id", chartName.as("name"), "p.date_of_birth"])
      .executeTakeFirstOrThrow();
    return { id: row.id, displayName: row.name, dateOfBirth: String(row.date_of_birth).slice(0, 10) };
  }

  /**
   * The thread's row lock that orders writers. NO KEY UPDATE, not UPDATE: a reader's first
   * `message_reads` row checks its foreign key with KEY SHARE on the thread, which UPDATE would
   * block while the writer then waits for that reader's row (a deadlock on PostgreSQL).
   */
  async lockThread(trx: Db, threadId: string, rows: PatientRows): Promise<ThreadRow> {
    const thread = await rows
      .selectFrom(trx, "message_threads", "t")
      .selectAll("t")
      .where("t.id", "=", threadId)
      .forNoKeyUpdate()
      .executeTakeFirst();
    if (!thread) throw notFound("conversation");
    // then its current wait, then the pool's kept counts (migrations 0040, 0043), before anything
    // else a write locks (a new wait's work item touches the operations roll-up's day row): a
    // claim from the work queue takes the work item, then the pool's rows, then the day's, so
    // the two never lock crosswise
    if (thread.work_item_id) {
      await trx
        .selectFrom("work_items")
        .select("id")
        .where("id", "=", thread.work_item_id)
        .forNoKeyUpdate()
        .executeTakeFirst();
    }
    await sql`select message_pool_unread_lock(${thread.pool_id}::uuid, ${thread.pool_id}::uuid)`.execute(trx);
    return thread;
  }

  /** A new wait for an answer: a work item of the thread's pool, due from now. */
  async startWait(
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

  async endWait(trx: Db, thread: ThreadRow, how: "complete" | "cancel"): Promise<void> {
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
  async append(
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
      .values(
        rows.stamp({
          id,
          thread_id: threadId,
          seq: counted.message_count,
          kind: m.kind,
          author_kind: m.authorKind,
          author_user_id: m.authorUserId,
          via_proxy_grant_id: m.viaProxyGrantId,
          sealed_body: this.#d.cipher.seal(m.body, bodySeal(id)),
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

  /** The last message each thread shows in a list (notes only for staff). */
  async previews(db: Db, threadIds: readonly string[], includeNotes: boolean): Promise<Map<string, string>> {
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

  /** A list's line for one sealed message body. */
  preview(sealedBody: string, associatedData: string): string {
    return preview(this.#d.cipher.open(sealedBody, associatedData));
  }

  listItem(r: ThreadRow, poolName: string, unread: number, previewText: string): ThreadListItem {
    const now = this.#d.clock.now();
    return {
      id: r.id,
      patientId: r.patient_id,
      topic: r.topic,
      subject: this.subject(r),
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
  async messages(
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

  /** An attachment uploaded before sending: checked by content, sealed in the file store, waiting for a message. */
  async saveAttachment(rows: PatientRows, uploadedBy: string | null, bytes: Buffer): Promise<UploadedAttachment> {
    return inTransaction(this.#d.db, async (trx) => {
      const file = await this.#d.files.save({
        patientId: rows.patientId,
        kind: "message_attachment",
        bytes,
        uploadedBy,
      });
      const row = await trx
        .insertInto("message_attachments")
        .values(rows.stamp({ file_id: file.id, uploaded_by: uploadedBy }))
        .returning("id")
        .executeTakeFirstOrThrow();
      return { id: row.id, contentType: file.contentType, sizeBytes: file.sizeBytes };
    });
  }

  async attachment(
    rows: PatientRows,
    threadId: string,
    attachmentId: string,
    staffView: boolean,
  ): Promise<{ bytes: Buffer; contentType: string; fileName: string }> {
    const row = await rows
      .selectFrom(currentDb(this.#d.db), "message_attachments", "a")
      .innerJoin("messages as m", "m.id", "a.message_id")
      .select(["a.id", "a.file_id"])
      .where("a.id", "=", attachmentId)
      .where("m.thread_id", "=", threadId)
      .$if(!staffView, (q) => q.where("m.kind", "<>", "internal_note"))
      .executeTakeFirst();
    const file = row ? await this.#d.files.read(rows, row.file_id) : undefined;
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
  async notifyReply(trx: Db, patientId: string): Promise<void> {
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
