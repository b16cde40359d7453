import { toFhirSurveyResponse } from "../../../fhir/questionnaire-response.ts";
import { surveyCommentSeal } from "../../surveys/seals.ts";
import type { RecordSection } from "../section.ts";

/** surveys: each post-visit survey sent, and the answer when given. */
export const surveysRecordSection: RecordSection = {
  name: "surveys",
  scope: "appointments",
  async *entries({ db, patientId, cipher }) {
    const rows = await db
      .selectFrom("visit_surveys as s")
      .innerJoin("providers as pr", "pr.id", "s.provider_id")
      .innerJoin("locations as l", "l.id", "s.location_id")
      .select([
        "s.id",
        "s.appointment_id",
        "s.sent_at",
        "s.expires_at",
        "s.answered_at",
        "s.score",
        "s.comment_sealed",
        "pr.display_name as provider",
        "l.name as location",
      ])
      .where("s.patient_id", "=", patientId)
      .orderBy("s.sent_at")
      .orderBy("s.id")
      .execute();
    for (const s of rows) {
      const comment = s.comment_sealed ? cipher.open(s.comment_sealed, surveyCommentSeal(s.id)) : null;
      yield {
        json: {
          id: s.id,
          appointmentId: s.appointment_id,
          provider: s.provider,
          location: s.location,
          sentAt: s.sent_at,
          expiresAt: s.expires_at,
          answeredAt: s.answered_at,
          score: s.score,
          comment,
        },
        fhir: [
          toFhirSurveyResponse({
            id: s.id,
            patientId,
            appointmentId: s.appointment_id,
            sentAt: s.sent_at,
            answeredAt: s.answered_at,
            score: s.score,
            comment,
          }),
        ],
      };
    }
  },
};
