import type { MessageTopic } from "@portico/contracts";
import { type Expression, type SqlBool, sql, type Transaction } from "kysely";
import type { Database } from "../../db/database.ts";
import type { DB } from "../../db/schema.ts";
import type { ThreadStatusValue } from "../../db/tables/messaging.ts";
import type { AccessService } from "../../platform/access/patient-access.ts";
import type { AuditLog } from "../../platform/audit/audit-log.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Actor } from "../../platform/context.ts";
import type { FieldCipher } from "../../platform/crypto.ts";
import type { SealedColumn } from "../../platform/crypto-rotation.ts";
import type { FileStore } from "../../platform/files/index.ts";
import type { JobQueue } from "../../platform/jobs/index.ts";
import type { Mailer } from "../../platform/mail/mailer.ts";
import type { MailLocale } from "../../platform/mail/templates.ts";
import type { WorkQueueService } from "../../platform/work-queue/work-queue.ts";

/*
 * What every part of messaging shares: the queues, the seals of subjects and bodies, the
 * service's dependencies, the thread row, the reader, and the SQL of who may work a thread and
 * what a reader has not read. The thread's pieces live beside it, one concept a file:
 * routing.ts (calendars, due times, routing), thread-lock.ts (the lock order every writer
 * keeps), thread-writes.ts (messages and the reply email), thread-waits.ts (waits on the work
 * queue), thread-reads.ts (lists and the messages a reader sees), attachments.ts.
 */

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
