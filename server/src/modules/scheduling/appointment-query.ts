import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { PatientRows } from "../../platform/access/scoped-query.ts";
import { videoVisitTimeZoneSql } from "../../platform/time-zones.ts";

type Db = Kysely<DB> | Transaction<DB>;

/** Appointments with what a page shows of each, one by id, and the front desk's day lists. */

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
export function appointmentQuery(db: Db, rows?: PatientRows) {
  return (
    appointmentQueryWithoutZone(db, rows)
      // the patient's zone is looked up for video visits only (null for in-person ones)
      .select(videoVisitTimeZoneSql("pt", "vt").as("patientTimeZone"))
  );
}

/**
 * `appointmentQuery` without the patient's zone (`patientTimeZone`): for a list of one patient's
 * visits, which looks their zone up once for the whole list rather than once a video visit.
 */
export function appointmentQueryWithoutZone(db: Db, rows?: PatientRows) {
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
export function appointmentById(db: Db, appointmentId: string, options: { forUpdate?: boolean } = {}) {
  let query = appointmentQuery(db).where("a.id", "=", appointmentId);
  if (options.forUpdate) query = query.forUpdate("a");
  return query.executeTakeFirst();
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
