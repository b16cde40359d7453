import type { Appointment } from "@medplum/fhirtypes";
import { toFhirAppointment } from "../../../fhir/appointment.ts";
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
      // keyed (the same mapping as `records/sections/appointments.ts`)
      readMany: async ({ db, patientId }, ids) => {
        const patient = await db
          .selectFrom("patients")
          .select(["legal_given_name", "legal_family_name", "preferred_name"])
          .where("id", "=", patientId)
          .executeTakeFirstOrThrow();
        const patientName = `${patient.preferred_name ?? patient.legal_given_name} ${patient.legal_family_name}`;
        const rows = await db
          .selectFrom("appointments as a")
          .innerJoin("visit_types as vt", "vt.id", "a.visit_type_id")
          .innerJoin("providers as pr", "pr.id", "a.provider_id")
          .innerJoin("locations as l", "l.id", "a.location_id")
          .select([
            "a.id",
            "a.status",
            "a.starts_at",
            "a.ends_at",
            "a.created_at",
            "vt.name as visitType",
            "a.provider_id",
            "pr.display_name as providerName",
            "a.location_id",
            "l.name as locationName",
          ])
          .where("a.patient_id", "=", patientId)
          .where("a.id", "in", ids)
          .execute();
        return rows.map((a) =>
          toFhirAppointment({
            id: a.id,
            patientId,
            patientName,
            status: a.status,
            start: a.starts_at,
            end: a.ends_at,
            visitTypeName: a.visitType,
            providerId: a.provider_id,
            providerName: a.providerName,
            locationId: a.location_id,
            locationName: a.locationName,
            createdAt: a.created_at,
          }),
        );
      },
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
