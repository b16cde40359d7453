import type { Patient } from "@medplum/fhirtypes";
import { claims, PORTICO_SYSTEM, US_CORE } from "./reference.ts";

export interface PatientFacts {
  id: string;
  mrn: string;
  givenName: string;
  familyName: string;
  preferredName: string | null;
  dateOfBirth: string;
  sex: "female" | "male" | "other" | "unknown";
  phone: string | null;
  email: string | null;
  language: string;
  address: {
    line1?: string;
    line2?: string;
    city?: string;
    region?: string;
    postalCode?: string;
    country?: string;
  } | null;
}

/** FHIR R4 Patient, US Core Patient (identifier, name, birth date, administrative gender, telecom, language). */
export function toFhirPatient(p: PatientFacts): Patient {
  const address = p.address?.line1
    ? [
        {
          line: [p.address.line1, p.address.line2].filter((l): l is string => Boolean(l)),
          city: p.address.city,
          state: p.address.region,
          postalCode: p.address.postalCode,
          country: p.address.country,
        },
      ]
    : undefined;
  return {
    resourceType: "Patient",
    id: p.id,
    ...claims(`${US_CORE}us-core-patient`),
    identifier: [{ system: `${PORTICO_SYSTEM}:mrn`, value: p.mrn }],
    name: [
      { use: "official", family: p.familyName, given: [p.givenName] },
      ...(p.preferredName ? [{ use: "usual" as const, given: [p.preferredName], family: p.familyName }] : []),
    ],
    birthDate: p.dateOfBirth,
    gender: p.sex,
    telecom: [
      ...(p.phone ? [{ system: "phone" as const, value: p.phone }] : []),
      ...(p.email ? [{ system: "email" as const, value: p.email }] : []),
    ],
    ...(address ? { address } : {}),
    communication: [{ language: { coding: [{ system: "urn:ietf:bcp:47", code: p.language }] }, preferred: true }],
  };
}
