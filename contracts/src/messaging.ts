import { type Static, Type } from "typebox";
import {
  IsoDate,
  IsoDateTime,
  Literals,
  NamedPerson,
  NamedRef,
  Nullable,
  PLAIN_TEXT_PATTERN,
  QueuePatient,
  ShortText,
  Uuid,
  VISIBLE_TEXT_PATTERN,
} from "./common.ts";
import { WorkItem } from "./work-queue.ts";

/**
 * Secure messaging (SPEC §2.5): conversations (threads) between a patient — or a caregiver
 * with the `messages` scope — and the care team. Topics route to POOLS of staff; each waiting
 * thread is a work item of the shared queue (`messages`), due after the pool's response target
 * counted in business hours. Physicians protect their time with message office hours and
 * out-of-office; staff get a digest of new work at the times they choose.
 *
 * Everything the web shows is decided by the server: `abilities` say what the caller may do
 * next; statuses, due times and overdue flags come computed. Bodies are plain text: the server
 * stores text and the web shows it as text (never as HTML). Internal notes are only ever sent
 * by the staff routes (`/api/messages/...`), never by the patient routes.
 */

// ---- limits and shared pieces ----

/** The longest message body (characters). */
export const MESSAGE_BODY_MAX = 5000;
/** The longest subject (characters). */
export const MESSAGE_SUBJECT_MAX = 120;
/** At most this many attachments on one message. */
export const MESSAGE_ATTACHMENTS_MAX = 5;

/** A message body: visible text, at most 5000 characters, no hidden formatting characters; line breaks kept. */
export const MessageBody = Type.String({
  minLength: 1,
  maxLength: MESSAGE_BODY_MAX,
  pattern: VISIBLE_TEXT_PATTERN,
  description: "plain text (shown as text, never as HTML), 1–5000 characters",
});
export const MessageSubject = ShortText(MESSAGE_SUBJECT_MAX);

const TOPIC_VALUES = [
  "medical_question",
  "medication",
  "test_result",
  "appointment",
  "referral",
  "billing",
  "other",
] as const;
export const MessageTopic = Literals(TOPIC_VALUES, {
  description:
    "what the message is about; decides the pool that answers it (medical_question, medication and test_result are clinical: addressed to the patient's primary care physician and subject to their message office hours)",
});
export type MessageTopic = Static<typeof MessageTopic>;
export const MESSAGE_TOPICS: readonly MessageTopic[] = TOPIC_VALUES;

/**
 * waiting: the care team has to answer (a work item is open);
 * answered: the care team answered last;
 * closed: closed by staff (the patient may start a new conversation; staff may reopen).
 */
export const ThreadStatus = Literals(["waiting", "answered", "closed"]);
export type ThreadStatus = Static<typeof ThreadStatus>;

/** A person as shown on a message: always themselves (a caregiver is shown as the caregiver, with whom they act for). */
export const MessageAuthor = Type.Object({
  kind: Literals(["patient", "proxy", "staff", "system"], {
    description: "system: the automatic reply about office hours",
  }),
  /** null for system */
  userId: Nullable(Uuid),
  /** the person's display name ("Ana Rivera", "Dr. Ruth Okafor"); for system: "Portico" */
  displayName: Type.String(),
  /** for proxy: the relationship ("parent", "spouse", …); for staff: their role ("nurse", "physician") */
  role: Nullable(Type.String()),
  /** true when the author is the reader */
  isMe: Type.Boolean(),
});
export type MessageAuthor = Static<typeof MessageAuthor>;

export const MessageAttachment = Type.Object({
  id: Uuid,
  contentType: Literals(["image/jpeg", "image/png", "image/heic", "application/pdf"]),
  sizeBytes: Type.Integer({ minimum: 1 }),
  /** a file name the server makes ("attachment-1a2b3c4d.pdf"), never the uploader's */
  fileName: Type.String(),
  /** GET this path to download (as an attachment) */
  downloadPath: Type.String(),
});
export type MessageAttachment = Static<typeof MessageAttachment>;

/**
 * One entry of a thread, oldest first. `kind`:
 * message: written by the patient, a caregiver or staff;
 * auto_reply: the automatic office-hours reply (author.kind "system");
 * internal_note: staff only — NEVER present in a patient route's answer.
 */
