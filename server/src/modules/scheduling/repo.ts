import { type Compilable, type Kysely, sql, type Transaction } from "kysely";
import { compiledQuery } from "../../db/compiled-query.ts";
import type { DB } from "../../db/schema.ts";
import type { AppointmentStatus } from "../../db/tables/scheduling.ts";
import type { PatientAccess } from "../../platform/access/patient-access.ts";
import { type PatientRows, patientRows } from "../../platform/access/scoped-query.ts";
import { patientTimeZoneSql } from "../../platform/time-zones.ts";
import { type AppointmentRow, appointmentQuery } from "./appointment-query.ts";
import { clinicTimeZone } from "./catalogue-queries.ts";

export { type AppointmentRow, appointmentById, appointmentsBetween } from "./appointment-query.ts";
export {
  bookedVisitsOverlapping,
  loadCalendars,
  lockProviderCalendar,
  type ProviderCalendar,
  unavailableDuring,
} from "./calendar-queries.ts";
export {
  clinicTimeZone,
  findVisitType,
  listVisitTypes,
  type ProviderAtLocation,
  providersForSpecialty,
} from "./catalogue-queries.ts";

type Db = Kysely<DB> | Transaction<DB>;

/**
 * Kysely queries for scheduling. No rules here: the service decides. This file holds a
 * patient's own appointments (prepared statements over the patient's rows, booking, status);
 * the catalogue, the providers' calendars and the day lists are beside it and re-exported.
 */

/**
 * A prepared statement over one patient's rows (`compiledQuery`): built and compiled once with
 * a placeholder for the patient, each run binds the patient of the caller's `PatientRows`, so
 * it is reached only through an audited access (as `patientRows`' builders are) without being
 * rebuilt on every request. `build` uses `patientId` (a placeholder) as one bound value only.
 */
function patientStatement<Args extends Record<string, unknown>, Row>(
  name: string,
  build: (db: Db, patientId: string, args: Args) => Compilable<Row>,
): (db: Db, rows: PatientRows, args: Args) => Promise<Row[]> {
  const run = compiledQuery(name, (db, all: Args & { patientId: string }) => build(db, all.patientId, all));
  return (db, rows, args) => run(db, { ...args, patientId: rows.patientId });
}
/** The providers (of `providerIds`) who are the patient's PCP or have seen them. */
export async function providersEstablishedWith(
  db: Db,
  access: PatientAccess,
  providerIds: string[],
): Promise<Set<string>> {
  if (providerIds.length === 0) return new Set();
  const rows = await providersEstablishedQuery(db, patientRows(access, "appointments"), { providerIds });
  return new Set(rows.map((r) => r.id));
}

const providersEstablishedQuery = patientStatement(
  "portico_providers_established",
  (db, patientId, { providerIds }: { providerIds: readonly string[] }) =>
    db
      .selectFrom("providers as pr")
      .select("pr.id")
      .where(sql<boolean>`pr.id = any(${providerIds}::uuid[])`)
      .where((eb) =>
        eb.or([
          eb.exists(
            eb
              .selectFrom("patients as p")
              .select("p.id")
              .where("p.id", "=", patientId)
              .whereRef("p.pcp_provider_id", "=", "pr.id"),
          ),
          eb.exists(
            eb
              .selectFrom("appointments as a")
              .select("a.id")
              .where("a.patient_id", "=", patientId)
              .whereRef("a.provider_id", "=", "pr.id")
              .where("a.status", "in", ["completed", "arrived", "roomed", "in_visit"]),
          ),
        ]),
      ),
);

const patientFactsQuery = patientStatement("portico_scheduling_patient_facts", (db, patientId) =>
  db
    .selectFrom("patients")
    .select(["id", "status", "email", "preferred_language", "user_id"])
    .where("id", "=", patientId),
);

/** What self-booking asks of the patient's chart (status), as a prepared statement. */
export async function findPatientFacts(db: Db, access: PatientAccess) {
  return (await patientFactsQuery(db, patientRows(access, "appointments"), {}))[0];
}

