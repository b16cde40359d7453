import { sql } from "kysely";
import { toFhirObservation } from "../../../fhir/observation.ts";
import { toFhirScoredQuestionnaire } from "../../../fhir/questionnaire-response.ts";
import { readingNoteSeal } from "../../health-updates/seals.ts";
import { paged, RECORD_PAGE_SIZE, type RecordSection } from "../section.ts";

/** health-updates: the readings the patient (or a caregiver) sent, with their flags and notes. */
export const readingsRecordSection: RecordSection = {
  name: "readings",
  scope: "health_updates",
  async *entries({ db, patientId, cipher }) {
    const rows = paged(
      (after: { at: Date; id: string } | null) =>
        db
          .selectFrom("health_readings")
          .selectAll()
          .where("patient_id", "=", patientId)
          .$if(after !== null, (q) => q.where(sql<boolean>`(taken_at, id) > (${after?.at}, ${after?.id})`))
          .orderBy("taken_at")
          .orderBy("id")
          .limit(RECORD_PAGE_SIZE)
          .execute(),
      (r) => ({ at: r.taken_at, id: r.id }),
    );
    for await (const r of rows) {
      yield {
        json: {
          id: r.id,
          measure: r.measure,
          unit: r.unit,
          valueEntered: r.value_entered,
          value: r.value,
          systolic: r.systolic,
          diastolic: r.diastolic,
          takenAt: r.taken_at,
          note: r.note_sealed ? cipher.open(r.note_sealed, readingNoteSeal(r.id)) : null,
          flag: r.flag,
          sentBy: r.entered_by_kind,
        },
        fhir: [
          toFhirObservation({
            id: r.id,
            patientId,
            measure: r.measure,
            value: r.value,
            systolic: r.systolic,
            diastolic: r.diastolic,
            takenAt: r.taken_at,
          }),
        ],
      };
    }
  },
};

/** health-updates: the questionnaires (PHQ-9, GAD-7) answered, with their scores. */
export const questionnairesRecordSection: RecordSection = {
  name: "questionnaires",
  scope: "health_updates",
  async *entries({ db, patientId }) {
    const rows = await db
      .selectFrom("questionnaire_responses")
      .selectAll()
      .where("patient_id", "=", patientId)
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    for (const q of rows) {
      yield {
        json: {
          id: q.id,
          kind: q.kind,
          answers: q.answers,
          score: q.score,
          severity: q.severity,
          flag: q.flag,
          answeredAt: q.created_at,
        },
        fhir: [
          toFhirScoredQuestionnaire({
            id: q.id,
            patientId,
            kind: q.kind,
            answers: q.answers,
            score: q.score,
            answeredAt: q.created_at,
          }),
        ],
      };
    }
  },
};
