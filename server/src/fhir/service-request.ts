import type { ServiceRequest } from "@medplum/fhirtypes";
import { instant, ref } from "./reference.ts";

export interface ReferralFacts {
  id: string;
  patientId: string;
  status: string;
  specialty: string;
  urgency: "routine" | "soon" | "urgent";
  reason: string | null;
  approvedProviderId: string | null;
  createdAt: Date;
}

const STATUS: Record<string, ServiceRequest["status"]> = {
  requested: "active",
  approved: "active",
  scheduled: "active",
  visit_requested: "on-hold",
  denied: "revoked",
  cancelled: "revoked",
  expired: "revoked",
  completed: "completed",
};

/** FHIR R4 ServiceRequest for a referral to a specialty. */
export function toFhirServiceRequest(r: ReferralFacts): ServiceRequest {
  return {
    resourceType: "ServiceRequest",
    id: r.id,
    status: STATUS[r.status] ?? "unknown",
    intent: r.status === "requested" ? "proposal" : "order",
    priority: r.urgency === "urgent" ? "urgent" : r.urgency === "soon" ? "asap" : "routine",
    category: [{ coding: [{ system: "http://snomed.info/sct", code: "3457005", display: "Patient referral" }] }],
    code: { text: `Referral: ${r.specialty.replace(/_/g, " ")}` },
    subject: ref("Patient", r.patientId),
    authoredOn: instant(r.createdAt),
    ...(r.reason ? { reasonCode: [{ text: r.reason }] } : {}),
    ...(r.approvedProviderId ? { performer: [ref("Practitioner", r.approvedProviderId)] } : {}),
  };
}
