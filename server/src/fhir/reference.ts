/** Shared pieces of Portico's FHIR R4 mappers (one resource type per file in this folder). */
export const PORTICO_SYSTEM = "urn:portico";
/** `Patient/<id>` and friends: the stable ids Portico already uses */
export const ref = (type: string, id: string, display?: string) => ({
  reference: `${type}/${id}`,
  ...(display ? { display } : {}),
});
/** an instant as FHIR wants it (ISO 8601 with a zone) */
export const instant = (d: Date) => d.toISOString();
