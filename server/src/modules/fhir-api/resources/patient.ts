import { defineFhirType, ID_PARAM, US_CORE, UUID_ID } from "../resource-type.ts";
import { changedIn } from "./record-source.ts";

/** Patient: the chart's demographics (the `profile` record section, mapped by `fhir/patient.ts`). */
export const patientType = defineFhirType({
  type: "Patient",
  documentation: "The patient's demographics and contact details (US Core Patient).",
  profile: `${US_CORE}us-core-patient`,
  idPattern: UUID_ID,
  sources: [{ section: "profile", ownerOf: async (_db, id) => id, lastUpdated: changedIn("patients", "updated_at") }],
  searchParams: [ID_PARAM],
});
