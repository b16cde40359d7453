import type { Organization } from "@medplum/fhirtypes";
import type { DirectoryContext } from "../resource-type.ts";
import { defineFhirType, RESOURCE_ID_PARAM, US_CORE } from "../resource-type.ts";
import { addressTexts, CLINIC_ORGANIZATION_ID, fhirAddress, locationRows } from "./directory-data.ts";

async function clinic({ db, clinicName }: DirectoryContext): Promise<Organization> {
  const locations = (await locationRows(db)).filter((l) => l.active);
  const addresses = locations.map((l) => fhirAddress(l.address)).filter((a) => a !== undefined);
  const phone = locations.find((l) => l.phone)?.phone;
  return {
    resourceType: "Organization",
    id: CLINIC_ORGANIZATION_ID,
    active: true,
    type: [
      {
        coding: [
          {
            system: "http://terminology.hl7.org/CodeSystem/organization-type",
            code: "prov",
            display: "Healthcare Provider",
          },
        ],
      },
    ],
    name: clinicName,
    ...(phone ? { telecom: [{ system: "phone", value: phone, use: "work" }] } : {}),
    ...(addresses.length > 0 ? { address: addresses } : {}),
  };
}

/** Organization: the clinic itself (one, id `clinic`), its locations' addresses and phone. */
export const organizationType = defineFhirType({
  type: "Organization",
  documentation:
    "The clinic (one Organization, id `clinic`; directory, not patient data): its name, addresses and phone. Any authenticated caller.",
  profile: `${US_CORE}us-core-organization`,
  idPattern: /^clinic$/,
  sources: [],
  directory: {
    read: async (ctx, id) => (id === CLINIC_ORGANIZATION_ID ? clinic(ctx) : undefined),
    list: async (ctx) => [await clinic(ctx)],
  },
  searchParams: [
    {
      name: "name",
      type: "string",
      documentation: "The clinic's name (starts with; case and accents aside)",
      values: (o: Organization) => [o.name],
    },
    {
      name: "address",
      type: "string",
      documentation: "Any part of an address: street, city, state, postal code",
      values: (o: Organization) => (o.address ?? []).flatMap(addressTexts),
    },
    RESOURCE_ID_PARAM,
  ],
});
