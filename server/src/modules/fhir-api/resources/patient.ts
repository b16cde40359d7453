import { changedAt, defineFhirType, ID_PARAM, US_CORE, UUID_ID } from "../resource-type.ts";

/** Patient: the chart's demographics (the `profile` record section, mapped by `fhir/patient.ts`). */
export const patientType = defineFhirType({
  type: "Patient",
  documentation: "The patient's demographics and contact details (US Core Patient).",
  profile: `${US_CORE}us-core-patient`,
  idPattern: UUID_ID,
  sources: [
    {
      section: "profile",
      ownerOf: async (_db, id) => id,
      // the charts' ids, read by id (an allowance of scoped-access-coverage.test.ts)
      lastUpdated: (db, ids) =>
        changedAt(db.selectFrom("patients").select(["id", "updated_at as at"]).where("id", "in", ids).execute()),
    },
  ],
  searchParams: [ID_PARAM],
});
