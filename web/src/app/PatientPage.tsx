import type { ProxyScope } from "@portico/contracts";
import type { QueryKey, UseQueryOptions, UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../components/PageHeader";
import { PatientGate, usePatientQuery } from "../kit/PatientGate";
import { ActingForSwitcher } from "./ActingForSwitcher";
import { type ScopedPatient, usePatientFor } from "./acting-for";

/** One area's data for the patient its pages work for, and how to speak of that patient. */
export interface PatientData<T> {
  who: ScopedPatient;
  query: UseQueryResult<T>;
  /** the patient's name as the data gives it (or as the acting-for choice does, before it loads) */
  name: string;
  /** the user's own record, or nobody named yet */
  forSelf: boolean;
  /** the feature's i18n namespace */
  ns: string;
  /** `key` for oneself, `<key>For` with the name for someone else */
  forWhom: (key: string) => string;
}

/** The data of one area (`scope`) for the acting-for patient, or the one a link names. */
export function usePatientData<T extends { patient: { displayName: string } }, K extends QueryKey>(
  ns: string,
  scope: ProxyScope,
  linkedPatientId: string | undefined,
  options: (patientId: string) => UseQueryOptions<T, Error, T, K>,
): PatientData<T> {
  const { t } = useTranslation(ns);
  const who = usePatientFor(scope, linkedPatientId);
  const query = usePatientQuery(who, options);
  const name = query.data?.patient.displayName ?? who.name ?? "";
  const forSelf = who.forSelf || !name;
  return { who, query, name, forSelf, ns, forWhom: (key) => (forSelf ? t(key) : t(`${key}For`, { name })) };
}

interface PatientPageProps<T> {
  page: PatientData<T>;
  /** default: `<words>.title` and `<words>.lead`, for oneself or for the patient named */
  title?: string;
  lead?: ReactNode;
  before?: ReactNode;
  actions?: ReactNode;
  /** shown under the acting-for switcher, whatever the state */
  notice?: ReactNode;
  /** the gate's words (see PatientGate) */
  words: string;
  loading?: string;
  failed?: string;
  children: (data: T, patientId: string) => ReactNode;
}

/** A page for the acting-for patient: header, the switcher, then the gate's states or the data. */
export function PatientPage<T>({ page, title, lead, before, actions, notice, ...gate }: PatientPageProps<T>) {
  return (
    <div className="stack">
      <PageHeader
        title={title ?? page.forWhom(`${gate.words}.title`)}
        lead={title === undefined ? <p>{page.forWhom(`${gate.words}.lead`)}</p> : lead}
        before={before}
        actions={actions}
      />
      <ActingForSwitcher />
      {notice}
      <PatientGate
        patientId={page.who.patientId}
        allowed={page.who.allowed}
        name={page.name}
        query={page.query}
        ns={page.ns}
        {...gate}
      />
    </div>
  );
}
