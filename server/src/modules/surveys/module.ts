import { seedDemoSurveys } from "../../seed/demo-surveys.ts";
import { defineModule } from "../kit.ts";
import { surveysRecordSection } from "../records/sections/surveys.ts";
import type { FrontDeskService } from "../scheduling/front-desk-service.ts";
import { surveyInvitation } from "./mail-templates.ts";
import { surveyRoutes } from "./routes.ts";
import { surveyCommentSeal } from "./seals.ts";
import { SurveyService } from "./survey-service.ts";

/**
 * Post-visit surveys (SPEC §2.8): a visit marked completed queues the `surveys.send` job (due
 * 2 hours later) that emails a single-use link to a 0–10 score and an optional sealed comment;
 * admins read results per provider and location.
 */
export const surveysModule = defineModule({
  name: "surveys",
  services: (p, needs: { frontDesk: FrontDeskService }) => {
    const surveys = new SurveyService({ ...p });
    needs.frontDesk.whenVisitCompleted((visit) => surveys.visitCompleted(visit));
    return {
      /** the survey job, the public link, the results */
      surveys,
    };
  },
  routes: (app, services) => surveyRoutes(app, services.surveys),
  mailTemplates: [surveyInvitation],
  patientReferences: [{ table: "visit_surveys", column: "patient_id", note: "post-visit surveys" }],
  // the patient's comment
  sealedColumns: [
    { table: "visit_surveys", idColumn: "id", column: "comment_sealed", associatedData: surveyCommentSeal },
  ],
  demoSeed: seedDemoSurveys,
  recordSections: [surveysRecordSection],
});
