import type { Communication } from "@medplum/fhirtypes";
import { toFhirCommunication } from "../../../fhir/communication.ts";
import { bodySeal, subjectSeal } from "../../messaging/thread-store.ts";
import { changedAt, defineFhirType, PATIENT_PARAM, UUID_ID } from "../resource-type.ts";

/** Communication: the messages of the patient's conversations (`conversations` section) — never internal notes. */
export const communicationType = defineFhirType({
  type: "Communication",
  documentation:
    "Messages between the patient (or a caregiver) and the care team; never the care team's internal notes.",
  idPattern: UUID_ID,
  sources: [
    {
      section: "conversations",
      ownerOf: async (db, id) =>
        (
          await db
            .selectFrom("messages")
            .select("patient_id")
            .where("id", "=", id)
            .where("kind", "<>", "internal_note")
            .executeTakeFirst()
        )?.patient_id,
      lastUpdated: (db, ids) =>
        changedAt(db.selectFrom("messages").select(["id", "created_at as at"]).where("id", "in", ids).execute()),
      // keyed (the same mapping as `records/sections/conversations.ts`; never an internal note)
      readMany: async ({ db, patientId, cipher }, ids) =>
        (
          await db
            .selectFrom("messages as m")
            .innerJoin("message_threads as t", "t.id", "m.thread_id")
            .leftJoin("users as u", "u.id", "m.author_user_id")
            .select([
              "m.id",
              "m.thread_id",
              "t.sealed_subject",
              "m.author_kind",
              "m.sealed_body",
              "m.created_at",
              "u.display_name",
            ])
            .where("m.patient_id", "=", patientId)
            .where("t.patient_id", "=", patientId)
            .where("m.kind", "<>", "internal_note")
            .where("m.id", "in", ids)
            .execute()
        ).map((m) =>
          toFhirCommunication({
            id: m.id,
            threadId: m.thread_id,
            patientId,
            subject: cipher.open(m.sealed_subject, subjectSeal(m.thread_id)),
            body: cipher.open(m.sealed_body, bodySeal(m.id)),
            fromPatientSide: m.author_kind === "patient" || m.author_kind === "proxy",
            authorName: m.display_name,
            sentAt: m.created_at,
          }),
        ),
    },
  ],
  searchParams: [
    PATIENT_PARAM,
    {
      name: "sent",
      type: "date",
      documentation: "When the message was sent",
      values: (c: Communication) => [c.sent],
    },
  ],
});
