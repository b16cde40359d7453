import type { PatientScope } from "../../platform/access/policy.ts";
import { fhirResourceTypes } from "../fhir-api/resources/index.ts";
import { recordSections } from "../records/section.ts";

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
 * each read): the scopes of the record sections the FHIR API reads the type from, as the
 * resource type registry declares them. A type with no section (the clinic's directory) is
 * offered to anyone. Read at call time: modules register their sections when the server starts.
 */
export function typeScopes(type: string): readonly PatientScope[] {
  const found = fhirResourceTypes.find((t) => t.type === type);
  const scopes = new Set<PatientScope>();
  for (const source of found?.sources ?? []) {
    const section =
      typeof source.section === "string"
        ? recordSections.all().find((s) => s.section.name === source.section)?.section
        : source.section;
    if (!section)
      throw new Error(`the FHIR type ${type} reads a record section named ${source.section}, which no module declares`);
    scopes.add(section.scope);
  }
  return [...scopes];
}

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
