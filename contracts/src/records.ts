import { type Static, Type } from "typebox";

/**
 * The whole-record download (SPEC §2.9): `GET /api/patients/:patientId/record?format=json|fhir`
 * streams everything the portal holds about the patient — JSON (`format: "portico.record"`, one
 * key per section under `sections`, the sections the reader's grant does not cover listed in
 * `withheld`) or a FHIR R4 `collection` Bundle.
 */
export const RecordDownloadQuery = Type.Object(
  { format: Type.Optional(Type.Union([Type.Literal("json"), Type.Literal("fhir")])) },
  { additionalProperties: false },
);
export type RecordDownloadQuery = Static<typeof RecordDownloadQuery>;
export type RecordFormat = "json" | "fhir";
