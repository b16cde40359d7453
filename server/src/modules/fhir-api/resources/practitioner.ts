import type { Practitioner } from "@medplum/fhirtypes";
import { defineFhirType, RESOURCE_ID_PARAM, US_CORE, UUID_ID } from "../resource-type.ts";
import { codings } from "../search-params.ts";
import { humanName, type ProviderRow, providerRows, rowDirectory } from "./directory-data.ts";

export const PRACTITIONER_SYSTEM = "urn:portico:practitioner";

/** the clinic's provider as a FHIR Practitioner: the name only (no login, email or user id) */
export function toPractitioner(p: ProviderRow): Practitioner {
  return {
    resourceType: "Practitioner",
    id: p.id,
    identifier: [{ system: PRACTITIONER_SYSTEM, value: p.id }],
    active: p.active,
    name: [humanName(p.displayName)],
  };
}

const nameTexts = (p: Practitioner) =>
  (p.name ?? []).flatMap((n) => [n.text, n.family, ...(n.given ?? [])]).filter((s): s is string => Boolean(s));

/** Practitioner: the clinic's providers (directory data: any authenticated caller). */
export const practitionerType = defineFhirType({
  type: "Practitioner",
  documentation:
    "The clinic's providers (directory, not patient data): name and whether they still practise here. Any authenticated caller; a token needs a scope for Practitioner.",
  profile: `${US_CORE}us-core-practitioner`,
  idPattern: UUID_ID,
  sources: [],
  directory: rowDirectory(providerRows, toPractitioner),
  searchParams: [
    {
      name: "name",
      type: "string",
      documentation: "Any part of the name (starts with; case and accents aside)",
      values: nameTexts,
    },
    {
      name: "identifier",
      type: "token",
      documentation: `The provider's identifier (${PRACTITIONER_SYSTEM}|<id>)`,
      values: (p: Practitioner) =>
        codings((p.identifier ?? []).map((i) => ({ coding: [{ system: i.system, code: i.value }] }))),
    },
    RESOURCE_ID_PARAM,
  ],
});
