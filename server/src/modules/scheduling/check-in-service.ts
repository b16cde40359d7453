import type { ECheckInForm, ECheckInRequest, QuestionnaireItem } from "@portico/contracts";
import type { Static } from "typebox";
import type { Database } from "../../db/database.ts";
import type { AccessService } from "../../platform/access/patient-access.ts";
import { patientRows } from "../../platform/access/scoped-query.ts";
import type { Clock } from "../../platform/clock.ts";
import { currentContext } from "../../platform/context.ts";
import type { FieldCipher } from "../../platform/crypto.ts";
import { DomainError, notFound } from "../../platform/errors.ts";
import { currentDb, inTransaction } from "../../platform/transaction.ts";
import type { SchedulingIntake } from "./intake.ts";
import * as repo from "./repo.ts";

const DAY = 24 * 60 * 60_000;
export const ECHECKIN_OPENS_DAYS = 7;

/** The associated data the eCheck-in answers of an appointment are sealed with (see the module's `sealedColumns`). */
export const checkInAnswersSeal = (appointmentId: string) => `echeckin:${appointmentId}`;

type Item = Static<typeof QuestionnaireItem>;
type Answers = Static<typeof ECheckInRequest>["answers"];

/** Checks answers against the visit type's questionnaire: required items present, each of the right kind. */
export function validateAnswers(
  questionnaire: readonly Item[],
  answers: Answers,
): { field: string; problem: string }[] {
  const problems: { field: string; problem: string }[] = [];
  const known = new Map(questionnaire.map((q) => [q.id, q]));
  for (const key of Object.keys(answers)) {
    if (!known.has(key)) problems.push({ field: `answers.${key}`, problem: "is not a question of this visit" });
  }
  for (const q of questionnaire) {
    const value = answers[q.id];
    if (value === undefined || (typeof value === "string" && value.trim() === "")) {
      if (q.required) problems.push({ field: `answers.${q.id}`, problem: "needs an answer" });
      continue;
    }
    const ok =
      (q.type === "text" && typeof value === "string") ||
      (q.type === "yes_no" && typeof value === "boolean") ||
      (q.type === "scale_0_10" && typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= 10);
    if (!ok)
      problems.push({
        field: `answers.${q.id}`,
        problem:
          q.type === "yes_no"
            ? "must be yes or no"
            : q.type === "scale_0_10"
              ? "must be a number from 0 to 10"
              : "must be text",
      });
  }
  return problems;
}

/** eCheck-in: from 7 days before the visit, confirm details and answer the visit type's questions. */
export class CheckInService {
  readonly #db: Database;
  readonly #clock: Clock;
  readonly #access: AccessService;
  readonly #cipher: FieldCipher;
  readonly #intake: SchedulingIntake | undefined;

  constructor(deps: {
    db: Database;
    clock: Clock;
    access: AccessService;
    cipher: FieldCipher;
    intake?: SchedulingIntake;
  }) {
    this.#db = deps.db;
    this.#clock = deps.clock;
    this.#access = deps.access;
    this.#cipher = deps.cipher;
    this.#intake = deps.intake;
  }

  async form(patientId: string, appointmentId: string): Promise<Static<typeof ECheckInForm>> {
    const access = await this.#access.authorizePatient(patientId, {
      scope: "appointments",
      action: "read",
      resourceType: "echeckin",
      resourceId: appointmentId,
    });
    const db = currentDb(this.#db);
    const row = await repo.appointmentOfPatient(db, access, appointmentId);
    if (!row) throw notFound("appointment");
    const vt = await repo.findVisitType(db, row.visitTypeId);
    const patient = await patientRows(access, "appointments")
      .chart(db)
      .select([
        "p.legal_given_name",
        "p.legal_family_name",
        "p.preferred_name",
        "p.date_of_birth",
        "p.phone",
        "p.email",
        "p.address",
      ])
      .executeTakeFirstOrThrow();
    // contact details are the profile's: a reader whose access covers appointments only (a
    // parent of an adolescent) gets the name and date of birth, not the phone, email or address
    const contactIncluded = await this.#access.can(patientId, { scope: "profile", action: "read" });
    const opensAt = new Date(row.startsAt.getTime() - ECHECKIN_OPENS_DAYS * DAY);
    const now = this.#clock.now();
    const intake = await this.#intake?.forVisits(access, [row], now);
    return {
      opensAt: opensAt.toISOString(),
      open: now >= opensAt && now < row.startsAt && ["booked", "confirmed", "checked_in"].includes(row.status),
      completedAt: row.checkedInAt?.toISOString() ?? null,
      questionnaire: (vt?.questionnaire ?? []) as Item[],
      intake: intake?.get(row.id) ?? [],
      summary: {
        name: `${patient.preferred_name ?? patient.legal_given_name} ${patient.legal_family_name}`,
        dateOfBirth: patient.date_of_birth,
        contactIncluded,
        phone: contactIncluded ? patient.phone : null,
        email: contactIncluded ? patient.email : null,
        address: contactIncluded ? patient.address : null,
      },
    };
  }

  async submit(patientId: string, appointmentId: string, input: Static<typeof ECheckInRequest>): Promise<void> {
    const access = await this.#access.authorizePatient(patientId, {
      scope: "appointments",
      action: "write",
      resourceType: "echeckin",
      resourceId: appointmentId,
      auditAction: "submit",
    });
    if (
      !input.confirmedDemographics ||
      !input.confirmedInsurance ||
      !input.confirmedMedications ||
      !input.confirmedAllergies
    ) {
      throw new DomainError("validation_failed", "Please confirm each section, or update it before checking in.", {
        fields: ["confirmedDemographics", "confirmedInsurance", "confirmedMedications", "confirmedAllergies"],
      });
    }
    const now = this.#clock.now();
    await inTransaction(this.#db, async (trx) => {
      const row = await repo.appointmentOfPatient(trx, access, appointmentId, { forUpdate: true });
      if (!row) throw notFound("appointment");
      if (!["booked", "confirmed", "checked_in"].includes(row.status))
        throw new DomainError("conflict", "This appointment is not open for check-in.");
      if (now.getTime() < row.startsAt.getTime() - ECHECKIN_OPENS_DAYS * DAY) {
        throw new DomainError(
          "unprocessable",
          `Online check-in opens ${ECHECKIN_OPENS_DAYS} days before your appointment.`,
          { reason: "too_early" },
        );
      }
      if (now >= row.startsAt)
        throw new DomainError(
          "unprocessable",
          "Online check-in has closed for this appointment. Please speak to the front desk.",
          { reason: "too_late" },
        );
      const vt = await repo.findVisitType(trx, row.visitTypeId);
      const problems = validateAnswers((vt?.questionnaire ?? []) as Item[], input.answers);
      if (problems.length) throw new DomainError("validation_failed", "Some answers need another look.", problems);
      const values = {
        confirmed: JSON.stringify({ demographics: true, insurance: true, medications: true, allergies: true }),
        answers_sealed: this.#cipher.seal(JSON.stringify(input.answers), checkInAnswersSeal(appointmentId)),
        submitted_by: currentContext().actor.userId,
        submitted_at: now,
      };
      await trx
        .insertInto("appointment_check_ins")
        .values({ appointment_id: appointmentId, ...values })
        .onConflict((oc) => oc.column("appointment_id").doUpdateSet(values))
        .execute();
      await repo.setStatus(trx, appointmentId, "checked_in", { checked_in_at: now }, now);
    });
  }
}
