import type { Communication } from "@medplum/fhirtypes";
import { defineFhirType, PATIENT_PARAM, UUID_ID } from "../resource-type.ts";
import { dateParam } from "./element-params.ts";
import { changedIn, ownerOfKindBut } from "./record-source.ts";

/** Communication: the messages of the patient's conversations (`conversations` section) — never internal notes. */
export const communicationType = defineFhirType({
  type: "Communication",
  documentation:
    "Messages between the patient (or a caregiver) and the care team; never the care team's internal notes.",
  idPattern: UUID_ID,
  sources: [
    {
      section: "conversations",
      ownerOf: ownerOfKindBut("messages", "internal_note"),
      lastUpdated: changedIn("messages", "created_at"),
    },
  ],
  searchParams: [PATIENT_PARAM, dateParam("sent", "When the message was sent", (c: Communication) => c.sent)],
});
