import type { MedicationRequest } from "@medplum/fhirtypes";
import { claims, instant, ref, US_CORE } from "./reference.ts";

export interface MedicationFacts {
  id: string;
  patientId: string;
  name: string;
  rxnormCode: string | null;
  dose: string;
  directions: string;
  quantity: number;
  daysSupply: number;
  refillsRemaining: number;
  status: "active" | "stopped";
  prescriberId: string | null;
  prescriberName: string | null;
  createdAt: Date;
}

/**
 * FHIR R4 MedicationRequest for a medicine on the patient's list (RxNorm coded when known).
 * US Core MedicationRequest when the prescriber is known (the profile requires `requester`;
 * a medicine entered without one is base R4 only).
 */
export function toFhirMedicationRequest(m: MedicationFacts): MedicationRequest {
  return {
    resourceType: "MedicationRequest",
    id: m.id,
    ...(m.prescriberId ? claims(`${US_CORE}us-core-medicationrequest`) : {}),
    status: m.status === "active" ? "active" : "stopped",
    intent: "order",
    medicationCodeableConcept: {
      text: m.name,
      ...(m.rxnormCode
        ? { coding: [{ system: "http://www.nlm.nih.gov/research/umls/rxnorm", code: m.rxnormCode }] }
        : {}),
    },
    subject: ref("Patient", m.patientId),
    authoredOn: instant(m.createdAt),
    ...(m.prescriberId ? { requester: ref("Practitioner", m.prescriberId, m.prescriberName ?? undefined) } : {}),
    dosageInstruction: [{ text: `${m.dose} — ${m.directions}` }],
    dispenseRequest: {
      numberOfRepeatsAllowed: m.refillsRemaining,
      quantity: { value: m.quantity },
      expectedSupplyDuration: { value: m.daysSupply, unit: "days", system: "http://unitsofmeasure.org", code: "d" },
    },
  };
}