/** The patient's own zone (video visits are shown in it), or the clinic's when they have none. */
export async function patientTimeZone(db: Db, access: PatientAccess): Promise<string> {
  const row = await patientRows(access, "appointments")
    .chart(db)
    .select(patientTimeZoneSql("p").as("timeZone"))
    .executeTakeFirst();
  return row?.timeZone ?? (await clinicTimeZone(db));
}
export interface NewAppointment {
  providerId: string;
  locationId: string;
  visitTypeId: string;
  start: Date;
  end: Date;
  blockedStart: Date;
  blockedEnd: Date;
  reasonForVisit: string | null;
  bookedBy: string | null;
  rescheduledFromId: string | null;
}

/** A new appointment of the patient the (write) access is for. */
export async function insertAppointment(db: Db, access: PatientAccess, a: NewAppointment): Promise<string> {
  const row = await db
    .insertInto("appointments")
    .values(
      patientRows(access, "appointments", "write").stamp({
        provider_id: a.providerId,
        location_id: a.locationId,
        visit_type_id: a.visitTypeId,
        starts_at: a.start,
        ends_at: a.end,
        blocked: sql<string>`tstzrange(${a.blockedStart}, ${a.blockedEnd})`,
        reason_for_visit: a.reasonForVisit,
        booked_by: a.bookedBy,
        rescheduled_from_id: a.rescheduledFromId,
      }),
    )
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}
/** every appointment of one patient, oldest first: compiled once, prepared (the list is on every patient's home page) */
/**
 * Each row also carries the patient's own zone (`listTimeZone`), the list's zone: a sub-select
 * that does not depend on the row, so PostgreSQL works it out once for the whole list instead
 * of the list needing a second query.
 */
const appointmentsOfPatientQuery = patientStatement("portico_appointments_of_patient", (db, patientId) =>
  appointmentQuery(db)
    .select(
      sql<string>`(select ${patientTimeZoneSql("zp")} from patients zp where zp.id = ${patientId})`.as("listTimeZone"),
    )
    .where("a.patient_id", "=", patientId)
    .orderBy("a.starts_at")
    .orderBy("a.id"),
);

export function appointmentsOfPatient(
  db: Db,
  access: PatientAccess,
): Promise<(AppointmentRow & { listTimeZone: string })[]> {
  return appointmentsOfPatientQuery(db, patientRows(access, "appointments"), {});
}

const appointmentOfPatientQuery = patientStatement(
  "portico_appointment_of_patient",
  (db, patientId, { appointmentId }: { appointmentId: string }) =>
    appointmentQuery(db).where("a.patient_id", "=", patientId).where("a.id", "=", appointmentId),
);

export async function appointmentOfPatient(
  db: Db,
  access: PatientAccess,
  appointmentId: string,
  options: { forUpdate?: boolean } = {},
): Promise<AppointmentRow | undefined> {
  const rows = patientRows(access, "appointments", options.forUpdate ? "write" : "read");
  if (!options.forUpdate) return (await appointmentOfPatientQuery(db, rows, { appointmentId }))[0];
  return appointmentQuery(db, rows).where("a.id", "=", appointmentId).forUpdate("a").executeTakeFirst();
}
export async function setStatus(
  db: Db,
  appointmentId: string,
  status: AppointmentStatus,
  extra: Partial<{
    cancelled_at: Date;
    cancelled_by: string | null;
    cancel_reason: string | null;
    arrived_at: Date | null;
    checked_in_at: Date;
    confirmed_at: Date;
    roomed_at: Date | null;
    visit_started_at: Date | null;
    completed_at: Date | null;
    status_before_step: AppointmentStatus | null;
  }> = {},
  now: Date = new Date(),
): Promise<void> {
  await db
    .updateTable("appointments")
    .set({ status, updated_at: now, ...extra })
    .where("id", "=", appointmentId)
    .execute();
}
export function isExclusionViolation(error: unknown): "provider" | "patient" | null {
  const e = error as { code?: string; constraint?: string; message?: string };
  if (e?.code !== "23P01") return null;
  const name = e.constraint ?? e.message ?? "";
  return name.includes("patient_overlap") ? "patient" : "provider";
}
