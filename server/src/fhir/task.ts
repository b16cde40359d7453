import type { Task } from "@medplum/fhirtypes";
import { instant, ref } from "./reference.ts";

export interface RefillItemFacts {
  id: string;
  patientId: string;
  medicationId: string;
  medicationName: string;
  status: "queued" | "approved" | "denied";
  automatic: boolean;
  requestedAt: Date;
  decidedAt: Date | null;
}

const STATUS: Record<RefillItemFacts["status"], Task["status"]> = {
  queued: "requested",
  approved: "completed",
  denied: "rejected",
};

/** FHIR R4 Task for one medicine of a refill request: its focus is the MedicationRequest. */
export function toFhirRefillTask(r: RefillItemFacts): Task {
  return {
    resourceType: "Task",
    id: r.id,
    status: STATUS[r.status],
    intent: "order",
    code: { text: "Prescription refill request" },
    description: r.automatic ? "Decided by the clinic's refill protocol" : undefined,
    focus: ref("MedicationRequest", r.medicationId, r.medicationName),
    for: ref("Patient", r.patientId),
    authoredOn: instant(r.requestedAt),
    ...(r.decidedAt ? { lastModified: instant(r.decidedAt) } : {}),
  };
}
