import { sql } from "kysely";
import type { AppointmentStatus } from "../../db/tables/scheduling.ts";
import { send } from "../../test/api.ts";
import type { TestContext } from "../../test/app.ts";
import { makePatient, makeStaff, type SignedInClient, type TestPatient, type TestUser } from "../../test/factories.ts";

/** A small clinic for scheduling tests: one New York location, one physician, three visit types. */
export interface TestClinic {
  locationId: string;
  physician: TestUser;
  providerId: string;
  /** works the location's arrivals board */
  frontDesk: TestUser;
  visitTypes: { established: string; newPatient: string; referral: string; video: string };
  /** the physician's own patient (PCP), with a login */
  patient: TestPatient;
  /** a second patient with a login, not established with the physician */
  stranger: TestPatient;
}

export async function makeTestClinic(t: TestContext): Promise<TestClinic> {
  const db = t.database.db;
  const { id: locationId } = await db
    .insertInto("locations")
    .values({ name: "Test Brooklyn", time_zone: "America/New_York", phone: "(555) 000-1111" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const physician = await makeStaff(t, "physician");
  const providerId = physician.providerId as string;
  await addWeekdayMornings(t, providerId, locationId);
  const frontDesk = await makeStaff(t, "front_desk", { locationIds: [locationId] });
  const questionnaire = JSON.stringify([
    { id: "concerns", text: "Anything to discuss?", type: "text", required: false },
    { id: "pain", text: "Pain today (0–10)", type: "scale_0_10", required: true },
  ]);
  const vt = (name: string, kind: VisitTypeOptions["kind"], modality: VisitTypeOptions["modality"] = "in_person") =>
    addVisitType(t, { name, kind, modality, questionnaire });
  const visitTypes = {
    established: await vt("Follow-up", "established"),
    newPatient: await vt("New patient", "new"),
    referral: await vt("Consultation", "referral"),
    video: await vt("Video follow-up", "established", "video"),
  };
  const patient = await makePatient(t, { withLogin: true, pcpProviderId: providerId });
  const stranger = await makePatient(t, { withLogin: true });
  return { locationId, physician, providerId, frontDesk, visitTypes, patient, stranger };
}

export interface VisitTypeOptions {
  name: string;
  kind: "established" | "new" | "referral";
  specialty?: string;
  modality?: "in_person" | "video";
  /** the check-in questionnaire, as stored (JSON text) */
  questionnaire?: string;
}

/** A 30-minute visit type (two hours' notice, 30 days ahead, a day's cancellation notice); answers its id. */
export async function addVisitType(t: TestContext, options: VisitTypeOptions): Promise<string> {
  const { id } = await t.database.db
    .insertInto("visit_types")
    .values({
      name: options.name,
      specialty: options.specialty ?? "family_medicine",
      duration_minutes: 30,
      modality: options.modality ?? "in_person",
      booking_kind: options.kind,
      minimum_notice_minutes: 120,
      horizon_days: 30,
      buffer_after_minutes: 0,
      cancellation_notice_minutes: 24 * 60,
      ...(options.questionnaire === undefined ? {} : { questionnaire: options.questionnaire }),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/** The provider works at the location, 09:00–12:00 Monday to Friday. */
export async function addWeekdayMornings(t: TestContext, providerId: string, locationId: string): Promise<void> {
  await t.database.db
    .insertInto("provider_locations")
    .values({ provider_id: providerId, location_id: locationId })
    .execute();
  await t.database.db
    .insertInto("availability_templates")
    .values(
      [1, 2, 3, 4, 5].map((weekday) => ({
        provider_id: providerId,
        location_id: locationId,
        weekday,
        start_time: "09:00",
        end_time: "12:00",
      })),
    )
    .execute();
}

/**
 * The settings of a new visit type as an admin sends them (`POST /api/admin/visit-types`, with a
 * name): 15 minutes in person, family medicine, established patients, an hour's notice.
 */
export const SHORT_VISIT_TYPE = {
  durationMinutes: 15,
  modality: "in_person",
  specialty: "family_medicine",
  bookingKind: "established",
  minimumNoticeMinutes: 60,
  horizonDays: 30,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  cancellationNoticeMinutes: 60,
} as const;

export interface VisitOptions {
  /** when it starts; it lasts 30 minutes */
  start: Date | string;
  /** the clinic's own patient unless given */
  patientId?: string;
  /** the clinic's established-patient visit unless given */
  visitTypeId?: string;
  /** the clinic's physician unless given */
  providerId?: string;
  /** the clinic's location unless given */
  locationId?: string;
  /** booked unless given */
  status?: AppointmentStatus;
  completedAt?: Date;
}

/** A visit written straight to the table (no booking rules); answers its id. */
export async function addVisit(t: TestContext, clinic: TestClinic, options: VisitOptions): Promise<string> {
  const start = new Date(options.start);
  const end = new Date(start.getTime() + 30 * 60_000);
  const { id } = await t.database.db
    .insertInto("appointments")
    .values({
      patient_id: options.patientId ?? clinic.patient.id,
      provider_id: options.providerId ?? clinic.providerId,
      location_id: options.locationId ?? clinic.locationId,
      visit_type_id: options.visitTypeId ?? clinic.visitTypes.established,
      starts_at: start,
      ends_at: end,
      blocked: sql<string>`tstzrange(${start}, ${end})`,
      status: options.status ?? "booked",
      completed_at: options.completedAt ?? null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/** The client moves a visit to the next status of its flow (arrived, roomed, completed…) from the arrivals board. */
export function setVisitStatus(t: TestContext, client: SignedInClient, appointmentId: string, status: string) {
  return send(t, client, "POST", `/api/appointments/${appointmentId}/status`, { status });
}

/**
 * The client books a visit with the clinic's physician at `start`: the established-patient type
 * unless `options` name another (and at a location, when they name one).
 */
export function bookVisit(
  t: TestContext,
  clinic: TestClinic,
  client: SignedInClient,
  patientId: string,
  start: string,
  options: { visitTypeId?: string; locationId?: string } = {},
) {
  return send(t, client, "POST", `/api/patients/${patientId}/appointments`, {
    visitTypeId: options.visitTypeId ?? clinic.visitTypes.established,
    providerId: clinic.providerId,
    start,
    ...(options.locationId ? { locationId: options.locationId } : {}),
  });
}