export const ThreadMessage = Type.Object({
  id: Uuid,
  kind: Literals(["message", "auto_reply", "internal_note"]),
  author: MessageAuthor,
  /** plain text; for auto_reply see `autoReply` for the facts the web words in the reader's language */
  body: Type.String(),
  /** auto_reply only: when to expect an answer and whose office hours it was */
  autoReply: Type.Union([
    Type.Object({
      reason: Literals(["outside_office_hours", "out_of_office"]),
      physicianName: Type.String(),
      expectAnswerBy: IsoDateTime,
      poolName: Type.String(),
    }),
    Type.Null(),
  ]),
  attachments: Type.Array(MessageAttachment),
  sentAt: IsoDateTime,
  /** has someone on the side other than the author's read it (a patient's or caregiver's message: someone on the care team; a staff message: the patient or a caregiver); always false for notes and automatic replies */
  readByOtherSide: Type.Boolean(),
  /** has the reader read it (false for unread messages, true for one's own) */
  readByMe: Type.Boolean(),
});
export type ThreadMessage = Static<typeof ThreadMessage>;

/** The pool answering a thread, as the patient sees it. */
export const PoolSummary = Type.Object({
  id: Uuid,
  /** "Family Medicine nurses" */
  name: Type.String(),
  /** who reads messages sent there, in the reader's language ("The nurses of Brooklyn Family Medicine") */
  readersDescription: Type.String(),
  responseTargetBusinessHours: Type.Integer({ minimum: 1 }),
});
export type PoolSummary = Static<typeof PoolSummary>;

// ---- patient side ----

/**
 * GET /api/patients/:patientId/messages/routing?topic=…: shown before sending — who will read
 * it and when to expect an answer if sent now (office hours and holidays included).
 */
export const MessageRoutingQuery = Type.Object({ topic: MessageTopic }, { additionalProperties: false });
export const MessageRouting = Type.Object({
  topic: MessageTopic,
  pool: PoolSummary,
  /** the physician it is addressed to (clinical topics, the patient's primary care physician), if any */
  physician: Type.Union([Type.Object({ displayName: Type.String() }), Type.Null()]),
  /** sent now, it would be answered by this time */
  expectAnswerBy: IsoDateTime,
  /** the physician is outside message office hours or out of office: the covering pool answers and an automatic reply says so */
  coverage: Type.Union([
    Type.Object({
      reason: Literals(["outside_office_hours", "out_of_office"]),
      /** when the physician is back (next office hours, or end of out-of-office) */
      physicianBackAt: Nullable(IsoDateTime),
    }),
    Type.Null(),
  ]),
});
export type MessageRouting = Static<typeof MessageRouting>;

/** Topics with their routing, for the composer's topic picker (GET /api/patients/:patientId/messages/topics). */
export const MessageTopicList = Type.Object({ topics: Type.Array(MessageRouting) });
export type MessageTopicList = Static<typeof MessageTopicList>;

export const PatientThreadAbilities = Type.Object({
  canReply: Type.Boolean(),
  canAttach: Type.Boolean(),
});
export type PatientThreadAbilities = Static<typeof PatientThreadAbilities>;

export const ThreadListItem = Type.Object({
  id: Uuid,
  patientId: Uuid,
  topic: MessageTopic,
  subject: Type.String(),
  status: ThreadStatus,
  /** `readersDescription` (patient side): who reads it, in the reader's language */
  pool: Type.Object({ id: Uuid, name: Type.String(), readersDescription: Type.Optional(Type.String()) }),
  /** messages the reader has not read (internal notes never count for patients and caregivers) */
  unreadCount: Type.Integer({ minimum: 0 }),
  lastMessageAt: IsoDateTime,
  /** first words of the last message visible to the reader (at most 120 characters, plain text) */
  preview: Type.String(),
  /** waiting threads: when the care team is due to answer */
  dueAt: Nullable(IsoDateTime),
  overdue: Type.Boolean(),
  createdAt: IsoDateTime,
});
export type ThreadListItem = Static<typeof ThreadListItem>;

/** GET /api/patients/:patientId/messages/threads */
export const PatientThreadList = Type.Object({
  /** the patient named, for a caregiver ("Maya Rivera's messages") */
  patient: NamedPerson,
  threads: Type.Array(ThreadListItem),
  totalUnread: Type.Integer({ minimum: 0 }),
  abilities: Type.Object({ canStartThread: Type.Boolean() }),
});
export type PatientThreadList = Static<typeof PatientThreadList>;

