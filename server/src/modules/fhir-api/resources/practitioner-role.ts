import type { PractitionerRole } from "@medplum/fhirtypes";
import { defineFhirType, RESOURCE_ID_PARAM, US_CORE, UUID_ID } from "../resource-type.ts";
import {
  CLINIC_ORGANIZATION_ID,
  type LocationRow,
  locationRows,
  type ProviderRow,
  providerRows,
  rowDirectory,
  specialtyConcept,
} from "./directory-data.ts";
import { conceptParam, referenceParam } from "./element-params.ts";

/** One role per provider (same id as the Practitioner): the clinic, the specialty, the locations worked. */
function toPractitionerRole(p: ProviderRow, locations: ReadonlyMap<string, LocationRow>): PractitionerRole {
  const here = p.locationIds.map((id) => locations.get(id)).filter((l): l is LocationRow => l !== undefined);
  const phone = here.find((l) => l.phone)?.phone;
  return {
    resourceType: "PractitionerRole",
    id: p.id,
    active: p.active,
    practitioner: { reference: `Practitioner/${p.id}`, display: p.displayName },
    organization: { reference: `Organization/${CLINIC_ORGANIZATION_ID}` },
    code: [
      {
        coding: [
          { system: "http://terminology.hl7.org/CodeSystem/practitioner-role", code: "doctor", display: "Doctor" },
        ],
      },
    ],
    specialty: [specialtyConcept(p.specialty)],
    location: here.map((l) => ({ reference: `Location/${l.id}`, display: l.name })),
    // the location's public phone (US Core: a role has contact details or an endpoint)
    ...(phone ? { telecom: [{ system: "phone", value: phone, use: "work" }] } : {}),
  };
}

async function roles(db: Parameters<typeof providerRows>[0], ids?: readonly string[]) {
  const providers = await providerRows(db, ids);
  const locations = new Map((await locationRows(db)).map((l) => [l.id, l]));
  return providers.map((p) => toPractitionerRole(p, locations));
}

/** PractitionerRole: each provider's role at the clinic (directory data). */
export const practitionerRoleType = defineFhirType({
  type: "PractitionerRole",
  documentation:
    "Each provider's role at the clinic (directory, not patient data; same id as the Practitioner): specialty (NUCC taxonomy), the locations where they see patients and the location's phone. Any authenticated caller.",
  profile: `${US_CORE}us-core-practitionerrole`,
  idPattern: UUID_ID,
  sources: [],
  directory: rowDirectory(roles, (role) => role),
  searchParams: [
    referenceParam("practitioner", "The provider: Practitioner/<id> or <id>", (r: PractitionerRole) => [
      r.practitioner,
    ]),
    conceptParam(
      "specialty",
      "NUCC taxonomy code (http://nucc.org/provider-taxonomy|207Q00000X) or urn:portico:specialty|<name>",
      (r: PractitionerRole) => r.specialty,
    ),
    referenceParam("location", "A location worked: Location/<id> or <id>", (r: PractitionerRole) => r.location),
    RESOURCE_ID_PARAM,
  ],
  includes: [
    {
      name: "PractitionerRole:practitioner",
      references: (r) => [(r as PractitionerRole).practitioner?.reference].filter((x): x is string => !!x),
    },
    {
      name: "PractitionerRole:location",
      references: (r) => ((r as PractitionerRole).location ?? []).map((l) => l.reference as string),
    },
  ],
});
