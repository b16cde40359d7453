import type { MedicationRequest } from "@medplum/fhirtypes";
import { changedAt, defineFhirType, PATIENT_PARAM, US_CORE, UUID_ID } from "../resource-type.ts";

/** MedicationRequest: the medication list (`medications` section; confidential ones only for the patient). */
export const medicationRequestType = defineFhirType({
  type: "MedicationRequest",
  documentation:
    "The patient's medication list, active and stopped (RxNorm coded when known). US Core MedicationRequest when the prescriber is known (a medicine entered without one has no requester, which the profile requires, and claims no profile).",
  supportedProfiles: [`${US_CORE}us-core-medicationrequest`],
  idPattern: UUID_ID,
  sources: [
    {
      section: "medications",
      ownerOf: async (db, id) =>
        (await db.selectFrom("medications").select("patient_id").where("id", "=", id).executeTakeFirst())?.patient_id,
      lastUpdated: (db, ids) =>
        changedAt(db.selectFrom("medications").select(["id", "updated_at as at"]).where("id", "in", ids).execute()),
    },
  ],
  includes: [
    {
      // Portico codes the medicine inline (medicationCodeableConcept): followed when a reference is there
      name: "MedicationRequest:medication",
      references: (m) =>
        [(m as MedicationRequest).medicationReference?.reference].filter((r): r is string => r !== undefined),
    },
  ],
  searchParams: [
    PATIENT_PARAM,
    {
      name: "status",
      type: "token",
      documentation: "active or stopped",
      values: (m: MedicationRequest) => [m.status],
    },
    {
      name: "intent",
      type: "token",
      documentation: "Always order",
      values: (m: MedicationRequest) => [m.intent],
    },
  ],
});
