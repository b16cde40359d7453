import type { CapabilityStatement } from "@medplum/fhirtypes";
import { fhirResourceTypes } from "./resources/index.ts";

/** Paging parameters every search takes. */
export const PAGING_PARAMS = [
  { name: "_count", type: "number" as const, documentation: "Entries per page (1–200; more is answered with 200)" },
  {
    name: "_offset",
    type: "number" as const,
    documentation: "Entries to skip (follow the Bundle's `next` link rather than building it)",
  },
];

/**
 * The CapabilityStatement at `/fhir/R4/metadata`: exactly the resource types, interactions,
 * search parameters and operations this server answers, built from `resources/` (nothing
 * listed that is not served).
 */
export function capabilityStatement(
  baseUrl: string,
  software: { name: string; releasedAt: Date },
): CapabilityStatement {
  return {
    resourceType: "CapabilityStatement",
    status: "active",
    date: software.releasedAt.toISOString(),
    kind: "instance",
    software: { name: software.name },
    implementation: { description: `${software.name} FHIR R4 API (read-only)`, url: baseUrl },
    fhirVersion: "4.0.1",
    format: ["json"],
    rest: [
      {
        mode: "server",
        documentation:
          "Read-only access to a patient's record for the patient and the caregivers they have granted access, through the same rules as the portal, and to the clinic's directory (practitioners, locations, schedules, free slots) for any authenticated caller. _include and _revinclude: only the values listed per resource; any other is 400 (not-supported), or ignored with Prefer: handling=lenient, like unknown search parameters.",
        security: {
          cors: true,
          description:
            "Signed-in portal session (cookie, from the portal's own origin only) or a bearer token. CORS: any origin, with the Authorization header, never cookies. A record the caller may not read answers 404. Directory types (Practitioner, PractitionerRole, Organization, Location, Schedule, Slot) are read by any authenticated caller.",
          // SMART App Launch (modules/smart): where apps get tokens; the full list is in .well-known/smart-configuration
          service: [
            {
              coding: [
                { system: "http://terminology.hl7.org/CodeSystem/restful-security-service", code: "SMART-on-FHIR" },
              ],
            },
          ],
          extension: [
            {
              url: "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris",
              extension: [
                { url: "authorize", valueUri: `${baseUrl.replace(/\/fhir\/R4$/, "")}/oauth/auth` },
                { url: "token", valueUri: `${baseUrl.replace(/\/fhir\/R4$/, "")}/oauth/token` },
                { url: "revoke", valueUri: `${baseUrl.replace(/\/fhir\/R4$/, "")}/oauth/token/revocation` },
                { url: "manage", valueUri: `${baseUrl.replace(/\/fhir\/R4$/, "")}/connected-apps` },
              ],
            },
          ],
        },
        resource: fhirResourceTypes.map((t) => ({
          type: t.type,
          documentation: t.documentation,
          ...(t.profile || t.supportedProfiles?.length
            ? { supportedProfile: [...new Set([...(t.profile ? [t.profile] : []), ...(t.supportedProfiles ?? [])])] }
            : {}),
          interaction:
            t.searchable === false
              ? [{ code: "read" as const }]
              : [{ code: "read" as const }, { code: "search-type" as const }],
          versioning: "versioned" as const,
          readHistory: false,
          ...(t.includes?.length ? { searchInclude: t.includes.map((i) => i.name) } : {}),
          ...(t.revincludes?.length ? { searchRevInclude: [...t.revincludes] } : {}),
          ...(t.searchable === false
            ? {}
            : {
                searchParam: [...t.searchParams, ...PAGING_PARAMS].map((p) => ({
                  name: p.name,
                  type: p.type,
                  documentation: p.documentation,
                })),
              }),
          ...(t.type === "Patient"
            ? {
                operation: [
                  {
                    name: "everything",
                    definition: "http://hl7.org/fhir/OperationDefinition/Patient-everything",
                    documentation: "Everything the patient's record download holds, as one Bundle",
                  },
                ],
              }
            : {}),
        })),
      },
    ],
  };
}
