import type {
  PatientProfile,
  PatientProfileView,
  PatientSearchResponse,
  ProxyGrantList,
  UpdatePatientRequest,
} from "@portico/contracts";
import { queryOptions } from "@tanstack/react-query";
import { api } from "../lib/api";

/**
 * A patient's chart and who may act for them: one key factory, so a save or a grant refreshes
 * every cached view of that patient (`patientKeys.one(id)` invalidates them all).
 */
export const patientKeys = {
  all: ["patients"] as const,
  one: (patientId: string) => ["patients", patientId] as const,
  profile: (patientId: string) => ["patients", patientId, "profile"] as const,
  proxies: (patientId: string) => ["patients", patientId, "proxies"] as const,
  search: (q: string) => ["patients", "search", q] as const,
};

/** The profile, or the summary for a restricted caregiver (the server decides which). */
export const patientProfileQuery = (patientId: string) =>
  queryOptions({
    queryKey: patientKeys.profile(patientId),
    queryFn: () => api<PatientProfileView>(`/api/patients/${patientId}`),
  });

/** Staff reading a chart: always the full profile (the summary view is only ever a caregiver's). */
export const staffPatientQuery = (patientId: string) =>
  queryOptions({
    queryKey: patientKeys.profile(patientId),
    queryFn: () => api<PatientProfileView>(`/api/patients/${patientId}`) as Promise<PatientProfile>,
  });

/** Who may act for the patient, and whether the reader may manage that. */
export const proxyGrantsQuery = (patientId: string) =>
  queryOptions({
    queryKey: patientKeys.proxies(patientId),
    queryFn: () => api<ProxyGrantList>(`/api/patients/${patientId}/proxies`),
  });

/** The staff search (at least two characters). */
export const patientSearchQuery = (q: string) =>
  queryOptions({
    queryKey: patientKeys.search(q),
    queryFn: () => api<PatientSearchResponse>(`/api/patients?${new URLSearchParams({ q, limit: "25" })}`),
    enabled: q.trim().length >= 2,
  });

/** Saves part of the profile; the answer is the profile as the server now holds it. */
export const updatePatient = (patientId: string, patch: UpdatePatientRequest) =>
  api<PatientProfile>(`/api/patients/${patientId}`, { method: "PATCH", body: patch });
