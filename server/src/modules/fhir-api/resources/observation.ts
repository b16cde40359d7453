import { changedAt, defineFhirType, PATIENT_PARAM, UUID_ID } from "../resource-type.ts";

/** Observation: the readings the patient sent (`readings` section; vital signs with LOINC codes and UCUM units). */
export const observationType = defineFhirType({
  type: "Observation",
  documentation: "Readings the patient sent: vital signs (LOINC codes, UCUM units) and blood glucose.",
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
  searchParams: [PATIENT_PARAM],
});
