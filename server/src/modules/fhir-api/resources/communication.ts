import type { Communication } from "@medplum/fhirtypes";
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
