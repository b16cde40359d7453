import type { QuestionnaireResponse } from "@medplum/fhirtypes";
import { changedAt, defineFhirType, PATIENT_PARAM, UUID_ID } from "../resource-type.ts";
import { dateParam, statusParam } from "./element-params.ts";
import { ownerIn, recordSource } from "./record-source.ts";

/** QuestionnaireResponse: PHQ-9 and GAD-7 answers (`questionnaires`) and post-visit surveys (`surveys`). */
export const questionnaireResponseType = defineFhirType({
  type: "QuestionnaireResponse",
  documentation:
    "PHQ-9 and GAD-7 questionnaires the patient answered, and post-visit surveys, scores as items. No profile claimed (US Core QuestionnaireResponse is not among the profiles this server's conformance is tested against).",
  idPattern: UUID_ID,
  sources: [
    recordSource("questionnaires", "questionnaire_responses", "created_at"),
    {
      section: "surveys",
      ownerOf: ownerIn("visit_surveys"),
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
    dateParam(
      "authored",
      "When it was answered (or sent, for a survey not answered yet)",
      (q: QuestionnaireResponse) => q.authored,
    ),
    statusParam("completed or in-progress (a survey not answered yet)"),
  ],
});
