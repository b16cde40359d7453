import type { PatientProfile } from "@portico/contracts";
import { useQuery } from "@tanstack/react-query";
import { useActingFor } from "../../app/acting-for";
import { isStaff, useMe } from "../../app/session";
import { api } from "../../lib/api";

export interface AppointmentPatient {
  /** whose appointments these pages work on (null: nobody yet) */
  patientId: string | null;
  name: string | null;
  /** staff booking on a patient's behalf (the patient came in the address) */
  onBehalf: boolean;
  forSelf: boolean;
  /** may the user book, change and cancel for this patient */
  canAct: boolean;
}

/**
 * The patient the appointment pages work for: a staff member names them in the address
 * (?patientId=…); patients and caregivers use the "acting for" choice, where a caregiver
 * needs the "appointments" part of their access to act.
 */
export function useAppointmentPatient(searchPatientId?: string): AppointmentPatient {
  const me = useMe();
  const { patient, can } = useActingFor();
  const staff = isStaff(me);
  const ownPatient = searchPatientId ? me?.patients.find((p) => p.id === searchPatientId) : undefined;
  const onBehalf = Boolean(staff && searchPatientId && !ownPatient);
  const profile = useQuery({
    queryKey: ["patient-name", searchPatientId],
    enabled: onBehalf,
    queryFn: ({ signal }) => api<PatientProfile>(`/api/patients/${searchPatientId}`, { signal }),
    staleTime: 5 * 60_000,
  });
  if (onBehalf && searchPatientId) {
    const p = profile.data;
    return {
      patientId: searchPatientId,
      name: p ? `${p.preferredName ?? p.legalGivenName} ${p.legalFamilyName}` : null,
      onBehalf: true,
      forSelf: false,
      canAct: true,
    };
  }
  const chosen = ownPatient ?? patient;
  const allowed = Boolean(chosen?.scopes.includes("appointments"));
  return {
    patientId: chosen?.id ?? null,
    name: chosen?.name ?? null,
    onBehalf: false,
    forSelf: chosen?.relationship === "self",
    canAct: ownPatient ? allowed : Boolean(chosen && can("appointments")),
  };
}
