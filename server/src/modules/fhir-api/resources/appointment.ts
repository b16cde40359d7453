import type { Appointment } from "@medplum/fhirtypes";
import { defineFhirType, PATIENT_PARAM, UUID_ID } from "../resource-type.ts";
import { dateParam, statusParam } from "./element-params.ts";
import { recordSource } from "./record-source.ts";

/** Appointment: every visit, past and upcoming, cancelled ones included (`appointments` section). */
export const appointmentType = defineFhirType({
  type: "Appointment",
  documentation: "The patient's visits, past and upcoming, cancelled ones included.",
  idPattern: UUID_ID,
  sources: [recordSource("appointments", "appointments", "updated_at")],
  searchParams: [
    PATIENT_PARAM,
    dateParam(
      "date",
      "When the visit starts (prefixes eq, ne, gt, lt, ge, le; repeat for a range)",
      (a: Appointment) => a.start,
    ),
    statusParam("booked, arrived, checked-in, fulfilled, noshow or cancelled (comma for either)"),
  ],
});
