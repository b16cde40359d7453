import type { PatientScope } from "../../platform/access/policy.ts";
import { fhirResourceTypes } from "../fhir-api/resources/index.ts";

/** the OpenID and SMART scopes that are not about a resource type */
export const OIDC_SCOPES = ["openid", "fhirUser", "launch/patient", "offline_access"] as const;

/** the FHIR types a token may name (`patient/<Type>.rs`): those the FHIR API serves */
export const smartTypes = (): string[] => fhirResourceTypes.map((t) => t.type);

/** every resource scope the authorization server knows: SMART v2 `patient/<Type>.rs` and `patient/*.rs` */
export function resourceScopes(): string[] {
  return ["patient/*.rs", ...smartTypes().map((type) => `patient/${type}.rs`)];
}

/**
 * The portal scope(s) a FHIR type's records belong to, for what the consent page offers a
 * caregiver (any one of them readable under the grant offers the type; the gate still decides
 * each read). Types not listed (the clinic's directory) are offered to anyone.
 */
export const TYPE_SCOPES: Readonly<Record<string, readonly PatientScope[]>> = {
  Patient: ["profile", "summary"],
  RelatedPerson: ["proxies"],
  Appointment: ["appointments"],
  MedicationRequest: ["medications"],
  Medication: ["medications"],
  Observation: ["health_updates", "medications"],
  QuestionnaireResponse: ["health_updates", "appointments"],
  ServiceRequest: ["referrals"],
  Communication: ["messages"],
  DocumentReference: ["messages", "profile"],
  Binary: ["messages", "profile"],
  AuditEvent: ["records"],
  Provenance: ["health_updates"],
};

/** the types a set of granted scopes allows reading */
export function typesAllowed(scopes: readonly string[]): { all: boolean; types: Set<string> } {
  const types = new Set<string>();
  let all = false;
  for (const scope of scopes) {
    const m = /^patient\/([A-Za-z*]+)\.rs$/.exec(scope);
    if (!m?.[1]) continue;
    if (m[1] === "*") all = true;
    else types.add(m[1]);
  }
  return { all, types };
}
