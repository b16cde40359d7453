import { type Compilable, type Kysely, sql, type Transaction } from "kysely";
import { compiledQuery } from "../../db/compiled-query.ts";
import type { DB } from "../../db/schema.ts";
import type { AppointmentStatus } from "../../db/tables/scheduling.ts";
import type { PatientAccess } from "../../platform/access/patient-access.ts";
import { type PatientRows, patientRows } from "../../platform/access/scoped-query.ts";
import { patientTimeZoneSql } from "../../platform/time-zones.ts";
import type { AvailabilityException, Interval, WeeklyTemplate } from "./slot-engine.ts";

type Db = Kysely<DB> | Transaction<DB>;

/** Kysely queries for scheduling. No rules here: the service decides. */

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

export function listVisitTypes(db: Db, options: { activeOnly: boolean }) {
  let query = db.selectFrom("visit_types").selectAll().orderBy("specialty").orderBy("name");
  if (options.activeOnly) query = query.where("active", "=", true);
  return query.execute();
}

const visitTypeQuery = compiledQuery("portico_visit_type", (db, { id }: { id: string }) =>
  db.selectFrom("visit_types").selectAll().where("id", "=", id),
);

export async function findVisitType(db: Db, id: string) {
  return (await visitTypeQuery(db, { id }))[0];
}

export interface ProviderAtLocation {
  providerId: string;
  providerName: string;
  specialty: string;
  acceptingNewPatients: boolean;
  locationId: string;
  locationName: string;
  timeZone: string;
}

/** Active providers of a specialty with their active locations, optionally narrowed. */
export function providersForSpecialty(
  db: Db,
  specialty: string,
  filter: { providerId?: string; locationId?: string },
): Promise<ProviderAtLocation[]> {
  // the two shapes of every slot search and booking: compiled once, prepared
  if (!filter.locationId) {
    return filter.providerId
      ? providersOfSpecialtyByIdQuery(db, { specialty, providerId: filter.providerId })
      : providersOfSpecialtyQuery(db, { specialty });
  }
  return providersForSpecialtyQuery(db, specialty, filter).execute() as Promise<ProviderAtLocation[]>;
}

const providersOfSpecialtyQuery = compiledQuery(
  "portico_providers_of_specialty",
  (db, { specialty }: { specialty: string }) =>
    providersForSpecialtyQuery(db, specialty, {}) as unknown as Compilable<ProviderAtLocation>,
);
const providersOfSpecialtyByIdQuery = compiledQuery(
  "portico_provider_of_specialty",
  (db, { specialty, providerId }: { specialty: string; providerId: string }) =>
    providersForSpecialtyQuery(db, specialty, { providerId }) as unknown as Compilable<ProviderAtLocation>,
);

function providersForSpecialtyQuery(db: Db, specialty: string, filter: { providerId?: string; locationId?: string }) {
  let query = db
    .selectFrom("providers as p")
    .innerJoin("provider_locations as pl", "pl.provider_id", "p.id")
    .innerJoin("locations as l", "l.id", "pl.location_id")
    .select([
      "p.id as providerId",
      "p.display_name as providerName",
      "p.specialty as specialty",
      "p.accepting_new_patients as acceptingNewPatients",
      "l.id as locationId",
      "l.name as locationName",
      "l.time_zone as timeZone",
    ])
    .where("p.active", "=", true)
    .where("l.active", "=", true)
    .where("p.specialty", "=", specialty);
  if (filter.providerId) query = query.where("p.id", "=", filter.providerId);
  if (filter.locationId) query = query.where("l.id", "=", filter.locationId);
  return query;
}

export interface ProviderCalendar {
  templates: (WeeklyTemplate & { providerId: string })[];
  exceptions: (AvailabilityException & { providerId: string })[];
  busy: (Interval & { providerId: string })[];
}

type CalendarArgs = { providerIds: readonly string[]; from: Date; to: Date };

