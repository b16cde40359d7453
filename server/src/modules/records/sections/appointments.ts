import { type Kysely, sql, type Transaction } from "kysely";
import { compiledQuery } from "../../../db/compiled-query.ts";
import type { DB } from "../../../db/schema.ts";
import { toFhirAppointment } from "../../../fhir/appointment.ts";
import { paged, RECORD_PAGE_SIZE, type RecordSection } from "../section.ts";

type Db = Kysely<DB> | Transaction<DB>;

/** One page of the patient's appointments in start order (the patient's name on each row). */
function appointmentsPage(db: Db, patientId: string, after: { at: Date; id: string } | null) {
  return db
    .selectFrom("appointments as a")
    .innerJoin("visit_types as vt", "vt.id", "a.visit_type_id")
    .innerJoin("providers as pr", "pr.id", "a.provider_id")
    .innerJoin("locations as l", "l.id", "a.location_id")
    .innerJoin("patients as p", "p.id", "a.patient_id")
    .select([
      sql<string>`coalesce(p.preferred_name, p.legal_given_name) || ' ' || p.legal_family_name`.as("patientName"),
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
    .limit(RECORD_PAGE_SIZE);
}

const firstPage = compiledQuery("portico_record_appointments_first", (db, { patientId }: { patientId: string }) =>
  appointmentsPage(db, patientId, null),
);

/** scheduling: every appointment, past and upcoming, cancelled ones included. */
export const appointmentsRecordSection: RecordSection = {
  name: "appointments",
  scope: "appointments",
  async *entries({ db, patientId }) {
    // the first page is a prepared statement (the FHIR API's Appointment search reads it per request)
    const rows = paged(
      (after: { at: Date; id: string } | null) =>
        after === null ? firstPage(db, { patientId }) : appointmentsPage(db, patientId, after).execute(),
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
            patientName: a.patientName,
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
