import { type Static, Type } from "typebox";
import { Literals } from "./common.ts";

/**
 * The whole-record download (SPEC §2.9): `GET /api/patients/:patientId/record?format=json|fhir`
 * streams everything the portal holds about the patient — JSON (`format: "portico.record"`, one
 * key per section under `sections`, the sections the reader's grant does not cover listed in
 * `withheld`) or a FHIR R4 `collection` Bundle.
 */
export const RecordDownloadQuery = Type.Object(
  { format: Type.Optional(Literals(["json", "fhir"])) },
  { additionalProperties: false },
);
export type RecordDownloadQuery = Static<typeof RecordDownloadQuery>;
export type RecordFormat = "json" | "fhir";

/**
 * What the reader's download will hold (`GET /api/patients/:patientId/record/contents`): the
 * sections, by their key in the JSON download (`appointments`, `labResults`, …), and those
 * withheld. `restricted`: a parent or guardian of a 12–17-year-old, who gets only the
 * appointments and medications parts and nothing marked confidential.
 */
export const RecordContents = Type.Object({
  sections: Type.Array(Type.String()),
  withheld: Type.Array(Type.String()),
  restricted: Type.Boolean(),
});
export type RecordContents = Static<typeof RecordContents>;
