import type { Kysely, Transaction } from "kysely";
import type { Config } from "../../config.ts";
import type { Database } from "../../db/database.ts";
import type { DB } from "../../db/schema.ts";
import { emailFirstName, whoMayBeTold } from "../../platform/access/notice-recipients.ts";
import { type AgeBounds, DEFAULT_AGE_BOUNDS } from "../../platform/access/policy.ts";
import type { Clock } from "../../platform/clock.ts";
import type { JobQueue, QueuedJob } from "../../platform/jobs/index.ts";
import type { Mailer } from "../../platform/mail/mailer.ts";
import type { MailLocale } from "../../platform/mail/templates.ts";
import { displayTimeZone, patientTimeZoneSql } from "../../platform/time-zones.ts";
import { currentDb } from "../../platform/transaction.ts";
import { buildIcs, formatAddress } from "./ics.ts";
import { appointmentBooked, appointmentCancelled } from "./mail-templates.ts";
import type { SchedulingEvents } from "./service.ts";

type Db = Kysely<DB> | Transaction<DB>;

const MINUTE = 60_000;

export const REMINDER_QUEUE = "scheduling.reminder";
export const SLOT_FREED_QUEUE = "scheduling.slot-freed";

/** Reminder lead times in minutes before the start: 3 days and 1 day (SPEC §2.3). */
export const DEFAULT_REMINDER_LEADS_MINUTES: readonly number[] = [3 * 24 * 60, 24 * 60];

export interface ReminderPayload {
  appointmentId: string;
  /** the start the reminder was scheduled for: a moved or cancelled appointment gets none */
  start: string;
  /** "3d", "1d", "4h" */
  lead: string;
}

export interface SlotFreedPayload {
  providerId: string;
  visitTypeId: string;
  locationId: string;
  start: string;
  end: string;
}

export interface SchedulingEventsDeps {
  db: Database;
  clock: Clock;
  jobs: JobQueue;
  mailer: Mailer;
  config: Pick<Config, "publicUrl">;
  /** minutes before the start; default 3 days and 1 day */
  reminderLeadsMinutes?: readonly number[];
}

/** "3d", "1d", "6h", "90m": the lead as it appears in dedupe keys. */
export function leadLabel(minutes: number): string {
  if (minutes % (24 * 60) === 0) return `${minutes / (24 * 60)}d`;
  if (minutes % 60 === 0) return `${minutes / 60}h`;
  return `${minutes}m`;
}

export interface Recipient {
  email: string;
  locale: MailLocale;
}

/**
 * Who receives a patient's appointment emails: the patient's own address (or their login's),
 * each in the reader's language; a patient with neither — a young child — is reached through
 * the proxies whose grant covers appointments now, as the access policy decides it
 * (`effectiveScopes`: in force, and a parent's grant ends at 18 unless it began after).
 */
export async function appointmentRecipients(
  db: Db,
  patientId: string,
  now: Date,
  ages: AgeBounds = DEFAULT_AGE_BOUNDS,
): Promise<Recipient[]> {
  const told = await whoMayBeTold(db, patientId, {
    scope: "appointments",
    now,
    ages,
    caregivers: "when_patient_has_no_address",
  });
  return told.map(({ email, locale }) => ({ email, locale }));
}

/** The facts an appointment email or calendar file needs — and nothing clinical. */
export function appointmentForNotice(db: Db, appointmentId: string) {
  return db
    .selectFrom("appointments as a")
    .innerJoin("locations as l", "l.id", "a.location_id")
    .innerJoin("visit_types as vt", "vt.id", "a.visit_type_id")
    .innerJoin("patients as pt", "pt.id", "a.patient_id")
    .leftJoin("users as pu", "pu.id", "pt.user_id")
    .select([
      "vt.modality",
      "pt.preferred_name as patientPreferredName",
      "pt.legal_given_name as patientGivenName",
      "pt.email as patientEmail",
      "pu.email as patientUserEmail",
      patientTimeZoneSql("pt").as("patientTimeZone"),
    ])
    .select([
      "a.id",
      "a.patient_id as patientId",
      "a.provider_id as providerId",
      "a.visit_type_id as visitTypeId",
      "a.location_id as locationId",
      "a.starts_at as startsAt",
      "a.ends_at as endsAt",
      "a.status",
      "a.cancel_reason as cancelReason",
      "a.rescheduled_from_id as rescheduledFromId",
      "l.name as locationName",
      "l.address as locationAddress",
      "l.time_zone as timeZone",
    ])
    .where("a.id", "=", appointmentId)
    .executeTakeFirst();
}

