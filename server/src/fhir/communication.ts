import type { Communication } from "@medplum/fhirtypes";
import { instant, ref } from "./reference.ts";

export interface MessageFacts {
  id: string;
  threadId: string;
  patientId: string;
  subject: string;
  body: string;
  fromPatientSide: boolean;
  authorName: string | null;
  sentAt: Date;
}

/** FHIR R4 Communication for one message of a conversation (never an internal note: the caller leaves those out). */
export function toFhirCommunication(m: MessageFacts): Communication {
  return {
    resourceType: "Communication",
    id: m.id,
    status: "completed",
    subject: ref("Patient", m.patientId),
    topic: { text: m.subject },
    sent: instant(m.sentAt),
    ...(m.fromPatientSide
      ? { sender: ref("Patient", m.patientId, m.authorName ?? undefined) }
      : m.authorName
        ? { sender: { display: m.authorName } }
        : {}),
    payload: [{ contentString: m.body }],
    identifier: [{ system: "urn:portico:message-thread", value: m.threadId }],
  };
}
