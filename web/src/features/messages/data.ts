import type {
  CreateThreadRequest,
  Inbox,
  InboxQuery,
  MessageTopicList,
  PatientThread,
  PatientThreadList,
  ReplyRequest,
  StaffThread,
  ThreadStatus,
  UploadedAttachment,
  WorkItem,
} from "@portico/contracts";
import { type QueryClient, queryOptions } from "@tanstack/react-query";
import type { StatusTone } from "../../components/StatusChip";
import { api, toApiError } from "../../lib/api";
import { workQueueKeys } from "../in-basket/data";

const enc = encodeURIComponent;

/** Query keys: a change refreshes that patient's conversations, or the staff inbox, at once. */
export const messageKeys = {
  patient: (patientId: string) => ["messages", patientId] as const,
  threads: (patientId: string) => ["messages", patientId, "threads"] as const,
  thread: (patientId: string, threadId: string) => ["messages", patientId, "thread", threadId] as const,
  topics: (patientId: string, locale: string) => ["messages", patientId, "topics", locale] as const,
  staffAll: ["staff-messages"] as const,
  inbox: (query: InboxQuery) => ["staff-messages", "inbox", query] as const,
  staffThread: (threadId: string) => ["staff-messages", "thread", threadId] as const,
};

// ---- patient side ----

export const threadListQuery = (patientId: string) =>
  queryOptions({
    queryKey: messageKeys.threads(patientId),
    queryFn: ({ signal }) => api<PatientThreadList>(`/api/patients/${enc(patientId)}/messages/threads`, { signal }),
    refetchInterval: 60_000,
  });

/** Each topic with who reads it and when to expect an answer if sent now (worded in the account's language: asked again when it changes). */
export const topicsQuery = (patientId: string, locale: string) =>
  queryOptions({
    queryKey: messageKeys.topics(patientId, locale),
    queryFn: ({ signal }) => api<MessageTopicList>(`/api/patients/${enc(patientId)}/messages/topics`, { signal }),
    refetchInterval: 5 * 60_000,
  });

/** Opening a thread marks it read for the reader (the list's counts are refreshed after). */
export const patientThreadQuery = (patientId: string, threadId: string) =>
  queryOptions({
    queryKey: messageKeys.thread(patientId, threadId),
    queryFn: ({ signal }) =>
      api<PatientThread>(`/api/patients/${enc(patientId)}/messages/threads/${enc(threadId)}`, { signal }),
    refetchInterval: 60_000,
  });

export async function createThread(
  queryClient: QueryClient,
  patientId: string,
  body: CreateThreadRequest,
  idempotencyKey: string,
): Promise<PatientThread> {
  const created = await api<PatientThread>(`/api/patients/${enc(patientId)}/messages/threads`, {
    method: "POST",
    body,
    idempotencyKey,
  });
  queryClient.setQueryData(messageKeys.thread(patientId, created.id), created);
  await queryClient.invalidateQueries({ queryKey: messageKeys.threads(patientId) });
  return created;
}

export async function replyToThread(
  queryClient: QueryClient,
  patientId: string,
  threadId: string,
  body: ReplyRequest,
  idempotencyKey: string,
): Promise<PatientThread> {
  const thread = await api<PatientThread>(
    `/api/patients/${enc(patientId)}/messages/threads/${enc(threadId)}/messages`,
    { method: "POST", body, idempotencyKey },
  );
  queryClient.setQueryData(messageKeys.thread(patientId, threadId), thread);
  await queryClient.invalidateQueries({ queryKey: messageKeys.threads(patientId) });
  return thread;
}

/** Uploads one file's raw bytes; the server checks its type by content and its size. */
export async function uploadAttachment(patientId: string, file: File, csrfToken: string): Promise<UploadedAttachment> {
  const response = await fetch(`/api/patients/${enc(patientId)}/messages/attachments`, {
    method: "POST",
    credentials: "same-origin",
    headers: {
      "content-type": file.type || "application/octet-stream",
      accept: "application/json",
      "x-csrf-token": csrfToken,
    },
    body: file,
  }).catch(() => null);
  if (!response) throw toApiError(0, undefined);
  const text = await response.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!response.ok) throw toApiError(response.status, data);
  return data as UploadedAttachment;
}

// ---- staff side ----

export const inboxQuery = (query: InboxQuery) =>
  queryOptions({
    queryKey: messageKeys.inbox(query),
    queryFn: ({ signal }) => {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
      const text = params.toString();
      return api<Inbox>(`/api/messages/inbox${text ? `?${text}` : ""}`, { signal });
    },
    refetchInterval: 60_000,
  });

export const staffThreadQuery = (threadId: string) =>
  queryOptions({
    queryKey: messageKeys.staffThread(threadId),
    queryFn: ({ signal }) => api<StaffThread>(`/api/messages/threads/${enc(threadId)}`, { signal }),
    refetchInterval: 60_000,
  });

async function afterStaffChange(queryClient: QueryClient, thread?: StaffThread) {
  if (thread) queryClient.setQueryData(messageKeys.staffThread(thread.id), thread);
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: ["staff-messages", "inbox"] }),
    queryClient.invalidateQueries({ queryKey: workQueueKeys.all }),
  ]);
}

export type StaffAction =
  | { kind: "reply"; body: string; quickReplyId?: string }
  | { kind: "note"; body: string }
  | { kind: "close"; reason?: string }
  | { kind: "reopen" };

export async function staffThreadAction(
  queryClient: QueryClient,
  threadId: string,
  action: StaffAction,
): Promise<StaffThread> {
  const base = `/api/messages/threads/${enc(threadId)}`;
  let thread: StaffThread;
  switch (action.kind) {
    case "reply":
      thread = await api<StaffThread>(`${base}/messages`, {
        method: "POST",
        body: action.quickReplyId ? { body: action.body, quickReplyId: action.quickReplyId } : { body: action.body },
      });
      break;
    case "note":
      thread = await api<StaffThread>(`${base}/notes`, { method: "POST", body: { body: action.body } });
      break;
    case "close":
      thread = await api<StaffThread>(`${base}/close`, {
        method: "POST",
        body: action.reason ? { reason: action.reason } : {},
      });
      break;
    case "reopen":
      thread = await api<StaffThread>(`${base}/reopen`, { method: "POST" });
      break;
  }
  await afterStaffChange(queryClient, thread);
  return thread;
}

/** Claim or release the thread's work item (the existing work-queue routes), then reload the thread. */
export async function workItemAction(
  queryClient: QueryClient,
  threadId: string,
  workItemId: string,
  action: "claim" | "release",
): Promise<WorkItem> {
  const item = await api<WorkItem>(`/api/work-queue/items/${enc(workItemId)}/${action}`, { method: "POST" });
  await queryClient.invalidateQueries({ queryKey: messageKeys.staffThread(threadId) });
  await afterStaffChange(queryClient);
  return item;
}

export const STATUS_TONE: Record<ThreadStatus, StatusTone> = {
  waiting: "info",
  answered: "success",
  closed: "neutral",
};
