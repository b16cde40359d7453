import { useEffect } from "react";
import { useActingFor } from "../../app/acting-for";

export interface MessagesPatient {
  /** whose conversations these pages show (null: the user acts for nobody) */
  patientId: string | null;
  name: string | null;
  forSelf: boolean;
  /** the server gave this user the "messages" part of their access to this patient */
  allowed: boolean;
}

/**
 * The patient the message pages work for: the "acting for" choice, or the patient an email
 * link names (?patient=…) when the user acts for them (which then becomes the choice).
 */
export function useMessagesPatient(linkedPatientId?: string): MessagesPatient {
  const { patient, patients, setPatientId, can } = useActingFor();
  const linked = linkedPatientId ? patients.find((p) => p.id === linkedPatientId) : undefined;
  useEffect(() => {
    if (linked && linked.id !== patient?.id) setPatientId(linked.id);
  }, [linked, patient?.id, setPatientId]);
  const chosen = linked ?? patient;
  const allowed = chosen
    ? chosen === patient
      ? can("messages")
      : chosen.relationship === "self" || chosen.scopes.includes("messages")
    : false;
  return {
    patientId: chosen?.id ?? null,
    name: chosen?.name ?? null,
    forSelf: chosen?.relationship === "self",
    allowed,
  };
}
