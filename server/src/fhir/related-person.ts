import type { RelatedPerson } from "@medplum/fhirtypes";
import { instant, ref } from "./reference.ts";

export interface CaregiverFacts {
  id: string;
  patientId: string;
  name: string;
  relationship: string;
  scopes: string[];
  startsAt: Date;
  endsAt: Date | null;
  active: boolean;
}

/** FHIR R4 RelatedPerson for a caregiver (proxy) with access to the patient's record. */
export function toFhirRelatedPerson(c: CaregiverFacts): RelatedPerson {
  return {
    resourceType: "RelatedPerson",
    id: c.id,
    active: c.active,
    patient: ref("Patient", c.patientId),
    relationship: [{ text: c.relationship }],
    name: [{ text: c.name }],
    period: { start: instant(c.startsAt), ...(c.endsAt ? { end: instant(c.endsAt) } : {}) },
  };
}
