import { defineModule } from "../../modules/kit.ts";
import { workQueueRoutes } from "./routes.ts";
import { workQueueCareTeamRule } from "./visibility.ts";
import { WorkQueueService } from "./work-queue.ts";

/**
 * The shared staff work queue as a platform piece with a manifest: capabilities (refills;
 * later messages, referrals, flagged readings) receive `workQueue`, define their queue and add
 * items. Listed in the registry before them.
 */
export const workQueueModule = defineModule({
  name: "work-queue",
  services: (p) => ({
    /** work items: define a queue, add/complete items, claim/release/assign, counts */
    workQueue: new WorkQueueService({ db: p.db, clock: p.clock, audit: p.audit }),
  }),
  routes: (app, services) => workQueueRoutes(app, services.workQueue, services.access),
  patientReferences: [{ table: "work_items", column: "patient_id", note: "staff work items" }],
  // working an open item about a patient puts the clinician on their care team while it is open
  careTeamRules: [workQueueCareTeamRule],
  notInRecordDownload: "staff task-list items: the requests they stand for are in their own sections",
});