const calendarTemplatesQuery = compiledQuery(
  "portico_calendar_templates",
  (db, a: { providerIds: readonly string[]; visitTypeId: string }) =>
    db
      .selectFrom("availability_templates as t")
      .innerJoin("locations as l", "l.id", "t.location_id")
      .select([
        "t.provider_id as providerId",
        "t.location_id as locationId",
        "l.time_zone as timeZone",
        "t.weekday",
        sql<string>`to_char(t.start_time, 'HH24:MI')`.as("startTime"),
        sql<string>`to_char(t.end_time, 'HH24:MI')`.as("endTime"),
        "t.valid_from as validFrom",
        "t.valid_until as validUntil",
      ])
      .where(sql<boolean>`t.provider_id = any(${a.providerIds}::uuid[])`)
      .where("l.active", "=", true)
      .where(sql<boolean>`(cardinality(t.visit_type_ids) = 0 or ${a.visitTypeId}::uuid = any(t.visit_type_ids))`),
);

const calendarExceptionsQuery = compiledQuery("portico_calendar_exceptions", (db, a: CalendarArgs) =>
  db
    .selectFrom("availability_exceptions as e")
    .leftJoin("locations as l", "l.id", "e.location_id")
    .select([
      "e.provider_id as providerId",
      "e.kind",
      "e.starts_at as startsAt",
      "e.ends_at as endsAt",
      "e.location_id as locationId",
      "l.time_zone as timeZone",
    ])
    .where(sql<boolean>`e.provider_id = any(${a.providerIds}::uuid[])`)
    .where(sql<boolean>`e.ends_at > ${a.from}::timestamptz and e.starts_at < ${a.to}::timestamptz`),
);

const calendarBusyQuery = compiledQuery("portico_calendar_busy", (db, a: CalendarArgs) =>
  db
    .selectFrom("appointments")
    .select(["provider_id as providerId", sql<Date>`lower(blocked)`.as("start"), sql<Date>`upper(blocked)`.as("end")])
    .where(sql<boolean>`provider_id = any(${a.providerIds}::uuid[])`)
    .where("status", "<>", "cancelled")
    .where(sql<boolean>`blocked && tstzrange(${a.from}::timestamptz, ${a.to}::timestamptz)`),
);

