import type {
  Guidance,
  HealthUpdates,
  QuestionnaireResponse,
  Reading,
  SendQuestionnaireRequest,
  SendReadingRequest,
  SentQuestionnaire,
  SentReading,
} from "@portico/contracts";
import type { Database } from "../../db/database.ts";
import type { EnteredByKind, FlagValue } from "../../db/tables/health-updates.ts";
import type { AccessService, PatientAccess } from "../../platform/access/patient-access.ts";
import { type PatientRows, patientRows } from "../../platform/access/scoped-query.ts";
import type { AuditLog } from "../../platform/audit/audit-log.ts";
import type { Clock } from "../../platform/clock.ts";
import type { FieldCipher } from "../../platform/crypto.ts";
import { DomainError } from "../../platform/errors.ts";
import { currentDb, inTransaction } from "../../platform/transaction.ts";
import { addBusinessDays, type WorkQueueService } from "../../platform/work-queue/work-queue.ts";
import type { IntakeResponse } from "../scheduling/intake.ts";
import { flagReading, scoreQuestionnaire } from "./flagging.ts";
import {
  careTeamProvider,
  HEALTH_FLAG_SUBJECT,
  HEALTH_QUEUE,
  intakeVisit,
  PATIENT_NAME,
  selectQuestionnaires,
  selectReadings,
  URGENT_DUE_MS,
} from "./health-rows.ts";
import { checkReading } from "./measures.ts";
import { presentQuestionnaire, presentReading, trends } from "./present.ts";
import type { FlagRangeService } from "./ranges.ts";
import { readingNoteSeal } from "./seals.ts";

type Db = ReturnType<typeof currentDb>;

/** how far back a reading may be dated */
const OLDEST_READING_MS = 366 * 86_400_000;
/** a device clock a little ahead is forgiven */
const FUTURE_SLACK_MS = 5 * 60_000;
const SHOWN_DAYS_MS = 365 * 86_400_000;

const intakeResponse = (r: {
  intake_appointment_id: string | null;
  kind: IntakeResponse["kind"];
  created_at: Date;
}): IntakeResponse => ({ appointmentId: r.intake_appointment_id as string, kind: r.kind, completedAt: r.created_at });

export interface HealthServiceDeps {
  db: Database;
  clock: Clock;
  access: AccessService;
  audit: AuditLog;
  cipher: FieldCipher;
  workQueue: WorkQueueService;
  ranges: FlagRangeService;
}

/**
 * Health updates (SPEC §2.7): patients and caregivers with `health_updates` send readings and
 * questionnaires; each is flagged against the clinic's ranges when it arrives, and a flagged
 * one becomes a `health_flags` row and a work item of the `health_updates` queue for the
 * patient's care team (the PCP's team, else the provider of the latest visit).
 */
export class HealthUpdatesService {
  readonly #d: HealthServiceDeps;

  constructor(deps: HealthServiceDeps) {
    this.#d = deps;
    deps.workQueue.define({ name: HEALTH_QUEUE, roles: ["nurse", "physician"], responseBusinessDays: 1 });
  }

