import type { MessageTopic } from "@portico/contracts";

/**
 * Drafts kept on this device until sent, one per reader, patient and place (a new
 * conversation, or a reply in one thread). Kept in the tab's sessionStorage, which outlives
 * the idle sign-out and signing in again in the same tab, and is gone when the tab closes.
 */
export interface MessageDraft {
  topic: MessageTopic | "";
  subject: string;
  body: string;
  /** uploads already made for this draft (ids are sent with the message) */
  attachments: DraftAttachment[];
}

export interface DraftAttachment {
  id: string;
  name: string;
  sizeBytes: number;
}

export const EMPTY_DRAFT: MessageDraft = { topic: "", subject: "", body: "", attachments: [] };

/** The uploads a message carries, as sent (left out when there are none). */
export function attachmentIds(draft: { attachments: DraftAttachment[] }): { attachmentIds?: string[] } {
  return draft.attachments.length > 0 ? { attachmentIds: draft.attachments.map((a) => a.id) } : {};
}

/** A draft form's field for a server field path: the uploads' ids are the attachment field. */
export const draftField = (path: string) => (path.startsWith("attachmentIds") ? "attachments" : path);

export function draftKey(userId: string, patientId: string, place: string): string {
  return `portico.messageDraft.${userId}.${patientId}.${place}`;
}

export function readDraft(key: string): MessageDraft | null {
  try {
    const text = sessionStorage.getItem(key);
    if (!text) return null;
    const value = JSON.parse(text) as Partial<MessageDraft>;
    return {
      topic: (value.topic ?? "") as MessageDraft["topic"],
      subject: typeof value.subject === "string" ? value.subject : "",
      body: typeof value.body === "string" ? value.body : "",
      attachments: Array.isArray(value.attachments) ? value.attachments : [],
    };
  } catch {
    return null;
  }
}

export function writeDraft(key: string, draft: MessageDraft): void {
  try {
    const empty = !draft.topic && !draft.subject && !draft.body && draft.attachments.length === 0;
    if (empty) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, JSON.stringify(draft));
  } catch {
    // storage may be full or blocked: the draft then lasts as long as the page
  }
}

export function clearDraft(key: string): void {
  try {
    sessionStorage.removeItem(key);
  } catch {
    // nothing to clear
  }
}
