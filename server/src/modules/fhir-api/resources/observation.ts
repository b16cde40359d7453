import type { Observation } from "@medplum/fhirtypes";
import { changedAt, defineFhirType, PATIENT_PARAM, US_CORE, UUID_ID } from "../resource-type.ts";
import { codings } from "../search-params.ts";

/** Observation: the readings the patient sent (`readings` section; vital signs with LOINC codes and UCUM units). */
export const observationType = defineFhirType({
  type: "Observation",
  documentation:
    "Readings the patient sent: vital signs (LOINC codes, UCUM units) and blood glucose. Blood pressure claims US Core Blood Pressure; heart rate, body weight, body temperature and oxygen saturation the FHIR R4 vital-signs profile for their kind. US Core's other vital-signs profiles and its laboratory profile (glucose) are not claimed: this server's tests cannot check them.",
  supportedProfiles: [
    `${US_CORE}us-core-blood-pressure`,
    ...["heartrate", "bodyweight", "bodytemp", "oxygensat"].map((p) => `http://hl7.org/fhir/StructureDefinition/${p}`),
  ],
  idPattern: UUID_ID,
  sources: [
    {
      section: "readings",
      ownerOf: async (db, id) =>
        (await db.selectFrom("health_readings").select("patient_id").where("id", "=", id).executeTakeFirst())
          ?.patient_id,
      lastUpdated: (db, ids) =>
        changedAt(db.selectFrom("health_readings").select(["id", "created_at as at"]).where("id", "in", ids).execute()),
    },
  ],
  revincludes: ["Provenance:target"],
  searchParams: [
    PATIENT_PARAM,
    {
      name: "category",
      type: "token",
      documentation: "vital-signs or laboratory (system http://terminology.hl7.org/CodeSystem/observation-category)",
      values: (o: Observation) => codings(o.category),
    },
    {
      name: "code",
      type: "token",
      documentation: "The LOINC code, e.g. http://loinc.org|85354-9 (blood pressure) or 8867-4 (heart rate)",
      values: (o: Observation) => codings(o.code ? [o.code] : []),
    },
    {
      name: "date",
      type: "date",
      documentation: "When the reading was taken (prefixes eq, ne, gt, lt, ge, le; repeat for a range)",
      values: (o: Observation) => [o.effectiveDateTime],
    },
    {
      name: "status",
      type: "token",
      documentation: "Always final",
      values: (o: Observation) => [o.status],
    },
  ],
});
