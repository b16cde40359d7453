import type { MessageAttachment, ThreadListItem, ThreadMessage } from "@portico/contracts";
import { sql } from "kysely";
import type { PatientAccess } from "../../platform/access/patient-access.ts";
import type { PatientRows } from "../../platform/access/scoped-query.ts";
import { attachmentFileName } from "./attachments.ts";
import { bodySeal, type Db, type MessagingDeps, type Reader, subjectSeal, type ThreadRow } from "./thread-store.ts";

/** Reading threads: the reader, the subject, list lines and previews, the messages a reader sees (marking them read). */

/** the same name as `patientName`, of the chart as the scoped rows open it (`patients as p`) */
const chartName = sql<string>`coalesce(p.preferred_name, p.legal_given_name) || ' ' || p.legal_family_name`;
const PREVIEW = 120;
const preview = (text: string) => {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > PREVIEW ? `${flat.slice(0, PREVIEW - 1)}…` : flat;
};

export function threadReader(access: PatientAccess): Reader {
  const userId = access.actor.userId as string;
  return { userId, side: access.basis === "patient" || access.basis === "proxy" ? "patient" : "staff" };
}

export function threadSubject(d: Pick<MessagingDeps, "cipher">, row: { id: string; sealed_subject: string }): string {
  return d.cipher.open(row.sealed_subject, subjectSeal(row.id));
}

export async function patientRef(db: Db, rows: PatientRows) {
  const row = await rows
    .chart(db)
    .select(["p.id", chartName.as("name"), "p.date_of_birth"])
    .executeTakeFirstOrThrow();
  return { id: row.id, displayName: row.name, dateOfBirth: String(row.date_of_birth).slice(0, 10) };
}

/** The last message each thread shows in a list (notes only for staff). */
export async function previews(
  d: Pick<MessagingDeps, "cipher">,
  db: Db,
  threadIds: readonly string[],
  includeNotes: boolean,
): Promise<Map<string, string>> {
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
  return new Map(rows.map((r) => [r.thread_id, preview(d.cipher.open(r.sealed_body, bodySeal(r.id)))]));
}

/** A list's line for one sealed message body. */
export function previewOf(d: Pick<MessagingDeps, "cipher">, sealedBody: string, associatedData: string): string {
  return preview(d.cipher.open(sealedBody, associatedData));
}

export function listItem(
  d: Pick<MessagingDeps, "cipher" | "clock">,
  r: ThreadRow,
  poolName: string,
  unread: number,
  previewText: string,
): ThreadListItem {
  const now = d.clock.now();
  return {
    id: r.id,
    patientId: r.patient_id,
    topic: r.topic,
    subject: threadSubject(d, r),
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
export async function readMessages(
  d: Pick<MessagingDeps, "cipher" | "clock">,
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
      body: d.cipher.open(r.sealed_body, bodySeal(r.id)),
      autoReply,
      attachments: attachments
        .filter((a) => a.message_id === r.id)
        .map(
          (a): MessageAttachment => ({
            id: a.id,
            contentType: a.content_type,
            sizeBytes: a.size_bytes,
            fileName: attachmentFileName(a.id, a.content_type),
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
        read_at: d.clock.now(),
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
