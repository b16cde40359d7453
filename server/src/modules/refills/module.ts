import type { WorkQueueService } from "../../platform/work-queue/work-queue.ts";
import { seedDemoRefills } from "../../seed/demo-refills.ts";
import { defineModule } from "../kit.ts";
import {
  labResultsRecordSection,
  medicationsRecordSection,
  refillRequestsRecordSection,
} from "../records/sections/medications.ts";
import { prescriberCareTeamRule } from "./care-team.ts";
import { LabResultService } from "./lab-results.ts";
import { refillDecided } from "./mail-templates.ts";
import { MedicationService } from "./medications.ts";
import { OutboxPharmacyAdapter } from "./pharmacy.ts";
import { RefillProtocolService } from "./protocols.ts";
import { RefillService } from "./refill-service.ts";
import { refillRoutes } from "./routes.ts";
import { denialReasonSeal, eventReasonSeal, labValueSeal, stopReasonSeal } from "./seals.ts";

/** Prescription refills: medication lists, refill requests decided by the protocol, the refill queue, the pharmacy outbox. */
export const refillsModule = defineModule({
  name: "refills",
  services: (p, needs: { workQueue: WorkQueueService }) => {
    const refillProtocols = new RefillProtocolService({ db: p.db, access: p.access, audit: p.audit });
    return {
      /** the clinic's refill protocol, versioned (admins edit) */
      refillProtocols,
      /** medication lists with history (clinicians keep them) */
      medications: new MedicationService({ ...p, protocols: refillProtocols }),
      /** lab results on the chart (the protocol's lab rule reads them; clinicians record them) */
      labResults: new LabResultService({ ...p, protocols: refillProtocols }),
      /** refill requests, the refill queue and pharmacy delivery (job `refills.pharmacy-send`) */
      refills: new RefillService({
        ...p,
        protocols: refillProtocols,
        workQueue: needs.workQueue,
        pharmacy: new OutboxPharmacyAdapter(),
      }),
    };
  },
  routes: (app, services) => refillRoutes(app, services),
  mailTemplates: [refillDecided],
  patientReferences: [
    { table: "medications", column: "patient_id", note: "medication list" },
    { table: "medication_events", column: "patient_id", note: "medication history" },
    { table: "lab_results", column: "patient_id", note: "lab results the refill protocol checks" },
    { table: "refill_requests", column: "patient_id", note: "refill requests" },
    { table: "refill_request_items", column: "patient_id", note: "refill decisions" },
    { table: "pharmacy_outbox", column: "patient_id", note: "prescriptions sent to pharmacies" },
  ],
  // what clinicians write about a medication: why it was stopped, why a refill was denied; a lab value
  sealedColumns: [
    { table: "lab_results", idColumn: "id", column: "value_sealed", associatedData: labValueSeal },
    { table: "medications", idColumn: "id", column: "stop_reason_sealed", associatedData: stopReasonSeal },
    { table: "medication_events", idColumn: "id", column: "reason_sealed", associatedData: eventReasonSeal },
    { table: "refill_request_items", idColumn: "id", column: "denial_reason_sealed", associatedData: denialReasonSeal },
  ],
  careTeamRules: [prescriberCareTeamRule],
  demoSeed: seedDemoRefills,
  recordSections: [medicationsRecordSection, labResultsRecordSection, refillRequestsRecordSection],
});
