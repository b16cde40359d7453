import type { Appointment } from "@medplum/fhirtypes";
import { changedAt, defineFhirType, PATIENT_PARAM, UUID_ID } from "../resource-type.ts";

/** Appointment: every visit, past and upcoming, cancelled ones included (`appointments` section). */
export const appointmentType = defineFhirType({
  type: "Appointment",
  documentation: "The patient's visits, past and upcoming, cancelled ones included.",
  idPattern: UUID_ID,
  sources: [
    {
      section: "appointments",
      ownerOf: async (db, id) =>
        (await db.selectFrom("appointments").select("patient_id").where("id", "=", id).executeTakeFirst())
          ?.patient_id ?? undefined,
      lastUpdated: (db, ids) =>
        changedAt(db.selectFrom("appointments").select(["id", "updated_at as at"]).where("id", "in", ids).execute()),
    },
  ],
  searchParams: [
    PATIENT_PARAM,
    {
      name: "date",
      type: "date",
      documentation: "When the visit starts (prefixes eq, ne, gt, lt, ge, le; repeat for a range)",
      values: (a: Appointment) => [a.start],
    },
    {
      name: "status",
      type: "token",
      documentation: "booked, arrived, checked-in, fulfilled, noshow or cancelled (comma for either)",
      values: (a: Appointment) => [a.status],
    },
  ],
});
