import type { AuditEvent } from "@medplum/fhirtypes";
import { instant, ref } from "./reference.ts";

export interface AccessFacts {
  id: string;
  patientId: string;
  at: Date;
  action: string;
  resourceType: string;
  outcome: "success" | "denied" | "failure" | string;
  /** who, as the patient reads it ("Dr. Lena Okafor (physician)", "You") */
  who: string;
}

const ACTION = (action: string): AuditEvent["action"] => {
  if (action === "read" || action === "download" || action === "search") return "R";
  if (action.startsWith("create") || action === "book" || action === "upload") return "C";
  if (action === "delete") return "D";
  return action === "login" ? "E" : "U";
};

/** FHIR R4 AuditEvent for one row of the patient's access log. */
export function toFhirAuditEvent(a: AccessFacts): AuditEvent {
  return {
    resourceType: "AuditEvent",
    id: a.id,
    type: {
      system: "http://terminology.hl7.org/CodeSystem/audit-event-type",
      code: "rest",
      display: "RESTful Operation",
    },
    subtype: [{ system: "urn:portico:audit-action", code: `${a.action}:${a.resourceType}` }],
    action: ACTION(a.action),
    recorded: instant(a.at),
    outcome: a.outcome === "success" ? "0" : a.outcome === "denied" ? "4" : "8",
    agent: [{ requestor: true, who: { display: a.who } }],
    source: { observer: { display: "Portico" } },
    entity: [{ what: ref("Patient", a.patientId) }],
  };
}
