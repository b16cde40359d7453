import type {
  FlagLevel,
  FlagRanges,
  HealthFlagItem,
  HealthFlagQueue,
  HealthUpdates,
  Measure,
  Reading,
  ReadingUnit,
  SaveFlagRangesRequest,
  SendQuestionnaireRequest,
  SendReadingRequest,
  SentQuestionnaire,
  SentReading,
} from "@portico/contracts";
import { type QueryClient, queryOptions } from "@tanstack/react-query";
import type { StatusTone } from "../../components/StatusChip";
import { api } from "../../lib/api";
import { workQueueKeys } from "../in-basket/data";

/** Query keys: a send refreshes the patient's trends; a decision refreshes the queue and the In Basket counts. */
export const healthKeys = {
  all: ["health"] as const,
  patient: (patientId: string) => ["health", "patient", patientId] as const,
  queueAll: ["health", "flags"] as const,
  queue: (status: "active" | "resolved") => ["health", "flags", status] as const,
  ranges: ["health", "ranges"] as const,
};

const enc = encodeURIComponent;

export const healthUpdatesQuery = (patientId: string) =>
  queryOptions({
    queryKey: healthKeys.patient(patientId),
    queryFn: ({ signal }) => api<HealthUpdates>(`/api/patients/${enc(patientId)}/health-updates`, { signal }),
  });

/** Sends one update (a reading, a questionnaire) to the care team; the patient's trends refresh. */
async function sendUpdate<R>(
  queryClient: QueryClient,
  patientId: string,
  kind: "readings" | "questionnaires",
  body: unknown,
  idempotencyKey: string,
): Promise<R> {
  const sent = await api<R>(`/api/patients/${enc(patientId)}/health-updates/${kind}`, {
    method: "POST",
    body,
    idempotencyKey,
  });
  await queryClient.invalidateQueries({ queryKey: healthKeys.patient(patientId) });
  return sent;
}

export const sendReading = (queryClient: QueryClient, patientId: string, body: SendReadingRequest, key: string) =>
  sendUpdate<SentReading>(queryClient, patientId, "readings", body, key);

export const sendQuestionnaire = (
  queryClient: QueryClient,
  patientId: string,
  body: SendQuestionnaireRequest,
  key: string,
) => sendUpdate<SentQuestionnaire>(queryClient, patientId, "questionnaires", body, key);

export const healthFlagsQuery = (status: "active" | "resolved") =>
  queryOptions({
    queryKey: healthKeys.queue(status),
    queryFn: ({ signal }) => api<HealthFlagQueue>(`/api/health-flags?status=${status}`, { signal }),
    select: (data) => data.items,
    refetchInterval: 60_000,
  });

export async function decideFlag(
  queryClient: QueryClient,
  flagId: string,
  action: "acknowledge" | "resolve",
): Promise<HealthFlagItem> {
  const item = await api<HealthFlagItem>(`/api/health-flags/${enc(flagId)}/${action}`, { method: "POST" });
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: healthKeys.queueAll }),
    queryClient.invalidateQueries({ queryKey: workQueueKeys.all }),
  ]);
  return item;
}

export const flagRangesQuery = queryOptions({
  queryKey: healthKeys.ranges,
  queryFn: ({ signal }) => api<FlagRanges>("/api/health-flag-ranges", { signal }),
});

export async function saveFlagRanges(queryClient: QueryClient, body: SaveFlagRangesRequest): Promise<FlagRanges> {
  const saved = await api<FlagRanges>("/api/health-flag-ranges", { method: "PUT", body });
  queryClient.setQueryData(healthKeys.ranges, saved);
  return saved;
}

// ---- words and numbers shown ----

export const FLAG_TONE: Record<FlagLevel, StatusTone> = { urgent: "danger", attention: "warning", normal: "success" };

/** The unit as people write it. */
export function unitLabel(unit: ReadingUnit | string): string {
  return unit === "C" ? "°C" : unit === "F" ? "°F" : unit;
}

const numberFormat = (locale: string, value: number) =>
  new Intl.NumberFormat(locale === "es" ? "es-US" : "en-US", { maximumFractionDigits: 1 }).format(value);

/** A reading as entered: "186/104 mmHg", "180 lb", "98.6 °F". */
export function readingText(reading: Reading, locale: string): string {
  const e = reading.entered;
  if (reading.measure === "blood_pressure") return `${e.systolic}/${e.diastolic} mmHg`;
  return `${numberFormat(locale, e.value ?? 0)} ${unitLabel(e.unit)}`;
}

/** A point's value for a measure: "186/104" or "180.2". */
export function valueText(measure: Measure, value: number, value2: number | null, locale: string): string {
  return measure === "blood_pressure" && value2 !== null
    ? `${Math.round(value)}/${Math.round(value2)}`
    : numberFormat(locale, value);
}
