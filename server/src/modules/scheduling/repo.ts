import { type Compilable, type Kysely, sql, type Transaction } from "kysely";
import { compiledQuery, uuidList } from "../../db/compiled-query.ts";
import type { DB } from "../../db/schema.ts";
import type { AppointmentStatus } from "../../db/tables/scheduling.ts";
import type { PatientAccess } from "../../platform/access/patient-access.ts";
import { type PatientRows, patientRows } from "../../platform/access/scoped-query.ts";
import { patientTimeZoneSql } from "../../platform/time-zones.ts";
import { type AppointmentRow, appointmentQuery, appointmentQueryWithoutZone } from "./appointment-query.ts";
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
/**
 * What self-booking asks of the patient's chart, in one statement: their registration status,
 * and which of `providerIds` are their PCP or have seen them (a completed visit, or one under way).
 * Undefined when the chart is not there.
 */
export async function selfBookingFacts(db: Db, access: PatientAccess, providerIds: readonly string[]) {
  const row = (await selfBookingFactsQuery(db, patientRows(access, "appointments"), { providerIds }))[0];
  return row && { status: row.status, established: new Set(row.established) };
}

const selfBookingFactsQuery = patientStatement(
  "portico_self_booking_facts",
  (db, patientId, { providerIds }: { providerIds: readonly string[] }) =>
    db
      .selectFrom("patients as p")
      .select([
        "p.status",
        // one pass over the patient's own visits (an index on patient_id), not a look per
        // provider: with current statistics PostgreSQL read a look per provider as a scan of
        // the whole table
        sql<string[]>`array(
          select a.provider_id::text from appointments a
          where a.patient_id = p.id and a.provider_id = any(${uuidList(providerIds)})
            and a.status in ('completed', 'arrived', 'roomed', 'in_visit')
          union
          select p.pcp_provider_id::text where p.pcp_provider_id = any(${uuidList(providerIds)}))`.as("established"),
      ])
      .where("p.id", "=", patientId),
);

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
/**
 * A patient's appointment list: every upcoming visit, and one page of past ones (prepared
 * statements, compiled once: the list is on every patient's home page). A visit is upcoming
 * while it has not ended and is not cancelled, completed or missed; every other is past. A
 * visit moved by "Reschedule" is listed once, as its new time: the old row stays in the record
 * (cancelled, reason "rescheduled", the new row pointing back at it) but is in neither part.
 *
 * Each row carries the patient's own zone (`listTimeZone`), the list's zone: a sub-select that
 * does not depend on the row, so PostgreSQL works it out once for the whole statement instead of
 * once a video visit, and the list needs no other query for it.
 */
const NOT_UPCOMING = ["cancelled", "completed", "no_show"] as const;

function listRowsQuery(db: Db, patientId: string) {
  return appointmentQueryWithoutZone(db)
    .select(
      sql<string>`(select ${patientTimeZoneSql("zp")} from patients zp where zp.id = ${patientId})`.as("listTimeZone"),
    )
    .where("a.patient_id", "=", patientId)
    .where((eb) => eb.or([eb("a.cancel_reason", "is", null), eb("a.cancel_reason", "!=", "rescheduled")]));
}

type ListArgs = { now: Date; beforeStart: Date | string; beforeId: string; limit: number };

/**
 * Both parts of the list in one statement (one round trip): the upcoming visits, and `limit`
 * past visits, newest first (start, then id), strictly before (`beforeStart`, `beforeId`).
 */
const listOfPatientQuery = patientStatement(
  "portico_list_of_patient",
  (db, patientId, { now, beforeStart, beforeId, limit }: ListArgs) =>
    db
      .selectFrom(
        listRowsQuery(db, patientId)
          .select(sql<boolean>`true`.as("upcoming"))
          .where("a.ends_at", ">", now)
          .where("a.status", "not in", NOT_UPCOMING)
          .as("u"),
      )
      .selectAll()
      .unionAll(
        db
          .selectFrom(
            listRowsQuery(db, patientId)
              .select(sql<boolean>`false`.as("upcoming"))
              .where((eb) => eb.or([eb("a.ends_at", "<=", now), eb("a.status", "in", NOT_UPCOMING)]))
              .where(sql<boolean>`(a.starts_at, a.id) < (${beforeStart}::timestamptz, ${beforeId}::uuid)`)
              .orderBy("a.starts_at", "desc")
              .orderBy("a.id", "desc")
              .limit(sql<number>`${limit}::int`)
              .as("p"),
          )
          .selectAll(),
      ),
);

export type ListedAppointmentRow = AppointmentRow & { listTimeZone: string };

/** the list's rows as `appointmentQuery` gives them: the patient's zone on video visits (else null) */
function withPatientZone(rows: Omit<ListedAppointmentRow, "patientTimeZone">[]): ListedAppointmentRow[] {
  for (const row of rows) {
    (row as ListedAppointmentRow).patientTimeZone = row.modality === "video" ? row.listTimeZone : null;
  }
  return rows as ListedAppointmentRow[];
}

/** The last visit of every patient's order (start, then id): the first page of past visits starts before it. */
const BEFORE_ALL = { beforeStart: "infinity", beforeId: "ffffffff-ffff-ffff-ffff-ffffffffffff" };

const byStart = (x: AppointmentRow, y: AppointmentRow) =>
  x.startsAt.getTime() - y.startsAt.getTime() || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);

/**
 * The patient's visits still to come, soonest first, and up to `limit` past ones, newest first,
 * older than `before` (the last visit of the page before) or from the newest.
 */
export async function listOfPatient(
  db: Db,
  access: PatientAccess,
  now: Date,
  limit: number,
  before: { start: Date; id: string } | null,
): Promise<{ upcoming: ListedAppointmentRow[]; past: ListedAppointmentRow[] }> {
  const from = before ? { beforeStart: before.start, beforeId: before.id } : BEFORE_ALL;
  const rows = await listOfPatientQuery(db, patientRows(access, "appointments"), { now, limit, ...from });
  const upcoming: (typeof rows)[number][] = [];
  const past: (typeof rows)[number][] = [];
  for (const { upcoming: isUpcoming, ...row } of rows)
    (isUpcoming ? upcoming : past).push(row as (typeof rows)[number]);
  return {
    upcoming: withPatientZone(upcoming).sort(byStart),
    past: withPatientZone(past).sort((x, y) => byStart(y, x)),
  };
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
