import type { ActingPatient, ProxyScope } from "@portico/contracts";
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";
import { useMe } from "./session";

const STORAGE_KEY = "portico.actingFor";

interface ActingFor {
  /** the patient every patient-scoped page works on (null: the user acts for nobody) */
  patient: ActingPatient | null;
  patients: ActingPatient[];
  setPatientId: (id: string) => void;
  /** may the user do this for the current patient (self: always; proxy: within the grant) */
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
      can: (scope) => Boolean(patient && (patient.relationship === "self" || patient.scopes.includes(scope))),
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