/** GET /api/patients/:patientId/messages/threads/:threadId (marks every message in it read for the reader) */
export const PatientThread = Type.Object({
  id: Uuid,
  patient: NamedPerson,
  topic: MessageTopic,
  subject: Type.String(),
  status: ThreadStatus,
  pool: PoolSummary,
  dueAt: Nullable(IsoDateTime),
  overdue: Type.Boolean(),
  createdAt: IsoDateTime,
  closedAt: Nullable(IsoDateTime),
  /** kinds message and auto_reply only */
  messages: Type.Array(ThreadMessage),
  abilities: PatientThreadAbilities,
});
export type PatientThread = Static<typeof PatientThread>;

const AttachmentIds = Type.Array(Uuid, { maxItems: MESSAGE_ATTACHMENTS_MAX, uniqueItems: true });

/** POST /api/patients/:patientId/messages/threads */
export const CreateThreadRequest = Type.Object(
  {
    topic: MessageTopic,
    subject: MessageSubject,
    body: MessageBody,
    /** ids from POST /api/patients/:patientId/messages/attachments, not yet on a message */
    attachmentIds: Type.Optional(AttachmentIds),
  },
  { additionalProperties: false },
);
export type CreateThreadRequest = Static<typeof CreateThreadRequest>;

/** POST /api/patients/:patientId/messages/threads/:threadId/messages (and the staff reply) */
export const ReplyRequest = Type.Object(
  { body: MessageBody, attachmentIds: Type.Optional(AttachmentIds) },
  { additionalProperties: false },
);
export type ReplyRequest = Static<typeof ReplyRequest>;

/** POST /api/patients/:patientId/messages/attachments (raw body) → 201: an upload waiting to be sent on a message. */
export const UploadedAttachment = Type.Object({
  id: Uuid,
  contentType: MessageAttachment.properties.contentType,
  sizeBytes: Type.Integer({ minimum: 1 }),
});
export type UploadedAttachment = Static<typeof UploadedAttachment>;

export const PatientThreadParams = Type.Object({ patientId: Uuid, threadId: Uuid });
export const PatientAttachmentParams = Type.Object({ patientId: Uuid, threadId: Uuid, attachmentId: Uuid });

// ---- staff side ----

export const StaffThreadAbilities = Type.Object({
  canReply: Type.Boolean(),
  canAddNote: Type.Boolean(),
  canClose: Type.Boolean(),
  canReopen: Type.Boolean(),
  /** the work item's own abilities (claim/release/assign) are on `workItem.abilities` */
  canBookAppointment: Type.Boolean(),
});
export type StaffThreadAbilities = Static<typeof StaffThreadAbilities>;

export const StaffThreadListItem = Type.Object({
  ...ThreadListItem.properties,
  /** the patient, named (the reader is staff) */
  patient: QueuePatient,
  /** the physician the thread is addressed to, if any */
  physician: Type.Union([Type.Object({ providerId: Uuid, displayName: Type.String() }), Type.Null()]),
  /** the active work item (waiting threads), with claim/assign abilities */
  workItem: Nullable(WorkItem),
});
export type StaffThreadListItem = Static<typeof StaffThreadListItem>;

export const InboxView = Literals(["pool", "mine"], {
  description:
    "pool: the threads of one pool (poolId) or of every pool the caller belongs to; mine: waiting threads claimed by or assigned to the caller",
});
export const InboxStatusFilter = Literals(["active", "waiting", "answered", "closed", "all"]);

