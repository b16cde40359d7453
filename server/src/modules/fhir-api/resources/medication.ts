import type { Medication } from "@medplum/fhirtypes";
import type { RecordReader, RecordSection } from "../../records/section.ts";
import { defineFhirType, US_CORE, UUID_ID } from "../resource-type.ts";
import { recordSource } from "./record-source.ts";

const RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";

function toMedication(m: { id: string; name: string; rxnorm_code: string | null }): Medication {
  return {
    resourceType: "Medication",
    id: m.id,
    code: {
      text: m.name,
      ...(m.rxnorm_code ? { coding: [{ system: RXNORM, code: m.rxnorm_code, display: m.name }] } : {}),
    },
  };
}

/** the patient's medicines (confidential ones only when the access includes them), or (keyed) those with these ids */
const medicines = ({ db, rows }: RecordReader, ids?: readonly string[]) =>
  rows
    .selectFrom(db, "medications")
    .select(["id", "name", "rxnorm_code"])
    .$if(ids !== undefined, (q) => q.where("id", "in", ids as string[]))
    .orderBy("id")
    .execute();

/** the medicines on the medication list, as Medication (the FHIR API's own section; the download holds them as MedicationRequest) */
const medicationSection: RecordSection = {
  name: "fhir-api:medication",
  scope: "medications",
  async *entries(reader) {
    for (const m of await medicines(reader)) yield { json: {}, fhir: [toMedication(m)] };
  },
  fhirByIds: async (reader, ids) => (await medicines(reader, ids)).map(toMedication),
};

/**
 * Medication: the medicine of each entry of the medication list (same id as its
 * MedicationRequest), RxNorm coded when known; confidential ones only for the patient. Read by
 * id only (FHIR defines no patient search for Medication).
 */
export const medicationType = defineFhirType({
  type: "Medication",
  documentation:
    "The medicine of each entry on the medication list (same id as its MedicationRequest; RxNorm coded when known). Read by id; not searched.",
  profile: `${US_CORE}us-core-medication`,
  idPattern: UUID_ID,
  searchable: false,
  sources: [recordSource(medicationSection, "medications", "updated_at")],
  searchParams: [],
});
