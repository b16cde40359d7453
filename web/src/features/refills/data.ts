import type {
  ApproveRefillRequest,
  BulkApproveRefillsResult,
  CreateRefillRequest,
  LabResult,
  LabResultList,
  MedicationList,
  RecordLabResultRequest,
  RefillItemStatus,
  RefillProtocol,
  RefillProtocolInput,
  RefillProtocolView,
  RefillQueue,
  RefillQueueItem,
  RefillRequest,
  RefillRequestList,
  RefillRule,
  WorkItem,
} from "@portico/contracts";
import { type QueryClient, queryOptions } from "@tanstack/react-query";
import type { StatusTone } from "../../components/StatusChip";
import { api } from "../../lib/api";
import { workQueueKeys } from "../in-basket/data";

/** Query keys: a change refreshes the lists of that patient (or the queue) at once. */
export const refillKeys = {
  patient: (patientId: string) => ["refills", patientId] as const,
  medications: (patientId: string) => ["refills", patientId, "medications"] as const,
  requests: (patientId: string) => ["refills", patientId, "requests"] as const,
  queueAll: ["refill-queue"] as const,
  queue: (filters: QueueFilters) => ["refill-queue", filters] as const,
  protocol: ["refill-protocol"] as const,
  labs: (patientId: string) => ["refills", patientId, "labs"] as const,
};

const enc = encodeURIComponent;

export const medicationsQuery = (patientId: string) =>
  queryOptions({
    queryKey: refillKeys.medications(patientId),
    queryFn: ({ signal }) => api<MedicationList>(`/api/patients/${enc(patientId)}/medications`, { signal }),
  });

/** A patient's lab results and the tests the refill protocol names (nurses and physicians). */
export const labResultsQuery = (patientId: string) =>
  queryOptions({
    queryKey: refillKeys.labs(patientId),
    queryFn: ({ signal }) => api<LabResultList>(`/api/patients/${enc(patientId)}/lab-results`, { signal }),
  });

/** Records a lab result; the chart's list and the refill queue (its lab checks) refresh. */
export async function recordLabResult(
  queryClient: QueryClient,
  patientId: string,
  body: RecordLabResultRequest,
): Promise<LabResult> {
  const saved = await api<LabResult>(`/api/patients/${enc(patientId)}/lab-results`, { method: "POST", body });
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: refillKeys.labs(patientId) }),
    queryClient.invalidateQueries({ queryKey: refillKeys.queueAll }),
  ]);
  return saved;
}

export const refillRequestsQuery = (patientId: string) =>
  queryOptions({
    queryKey: refillKeys.requests(patientId),
    queryFn: ({ signal }) => api<RefillRequestList>(`/api/patients/${enc(patientId)}/refill-requests`, { signal }),
    // a queued request is decided by a clinician, and the pharmacy is sent to in the background
    refetchInterval: 60_000,
  });

/** Asks for refills; the answer carries each medication's decision. One key per attempt (no double requests). */
export async function requestRefills(
  queryClient: QueryClient,
  patientId: string,
  body: CreateRefillRequest,
  idempotencyKey: string,
): Promise<RefillRequest> {
  const created = await api<RefillRequest>(`/api/patients/${enc(patientId)}/refill-requests`, {
    method: "POST",
    body,
    idempotencyKey,
  });
  await queryClient.invalidateQueries({ queryKey: refillKeys.patient(patientId) });
  return created;
}

// ---- the clinicians' queue ----

export interface QueueFilters {
  prescriberId?: string;
  status?: RefillItemStatus;
  minAgeHours?: number;
}

export const refillQueueQuery = (filters: QueueFilters) =>
  queryOptions({
    queryKey: refillKeys.queue(filters),
    queryFn: ({ signal }) => {
      const params = new URLSearchParams();
      if (filters.prescriberId) params.set("prescriberId", filters.prescriberId);
      if (filters.status) params.set("status", filters.status);
      if (filters.minAgeHours !== undefined) params.set("minAgeHours", String(filters.minAgeHours));
      const query = params.toString();
      return api<RefillQueue>(`/api/refill-queue${query ? `?${query}` : ""}`, { signal });
    },
    refetchInterval: 60_000,
  });

async function afterQueueChange(queryClient: QueryClient) {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: refillKeys.queueAll }),
    queryClient.invalidateQueries({ queryKey: workQueueKeys.all }),
    queryClient.invalidateQueries({ queryKey: ["refills"] }),
  ]);
}

export async function approveRefill(queryClient: QueryClient, itemId: string, body: ApproveRefillRequest) {
  const item = await api<RefillQueueItem>(`/api/refill-queue/${enc(itemId)}/approve`, { method: "POST", body });
  await afterQueueChange(queryClient);
  return item;
}

export async function denyRefill(queryClient: QueryClient, itemId: string, reason: string) {
  const item = await api<RefillQueueItem>(`/api/refill-queue/${enc(itemId)}/deny`, {
    method: "POST",
    body: { reason },
  });
  await afterQueueChange(queryClient);
  return item;
}

export async function bulkApproveRefills(queryClient: QueryClient, itemIds: string[]) {
  const result = await api<BulkApproveRefillsResult>("/api/refill-queue/bulk-approve", {
    method: "POST",
    body: { itemIds },
  });
  await afterQueueChange(queryClient);
  return result;
}

export async function workItemAction(
  queryClient: QueryClient,
  workItemId: string,
  action: "claim" | "release",
): Promise<WorkItem> {
  const item = await api<WorkItem>(`/api/work-queue/items/${enc(workItemId)}/${action}`, { method: "POST" });
  await afterQueueChange(queryClient);
  return item;
}

// ---- the protocol ----

export const refillProtocolQuery = queryOptions({
  queryKey: refillKeys.protocol,
  queryFn: ({ signal }) => api<RefillProtocolView>("/api/refill-protocol", { signal }),
});

export async function saveRefillProtocol(queryClient: QueryClient, body: RefillProtocolInput): Promise<RefillProtocol> {
  const saved = await api<RefillProtocol>("/api/refill-protocol", { method: "PUT", body });
  await queryClient.invalidateQueries({ queryKey: refillKeys.protocol });
  return saved;
}

// ---- words and tones ----

/**
 * How each decision reads to a patient (refills: i18n `decision.<key>` and `status.<key>`):
 * approved by the protocol on its own (a refill, or a renewal under the clinic's rules) or by
 * the care team (`reviewed`: a clinician decided), sent to the doctor, too early, or denied.
 */
export function decisionKey(status: RefillItemStatus, rule: RefillRule, reviewed: boolean): string {
  if (status === "denied") return "denied";
  if (status === "approved") {
    if (reviewed) return "approvedByCareTeam";
    return rule === "refill_from_remaining" ? "refillApproved" : "renewalApproved";
  }
  return rule === "too_early" ? "tooEarly" : "sentToDoctor";
}

export const ITEM_TONE: Record<RefillItemStatus, StatusTone> = {
  queued: "info",
  approved: "success",
  denied: "danger",
};
