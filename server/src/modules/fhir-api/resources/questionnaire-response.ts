import type { QuestionnaireResponse } from "@medplum/fhirtypes";
import { toFhirScoredQuestionnaire, toFhirSurveyResponse } from "../../../fhir/questionnaire-response.ts";
import { surveyCommentSeal } from "../../surveys/seals.ts";
import { changedAt, defineFhirType, PATIENT_PARAM, UUID_ID } from "../resource-type.ts";

/** QuestionnaireResponse: PHQ-9 and GAD-7 answers (`questionnaires`) and post-visit surveys (`surveys`). */
export const questionnaireResponseType = defineFhirType({
  type: "QuestionnaireResponse",
  documentation:
    "PHQ-9 and GAD-7 questionnaires the patient answered, and post-visit surveys, scores as items. No profile claimed (US Core QuestionnaireResponse is not among the profiles this server's conformance is tested against).",
  idPattern: UUID_ID,
  sources: [
    {
      section: "questionnaires",
      ownerOf: async (db, id) =>
        (await db.selectFrom("questionnaire_responses").select("patient_id").where("id", "=", id).executeTakeFirst())
          ?.patient_id,
      lastUpdated: (db, ids) =>
        changedAt(
          db.selectFrom("questionnaire_responses").select(["id", "created_at as at"]).where("id", "in", ids).execute(),
        ),
      // keyed (the same mapping as `records/sections/health-updates.ts`)
      readMany: async ({ db, patientId }, ids) =>
        (
          await db
            .selectFrom("questionnaire_responses")
            .select(["id", "kind", "answers", "score", "created_at"])
            .where("patient_id", "=", patientId)
            .where("id", "in", ids)
            .execute()
        ).map((q) =>
          toFhirScoredQuestionnaire({
            id: q.id,
            patientId,
            kind: q.kind,
            answers: q.answers,
            score: q.score,
            answeredAt: q.created_at,
          }),
        ),
    },
    {
      section: "surveys",
      ownerOf: async (db, id) =>
        (await db.selectFrom("visit_surveys").select("patient_id").where("id", "=", id).executeTakeFirst())?.patient_id,
      lastUpdated: (db, ids) =>
        changedAt(
          db
            .selectFrom("visit_surveys")
            .select((eb) => ["id", eb.fn.coalesce("answered_at", "created_at").as("at")])
            .where("id", "in", ids)
            .execute(),
        ),
      // keyed (the same mapping as `records/sections/surveys.ts`)
      readMany: async ({ db, patientId, cipher }, ids) =>
        (
          await db
            .selectFrom("visit_surveys")
            .select(["id", "appointment_id", "sent_at", "answered_at", "score", "comment_sealed"])
            .where("patient_id", "=", patientId)
            .where("id", "in", ids)
            .execute()
        ).map((s) =>
          toFhirSurveyResponse({
            id: s.id,
            patientId,
            appointmentId: s.appointment_id,
            sentAt: s.sent_at,
            answeredAt: s.answered_at,
            score: s.score,
            comment: s.comment_sealed ? cipher.open(s.comment_sealed, surveyCommentSeal(s.id)) : null,
          }),
        ),
    },
  ],
  revincludes: ["Provenance:target"],
  searchParams: [
    PATIENT_PARAM,
    {
      name: "authored",
      type: "date",
      documentation: "When it was answered (or sent, for a survey not answered yet)",
      values: (q: QuestionnaireResponse) => [q.authored],
    },
    {
      name: "status",
      type: "token",
      documentation: "completed or in-progress (a survey not answered yet)",
      values: (q: QuestionnaireResponse) => [q.status],
    },
  ],
});
