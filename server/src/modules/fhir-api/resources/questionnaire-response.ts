import type { QuestionnaireResponse } from "@medplum/fhirtypes";
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
