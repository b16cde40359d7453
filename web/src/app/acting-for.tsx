import type { ActingPatient, ProxyScope } from "@portico/contracts";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { useMe } from "./session";

const STORAGE_KEY = "portico.actingFor";

interface ActingFor {
  /** the patient every patient-scoped page works on (null: the user acts for nobody) */
  patient: ActingPatient | null;
  patients: ActingPatient[];
  setPatientId: (id: string) => void;
  /** may the user do this for the current patient: the scopes the server says are in force now */
  can: (scope: ProxyScope) => boolean;
}

const ActingForContext = createContext<ActingFor | null>(null);

function readStored(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function forgetActingFor(): void {
  try {
    sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // nothing to forget
  }
}

/** Holds the "acting for" choice for this tab; defaults to the user themself. */
export function ActingForProvider({ children }: { children: ReactNode }) {
  const me = useMe();
  const patients = me?.patients ?? [];
  const [chosen, setChosen] = useState<string | null>(readStored);
  const patient = patients.find((p) => p.id === chosen) ?? patients[0] ?? null;

  const setPatientId = useCallback((id: string) => {
    setChosen(id);
    try {
      sessionStorage.setItem(STORAGE_KEY, id);
    } catch {
      // the choice lasts for this page only
    }
  }, []);

  const value = useMemo<ActingFor>(
    () => ({
      patient,
      patients,
      setPatientId,
      can: (scope) => Boolean(patient?.scopes.includes(scope)),
    }),
    [patient, patients, setPatientId],
  );
  return <ActingForContext.Provider value={value}>{children}</ActingForContext.Provider>;
}

export function useActingFor(): ActingFor {
  const value = useContext(ActingForContext);
  if (!value) throw new Error("useActingFor must be used inside ActingForProvider");
  return value;
}

/** The patient a feature's pages work for, and whether the server lets this user do that part. */
export interface ScopedPatient {
  /** null: the user acts for nobody */
  patientId: string | null;
  name: string | null;
  forSelf: boolean;
  /** the server gave this user `scope` in their access to this patient */
  allowed: boolean;
}

/**
 * The patient the pages of one area (medications, messages, referrals, …) work for: the
 * "acting for" choice, or the patient a link names (?patient=…, e.g. from an email) when the
 * user acts for them — which then becomes the choice.
 */
export function usePatientFor(scope: ProxyScope, linkedPatientId?: string): ScopedPatient {
  const { patient, patients, setPatientId } = useActingFor();
  const linked = linkedPatientId ? patients.find((p) => p.id === linkedPatientId) : undefined;
  useEffect(() => {
    if (linked && linked.id !== patient?.id) setPatientId(linked.id);
  }, [linked, patient?.id, setPatientId]);
  const chosen = linked ?? patient;
  return {
    patientId: chosen?.id ?? null,
    name: chosen?.name ?? null,
    forSelf: chosen?.relationship === "self",
    allowed: Boolean(chosen?.scopes.includes(scope)),
  };
}
