import { sql } from "kysely";
import type { PatientRows } from "../../platform/access/scoped-query.ts";
import { DomainError, notFound } from "../../platform/errors.ts";
import { displayTimeZoneSql } from "../../platform/time-zones.ts";
import type { currentDb } from "../../platform/transaction.ts";

type Db = ReturnType<typeof currentDb>;

/* Health updates' rows as the service, the flag queue and the demo data read them. */

export const HEALTH_QUEUE = "health_updates" as const;
export const HEALTH_FLAG_SUBJECT = "health_flag";
/** an urgent flag is due within the hour; one needing attention within a business day */
export const URGENT_DUE_MS = 3_600_000;

export const PATIENT_NAME = sql<string>`coalesce(p.preferred_name, p.legal_given_name) || ' ' || p.legal_family_name`;

/**
 * Readings with who entered them: one patient's (`rows`), or, for the flag queue across
 * patients, any the caller then picks by id.
 */
export function selectReadings(db: Db, rows?: PatientRows) {
  return (rows ? rows.selectFrom(db, "health_readings", "r") : db.selectFrom("health_readings as r"))
    .leftJoin("users as eu", "eu.id", "r.entered_by")
    .select([
      "r.id",
      "r.patient_id",
      "r.measure",
      "r.unit",
      "r.value_entered",
      "r.value",
      "r.systolic",
      "r.diastolic",
      "r.taken_at",
      "r.note_sealed",
      "r.flag",
      "r.flag_reasons",
      "r.entered_by_kind",
      "eu.display_name as entered_by_name",
    ]);
}

/** Questionnaire responses with who entered them and their intake visit: one patient's (`rows`), or any (the flag queue). */
export function selectQuestionnaires(db: Db, rows?: PatientRows) {
  return (
    (rows ? rows.selectFrom(db, "questionnaire_responses", "q") : db.selectFrom("questionnaire_responses as q"))
      .leftJoin("users as eu", "eu.id", "q.entered_by")
      // the visit it was the intake for: its start, shown in that visit's zone
      .leftJoin("appointments as ia", "ia.id", "q.intake_appointment_id")
      .leftJoin("visit_types as iv", "iv.id", "ia.visit_type_id")
      .leftJoin("locations as il", "il.id", "ia.location_id")
      .leftJoin("patients as ip", "ip.id", "ia.patient_id")
      .select([
        "ia.id as intake_appointment_id",
        "ia.starts_at as intake_starts_at",
        // null when the response was no visit's intake
        displayTimeZoneSql({ visitType: "iv", patient: "ip", location: "il" })
          .$castTo<string | null>()
          .as("intake_time_zone"),
      ])
      .select([
        "q.id",
        "q.patient_id",
        "q.kind",
        "q.answers",
        "q.score",
        "q.severity",
        "q.flag",
        "q.flag_reasons",
        "q.created_at",
        "q.entered_by_kind",
        "eu.display_name as entered_by_name",
      ])
  );
}

/** Whose team a flag belongs to: the patient's PCP, else the provider of their latest visit. */
export async function careTeamProvider(db: Db, rows: PatientRows): Promise<string | null> {
  const patient = await rows.chart(db).select("p.pcp_provider_id").executeTakeFirst();
  if (patient?.pcp_provider_id) return patient.pcp_provider_id;
  const visit = await rows
    .selectFrom(db, "appointments")
    .select("provider_id")
    .orderBy("starts_at", "desc")
    .limit(1)
    .executeTakeFirst();
  return visit?.provider_id ?? null;
}

const INTAKE_OPEN_STATUSES = ["booked", "confirmed", "checked_in"] as const;

/**
 * The visit a questionnaire is sent as the intake for: one of this patient's (else 404, as for a
 * visit that does not exist), still to come, and of a visit type that asks for this
 * questionnaire (else 400 naming `appointmentId`).
 */
export async function intakeVisit(
  trx: Db,
  rows: PatientRows,
  appointmentId: string,
  kind: string,
  now: Date,
): Promise<string> {
  const visit = await rows
    .selectFrom(trx, "appointments", "a")
    .innerJoin("visit_types as vt", "vt.id", "a.visit_type_id")
    .select(["a.id", "a.starts_at", "a.status", "vt.intake_questionnaires"])
    .where("a.id", "=", appointmentId)
    .executeTakeFirst();
  if (!visit) throw notFound("appointment");
  if (!(INTAKE_OPEN_STATUSES as readonly string[]).includes(visit.status) || visit.starts_at <= now) {
    throw new DomainError("validation_failed", "That visit is not an upcoming one.", [
      { field: "appointmentId", problem: "is not an upcoming visit" },
    ]);
  }
  if (!(visit.intake_questionnaires ?? []).includes(kind as "phq9")) {
    throw new DomainError("validation_failed", "That visit does not ask for this questionnaire.", [
      { field: "appointmentId", problem: "does not ask for this questionnaire" },
    ]);
  }
  return visit.id;
}