export type AppointmentNotice = NonNullable<Awaited<ReturnType<typeof appointmentForNotice>>>;

/**
 * Is this recipient the patient (their own address), or someone acting for them? The patient's
 * own address is theirs, or their login's; `appointmentRecipients` writes to it when there is one.
 */
export function recipientIsPatient(a: AppointmentNotice, email: string): boolean {
  const e = email.toLowerCase();
  return a.patientEmail?.toLowerCase() === e || a.patientUserEmail?.toLowerCase() === e;
}

/**
 * What every appointment email says besides its own news: when, in the zone the visit is shown
 * in (the location's for an in-person visit, the patient's own for a video visit), where (the
 * location's name and address, or that it is a video visit), and — to a caregiver — whose
 * appointment it is, by first name only.
 */
export function visitMailParams(a: AppointmentNotice, email: string) {
  const inPerson = a.modality === "in_person";
  const address = formatAddress("", a.locationAddress).replace(/^,\s*/, "");
  return {
    start: a.startsAt.toISOString(),
    timeZone: displayTimeZone(a.modality, a.timeZone, a.patientTimeZone),
    forName: recipientIsPatient(a, email) ? "" : emailFirstName(a.patientPreferredName, a.patientGivenName),
    visit: a.modality,
    locationName: inPerson ? a.locationName.slice(0, 200) : "",
    locationAddress: inPerson ? address.slice(0, 200) : "",
  };
}

/** The `.ics` attachment of an appointment email (base64, as the mailer wants it). */
export function calendarAttachment(
  a: AppointmentNotice,
  publicUrl: string,
  stamp: Date,
  options: { cancelled?: boolean; locale?: MailLocale; forName?: string } = {},
) {
  const es = options.locale === "es";
  const forName = options.forName ?? "";
  const video = a.modality === "video";
  const summary = es
    ? `${video ? "Cita por video" : "Cita"}${forName ? ` de ${forName}` : ""}${video ? "" : ` en ${a.locationName}`}`
    : `${forName ? `${forName}'s ` : ""}${video ? "video appointment" : `appointment at ${a.locationName}`}`.replace(
        /^./,
        (c) => c.toUpperCase(),
      );
  const ics = buildIcs({
    uid: `appointment-${a.id}@${new URL(publicUrl).hostname}`,
    start: a.startsAt,
    end: a.endsAt,
    stamp,
    summary,
    location: video
      ? es
        ? "Visita por video: inicie sesión en el portal para entrar"
        : "Video visit: sign in to the portal to join"
      : formatAddress(a.locationName, a.locationAddress),
    description: es
      ? `Para ver los detalles, cambiarla o cancelarla, inicie sesión: ${publicUrl}/appointments`
      : `To see the details, change or cancel, sign in: ${publicUrl}/appointments`,
    url: `${publicUrl}/appointments`,
    cancelled: options.cancelled,
    sequence: options.cancelled ? 1 : 0,
  });
  return {
    filename: "appointment.ics",
    contentType: `text/calendar; method=${options.cancelled ? "CANCEL" : "PUBLISH"}; charset=utf-8`,
    content: Buffer.from(ics, "utf8").toString("base64"),
  };
}

/**
 * What happens around a booking, inside the booking's own transaction (SPEC §5): reminder
 * jobs and a confirmation email when an appointment is booked; waitlist matching for the
 * freed time and a cancellation email when one is cancelled. All of it goes through the
 * job queue, so it commits with the booking and survives an SMTP outage.
 */
export class SchedulingNotifier implements SchedulingEvents {
  readonly #deps: SchedulingEventsDeps;
  readonly #leads: readonly number[];

