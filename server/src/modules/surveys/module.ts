import { defineModule } from "../kit.ts";
import { surveyCommentSeal } from "./seals.ts";

/**
 * Post-visit surveys (SPEC §2.8): after a visit is completed a job sends a signed single-use
 * link to a 0–10 score and an optional sealed comment; admins read results per provider and location.
 */
export const surveysModule = defineModule({
  name: "surveys",
  services: () => ({}),
  patientReferences: [{ table: "visit_surveys", column: "patient_id", note: "post-visit surveys" }],
  sealedColumns: [
    { table: "visit_surveys", idColumn: "id", column: "comment_sealed", associatedData: surveyCommentSeal },
  ],
});
