import type { Config } from "../../config.ts";
import type { Database } from "../../db/database.ts";
import type { AuditLog } from "../../platform/audit/audit-log.ts";
import { randomToken, sha256 } from "../../platform/auth/tokens.ts";
import type { Clock } from "../../platform/clock.ts";
import { DomainError } from "../../platform/errors.ts";
import type { JobQueue } from "../../platform/jobs/index.ts";
import type { Logger } from "../../platform/logging.ts";
import type { Mailer } from "../../platform/mail/mailer.ts";
import { currentDb, inTransaction } from "../../platform/transaction.ts";
import { appointmentReminder } from "./mail-templates.ts";
import {
  appointmentForNotice,
  appointmentRecipients,
  calendarAttachment,
  REMINDER_QUEUE,
  type ReminderPayload,
  visitMailParams,
} from "./scheduling-events.ts";

/** Appointments that still take place: a reminder makes sense for them. */
const REMINDABLE = new Set(["booked", "confirmed", "checked_in"]);
/** Statuses that already mean "the patient is coming". */
const CONFIRMED_OR_LATER = new Set(["confirmed", "checked_in", "arrived", "roomed", "in_visit", "completed"]);

export interface ReminderDeps {
  db: Database;
  clock: Clock;
  jobs: JobQueue;
  mailer: Mailer;
  audit: AuditLog;
  logger: Logger;
  config: Pick<Config, "publicUrl">;
}

const tokenHash = (token: string) => sha256(`appointment-confirm:${token}`);

/**
 * Appointment reminders (SPEC §2.3): the `scheduling.reminder` job emails the patient (or
 * their proxies) with a calendar file and a single-use link that confirms the appointment
 * without signing in. Only the SHA-256 of the link's token is stored; it expires when the
 * appointment starts.
 */
export class ReminderService {
  readonly #deps: ReminderDeps;

  constructor(deps: ReminderDeps) {
    this.#deps = deps;
    deps.jobs.register<ReminderPayload>(REMINDER_QUEUE, (payload) => this.sendReminder(payload));
  }

  /**
   * Runs as the reminder job. Idempotent: a re-run sends no second email (the mail's dedupe
   * key), and an appointment cancelled or moved since the job was queued gets no reminder.
   */
  async sendReminder(payload: ReminderPayload): Promise<void> {
    const { db, clock, config, mailer } = this.#deps;
    await inTransaction(db, async () => {
      const trx = currentDb(db);
      const a = await appointmentForNotice(trx, payload.appointmentId);
      const now = clock.now();
      if (!a || !REMINDABLE.has(a.status)) return;
      if (a.startsAt.toISOString() !== new Date(payload.start).toISOString() || a.startsAt <= now) return;
      const recipients = await appointmentRecipients(trx, a.patientId, now);
      if (recipients.length === 0) return;
      const token = randomToken();
      await trx
        .insertInto("appointment_confirm_tokens")
        .values({ token_hash: tokenHash(token), appointment_id: a.id, expires_at: a.startsAt })
        .execute();
      for (const to of recipients) {
        const visit = visitMailParams(a, to.email);
        const attachment = calendarAttachment(a, config.publicUrl, now, { locale: to.locale, forName: visit.forName });
        await mailer.send({
          to: to.email,
          locale: to.locale,
          template: appointmentReminder,
          params: {
            ...visit,
            confirmUrl: `${config.publicUrl}/appointments/confirm?token=${token}`,
            manageUrl: `${config.publicUrl}/appointments`,
          },
          attachments: [attachment],
          dedupeKey: `appointment-reminder:${a.id}:${payload.lead}:${to.email.toLowerCase()}`,
        });
      }
    });
  }

  /**
   * `POST /api/appointments/confirm {token}`: anyone holding the link may confirm, nothing
   * else. Answers only the outcome — no date, place or name — so a forwarded or guessed link
   * reveals nothing.
   */
  async confirmByToken(token: string): Promise<{ status: "confirmed" | "already_confirmed" }> {
    const { db, clock, audit } = this.#deps;
    const invalid = () =>
      new DomainError(
        "token_invalid",
        "This confirmation link is not valid. Please sign in to confirm your appointment.",
      );
    if (!/^[A-Za-z0-9_-]{20,200}$/.test(token)) throw invalid();
    const now = clock.now();
    return inTransaction(db, async (trx) => {
      const row = await trx
        .selectFrom("appointment_confirm_tokens as t")
        .innerJoin("appointments as a", "a.id", "t.appointment_id")
        .select(["t.token_hash", "t.expires_at", "t.used_at", "a.id as appointmentId", "a.patient_id", "a.status"])
        .where("t.token_hash", "=", tokenHash(token))
        .forUpdate("t")
        .executeTakeFirst();
      if (!row) throw invalid();
      if (row.used_at) {
        throw new DomainError(
          "gone",
          "This confirmation link has already been used. Sign in to see your appointment.",
          { reason: "used" },
        );
      }
      if (row.expires_at <= now) {
        throw new DomainError("gone", "This confirmation link has expired.", { reason: "expired" });
      }
      if (!CONFIRMED_OR_LATER.has(row.status) && row.status !== "booked") {
        throw new DomainError(
          "conflict",
          "This appointment was cancelled or has changed, so it cannot be confirmed. Sign in to see your appointments.",
          { reason: "not_confirmable" },
        );
      }
      await trx
        .updateTable("appointment_confirm_tokens")
        .set({ used_at: now })
        .where("token_hash", "=", row.token_hash)
        .execute();
      const status = row.status === "booked" ? "confirmed" : "already_confirmed";
      if (status === "confirmed") {
        await trx
          .updateTable("appointments")
          .set({ status: "confirmed", confirmed_at: now, updated_at: now })
          .where("id", "=", row.appointmentId)
          .where("status", "=", "booked")
          .execute();
      }
      await audit.record({
        action: "confirm",
        resourceType: "appointment",
        resourceId: row.appointmentId,
        patientId: row.patient_id,
        actingAs: "confirm_link",
        outcome: "success",
        details: { result: status },
      });
      return { status };
    });
  }
}
