import { type Kysely, type SelectQueryBuilder, sql, type Transaction } from "kysely";
import { compiledQuery } from "../../../db/compiled-query.ts";
import type { DB } from "../../../db/schema.ts";
import { toFhirAppointment } from "../../../fhir/appointment.ts";
import type { PatientRows } from "../../../platform/access/scoped-query.ts";
import { paged, RECORD_PAGE_SIZE, type RecordSection } from "../section.ts";

type Db = Kysely<DB> | Transaction<DB>;
/** the patient's appointments, as `appointments as a` (from the reader's `PatientRows`) */
type AppointmentRows = SelectQueryBuilder<DB & { a: DB["appointments"] }, "a", {}>;

/** What each entry shows of the patient's appointments (the patient's name on each row). */
function appointmentsOf(appointments: AppointmentRows) {
  return appointments
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
    ]);
}

/** One page of the patient's appointments in start order. */
function appointmentsPage(appointments: AppointmentRows, after: { at: Date; id: string } | null) {
  return appointmentsOf(appointments)
    .$if(after !== null, (q) => q.where(sql<boolean>`(a.starts_at, a.id) > (${after?.at}, ${after?.id})`))
    .orderBy("a.starts_at")
    .orderBy("a.id")
    .limit(RECORD_PAGE_SIZE);
}

/**
 * The first page as a prepared statement (the FHIR API's Appointment search reads it per
 * request): compiled once with a placeholder for the patient, each run binds the patient of
 * the reader's `PatientRows`, so it is reached only through the audited access.
 */
const firstPageStatement = compiledQuery(
  "portico_record_appointments_first",
  (db, { patientId }: { patientId: string }) =>
    appointmentsPage(db.selectFrom("appointments as a").where("a.patient_id", "=", patientId), null),
);
const firstPage = (db: Db, rows: PatientRows) => firstPageStatement(db, { patientId: rows.patientId });

type AppointmentRow = Awaited<ReturnType<typeof firstPageStatement>>[number];

const toAppointment = (patientId: string, a: AppointmentRow) =>
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
  });

/** scheduling: every appointment, past and upcoming, cancelled ones included. */
export const appointmentsRecordSection: RecordSection = {
  name: "appointments",
  scope: "appointments",
  async *entries({ db, rows }) {
    const rowsAfter = paged(
      (after: { at: Date; id: string } | null) =>
        after === null
          ? firstPage(db, rows)
          : appointmentsPage(rows.selectFrom(db, "appointments", "a"), after).execute(),
      (r) => ({ at: r.starts_at, id: r.id }),
    );
    for await (const a of rowsAfter) {
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
        fhir: [toAppointment(rows.patientId, a)],
      };
    }
  },
  async fhirByIds({ db, rows }, ids) {
    const found = await appointmentsOf(rows.selectFrom(db, "appointments", "a"))
      .where("a.id", "in", ids)
      .execute();
    return found.map((a) => toAppointment(rows.patientId, a));
  },
};
