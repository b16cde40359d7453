/** Shared pieces of Portico's FHIR R4 mappers (one resource type per file in this folder). */
export const PORTICO_SYSTEM = "urn:portico";
/** `Patient/<id>` and friends: the stable ids Portico already uses */
export const ref = (type: string, id: string, display?: string) => ({
  reference: `${type}/${id}`,
  ...(display ? { display } : {}),
});
/** an instant as FHIR wants it (ISO 8601 with a zone) */
export const instant = (d: Date) => d.toISOString();
/** US Core 5.0.1's profiles, claimed in `meta.profile` by a resource that conforms to one */
export const US_CORE = "http://hl7.org/fhir/us/core/StructureDefinition/";
/** the FHIR specification's own profiles (e.g. R4's vital signs, which every vital sign must meet) */
export const FHIR_PROFILE = "http://hl7.org/fhir/StructureDefinition/";
/** `meta` claiming these profiles */
export const claims = (...profile: string[]) => ({ meta: { profile } });
