import type { WorkQueueService } from "../../platform/work-queue/work-queue.ts";
import { seedDemoHealth } from "../../seed/demo-health.ts";
import { defineModule } from "../kit.ts";
import { questionnairesRecordSection, readingsRecordSection } from "../records/sections/health-updates.ts";
import type { SchedulingIntake } from "../scheduling/intake.ts";
import { HealthFlagService } from "./flag-queue.ts";
import { HealthUpdatesService } from "./health-service.ts";
import { FlagRangeService } from "./ranges.ts";
import { healthUpdateRoutes } from "./routes.ts";
import { readingNoteSeal } from "./seals.ts";

/**
 * Health updates: readings and questionnaires from patients and caregivers, flagged against
 * the clinic's ranges; flagged ones on the shared work queue (`health_updates`) for the care
 * team to acknowledge and resolve; trends per measure.
 */
export const healthUpdatesModule = defineModule({
  name: "health-updates",
  services: (p, needs: { workQueue: WorkQueueService; schedulingIntake: SchedulingIntake }) => {
    const healthRanges = new FlagRangeService(p);
    const healthUpdates = new HealthUpdatesService({ ...p, workQueue: needs.workQueue, ranges: healthRanges });
    // a visit type's intake questionnaires are answered here: scheduling shows which are done
    needs.schedulingIntake.use({
      completed: (access, ids) => healthUpdates.intakeCompleted(access, ids),
      completedForVisits: (ids) => healthUpdates.intakeCompletedForVisits(ids),
      answers: (access, appointmentId) => healthUpdates.intakeAnswers(access, appointmentId),
    });
    const healthFlags = new HealthFlagService({ ...p, workQueue: needs.workQueue });
    return {
      /** readings, questionnaires, trends; `listForRecord(access)` for the record download */
      healthUpdates,
      /** the care team's flagged-updates queue: acknowledge, resolve */
      healthFlags,
      /** the clinic's flag ranges (admins edit them) */
      healthRanges,
    };
  },
  routes: (app, services) => healthUpdateRoutes(app, services),
  patientReferences: [
    { table: "health_readings", column: "patient_id", note: "readings sent by the patient" },
    { table: "questionnaire_responses", column: "patient_id", note: "questionnaires answered" },
    { table: "health_flags", column: "patient_id", note: "flagged updates" },
  ],
  // the patient's free-text note on a reading
  sealedColumns: [{ table: "health_readings", idColumn: "id", column: "note_sealed", associatedData: readingNoteSeal }],
  demoSeed: seedDemoHealth,
  recordSections: [readingsRecordSection, questionnairesRecordSection],
});
