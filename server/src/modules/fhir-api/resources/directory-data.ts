import type { Address, CodeableConcept, HumanName, Resource } from "@medplum/fhirtypes";
import type { Db, DirectorySource } from "../resource-type.ts";

/**
 * The clinic's directory as the FHIR API shows it (Practitioner, PractitionerRole,
 * Organization, Location, Schedule, Slot): providers, locations and visit types, read-only.
 * Only what a patient may see in the portal's own booking pages: names, specialties, the
 * locations' public addresses and phones. Never a staff user's id, email or login.
 */

/** The one Organization: the clinic (a stable id, there is a single clinic per deployment). */
export const CLINIC_ORGANIZATION_ID = "clinic";

export interface ProviderRow {
  id: string;
  displayName: string;
  specialty: string;
  active: boolean;
  locationIds: string[];
}

export async function providerRows(db: Db, ids?: readonly string[]): Promise<ProviderRow[]> {
  if (ids && ids.length === 0) return [];
  const rows = await db
    .selectFrom("providers as p")
    .leftJoin("provider_locations as pl", "pl.provider_id", "p.id")
    .select(["p.id", "p.display_name", "p.specialty", "p.active", "pl.location_id"])
    .$if(ids !== undefined, (q) => q.where("p.id", "in", ids as string[]))
    .orderBy("p.display_name")
    .orderBy("p.id")
    .execute();
  const out = new Map<string, ProviderRow>();
  for (const r of rows) {
    const row = out.get(r.id) ?? {
      id: r.id,
      displayName: r.display_name,
      specialty: r.specialty,
      active: r.active,
      locationIds: [],
    };
    if (r.location_id) row.locationIds.push(r.location_id);
    out.set(r.id, row);
  }
  return [...out.values()];
}

export interface LocationRow {
  id: string;
  name: string;
  address: { line1?: string; line2?: string; city?: string; region?: string; postalCode?: string; country?: string };
  phone: string | null;
  active: boolean;
}

export async function locationRows(db: Db, ids?: readonly string[]): Promise<LocationRow[]> {
  if (ids && ids.length === 0) return [];
  const rows = await db
    .selectFrom("locations")
    .select(["id", "name", "address", "phone", "active"])
    .$if(ids !== undefined, (q) => q.where("id", "in", ids as string[]))
    .orderBy("name")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({ ...r, address: (r.address ?? {}) as LocationRow["address"] }));
}

export interface VisitTypeRow {
  id: string;
  name: string;
  specialty: string;
}

export async function visitTypeRows(db: Db, specialty?: string): Promise<VisitTypeRow[]> {
  return db
    .selectFrom("visit_types")
    .select(["id", "name", "specialty"])
    .where("active", "=", true)
    .$if(specialty !== undefined, (q) => q.where("specialty", "=", specialty as string))
    .orderBy("name")
    .orderBy("id")
    .execute();
}

/** A location's address (the structured one the clinic keeps) as FHIR */
export function fhirAddress(a: LocationRow["address"]): Address | undefined {
  if (!a.line1 && !a.city) return undefined;
  const line = [a.line1, a.line2].filter((l): l is string => Boolean(l));
  return {
    use: "work",
    ...(line.length > 0 ? { line } : {}),
    ...(a.city ? { city: a.city } : {}),
    ...(a.region ? { state: a.region } : {}),
    ...(a.postalCode ? { postalCode: a.postalCode } : {}),
    ...(a.country ? { country: a.country } : {}),
  };
}

/** every text of an address a string search compares (`address` matches any part) */
export const addressTexts = (a: Address | undefined): string[] =>
  a ? [...(a.line ?? []), a.city, a.state, a.postalCode, a.country].filter((s): s is string => Boolean(s)) : [];

/** "Dr. Chidi Okafor" → prefix Dr., given Chidi, family Okafor (the display name kept as text) */
export function humanName(displayName: string): HumanName {
  const [main = "", ...suffixes] = displayName.split(",").map((s) => s.trim());
  const words = main.split(/\s+/).filter(Boolean);
  const prefix = words[0] && /^(dr|mr|mrs|ms|mx|prof)\.?$/i.test(words[0]) ? [words.shift() as string] : [];
  const family = words.pop();
  return {
    use: "official",
    text: displayName,
    ...(family ? { family } : {}),
    ...(words.length > 0 ? { given: words } : {}),
    ...(prefix.length > 0 ? { prefix } : {}),
    ...(suffixes.length > 0 ? { suffix: suffixes } : {}),
  };
}

const NUCC = "http://nucc.org/provider-taxonomy";
export const SPECIALTY_SYSTEM = "urn:portico:specialty";
/** NUCC Health Care Provider Taxonomy codes for Portico's specialties (US Core's value set) */
const TAXONOMY: Record<string, { code: string; display: string }> = {
  family_medicine: { code: "207Q00000X", display: "Family Medicine Physician" },
  internal_medicine: { code: "207R00000X", display: "Internal Medicine Physician" },
  cardiology: { code: "207RC0000X", display: "Cardiovascular Disease Physician" },
  dermatology: { code: "207N00000X", display: "Dermatology Physician" },
  pediatrics: { code: "208000000X", display: "Pediatrics Physician" },
};

/** "family_medicine" → "Family medicine" */
export const specialtyText = (s: string) => (s.charAt(0).toUpperCase() + s.slice(1)).replaceAll("_", " ");

export function specialtyConcept(specialty: string): CodeableConcept {
  const nucc = TAXONOMY[specialty];
  return {
    coding: [
      ...(nucc ? [{ system: NUCC, code: nucc.code, display: nucc.display }] : []),
      { system: SPECIALTY_SYSTEM, code: specialty },
    ],
    text: specialtyText(specialty),
  };
}

export const VISIT_TYPE_SYSTEM = "urn:portico:visit-type";
export const visitTypeConcept = (v: VisitTypeRow): CodeableConcept => ({
  coding: [{ system: VISIT_TYPE_SYSTEM, code: v.id, display: v.name }],
  text: v.name,
});

/** the ids a reference search value names (`Practitioner/x`, `x`; commas for either) of one type */
export function referencedIds(values: readonly string[], type: string): string[] | undefined {
  if (values.length === 0) return undefined;
  // repeated parameters must all match: the first is enough to narrow, the rest are compared after
  return (values[0] as string)
    .split(",")
    .filter((v) => !v.includes("/") || v.startsWith(`${type}/`))
    .map((v) => v.slice(v.indexOf("/") + 1));
}

/** A directory type with one resource per row: read by id (one row), searched over every row. */
export const rowDirectory = <Row>(
  rows: (db: Db, ids?: readonly string[]) => Promise<Row[]>,
  toResource: (row: Row) => Resource,
): DirectorySource => ({
  read: async ({ db }, id) => {
    const [row] = await rows(db, [id]);
    return row ? toResource(row) : undefined;
  },
  list: async ({ db }) => (await rows(db)).map((row) => toResource(row)),
});
