import type { MedicationRequest } from "@medplum/fhirtypes";
import { defineFhirType, PATIENT_PARAM, US_CORE, UUID_ID } from "../resource-type.ts";
import { statusParam } from "./element-params.ts";
import { recordSource } from "./record-source.ts";

/** MedicationRequest: the medication list (`medications` section; confidential ones only for the patient). */
export const medicationRequestType = defineFhirType({
  type: "MedicationRequest",
  documentation:
    "The patient's medication list, active and stopped (RxNorm coded when known). US Core MedicationRequest when the prescriber is known (a medicine entered without one has no requester, which the profile requires, and claims no profile).",
  supportedProfiles: [`${US_CORE}us-core-medicationrequest`],
  idPattern: UUID_ID,
  sources: [recordSource("medications", "medications", "updated_at")],
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
    statusParam("active or stopped"),
    {
      name: "intent",
      type: "token",
      documentation: "Always order",
      values: (m: MedicationRequest) => [m.intent],
    },
  ],
});
