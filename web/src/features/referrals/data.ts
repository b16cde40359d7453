import type {
  ApproveReferralRequest,
  AskForVisitRequest,
  CreateReferralRequest,
  IncomingReferrals,
  Referral,
  ReferralList,
  ReferralQueue,
  ReferralStatus,
  StaffCreateReferralRequest,
  WorkItem,
} from "@portico/contracts";
import { type QueryClient, queryOptions } from "@tanstack/react-query";
import type { StatusTone } from "../../components/StatusChip";
import { api } from "../../lib/api";
import { workQueueKeys } from "../in-basket/data";

/** Query keys: a decision refreshes the patient's list, the queue and the In Basket counts at once. */
export const referralKeys = {
  all: ["referrals"] as const,
  patient: (patientId: string) => ["referrals", "patient", patientId] as const,
  queueAll: ["referrals", "queue"] as const,
  queue: (status?: ReferralStatus) => ["referrals", "queue", status ?? "open"] as const,
  incoming: ["referrals", "incoming"] as const,
};

const enc = encodeURIComponent;

export const referralsQuery = (patientId: string) =>
  queryOptions({
    queryKey: referralKeys.patient(patientId),
    queryFn: ({ signal }) => api<ReferralList>(`/api/patients/${enc(patientId)}/referrals`, { signal }),
    // the practice decides in the background
    refetchInterval: 60_000,
  });

/** Asks for a referral; one key per attempt, so a double tap or a retry never asks twice. */
export async function requestReferral(
  queryClient: QueryClient,
  patientId: string,
  body: CreateReferralRequest,
  idempotencyKey: string,
): Promise<Referral> {
  const created = await api<Referral>(`/api/patients/${enc(patientId)}/referrals`, {
    method: "POST",
    body,
    idempotencyKey,
  });
  await queryClient.invalidateQueries({ queryKey: referralKeys.all });
  return created;
}

/** Staff create a referral on the patient's behalf (approved at once when `approve` is given); one key per attempt. */
export async function staffCreateReferral(
  queryClient: QueryClient,
  patientId: string,
  body: StaffCreateReferralRequest,
  idempotencyKey: string,
): Promise<Referral> {
  const created = await api<Referral>(`/api/patients/${enc(patientId)}/referrals/staff`, {
    method: "POST",
    body,
    idempotencyKey,
  });
  await afterChange(queryClient);
  return created;
}

export async function cancelReferral(queryClient: QueryClient, patientId: string, referralId: string) {
  const referral = await api<Referral>(`/api/patients/${enc(patientId)}/referrals/${enc(referralId)}/cancel`, {
    method: "POST",
  });
  await afterChange(queryClient);
  return referral;
}

// ---- the primary care practice's queue, the specialist's incoming list ----

export const referralQueueQuery = (status?: ReferralStatus) =>
  queryOptions({
    queryKey: referralKeys.queue(status),
    queryFn: ({ signal }) =>
      api<ReferralQueue>(`/api/referral-queue${status ? `?status=${enc(status)}` : ""}`, { signal }),
    refetchInterval: 60_000,
  });

export const incomingReferralsQuery = queryOptions({
  queryKey: referralKeys.incoming,
  queryFn: ({ signal }) => api<IncomingReferrals>("/api/referrals/incoming", { signal }),
  refetchInterval: 60_000,
});

async function afterChange(queryClient: QueryClient) {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: referralKeys.all }),
    queryClient.invalidateQueries({ queryKey: workQueueKeys.all }),
  ]);
}

export async function approveReferral(queryClient: QueryClient, referralId: string, body: ApproveReferralRequest) {
  const referral = await api<Referral>(`/api/referral-queue/${enc(referralId)}/approve`, { method: "POST", body });
  await afterChange(queryClient);
  return referral;
}

export async function denyReferral(queryClient: QueryClient, referralId: string, reason: string) {
  const referral = await api<Referral>(`/api/referral-queue/${enc(referralId)}/deny`, {
    method: "POST",
    body: { reason },
  });
  await afterChange(queryClient);
  return referral;
}

export async function askForVisit(queryClient: QueryClient, referralId: string, body: AskForVisitRequest) {
  const referral = await api<Referral>(`/api/referral-queue/${enc(referralId)}/ask-for-visit`, {
    method: "POST",
    body,
  });
  await afterChange(queryClient);
  return referral;
}

// ---- words and tones ----

export const STATUS_TONE: Record<ReferralStatus, StatusTone> = {
  requested: "info",
  approved: "success",
  denied: "danger",
  visit_requested: "warning",
  scheduled: "success",
  completed: "neutral",
  expired: "neutral",
  cancelled: "neutral",
};

type T = (key: string, options?: Record<string, unknown>) => string;

/** "cardiology" → "Cardiology" / "Cardiología" (the common ones translated, others spelled out). */
export function specialtyLabel(specialty: string, t: T): string {
  const fallback = specialty.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase());
  return t(`specialty.${specialty}`, { defaultValue: fallback });
}

/** Claims or releases the queue's work item for a referral (the shared work-queue routes). */
export async function referralWorkItem(queryClient: QueryClient, workItemId: string, action: "claim" | "release") {
  const item = await api<WorkItem>(`/api/work-queue/items/${enc(workItemId)}/${action}`, { method: "POST" });
  await afterChange(queryClient);
  return item;
}

/** "YYYY-MM-DD" of today plus `days`, on this device's calendar (the suggested expiry of a ticket). */
export function dateInDays(days: number, now: Date = new Date()): string {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
