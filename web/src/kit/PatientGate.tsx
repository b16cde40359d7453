import { type QueryKey, type UseQueryOptions, type UseQueryResult, useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ScopedPatient } from "../app/acting-for";
import { Alert } from "../components/Alert";
import { EmptyState } from "../components/EmptyState";
import { LoadingState } from "../components/Spinner";
import { LoadFailed } from "./views";

/** One patient's data for a page that works for the "acting for" patient: asked only when the user may see it. */
export function usePatientQuery<T, K extends QueryKey>(
  who: ScopedPatient,
  options: (patientId: string) => UseQueryOptions<T, Error, T, K>,
): UseQueryResult<T> {
  return useQuery({ ...options(who.patientId ?? "none"), enabled: Boolean(who.patientId && who.allowed) });
}

interface PatientGateProps<T> {
  /** null: the user acts for nobody */
  patientId: string | null;
  /** the server lets this user do this part for the patient */
  allowed: boolean;
  /** the patient's name, for "you may not see …'s …" */
  name: string;
  query: UseQueryResult<T>;
  /** the feature's words: `<words>.noPatientTitle`, `.noPatientBody`, `.notAllowedTitle`, `.notAllowedBody` */
  ns: string;
  words: string;
  /** the loading label and failure title (default: `<words>.loading`, `<words>.loadFailed`) */
  loading?: string;
  failed?: string;
  /** the data, and the patient it is for */
  children: (data: T, patientId: string) => ReactNode;
}

/**
 * The states before a patient's page can show its data: nobody chosen, not allowed for this
 * patient, loading, failed; then the data.
 */
export function PatientGate<T>({
  patientId,
  allowed,
  name,
  query,
  ns,
  words,
  loading,
  failed,
  children,
}: PatientGateProps<T>) {
  const { t } = useTranslation(ns);
  if (!patientId) {
    return (
      <EmptyState title={t(`${words}.noPatientTitle`)}>
        <p>{t(`${words}.noPatientBody`)}</p>
      </EmptyState>
    );
  }
  if (!allowed) {
    return (
      <Alert tone="info" title={t(`${words}.notAllowedTitle`, { name })}>
        <p>{t(`${words}.notAllowedBody`, { name })}</p>
      </Alert>
    );
  }
  if (query.isPending) return <LoadingState label={loading ?? t(`${words}.loading`)} />;
  if (query.isError) return <LoadFailed error={query.error} title={failed ?? t(`${words}.loadFailed`)} />;
  return <>{children(query.data, patientId)}</>;
}
