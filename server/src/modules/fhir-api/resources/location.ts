import type { Location } from "@medplum/fhirtypes";
import { defineFhirType, RESOURCE_ID_PARAM, US_CORE, UUID_ID } from "../resource-type.ts";
import {
  addressTexts,
  CLINIC_ORGANIZATION_ID,
  fhirAddress,
  type LocationRow,
  locationRows,
  rowDirectory,
} from "./directory-data.ts";

export function toLocation(l: LocationRow): Location {
  const address = fhirAddress(l.address);
  return {
    resourceType: "Location",
    id: l.id,
    status: l.active ? "active" : "inactive",
    name: l.name,
    mode: "instance",
    ...(l.phone ? { telecom: [{ system: "phone", value: l.phone, use: "work" }] } : {}),
    ...(address ? { address } : {}),
    managingOrganization: { reference: `Organization/${CLINIC_ORGANIZATION_ID}` },
  };
}

/** Location: the clinic's locations (directory data). */
export const locationType = defineFhirType({
  type: "Location",
  documentation:
    "The clinic's locations (directory, not patient data): name, address, phone. Any authenticated caller.",
  profile: `${US_CORE}us-core-location`,
  idPattern: UUID_ID,
  sources: [],
  directory: rowDirectory(locationRows, toLocation),
  searchParams: [
    {
      name: "name",
      type: "string",
      documentation: "The location's name (starts with, or any word of it; case and accents aside)",
      values: (l: Location) => [l.name],
    },
    {
      name: "address",
      type: "string",
      documentation: "Any part of the address: street, city, state, postal code",
      values: (l: Location) => addressTexts(l.address),
    },
    {
      name: "address-city",
      type: "string",
      documentation: "The city",
      values: (l: Location) => [l.address?.city],
    },
    {
      name: "address-state",
      type: "string",
      documentation: "The state (e.g. NY)",
      values: (l: Location) => [l.address?.state],
    },
    {
      name: "address-postalcode",
      type: "string",
      documentation: "The postal code (starts with)",
      values: (l: Location) => [l.address?.postalCode],
    },
    RESOURCE_ID_PARAM,
  ],
});
