import { sql } from "kysely";
import { toFhirAppointment } from "../../../fhir/appointment.ts";
import { paged, RECORD_PAGE_SIZE, type RecordSection } from "../section.ts";

/** scheduling: every appointment, past and upcoming, cancelled ones included. */
export const appointmentsRecordSection: RecordSection = {
  name: "appointments",
  scope: "appointments",
  async *entries({ db, patientId }) {
    const patient = await db
      .selectFrom("patients")
      .select(["legal_given_name", "legal_family_name", "preferred_name"])
      .where("id", "=", patientId)
      .executeTakeFirstOrThrow();
    const patientName = `${patient.preferred_name ?? patient.legal_given_name} ${patient.legal_family_name}`;
    const rows = paged(
      (after: { at: Date; id: string } | null) =>
        db
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
            "a.cancelled_at",
            "a.completed_at",
            "vt.name as visitType",
            "a.provider_id",
            "pr.display_name as providerName",
            "a.location_id",
            "l.name as locationName",
            "l.time_zone",
          ])
          .where("a.patient_id", "=", patientId)
          .$if(after !== null, (q) => q.where(sql<boolean>`(a.starts_at, a.id) > (${after?.at}, ${after?.id})`))
          .orderBy("a.starts_at")
          .orderBy("a.id")
          .limit(RECORD_PAGE_SIZE)
          .execute(),
      (r) => ({ at: r.starts_at, id: r.id }),
    );
    for await (const a of rows) {
      yield {
        json: {
          id: a.id,
          status: a.status,
          start: a.starts_at,
          end: a.ends_at,
          timeZone: a.time_zone,
          visitType: a.visitType,
          provider: a.providerName,
          location: a.locationName,
          bookedAt: a.created_at,
          cancelledAt: a.cancelled_at,
          completedAt: a.completed_at,
        },
        fhir: [
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
        ],
      };
    }
  },
};