/** Everything the slot engine needs for several providers over [from, to): three prepared queries. */
export async function loadCalendars(
  db: Db,
  providerIds: string[],
  visitTypeId: string,
  from: Date,
  to: Date,
): Promise<ProviderCalendar> {
  if (providerIds.length === 0) return { templates: [], exceptions: [], busy: [] };
  const [templates, exceptions, busy] = await Promise.all([
    calendarTemplatesQuery(db, { providerIds, visitTypeId }),
    calendarExceptionsQuery(db, { providerIds, from, to }),
    calendarBusyQuery(db, { providerIds, from, to }),
  ]);
  return {
    templates,
    exceptions: exceptions.map((e) => ({
      providerId: e.providerId,
      kind: e.kind,
      start: e.startsAt.getTime(),
      end: e.endsAt.getTime(),
      locationId: e.locationId,
      timeZone: e.timeZone,
    })),
    busy: busy.map((b) => ({
      providerId: b.providerId,
      start: new Date(b.start).getTime(),
      end: new Date(b.end).getTime(),
    })),
  };
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

/** The zone of the clinic's first location: the stand-in when no patient is named (staff searching). */
export async function clinicTimeZone(db: Db): Promise<string> {
  const row = await db
    .selectFrom("locations")
    .select("time_zone")
    .orderBy("created_at")
    .orderBy("name")
    .orderBy("id")
    .limit(1)
    .executeTakeFirst();
  return row?.time_zone ?? "UTC";
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

const appointmentColumns = [
  "a.id",
  "a.patient_id as patientId",
  "a.starts_at as startsAt",
  "a.ends_at as endsAt",
  "a.status",
  "a.arrived_at as arrivedAt",
  "a.cancelled_at as cancelledAt",
  "a.cancel_reason as cancelReason",
  "a.created_at as createdAt",
  "a.checked_in_at as checkedInAt",
  "a.roomed_at as roomedAt",
  "a.confirmed_at as confirmedAt",
  "a.status_before_step as statusBeforeStep",
  "vt.id as visitTypeId",
  "vt.name as visitTypeName",
  "vt.name_es as visitTypeNameEs",
  "vt.modality",
  "vt.duration_minutes as durationMinutes",
  "vt.cancellation_notice_minutes as cancellationNoticeMinutes",
  "vt.buffer_before_minutes as bufferBeforeMinutes",
  "vt.buffer_after_minutes as bufferAfterMinutes",
  "vt.booking_kind as bookingKind",
  "vt.intake_questionnaires as intakeQuestionnaires",
  "p.id as providerId",
  "p.display_name as providerName",
  "p.specialty",
  "l.id as locationId",
  "l.name as locationName",
  "l.time_zone as timeZone",
  "l.phone as locationPhone",
  "l.address as locationAddress",
] as const;

/** Appointments with what a page shows of each: all of them, or only the patient's of `rows`. */
function appointmentQuery(db: Db, rows?: PatientRows) {
  return (
    (rows ? rows.selectFrom(db, "appointments", "a") : db.selectFrom("appointments as a"))
      .innerJoin("visit_types as vt", "vt.id", "a.visit_type_id")
      .innerJoin("providers as p", "p.id", "a.provider_id")
      .innerJoin("locations as l", "l.id", "a.location_id")
      .innerJoin("patients as pt", "pt.id", "a.patient_id")
      // the visit "Reschedule" moved here from, for its old time
      .leftJoin("appointments as moved", "moved.id", "a.rescheduled_from_id")
      .select(appointmentColumns)
      .select([
        "moved.starts_at as movedFromStart",
        patientTimeZoneSql("pt").as("patientTimeZone"),
        "pt.preferred_name as patientPreferredName",
        "pt.legal_given_name as patientGivenName",
        "pt.legal_family_name as patientFamilyName",
      ])
      .select((eb) =>
        eb
          .exists(
            eb
              .selectFrom("waitlist_requests as w")
              .select("w.id")
              .whereRef("w.appointment_id", "=", "a.id")
              .where("w.active", "=", true),
          )
          .as("onWaitlist"),
      )
  );
}

export type AppointmentRow = Awaited<ReturnType<ReturnType<typeof appointmentQuery>["executeTakeFirstOrThrow"]>>;

/** every appointment of one patient, oldest first: compiled once, prepared (the list is on every patient's home page) */
const appointmentsOfPatientQuery = patientStatement("portico_appointments_of_patient", (db, patientId) =>
  appointmentQuery(db).where("a.patient_id", "=", patientId).orderBy("a.starts_at").orderBy("a.id"),
);

export function appointmentsOfPatient(db: Db, access: PatientAccess): Promise<AppointmentRow[]> {
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

export function appointmentById(db: Db, appointmentId: string, options: { forUpdate?: boolean } = {}) {
  let query = appointmentQuery(db).where("a.id", "=", appointmentId);
  if (options.forUpdate) query = query.forUpdate("a");
  return query.executeTakeFirst();
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

/** The day's appointments at one location (arrivals board) or for one provider (schedule). */
export function appointmentsBetween(
  db: Db,
  filter: { locationId?: string; locationIds?: readonly string[]; providerId?: string },
  from: Date,
  to: Date,
) {
  // appointmentQuery already joins the patient as pt
  let query = appointmentQuery(db)
    .select([
      "pt.legal_given_name as givenName",
      "pt.legal_family_name as familyName",
      "pt.preferred_name as preferredName",
      "pt.date_of_birth as dateOfBirth",
      "pt.mrn",
    ])
    .where("a.starts_at", ">=", from)
    .where("a.starts_at", "<", to)
    .orderBy("a.starts_at");
  if (filter.locationId) query = query.where("a.location_id", "=", filter.locationId);
  if (filter.locationIds) {
    if (filter.locationIds.length === 0) return Promise.resolve([]);
    query = query.where("a.location_id", "in", [...filter.locationIds]);
  }
  if (filter.providerId) query = query.where("a.provider_id", "=", filter.providerId);
  return query.execute();
}

export function isExclusionViolation(error: unknown): "provider" | "patient" | null {
  const e = error as { code?: string; constraint?: string; message?: string };
  if (e?.code !== "23P01") return null;
  const name = e.constraint ?? e.message ?? "";
  return name.includes("patient_overlap") ? "patient" : "provider";
}

/**
 * Serialises changes to one provider's calendar. Booking and moving take it shared (many at
 * once), saving time off or a block takes it exclusively: a booking either committed before the
 * time off was saved (so the time off sees it) or waits and then sees the time off.
 */
export async function lockProviderCalendar(db: Db, providerId: string, mode: "share" | "update"): Promise<void> {
  if (mode === "share") await shareProviderCalendarQuery(db, { providerId });
  else await db.selectFrom("providers").select("id").where("id", "=", providerId).forUpdate().execute();
}

// FOR KEY SHARE: the lock the appointment's foreign key takes anyway, so a booking adds no
// second lock on the row; it still waits for FOR UPDATE (time off being saved), and no longer
// for an edit of the provider's name or details
const shareProviderCalendarQuery = compiledQuery("portico_share_provider_calendar", (db, a: { providerId: string }) =>
  db.selectFrom("providers").select("id").where("id", "=", a.providerId).forKeyShare(),
);

const unavailableDuringQuery = compiledQuery(
  "portico_unavailable_during",
  (db, a: { providerId: string; start: Date; end: Date }) =>
    db
      .selectFrom("availability_exceptions")
      .select("id")
      .where("provider_id", "=", a.providerId)
      .where("kind", "in", ["time_off", "block"])
      .where("starts_at", "<", a.end)
      .where("ends_at", ">", a.start)
      .limit(1),
);

/** Whether time off or a block of the provider overlaps [start, end). */
export async function unavailableDuring(db: Db, providerId: string, start: Date, end: Date): Promise<boolean> {
  return (await unavailableDuringQuery(db, { providerId, start, end })).length > 0;
}

/** The provider's upcoming booked visits (not yet arrived) that overlap [start, end), oldest first. */
export function bookedVisitsOverlapping(
  db: Db,
  providerId: string,
  start: Date,
  end: Date,
  now: Date,
  options: { forUpdate?: boolean } = {},
) {
  let query = db
    .selectFrom("appointments as a")
    .innerJoin("visit_types as vt", "vt.id", "a.visit_type_id")
    .innerJoin("locations as l", "l.id", "a.location_id")
    .innerJoin("patients as pt", "pt.id", "a.patient_id")
    .select([
      "a.id",
      "a.patient_id as patientId",
      "a.starts_at as startsAt",
      "a.ends_at as endsAt",
      "a.status",
      "vt.name as visitTypeName",
      "vt.name_es as visitTypeNameEs",
      "l.name as locationName",
      "l.time_zone as timeZone",
      "pt.legal_given_name as givenName",
      "pt.legal_family_name as familyName",
      "pt.preferred_name as preferredName",
    ])
    .where("a.provider_id", "=", providerId)
    .where("a.status", "in", ["booked", "confirmed", "checked_in"])
    .where("a.starts_at", "<", end)
    .where("a.ends_at", ">", start)
    .where("a.starts_at", ">", now)
    .orderBy("a.starts_at")
    .orderBy("a.id");
  if (options.forUpdate) query = query.forUpdate("a");
  return query.execute();
}
