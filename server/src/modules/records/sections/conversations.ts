import { sql } from "kysely";
import { toFhirCommunication } from "../../../fhir/communication.ts";
import type { FieldCipher } from "../../../platform/crypto.ts";
import { bodySeal, subjectSeal } from "../../messaging/thread-store.ts";
import { paged, RECORD_PAGE_SIZE, type RecordReader, type RecordSection } from "../section.ts";

/** the patient's messages of one conversation, or (keyed) with these ids — never an internal note */
const messageRows = ({ db, rows }: RecordReader, { threadId, ids }: { threadId?: string; ids?: readonly string[] }) =>
  rows
    .selectFrom(db, "messages", "m")
    .leftJoin("users as u", "u.id", "m.author_user_id")
    .select(["m.id", "m.thread_id", "m.kind", "m.author_kind", "m.sealed_body", "m.created_at", "u.display_name"])
    .where("m.kind", "<>", "internal_note")
    .$if(threadId !== undefined, (q) => q.where("m.thread_id", "=", threadId as string))
    .$if(ids !== undefined, (q) => q.where("m.id", "in", ids as string[]))
    .orderBy("m.seq")
    .execute();

type MessageRow = Awaited<ReturnType<typeof messageRows>>[number];

/** a message as the download shows it (its body opened) */
const shownMessage = (cipher: FieldCipher, m: MessageRow) => ({
  id: m.id,
  kind: m.kind,
  from: m.author_kind,
  author: m.display_name,
  sentAt: m.created_at,
  body: cipher.open(m.sealed_body, bodySeal(m.id)),
});

const toCommunication = (patientId: string, threadId: string, subject: string, m: ReturnType<typeof shownMessage>) =>
  toFhirCommunication({
    id: m.id,
    threadId,
    patientId,
    subject,
    body: m.body,
    fromPatientSide: m.from === "patient" || m.from === "proxy",
    authorName: m.author,
    sentAt: m.sentAt,
  });

/**
 * messaging: every conversation with its messages and automatic replies — never the care
 * team's internal notes (the query leaves them out, for everyone).
 */
export const conversationsRecordSection: RecordSection = {
  name: "conversations",
  scope: "messages",
  async *entries(reader) {
    const { db, rows, cipher } = reader;
    const threads = paged(
      (after: { at: Date; id: string } | null) =>
        rows
          .selectFrom(db, "message_threads")
          .select(["id", "topic", "sealed_subject", "status", "created_at", "closed_at"])
          .$if(after !== null, (q) => q.where(sql<boolean>`(created_at, id) > (${after?.at}, ${after?.id})`))
          .orderBy("created_at")
          .orderBy("id")
          .limit(RECORD_PAGE_SIZE)
          .execute(),
      (t) => ({ at: t.created_at, id: t.id }),
    );
    for await (const t of threads) {
      const subject = cipher.open(t.sealed_subject, subjectSeal(t.id));
      const shown = (await messageRows(reader, { threadId: t.id })).map((m) => shownMessage(cipher, m));
      yield {
        json: {
          id: t.id,
          topic: t.topic,
          subject,
          status: t.status,
          startedAt: t.created_at,
          closedAt: t.closed_at,
          messages: shown,
        },
        fhir: shown.map((m) => toCommunication(rows.patientId, t.id, subject, m)),
      };
    }
  },
  // keyed by message id (never an internal note), each with its conversation's subject
  async fhirByIds(reader, ids) {
    const { db, rows, cipher } = reader;
    const messages = await messageRows(reader, { ids });
    if (messages.length === 0) return [];
    const threads = await rows
      .selectFrom(db, "message_threads")
      .select(["id", "sealed_subject"])
      .where("id", "in", [...new Set(messages.map((m) => m.thread_id))])
      .execute();
    const subjects = new Map(threads.map((t) => [t.id, cipher.open(t.sealed_subject, subjectSeal(t.id))]));
    return messages.flatMap((m) => {
      const subject = subjects.get(m.thread_id);
      return subject === undefined
        ? []
        : [toCommunication(rows.patientId, m.thread_id, subject, shownMessage(cipher, m))];
    });
  },
};