  /** The patient's readings (last year), a trend per measure, questionnaires, and whether the caller may send. */
  async overview(patientId: string): Promise<HealthUpdates> {
    const access = await this.#d.access.authorizePatient(patientId, {
      scope: "health_updates",
      action: "read",
      resourceType: "health_update",
    });
    const db = currentDb(this.#d.db);
    const rows = patientRows(access, "health_updates");
    const id = rows.patientId;
    const since = new Date(this.#d.clock.now().getTime() - SHOWN_DAYS_MS);
    const [readingRows, questionnaireRows, patient, canWrite] = await Promise.all([
      selectReadings(db, rows)
        .where("r.taken_at", ">=", since)
        .orderBy("r.taken_at", "desc")
        .orderBy("r.id")
        .limit(2000)
        .execute(),
      selectQuestionnaires(db, rows)
        .where("q.created_at", ">=", since)
        .orderBy("q.created_at", "desc")
        .limit(200)
        .execute(),
      rows.chart(db).select(PATIENT_NAME.as("name")).executeTakeFirstOrThrow(),
      this.#d.access.can(patientId, { scope: "health_updates", action: "write" }),
    ]);
    const readings = readingRows.map((r) => presentReading(r, this.#d.cipher));
    return {
      patient: { id, displayName: patient.name },
      readerIsPatient: access.actor.patientId === id,
      abilities: { canSend: asPatientSide(access) && canWrite },
      readings,
      trends: trends(readings),
      questionnaires: questionnaireRows.map(presentQuestionnaire),
    };
  }

  /**
   * Everything the portal holds of a patient's health updates, oldest first, for the record
   * download: the caller's `PatientAccess` for `health_updates` or `records` (checked and
   * audited by the caller).
   */
  async listForRecord(
    access: PatientAccess,
  ): Promise<{ readings: Reading[]; questionnaires: QuestionnaireResponse[] }> {
    const rows = patientRows(access, ["health_updates", "records"]);
    const db = currentDb(this.#d.db);
    const [readings, questionnaires] = await Promise.all([
      selectReadings(db, rows).orderBy("r.taken_at").orderBy("r.id").execute(),
      selectQuestionnaires(db, rows).orderBy("q.created_at").orderBy("q.id").execute(),
    ]);
    return {
      readings: readings.map((r) => presentReading(r, this.#d.cipher)),
      questionnaires: questionnaires.map(presentQuestionnaire),
    };
  }

  async sendReading(patientId: string, input: SendReadingRequest): Promise<SentReading> {
    const access = await this.#d.access.authorizePatient(patientId, {
      scope: "health_updates",
      action: "write",
      resourceType: "health_reading",
      auditAction: "create",
    });
    requirePatientSide(access);
    const checked = checkReading(input);
    if ("problems" in checked) {
      throw new DomainError(
        "validation_failed",
        "That reading cannot be right: check the numbers and units.",
        checked.problems,
      );
    }
    const now = this.#d.clock.now();
    const takenAt = input.takenAt ? new Date(input.takenAt) : now;
    if (takenAt.getTime() > now.getTime() + FUTURE_SLACK_MS) {
      throw new DomainError("validation_failed", "A reading cannot be taken in the future.", [
        { field: "takenAt", problem: "is in the future" },
      ]);
    }
    if (takenAt.getTime() < now.getTime() - OLDEST_READING_MS) {
      throw new DomainError("validation_failed", "Readings older than a year are not accepted.", [
        { field: "takenAt", problem: "is more than a year ago" },
      ]);
    }
    const note = input.note?.trim() || null;
    const rows = patientRows(access, "health_updates", "write");
    const result = await inTransaction(this.#d.db, async (trx) => {
      const flagged = flagReading(checked, await this.#d.ranges.current(trx));
      const readingId = crypto.randomUUID();
      await trx
        .insertInto("health_readings")
        .values(
          rows.stamp({
            id: readingId,
            measure: checked.measure,
            unit: checked.unit,
            value_entered: checked.valueEntered,
            value: checked.value,
            systolic: checked.systolic,
            diastolic: checked.diastolic,
            taken_at: takenAt,
            note_sealed: note ? this.#d.cipher.seal(note, readingNoteSeal(readingId)) : null,
            flag: flagged.flag,
            flag_reasons: flagged.reasons,
            entered_by: access.actor.userId,
            entered_by_kind: enteredKind(access),
            via_proxy_grant_id: access.viaProxyGrantId,
            created_at: now,
          }),
        )
        .execute();
      if (flagged.flag !== "normal") {
        await this.#raiseFlag(trx, rows, flagged.flag, { reading_id: readingId });
      }
      return { readingId, guidance: flagged.guidance };
    });
    const row = await selectReadings(currentDb(this.#d.db), rows)
      .where("r.id", "=", result.readingId)
      .executeTakeFirstOrThrow();
    return { reading: presentReading(row, this.#d.cipher), guidance: result.guidance };
  }

  async sendQuestionnaire(patientId: string, input: SendQuestionnaireRequest): Promise<SentQuestionnaire> {
    const access = await this.#d.access.authorizePatient(patientId, {
      scope: "health_updates",
      action: "write",
      resourceType: "questionnaire_response",
      auditAction: "create",
    });
    requirePatientSide(access);
    const rows = patientRows(access, "health_updates", "write");
    const now = this.#d.clock.now();
    const result = await inTransaction(this.#d.db, async (trx) => {
      const intakeFor = input.appointmentId ? await intakeVisit(trx, rows, input.appointmentId, input.kind, now) : null;
      const scored = scoreQuestionnaire(input.kind, input.answers, await this.#d.ranges.current(trx));
      if ("problems" in scored) {
        throw new DomainError("validation_failed", "Please answer every question.", scored.problems);
      }
      const responseId = crypto.randomUUID();
      await trx
        .insertInto("questionnaire_responses")
        .values(
          rows.stamp({
            id: responseId,
            kind: scored.kind,
            answers: scored.answers,
            score: scored.score,
            severity: scored.severity,
            flag: scored.flag,
            flag_reasons: scored.reasons,
            entered_by: access.actor.userId,
            entered_by_kind: enteredKind(access),
            via_proxy_grant_id: access.viaProxyGrantId,
            created_at: now,
            intake_appointment_id: intakeFor,
          }),
        )
        .execute();
      if (scored.flag !== "normal") {
        await this.#raiseFlag(trx, rows, scored.flag, { questionnaire_response_id: responseId });
      }
      return { responseId, guidance: scored.guidance as Guidance };
    });
    const row = await selectQuestionnaires(currentDb(this.#d.db), rows)
      .where("q.id", "=", result.responseId)
      .executeTakeFirstOrThrow();
    return { response: presentQuestionnaire(row), guidance: result.guidance };
  }

  /**
   * The intake questionnaires sent for these visits of the patient (scheduling shows what is
   * still due; plugged in as its `IntakeResponses`): which were answered and when, no results,
   * for the patient of the access scheduling checked for these visits (`appointments`).
   */
  async intakeCompleted(access: PatientAccess, appointmentIds: readonly string[]): Promise<IntakeResponse[]> {
    if (!appointmentIds.length) return [];
    const rows = await patientRows(access, ["appointments", "health_updates"])
      .selectFrom(currentDb(this.#d.db), "questionnaire_responses")
      .select(["intake_appointment_id", "kind", "created_at"])
      .where("intake_appointment_id", "in", [...appointmentIds])
      .execute();
    return rows.map(intakeResponse);
  }

  /**
   * Which of these visits' intake questionnaires were answered, and when (no results): the
   * visits on a board or schedule the staff reader works (scheduling checked that).
   */
  async intakeCompletedForVisits(appointmentIds: readonly string[]): Promise<IntakeResponse[]> {
    if (!appointmentIds.length) return [];
    const rows = await currentDb(this.#d.db)
      .selectFrom("questionnaire_responses")
      .select(["intake_appointment_id", "kind", "created_at"])
      .where("intake_appointment_id", "in", [...appointmentIds])
      .execute();
    return rows.map(intakeResponse);
  }

  /** The responses sent as one visit's intake, newest first, with their answers (a `health_updates` access). */
  async intakeAnswers(access: PatientAccess, appointmentId: string): Promise<QuestionnaireResponse[]> {
    const rows = await selectQuestionnaires(currentDb(this.#d.db), patientRows(access, "health_updates"))
      .where("q.intake_appointment_id", "=", appointmentId)
      .orderBy("q.created_at", "desc")
      .orderBy("q.id")
      .execute();
    return rows.map(presentQuestionnaire);
  }

  /** A flagged update: its flag row and a work item for the care team (inside the sender's transaction). */
  async #raiseFlag(
    trx: Db,
    rows: PatientRows,
    level: Exclude<FlagValue, "normal">,
    subject: { reading_id: string } | { questionnaire_response_id: string },
  ): Promise<void> {
    const now = this.#d.clock.now();
    const flag = await trx
      .insertInto("health_flags")
      .values(
        rows.stamp({
          reading_id: null,
          questionnaire_response_id: null,
          ...subject,
          level,
          created_at: now,
        }),
      )
      .returning("id")
      .executeTakeFirstOrThrow();
    await this.#d.workQueue.add({
      queue: HEALTH_QUEUE,
      patientId: rows.patientId,
      subject: { type: HEALTH_FLAG_SUBJECT, id: flag.id },
      providerId: await careTeamProvider(trx, rows),
      dueAt: level === "urgent" ? new Date(now.getTime() + URGENT_DUE_MS) : addBusinessDays(now, 1),
    });
  }
}

const asPatientSide = (access: PatientAccess) => access.basis === "patient" || access.basis === "proxy";

function requirePatientSide(access: PatientAccess): void {
  if (!asPatientSide(access)) {
    throw new DomainError("forbidden", "Health updates are sent by the patient or their caregiver.");
  }
}

const enteredKind = (access: PatientAccess): EnteredByKind =>
  access.basis === "patient"
    ? "patient"
    : access.basis === "proxy"
      ? "proxy"
      : access.basis === "system"
        ? "system"
        : "staff";