  constructor(deps: SchedulingEventsDeps) {
    this.#deps = deps;
    this.#leads = deps.reminderLeadsMinutes ?? DEFAULT_REMINDER_LEADS_MINUTES;
    for (const lead of this.#leads) {
      if (!Number.isInteger(lead) || lead <= 0) throw new Error("reminder lead times must be whole minutes > 0");
    }
  }

  async booked(appointmentId: string): Promise<void> {
    const db = currentDb(this.#deps.db);
    const a = await appointmentForNotice(db, appointmentId);
    if (!a) return;
    const now = this.#deps.clock.now();
    // the reminders and the confirmations, added in one statement
    const jobs: QueuedJob[] = [];
    for (const lead of this.#leads) {
      const runAt = new Date(a.startsAt.getTime() - lead * MINUTE);
      if (runAt <= now) continue; // that reminder's moment has passed: the confirmation email stands in
      const label = leadLabel(lead);
      const payload: ReminderPayload = { appointmentId, start: a.startsAt.toISOString(), lead: label };
      jobs.push({
        queue: REMINDER_QUEUE,
        payload,
        options: { runAt, dedupeKey: `reminder:${appointmentId}:${label}` },
      });
    }
    const publicUrl = this.#deps.config.publicUrl;
    for (const to of await appointmentRecipients(db, a.patientId, now)) {
      const visit = visitMailParams(a, to.email);
      jobs.push(
        this.#deps.mailer.queued({
          to: to.email,
          locale: to.locale,
          template: appointmentBooked,
          params: {
            ...visit,
            change: a.rescheduledFromId ? "moved" : "booked",
            manageUrl: `${publicUrl}/appointments`,
          },
          attachments: [calendarAttachment(a, publicUrl, now, { locale: to.locale, forName: visit.forName })],
          dedupeKey: `appointment-booked:${appointmentId}:${to.email.toLowerCase()}`,
        }),
      );
    }
    await this.#deps.jobs.enqueueAll(jobs);
  }

  async cancelled(appointmentId: string): Promise<void> {
    const db = currentDb(this.#deps.db);
    const a = await appointmentForNotice(db, appointmentId);
    if (!a) return;
    const now = this.#deps.clock.now();
    // the earlier-appointment request belonged to this appointment: it ends with it
    await db
      .updateTable("waitlist_requests")
      .set({ active: false })
      .where("appointment_id", "=", appointmentId)
      .where("active", "=", true)
      .execute();
    await db
      .updateTable("waitlist_offers")
      .set({ status: "declined", resolved_at: now })
      .where("request_id", "in", (eb) =>
        eb.selectFrom("waitlist_requests").select("id").where("appointment_id", "=", appointmentId),
      )
      .where("status", "=", "open")
      .execute();
    // the freed time's job and the cancellation emails, added in one statement
    const jobs: QueuedJob[] = [];
    if (a.startsAt > now) {
      const payload: SlotFreedPayload = {
        providerId: a.providerId,
        visitTypeId: a.visitTypeId,
        locationId: a.locationId,
        start: a.startsAt.toISOString(),
        end: a.endsAt.toISOString(),
      };
      jobs.push({ queue: SLOT_FREED_QUEUE, payload, options: { dedupeKey: `slot-freed:${appointmentId}` } });
    }
    // a reschedule sends one "moved" email for the new appointment instead; a visit cancelled
    // under the provider's time off gets the rebooking email with the new times offered
    const notify = !(
      a.cancelReason === "rescheduled" ||
      a.cancelReason === "provider_unavailable" ||
      a.startsAt <= now
    );
    const publicUrl = this.#deps.config.publicUrl;
    for (const to of notify ? await appointmentRecipients(db, a.patientId, now) : []) {
      const visit = visitMailParams(a, to.email);
      jobs.push(
        this.#deps.mailer.queued({
          to: to.email,
          locale: to.locale,
          template: appointmentCancelled,
          params: { ...visit, bookUrl: `${publicUrl}/appointments/book` },
          attachments: [
            calendarAttachment(a, publicUrl, now, { cancelled: true, locale: to.locale, forName: visit.forName }),
          ],
          dedupeKey: `appointment-cancelled:${appointmentId}:${to.email.toLowerCase()}`,
        }),
      );
    }
    await this.#deps.jobs.enqueueAll(jobs);
  }
}
