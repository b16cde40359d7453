import type {
  CreateThreadRequest,
  Inbox,
  InboxQuery,
  MessageRouting,
  MessageTopic,
  MessageTopicList,
  PatientThread,
  PatientThreadList,
  ReplyRequest,
  StaffReplyRequest,
  StaffThread,
  UploadedAttachment,
} from "@portico/contracts";
import type { AttachmentFile } from "./attachments.ts";
import { MessageDigests } from "./digest.ts";
import { StaffInbox } from "./inbox.ts";
import {
  createThread,
  getPatientThread,
  listPatientThreads,
  patientAttachment,
  patientReply,
  patientRouting,
  patientTopics,
  patientUpload,
} from "./patient-threads.ts";
import { dueFor } from "./routing.ts";
import {
  addNote,
  closeThread,
  getStaffThread,
  reopenThread,
  staffAttachment,
  staffReply,
  staffUpload,
} from "./staff-threads.ts";
import { type Db, DIGEST_EVERY_MS, DIGEST_QUEUE, MESSAGES_QUEUE, type MessagingDeps } from "./thread-store.ts";

export { DIGEST_QUEUE, MESSAGES_QUEUE, sealedMessageColumns } from "./thread-store.ts";

/**
 * Secure messaging (SPEC §2.5): patients and caregivers start and answer conversations; staff
 * of the answering pool reply, write internal notes, close and reopen; waits for an answer are
 * work items of the shared queue. Patient routes never read internal notes (every query for
 * the patient side filters them out). Each part lives in its own file (patient-threads.ts,
 * staff-threads.ts, inbox.ts, digest.ts); this class is what the module and its routes see.
 */
export class MessagingService {
  readonly #d: MessagingDeps;
  readonly #inbox: StaffInbox;
  readonly #digests: MessageDigests;
  readonly #scheduleDigests: (at?: Date) => Promise<void>;

  constructor(deps: MessagingDeps) {
    this.#d = deps;
    this.#inbox = new StaffInbox(deps);
    this.#digests = new MessageDigests(deps);
    deps.workQueue.define({ name: MESSAGES_QUEUE, roles: ["nurse", "physician"], responseBusinessDays: 1 });
    // one sweep per 15-minute slot, whichever process asks; each queues the next slot's
    this.#scheduleDigests = deps.jobs.periodic(
      DIGEST_QUEUE,
      DIGEST_EVERY_MS,
      () => this.#digests.sendDigests(),
      (ended) => new Date(Math.floor(ended.getTime() / DIGEST_EVERY_MS + 1) * DIGEST_EVERY_MS),
    );
  }

  /** When a wait starting `from` is due: the pool's target in its location's business hours. */
  dueFor(db: Db, poolId: string, from: Date): Promise<Date> {
    return dueFor(db, poolId, from);
  }

  /** The staff inbox (see `StaffInbox`). */
  inbox(query: InboxQuery): Promise<Inbox> {
    return this.#inbox.inbox(query);
  }

  /** Queues the digest sweep at `at` (see `MessageDigests`). */
  scheduleDigests(at?: Date): Promise<void> {
    return this.#scheduleDigests(at);
  }

  /** Sends the digests that are due now (see `MessageDigests`). */
  sendDigests(): Promise<number> {
    return this.#digests.sendDigests();
  }

  // ---- patient side (patient-threads.ts) ----

  /** The topics that can be sent now, each with who reads it and when to expect an answer. */
  topics(patientId: string): Promise<MessageTopicList> {
    return patientTopics(this.#d, patientId);
  }

  routing(patientId: string, topic: MessageTopic): Promise<MessageRouting> {
    return patientRouting(this.#d, patientId, topic);
  }

  list(patientId: string): Promise<PatientThreadList> {
    return listPatientThreads(this.#d, patientId);
  }

  get(patientId: string, threadId: string): Promise<PatientThread> {
    return getPatientThread(this.#d, patientId, threadId);
  }

  create(patientId: string, input: CreateThreadRequest): Promise<PatientThread> {
    return createThread(this.#d, patientId, input);
  }

  reply(patientId: string, threadId: string, input: ReplyRequest): Promise<PatientThread> {
    return patientReply(this.#d, patientId, threadId, input);
  }

  /** An attachment uploaded before sending: checked by content, sealed in the file store, waiting for a message. */
  upload(patientId: string, bytes: Buffer): Promise<UploadedAttachment> {
    return patientUpload(this.#d, patientId, bytes);
  }

  patientAttachment(patientId: string, threadId: string, attachmentId: string): Promise<AttachmentFile> {
    return patientAttachment(this.#d, patientId, threadId, attachmentId);
  }

  // ---- staff side (staff-threads.ts) ----

  staffGet(threadId: string): Promise<StaffThread> {
    return getStaffThread(this.#d, threadId);
  }

  staffReply(threadId: string, input: StaffReplyRequest): Promise<StaffThread> {
    return staffReply(this.#d, threadId, input);
  }

  /** An internal note: staff only, never shown, counted or emailed to the patient's side. */
  addNote(threadId: string, body: string): Promise<StaffThread> {
    return addNote(this.#d, threadId, body);
  }

  close(threadId: string): Promise<StaffThread> {
    return closeThread(this.#d, threadId);
  }

  reopen(threadId: string): Promise<StaffThread> {
    return reopenThread(this.#d, threadId);
  }

  /** A file for a staff reply, uploaded before sending: checked by content, sealed, waiting for the reply. */
  staffUpload(threadId: string, bytes: Buffer): Promise<UploadedAttachment> {
    return staffUpload(this.#d, threadId, bytes);
  }

  staffAttachment(threadId: string, attachmentId: string): Promise<AttachmentFile> {
    return staffAttachment(this.#d, threadId, attachmentId);
  }
}