/** GET /api/messages/inbox */
export const InboxQuery = Type.Object(
  {
    view: Type.Optional(InboxView),
    poolId: Type.Optional(Uuid),
    /** default active (waiting and answered) */
    status: Type.Optional(InboxStatusFilter),
    /** only this patient's threads */
    patientId: Type.Optional(Uuid),
    /** words to find in subjects and message bodies (internal notes included), 2–100 characters */
    q: Type.Optional(Type.String({ minLength: 2, maxLength: 100, pattern: PLAIN_TEXT_PATTERN })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    /** the next page: `next` of the page before (opaque; stable when threads arrive meanwhile) */
    after: Type.Optional(
      Type.String({ minLength: 1, maxLength: 200, pattern: "^[A-Za-z0-9_-]+$", description: "an inbox page's `next`" }),
    ),
  },
  { additionalProperties: false },
);
export type InboxQuery = Static<typeof InboxQuery>;

export const PoolCount = Type.Object({
  poolId: Uuid,
  name: Type.String(),
  waiting: Type.Integer({ minimum: 0 }),
  overdue: Type.Integer({ minimum: 0 }),
  unassigned: Type.Integer({ minimum: 0 }),
  /** threads with messages the caller has not read */
  unread: Type.Integer({ minimum: 0 }),
});
export type PoolCount = Static<typeof PoolCount>;

export const Inbox = Type.Object({
  /** the pools the caller belongs to, with counts (for tabs) */
  pools: Type.Array(PoolCount),
  /** waiting threads claimed by or assigned to the caller */
  mine: Type.Object({ waiting: Type.Integer({ minimum: 0 }), overdue: Type.Integer({ minimum: 0 }) }),
  /** overdue first, then by due time, then newest */
  threads: Type.Array(StaffThreadListItem),
  /** pass as `after` for the threads after these (same filters); null when there are no more */
  next: Nullable(Type.String()),
  abilities: Type.Object({
    /** admin: manage pools, topics, holidays */
    canManagePools: Type.Boolean(),
    /** physician: own office hours */
    canSetOfficeHours: Type.Boolean(),
    canSetDigest: Type.Boolean(),
  }),
});
export type Inbox = Static<typeof Inbox>;

/** GET /api/messages/threads/:id (marks read for the caller): with internal notes. */
export const StaffThread = Type.Object({
  id: Uuid,
  patient: QueuePatient,
  topic: MessageTopic,
  subject: Type.String(),
  status: ThreadStatus,
  pool: PoolSummary,
  physician: Type.Union([Type.Object({ providerId: Uuid, displayName: Type.String() }), Type.Null()]),
  dueAt: Nullable(IsoDateTime),
  overdue: Type.Boolean(),
  createdAt: IsoDateTime,
  closedAt: Nullable(IsoDateTime),
  /** first staff answer, for response-time figures */
  firstResponseAt: Nullable(IsoDateTime),
  /** every kind, internal notes included */
  messages: Type.Array(ThreadMessage),
  workItem: Nullable(WorkItem),
  /** the pool's saved texts */
  quickReplies: Type.Array(Type.Object({ id: Uuid, title: Type.String(), body: Type.String() })),
  abilities: StaffThreadAbilities,
});
export type StaffThread = Static<typeof StaffThread>;

/** POST /api/messages/threads/:id/messages: a reply the patient sees (optionally from a quick reply, for counting) */
export const StaffReplyRequest = Type.Object(
  {
    body: MessageBody,
    quickReplyId: Type.Optional(Uuid),
    /** files uploaded for this reply (POST /api/messages/threads/:id/attachments) */
    attachmentIds: Type.Optional(AttachmentIds),
  },
  { additionalProperties: false },
);
export type StaffReplyRequest = Static<typeof StaffReplyRequest>;

/** POST /api/messages/threads/:id/notes: an internal note (staff only) */
export const InternalNoteRequest = Type.Object({ body: MessageBody }, { additionalProperties: false });
export type InternalNoteRequest = Static<typeof InternalNoteRequest>;

/** POST /api/messages/threads/:id/close */
export const CloseThreadRequest = Type.Object(
  { reason: Type.Optional(ShortText(500, { allowEmpty: true })) },
  { additionalProperties: false },
);

// quick replies
export const QuickReply = Type.Object({ id: Uuid, poolId: Uuid, title: Type.String(), body: Type.String() });
export type QuickReply = Static<typeof QuickReply>;
export const QuickReplyInput = Type.Object(
  { title: ShortText(80), body: MessageBody },
  { additionalProperties: false },
);
export type QuickReplyInput = Static<typeof QuickReplyInput>;
export const QuickReplyList = Type.Object({ quickReplies: Type.Array(QuickReply), canEdit: Type.Boolean() });
export type QuickReplyList = Static<typeof QuickReplyList>;
export const PoolQuickReplyParams = Type.Object({ poolId: Uuid, id: Uuid });
export const PoolParams = Type.Object({ poolId: Uuid });

// ---- pools (admin) ----

export const PoolMember = Type.Object({
  userId: Uuid,
  displayName: Type.String(),
  /** nurse / physician roles the member holds */
  roles: Type.Array(Type.String()),
});

export const MessagePool = Type.Object({
  id: Uuid,
  name: Type.String(),
  /** English and Spanish: who reads the pool's messages, shown to patients before sending */
  readersDescription: Type.String(),
  readersDescriptionEs: Type.String(),
  location: Type.Object({ id: Uuid, name: Type.String(), timeZone: Type.String() }),
  /** counted in the location's business hours (its opening hours), skipping its holidays */
  responseTargetBusinessHours: Type.Integer({ minimum: 1, maximum: 240 }),
  members: Type.Array(PoolMember),
  topics: Type.Array(MessageTopic),
  active: Type.Boolean(),
});
export type MessagePool = Static<typeof MessagePool>;
export const MessagePoolList = Type.Object({
  pools: Type.Array(MessagePool),
  /** what the pool form may choose from: locations (with their opening hours, which are the business hours) and clinicians */
  choices: Type.Object({
    locations: Type.Array(
      Type.Object({
        id: Uuid,
        name: Type.String(),
        timeZone: Type.String(),
        /** ISO weekday 1–7, "HH:MM" local */
        hours: Type.Array(Type.Object({ weekday: Type.Integer(), open: Type.String(), close: Type.String() })),
      }),
    ),
    clinicians: Type.Array(PoolMember),
  }),
});
export type MessagePoolList = Static<typeof MessagePoolList>;

/**
 * POST /api/admin/message-pools, PUT /api/admin/message-pools/:id. `topics`: each topic is
 * routed to exactly one pool; routing a topic here moves it from the pool that had it.
 * Members must be active staff with the nurse or physician role.
 */
export const MessagePoolInput = Type.Object(
  {
    name: ShortText(120),
    readersDescription: ShortText(200),
    readersDescriptionEs: ShortText(200),
    locationId: Uuid,
    responseTargetBusinessHours: Type.Integer({ minimum: 1, maximum: 240 }),
    memberUserIds: Type.Array(Uuid, { maxItems: 200, uniqueItems: true }),
    topics: Type.Array(MessageTopic, { uniqueItems: true }),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type MessagePoolInput = Static<typeof MessagePoolInput>;

/** A day a location is closed: no business hours count on it. */
export const Holiday = Type.Object({ date: IsoDate, name: ShortText(100) }, { additionalProperties: false });
export type Holiday = Static<typeof Holiday>;
/** GET/PUT /api/admin/locations/:id/holidays (the whole list is replaced) */
export const HolidayList = Type.Object(
  { holidays: Type.Array(Holiday, { maxItems: 366 }) },
  { additionalProperties: false },
);
export type HolidayList = Static<typeof HolidayList>;

// ---- physicians' office hours ----

const Time = Type.String({ pattern: "^([01][0-9]|2[0-3]):[0-5][0-9]$", description: "HH:MM, 24-hour" });

export const OfficeHoursInterval = Type.Object(
  {
    /** ISO weekday: 1 = Monday … 7 = Sunday */
    weekday: Type.Integer({ minimum: 1, maximum: 7 }),
    start: Time,
    end: Time,
  },
  { additionalProperties: false },
);

/**
 * GET/PUT /api/messages/office-hours (a physician's own). Outside `hours` (in `timeZone`) or
 * during `outOfOffice`, new clinical messages addressed to the physician go to `coveringPoolId`
 * (during out-of-office assigned to `delegateUserId` when set) and the patient gets an
 * automatic reply. Empty `hours` = no office hours (messages always reach the physician's pool).
 */
export const OfficeHoursInput = Type.Object(
  {
    timeZone: Type.String({ minLength: 3, maxLength: 64 }),
    hours: Type.Array(OfficeHoursInterval, { maxItems: 21 }),
    coveringPoolId: Nullable(Uuid),
    outOfOffice: Type.Union([
      Type.Object(
        { from: IsoDateTime, until: IsoDateTime, delegateUserId: Nullable(Uuid) },
        { additionalProperties: false },
      ),
      Type.Null(),
    ]),
  },
  { additionalProperties: false },
);
export type OfficeHoursInput = Static<typeof OfficeHoursInput>;
export const OfficeHours = Type.Object({
  ...OfficeHoursInput.properties,
  /** right now: are new messages reaching the physician? */
  availableNow: Type.Boolean(),
  /** pools and colleagues that may be chosen (for the form) */
  choices: Type.Object({
    pools: Type.Array(NamedRef),
    delegates: Type.Array(Type.Object({ userId: Uuid, displayName: Type.String() })),
  }),
});
export type OfficeHours = Static<typeof OfficeHours>;

// ---- digest ----

/** GET/PUT /api/messages/digest-preferences: staff choose when a digest of new work is emailed (times in their zone). */
export const DigestPreferencesInput = Type.Object(
  {
    enabled: Type.Boolean(),
    /** local times, e.g. ["08:00", "13:00"]; at most 6 */
    times: Type.Array(Time, { maxItems: 6, uniqueItems: true }),
    timeZone: Type.String({ minLength: 3, maxLength: 64 }),
  },
  { additionalProperties: false },
);
export type DigestPreferencesInput = Static<typeof DigestPreferencesInput>;
export const DigestPreferences = Type.Object({
  ...DigestPreferencesInput.properties,
  nextDigestAt: Nullable(IsoDateTime),
});
export type DigestPreferences = Static<typeof DigestPreferences>;

// ---- safety: emergency symptoms ----

export type EmergencyKind = "emergency" | "crisis";

/**
 * Phrases that suggest an emergency, in English and Spanish. `crisis` (thoughts of suicide or
 * self-harm) points to 988; `emergency` (chest pain, stroke signs, trouble breathing, severe
 * bleeding, …) to 911. Matched on lower-cased text with accents removed.
 */
export const EMERGENCY_PHRASES: readonly { kind: EmergencyKind; phrase: string }[] = [
  // English
  ...[
    "chest pain",
    "chest pressure",
    "chest tightness",
    "heart attack",
    "can't breathe",
    "cant breathe",
    "cannot breathe",
    "trouble breathing",
    "difficulty breathing",
    "short of breath",
    "shortness of breath",
    "stroke",
    "face drooping",
    "facial droop",
    "slurred speech",
    "arm weakness",
    "sudden numbness",
    "sudden weakness",
    "worst headache",
    "unconscious",
    "passed out",
    "fainted",
    "not breathing",
    "seizure",
    "severe bleeding",
    "bleeding heavily",
    "won't stop bleeding",
    "coughing up blood",
    "vomiting blood",
    "overdose",
    "anaphylaxis",
    "throat closing",
    "throat swelling",
  ].map((phrase) => ({ kind: "emergency" as const, phrase })),
  ...[
    "suicide",
    "suicidal",
    "kill myself",
    "end my life",
    "want to die",
    "self harm",
    "self-harm",
    "hurt myself",
    "harm myself",
  ].map((phrase) => ({ kind: "crisis" as const, phrase })),
  // Spanish (accents removed)
  ...[
    "dolor de pecho",
    "dolor en el pecho",
    "presion en el pecho",
    "ataque al corazon",
    "infarto",
    "no puedo respirar",
    "dificultad para respirar",
    "falta de aire",
    "me falta el aire",
    "derrame cerebral",
    "embolia",
    "cara caida",
    "habla arrastrada",
    "no puedo hablar",
    "debilidad en el brazo",
    "entumecimiento repentino",
    "peor dolor de cabeza",
    "inconsciente",
    "me desmaye",
    "se desmayo",
    "convulsion",
    "sangrado abundante",
    "sangrado que no para",
    "tosiendo sangre",
    "vomitando sangre",
    "sobredosis",
    "se me cierra la garganta",
  ].map((phrase) => ({ kind: "emergency" as const, phrase })),
  ...[
    "suicidio",
    "suicidarme",
    "quitarme la vida",
    "matarme",
    "quiero morir",
    "me quiero morir",
    "hacerme dano",
    "lastimarme",
    "autolesion",
  ].map((phrase) => ({ kind: "crisis" as const, phrase })),
];

/** Lower case, accents removed, curly apostrophes straightened, runs of spaces collapsed. */
function normalizeForPhrases(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[^\p{L}\p{N}'-]+/gu, " ")
    .trim();
}

/**
 * What guidance a draft calls for before sending: `crisis` (show 988, and 911), `emergency`
 * (show 911), or none. Whole words only ("strokes" still matches "stroke"; "painting" does
 * not match "pain"). The message may still be sent. Used by the web composer and the server.
 */
export function emergencyGuidance(text: string): { kinds: EmergencyKind[]; phrases: string[] } {
  const normalized = ` ${normalizeForPhrases(text)} `;
  const kinds = new Set<EmergencyKind>();
  const phrases: string[] = [];
  for (const { kind, phrase } of EMERGENCY_PHRASES) {
    const p = normalizeForPhrases(phrase);
    if (normalized.includes(` ${p} `) || normalized.includes(` ${p}s `)) {
      kinds.add(kind);
      phrases.push(phrase);
    }
  }
  return { kinds: [...kinds].sort(), phrases };
}
