import type {
  CreateThreadRequest,
  DigestPreferences,
  DigestPreferencesInput,
  HolidayList,
  Inbox,
  InboxQuery,
  MessagePool,
  MessagePoolInput,
  MessagePoolList,
  MessageTopicList,
  OfficeHours,
  OfficeHoursInput,
  PatientThread,
  PatientThreadList,
  QuickReply,
  QuickReplyInput,
  QuickReplyList,
  ReplyRequest,
  StaffThread,
  ThreadStatus,
  UploadedAttachment,
  WorkItem,
} from "@portico/contracts";
import { infiniteQueryOptions, type QueryClient, queryOptions } from "@tanstack/react-query";
import type { StatusTone } from "../../components/StatusChip";
import { api, apiRawBody } from "../../lib/api";
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
export function uploadAttachment(patientId: string, file: File): Promise<UploadedAttachment> {
  return uploadTo(`/api/patients/${enc(patientId)}/messages/attachments`, file);
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

/** The inbox a page at a time: the first page carries the counts; "Show more" asks for the page after (`next`). */
export const inboxPagesQuery = (query: InboxQuery) =>
  infiniteQueryOptions({
    queryKey: [...messageKeys.inbox(query), "pages"] as const,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
      if (pageParam) params.set("after", pageParam);
      const text = params.toString();
      return api<Inbox>(`/api/messages/inbox${text ? `?${text}` : ""}`, { signal });
    },
    getNextPageParam: (last) => last.next,
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
  | { kind: "reply"; body: string; quickReplyId?: string; attachmentIds?: string[] }
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
        body: {
          body: action.body,
          ...(action.quickReplyId ? { quickReplyId: action.quickReplyId } : {}),
          ...(action.attachmentIds?.length ? { attachmentIds: action.attachmentIds } : {}),
        },
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

/** Uploads one file for a staff reply (the thread's patient; the server checks the type by content and the size). */
export function uploadStaffAttachment(threadId: string, file: File): Promise<UploadedAttachment> {
  return uploadTo(`/api/messages/threads/${enc(threadId)}/attachments`, file);
}

function uploadTo(url: string, file: File): Promise<UploadedAttachment> {
  return apiRawBody<UploadedAttachment>(url, file); // typed by the file, or application/octet-stream
}

// ---- settings: pools, holidays, quick replies (admins); office hours and digest (clinicians) ----

export const settingsKeys = {
  pools: ["message-settings", "pools"] as const,
  holidays: (locationId: string) => ["message-settings", "holidays", locationId] as const,
  quickReplies: (poolId: string) => ["message-settings", "quick-replies", poolId] as const,
  officeHours: ["message-settings", "office-hours"] as const,
  digest: ["message-settings", "digest"] as const,
};

export const adminPoolsQuery = () =>
  queryOptions({
    queryKey: settingsKeys.pools,
    queryFn: ({ signal }) => api<MessagePoolList>("/api/admin/message-pools", { signal }),
  });

export async function savePool(
  queryClient: QueryClient,
  id: string | null,
  body: MessagePoolInput,
): Promise<MessagePool> {
  const pool = await api<MessagePool>(id ? `/api/admin/message-pools/${enc(id)}` : "/api/admin/message-pools", {
    method: id ? "PUT" : "POST",
    body,
  });
  await queryClient.invalidateQueries({ queryKey: settingsKeys.pools });
  return pool;
}

export const holidaysQuery = (locationId: string) =>
  queryOptions({
    queryKey: settingsKeys.holidays(locationId),
    queryFn: ({ signal }) => api<HolidayList>(`/api/admin/locations/${enc(locationId)}/holidays`, { signal }),
  });

export async function saveHolidays(queryClient: QueryClient, locationId: string, body: HolidayList) {
  const saved = await api<HolidayList>(`/api/admin/locations/${enc(locationId)}/holidays`, { method: "PUT", body });
  queryClient.setQueryData(settingsKeys.holidays(locationId), saved);
  return saved;
}

export const quickRepliesQuery = (poolId: string) =>
  queryOptions({
    queryKey: settingsKeys.quickReplies(poolId),
    queryFn: ({ signal }) => api<QuickReplyList>(`/api/messages/pools/${enc(poolId)}/quick-replies`, { signal }),
  });

export async function saveQuickReply(
  queryClient: QueryClient,
  poolId: string,
  id: string | null,
  body: QuickReplyInput,
): Promise<QuickReply> {
  const base = `/api/messages/pools/${enc(poolId)}/quick-replies`;
  const saved = await api<QuickReply>(id ? `${base}/${enc(id)}` : base, { method: id ? "PUT" : "POST", body });
  await queryClient.invalidateQueries({ queryKey: settingsKeys.quickReplies(poolId) });
  return saved;
}

export async function deleteQuickReply(queryClient: QueryClient, poolId: string, id: string): Promise<void> {
  await api<null>(`/api/messages/pools/${enc(poolId)}/quick-replies/${enc(id)}`, { method: "DELETE" });
  await queryClient.invalidateQueries({ queryKey: settingsKeys.quickReplies(poolId) });
}

export const officeHoursQuery = () =>
  queryOptions({
    queryKey: settingsKeys.officeHours,
    queryFn: ({ signal }) => api<OfficeHours>("/api/messages/office-hours", { signal }),
  });

export async function saveOfficeHours(queryClient: QueryClient, body: OfficeHoursInput): Promise<OfficeHours> {
  const saved = await api<OfficeHours>("/api/messages/office-hours", { method: "PUT", body });
  queryClient.setQueryData(settingsKeys.officeHours, saved);
  return saved;
}

export const digestQuery = () =>
  queryOptions({
    queryKey: settingsKeys.digest,
    queryFn: ({ signal }) => api<DigestPreferences>("/api/messages/digest-preferences", { signal }),
  });

export async function saveDigest(queryClient: QueryClient, body: DigestPreferencesInput): Promise<DigestPreferences> {
  const saved = await api<DigestPreferences>("/api/messages/digest-preferences", { method: "PUT", body });
  queryClient.setQueryData(settingsKeys.digest, saved);
  return saved;
}
