import { sql } from "kysely";
import { toFhirCommunication } from "../../../fhir/communication.ts";
import { bodySeal, subjectSeal } from "../../messaging/thread-store.ts";
import { paged, RECORD_PAGE_SIZE, type RecordSection } from "../section.ts";

/**
 * messaging: every conversation with its messages and automatic replies — never the care
 * team's internal notes (the query leaves them out, for everyone).
 */
export const conversationsRecordSection: RecordSection = {
  name: "conversations",
  scope: "messages",
  async *entries({ db, patientId, cipher }) {
    const threads = paged(
      (after: { at: Date; id: string } | null) =>
        db
          .selectFrom("message_threads")
          .select(["id", "topic", "sealed_subject", "status", "created_at", "closed_at"])
          .where("patient_id", "=", patientId)
          .$if(after !== null, (q) => q.where(sql<boolean>`(created_at, id) > (${after?.at}, ${after?.id})`))
          .orderBy("created_at")
          .orderBy("id")
          .limit(RECORD_PAGE_SIZE)
          .execute(),
      (t) => ({ at: t.created_at, id: t.id }),
    );
    for await (const t of threads) {
      const subject = cipher.open(t.sealed_subject, subjectSeal(t.id));
      const messages = await db
        .selectFrom("messages as m")
        .leftJoin("users as u", "u.id", "m.author_user_id")
        .select(["m.id", "m.kind", "m.author_kind", "m.sealed_body", "m.created_at", "u.display_name"])
        .where("m.thread_id", "=", t.id)
        .where("m.patient_id", "=", patientId)
        .where("m.kind", "<>", "internal_note")
        .orderBy("m.seq")
        .execute();
      const shown = messages.map((m) => ({
        id: m.id,
        kind: m.kind,
        from: m.author_kind,
        author: m.display_name,
        sentAt: m.created_at,
        body: cipher.open(m.sealed_body, bodySeal(m.id)),
      }));
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
        fhir: shown.map((m) =>
          toFhirCommunication({
            id: m.id,
            threadId: t.id,
            patientId,
            subject,
            body: m.body,
            fromPatientSide: m.from === "patient" || m.from === "proxy",
            authorName: m.author,
            sentAt: m.sentAt,
          }),
        ),
      };
    }
  },
};
