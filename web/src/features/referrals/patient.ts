import { useEffect } from "react";
import { useActingFor } from "../../app/acting-for";

export interface ReferralPatient {
  /** whose referrals these pages show (null: the user acts for nobody) */
  patientId: string | null;
  name: string | null;
  forSelf: boolean;
  /** the server gave this user the "referrals" part of their access to this patient */
  allowed: boolean;
}

/**
 * The patient the referral pages work for: the "acting for" choice, or the patient a link
 * names (?patient=…) when the user acts for them (which then becomes the choice).
 */
export function useReferralPatient(linkedPatientId?: string): ReferralPatient {
  const { patient, patients, setPatientId, can } = useActingFor();
  const linked = linkedPatientId ? patients.find((p) => p.id === linkedPatientId) : undefined;
  useEffect(() => {
    if (linked && linked.id !== patient?.id) setPatientId(linked.id);
  }, [linked, patient?.id, setPatientId]);
  const chosen = linked ?? patient;
  const allowed = chosen
    ? chosen === patient
      ? can("referrals")
      : chosen.relationship === "self" || chosen.scopes.includes("referrals")
    : false;
  return {
    patientId: chosen?.id ?? null,
    name: chosen?.name ?? null,
    forSelf: chosen?.relationship === "self",
    allowed,
  };
}
