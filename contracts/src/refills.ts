import { type Static, Type } from "typebox";
import {
  DenyRequest,
  IsoDate,
  IsoDateTime,
  Literals,
  NamedPerson,
  NamedRef,
  Nullable,
  QueuePatient,
  ShortText,
  Uuid,
} from "./common.ts";
import { WorkItem } from "./work-queue.ts";

/**
 * Prescription refills (SPEC §2.4): the medication list, refill and renewal requests decided
 * one medication at a time by the clinic's refill protocol, the clinicians' refill queue, the
 * protocol itself (versioned) and transmission to the pharmacy.
 *
 * Everything the web shows is decided here: `abilities` say what the caller may do next,
 * `rule` and `reasons` are codes the web words in the reader's language.
 */

export const ControlledSchedule = Literals(["none", "II", "III", "IV", "V"], {
  description: "DEA controlled-substance schedule; none for ordinary medicines",
});
export type ControlledSchedule = Static<typeof ControlledSchedule>;

export const MedicationStatus = Literals(["active", "stopped"]);
export type MedicationStatus = Static<typeof MedicationStatus>;

/** A protocol class code, e.g. "antihypertensive", "statin". */
export const ProtocolClassCode = Type.String({ pattern: "^[a-z][a-z0-9_]{0,39}$" });
/** A lab test code, e.g. "lipid_panel", "a1c". */
export const LabCode = Type.String({ pattern: "^[a-z][a-z0-9_]{0,39}$" });

/** One change to a medication, oldest first in `history`. */
export const MedicationHistoryEntry = Type.Object({
  at: IsoDateTime,
  event: Literals(["prescribed", "changed", "stopped", "refill_sent", "renewed", "refill_denied"], {
    description:
      "prescribed: added to the list; changed: fields edited (see changes); stopped; refill_sent: a refill from remaining refills went to the pharmacy; renewed: a new prescription (quantity, refills) was approved; refill_denied",
  }),
  /** who did it (a clinician's display name); null when the clinic's protocol did it automatically */
  by: Nullable(Type.String()),
  /** for `changed`: which fields, old and new value as text */
  changes: Type.Array(Type.Object({ field: Type.String(), from: Type.String(), to: Type.String() })),
  /** for `stopped` and `refill_denied`: the reason the patient sees */
  reason: Nullable(Type.String()),
});
export type MedicationHistoryEntry = Static<typeof MedicationHistoryEntry>;

export const MedicationAbilities = Type.Object({
  /** active, not confidential-hidden, no refill request pending, and the caller may ask for refills */
  canRequestRefill: Type.Boolean(),
  /** a nurse or physician on the patient's care team: change or stop it */
  canEdit: Type.Boolean(),
});
export type MedicationAbilities = Static<typeof MedicationAbilities>;

/** One medication, in plain language for patients and caregivers, complete for clinicians. */
export const Medication = Type.Object({
  id: Uuid,
  patientId: Uuid,
  /** drug name and strength, e.g. "Lisinopril 10 mg tablet" */
  name: Type.String(),
  rxnormCode: Nullable(Type.String()),
  /** what it is for, e.g. "Blood pressure" */
  purpose: Nullable(Type.String()),
  /** dose, e.g. "10 mg" */
  dose: Type.String(),
  /** directions, e.g. "Take 1 tablet by mouth once a day" */
  directions: Type.String(),
  quantity: Type.Integer(),
  daysSupply: Type.Integer(),
  refillsRemaining: Type.Integer(),
  lastFilledOn: Nullable(IsoDate),
  prescriber: Nullable(NamedPerson),
  controlledSchedule: ControlledSchedule,
  status: MedicationStatus,
  protocolClass: Type.Union([Type.Object({ code: ProtocolClassCode, label: Type.String() }), Type.Null()]),
  /** an adolescent's confidential medication: never shown to a parent or any other proxy */
  confidential: Type.Boolean(),
  stoppedOn: Nullable(IsoDate),
  stopReason: Nullable(Type.String()),
  /** the refill request in progress for this medication, if any (a second one is refused) */
  pendingRefillRequestId: Nullable(Uuid),
  /** the first day a refill is not early (2/3 of days' supply after the last fill); null when never filled */
  refillPossibleFrom: Nullable(IsoDate),
  history: Type.Array(MedicationHistoryEntry),
  abilities: MedicationAbilities,
});
export type Medication = Static<typeof Medication>;

/** GET /api/patients/:patientId/medications */
export const MedicationList = Type.Object({
  /** whose list this is (name it when the reader is not the patient) */
  patient: NamedPerson,
  /** active first, then stopped */
  medications: Type.Array(Medication),
  /** the pharmacy a request goes to unless another is chosen */
  preferredPharmacy: Nullable(NamedRef),
  abilities: Type.Object({
    /** may the caller request refills for this patient at all */
    canRequestRefills: Type.Boolean(),
    /** may the caller add medications (nurse or physician on the care team) */
    canAddMedication: Type.Boolean(),
  }),
});
export type MedicationList = Static<typeof MedicationList>;

const medicationFields = {
  name: ShortText(200),
  rxnormCode: Type.Optional(Type.Union([Type.String({ pattern: "^[0-9]{1,10}$" }), Type.Null()])),
  purpose: Type.Optional(Nullable(ShortText(200))),
  dose: ShortText(100),
  directions: ShortText(500),
  quantity: Type.Integer({ minimum: 1, maximum: 1000 }),
  daysSupply: Type.Integer({ minimum: 1, maximum: 365 }),
  refillsRemaining: Type.Integer({ minimum: 0, maximum: 11 }),
  lastFilledOn: Type.Optional(Nullable(IsoDate)),
  /** a provider id */
  prescriberId: Uuid,
  controlledSchedule: ControlledSchedule,
  protocolClass: Type.Optional(Nullable(ProtocolClassCode)),
  confidential: Type.Optional(Type.Boolean()),
};

/** POST /api/patients/:patientId/medications (nurse, physician on the care team) */
export const CreateMedicationRequest = Type.Object(medicationFields, { additionalProperties: false });
export type CreateMedicationRequest = Static<typeof CreateMedicationRequest>;

/** PATCH /api/patients/:patientId/medications/:medicationId: only the fields that change */
export const UpdateMedicationRequest = Type.Partial(Type.Object(medicationFields), {
  additionalProperties: false,
  minProperties: 1,
});
export type UpdateMedicationRequest = Static<typeof UpdateMedicationRequest>;

/** POST /api/patients/:patientId/medications/:medicationId/stop */
export const StopMedicationRequest = Type.Object({ reason: ShortText(500) }, { additionalProperties: false });
export type StopMedicationRequest = Static<typeof StopMedicationRequest>;

// ---- refill requests ----

/** POST /api/patients/:patientId/refill-requests. Without pharmacyId: the patient's preferred pharmacy. */
export const CreateRefillRequest = Type.Object(
  {
    medicationIds: Type.Array(Uuid, { minItems: 1, maxItems: 20, uniqueItems: true }),
    pharmacyId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type CreateRefillRequest = Static<typeof CreateRefillRequest>;

/** Which rule of the protocol decided a medication (SPEC §2.4). */
export const RefillRule = Literals(
  ["refill_from_remaining", "renewal_under_protocol", "controlled_substance", "too_early", "renewal_needs_prescriber"],
  {
    description:
      "refill_from_remaining: refills left and not early → approved; renewal_under_protocol: no refills left, every protocol condition met → approved; controlled_substance: schedule II–V → queued; too_early: less than the protocol's fraction of days' supply has passed → queued; renewal_needs_prescriber: no refills left and a protocol condition unmet → queued",
  },
);
export type RefillRule = Static<typeof RefillRule>;

/** Why the protocol did not approve on its own (each unmet condition). */
export const RefillReasonCode = Literals([
  "controlled_substance",
  "too_early",
  "no_protocol_class",
  "class_not_covered",
  "no_recent_visit",
  "lab_missing",
  "lab_too_old",
  "no_prescriber",
]);
export type RefillReasonCode = Static<typeof RefillReasonCode>;

export const RefillReason = Type.Object({
  code: RefillReasonCode,
  /** an English sentence for staff; the web words patient-facing text from `code` */
  detail: Type.String(),
});
export type RefillReason = Static<typeof RefillReason>;

/** The protocol engine's decision for one medication. */
export const RefillDecision = Type.Object({
  outcome: Literals(["approved", "queued"]),
  rule: RefillRule,
  protocolVersion: Type.Integer({ minimum: 1 }),
  /** for an early request: the first day it is not early */
  possibleFrom: Nullable(IsoDate),
  reasons: Type.Array(RefillReason),
});
export type RefillDecision = Static<typeof RefillDecision>;

/** Where a medication stands: waiting for a clinician, approved, or denied. */
export const RefillItemStatus = Literals(["queued", "approved", "denied"]);
export type RefillItemStatus = Static<typeof RefillItemStatus>;

export const PharmacyDeliveryStatus = Literals(["pending", "sent", "failed"], {
  description: "pending: waiting to be sent (or retrying); sent: the pharmacy has it; failed: gave up after retries",
});
export type PharmacyDeliveryStatus = Static<typeof PharmacyDeliveryStatus>;

export const RefillTimelineEvent = Type.Object({
  at: IsoDateTime,
  event: Literals(["requested", "approved", "queued", "denied", "sent_to_pharmacy", "delivery_failed"]),
  /** approved/denied/queued by the protocol on its own (true) or by a clinician (false) */
  automatic: Type.Boolean(),
});
export type RefillTimelineEvent = Static<typeof RefillTimelineEvent>;

/** One medication of a request. */
export const RefillRequestItem = Type.Object({
  id: Uuid,
  medication: NamedRef,
  status: RefillItemStatus,
  decision: RefillDecision,
  /** the clinician's decision, when a clinician made it */
  review: Type.Union([
    Type.Object({
      by: Type.String(),
      at: IsoDateTime,
      /** approved: the prescription sent */
      quantity: Nullable(Type.Integer()),
      refills: Nullable(Type.Integer()),
      /** denied: the reason the patient sees */
      denialReason: Nullable(Type.String()),
    }),
    Type.Null(),
  ]),
  /** transmission to the pharmacy (approved items only) */
  delivery: Type.Union([
    Type.Object({
      status: PharmacyDeliveryStatus,
      sentAt: Nullable(IsoDateTime),
      attempts: Type.Integer({ minimum: 0 }),
    }),
    Type.Null(),
  ]),
  /** oldest first */
  timeline: Type.Array(RefillTimelineEvent),
});
export type RefillRequestItem = Static<typeof RefillRequestItem>;

export const RefillRequest = Type.Object({
  id: Uuid,
  patientId: Uuid,
  createdAt: IsoDateTime,
  pharmacy: NamedRef,
  /** who asked: the patient or a caregiver (display name) */
  requestedBy: Type.Object({ displayName: Type.String(), isProxy: Type.Boolean() }),
  /** open: some medication waits for a decision or the pharmacy; closed: every medication decided and sent or denied */
  status: Literals(["open", "closed"]),
  items: Type.Array(RefillRequestItem),
});
export type RefillRequest = Static<typeof RefillRequest>;

/** GET /api/patients/:patientId/refill-requests (newest first) */
export const RefillRequestList = Type.Object({
  patient: NamedPerson,
  requests: Type.Array(RefillRequest),
  abilities: Type.Object({ canRequestRefills: Type.Boolean() }),
});
export type RefillRequestList = Static<typeof RefillRequestList>;

// ---- the clinicians' refill queue ----

/** GET /api/refill-queue query */
export const RefillQueueQuery = Type.Object(
  {
    /** a provider id: only that prescriber's medications */
    prescriberId: Type.Optional(Uuid),
    /** default queued */
    status: Type.Optional(RefillItemStatus),
    /** only requests at least this many hours old */
    minAgeHours: Type.Optional(Type.Integer({ minimum: 0, maximum: 24 * 365 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 100 })),
  },
  { additionalProperties: false },
);
export type RefillQueueQuery = Static<typeof RefillQueueQuery>;

/**
 * One lab test the refill protocol requires for the medication's class, as the protocol engine
 * reads it now: the latest result on record and whether it is recent enough.
 */
export const RefillLabCheck = Type.Object({
  labCode: LabCode,
  labName: Type.String(),
  maxAgeDays: Type.Integer({ minimum: 1 }),
  /** the day of the latest result on record, or null when none */
  latestOn: Nullable(IsoDate),
  /** whole days from that result to today in the clinic */
  ageDays: Nullable(Type.Integer()),
  recentEnough: Type.Boolean(),
});
export type RefillLabCheck = Static<typeof RefillLabCheck>;

export const RefillQueueItemAbilities = Type.Object({
  canApprove: Type.Boolean(),
  canDeny: Type.Boolean(),
  /** may be approved in a bulk approval (non-controlled, protocol class covered, not early) */
  canBulkApprove: Type.Boolean(),
});
export type RefillQueueItemAbilities = Static<typeof RefillQueueItemAbilities>;

export const RefillQueueItem = Type.Object({
  /** the request item (one medication of one request): the id the actions take */
  id: Uuid,
  requestId: Uuid,
  requestedAt: IsoDateTime,
  /** whole hours since the request */
  ageHours: Type.Integer({ minimum: 0 }),
  patient: QueuePatient,
  pharmacy: NamedRef,
  /** the medication now, with its history */
  medication: Medication,
  status: RefillItemStatus,
  decision: RefillDecision,
  review: RefillRequestItem.properties.review,
  delivery: RefillRequestItem.properties.delivery,
  /** what an approval sends unless changed: the medication's quantity and its last refills authorised */
  suggested: Type.Object({ quantity: Type.Integer(), refills: Type.Integer() }),
  /** the work item behind it (shared staff work queue) */
  workItem: Nullable(WorkItem),
  /** the labs the protocol (the version that decided) requires for the medication's class, read today */
  labs: Type.Array(RefillLabCheck),
  abilities: RefillQueueItemAbilities,
});
export type RefillQueueItem = Static<typeof RefillQueueItem>;

export const RefillQueue = Type.Object({
  items: Type.Array(RefillQueueItem),
  /** the prescribers the filter offers */
  prescribers: Type.Array(NamedPerson),
});
export type RefillQueue = Static<typeof RefillQueue>;

/** POST /api/refill-queue/:itemId/approve */
export const ApproveRefillRequest = Type.Object(
  {
    quantity: Type.Integer({ minimum: 1, maximum: 1000 }),
    refills: Type.Integer({ minimum: 0, maximum: 11 }),
  },
  { additionalProperties: false },
);
export type ApproveRefillRequest = Static<typeof ApproveRefillRequest>;

/** POST /api/refill-queue/:itemId/deny: the reason is shown to the patient */
export const DenyRefillRequest = DenyRequest;
export type DenyRefillRequest = Static<typeof DenyRefillRequest>;

/** POST /api/refill-queue/bulk-approve: each with its suggested quantity and refills */
export const BulkApproveRefillsRequest = Type.Object(
  { itemIds: Type.Array(Uuid, { minItems: 1, maxItems: 50, uniqueItems: true }) },
  { additionalProperties: false },
);
export type BulkApproveRefillsRequest = Static<typeof BulkApproveRefillsRequest>;

export const BulkApproveRefillsResult = Type.Object({
  approved: Type.Array(Uuid),
  /** not approved, and why (not_found: not visible or not queued; not_bulk_approvable) */
  skipped: Type.Array(
    Type.Object({
      id: Uuid,
      reason: Literals(["not_found", "not_bulk_approvable"]),
    }),
  ),
});
export type BulkApproveRefillsResult = Static<typeof BulkApproveRefillsResult>;

// ---- the refill protocol (admin) ----

export const RefillProtocolClass = Type.Object({ code: ProtocolClassCode, label: ShortText(100) });
export const LabRequirement = Type.Object({
  classCode: ProtocolClassCode,
  labCode: LabCode,
  labName: ShortText(100),
  /** the most recent result must be at most this many days old */
  maxAgeDays: Type.Integer({ minimum: 1, maximum: 3650 }),
});
export type LabRequirement = Static<typeof LabRequirement>;

const protocolFields = {
  /** the classes a renewal may be approved for without the prescriber */
  classes: Type.Array(RefillProtocolClass, { maxItems: 50 }),
  /** a completed visit with the prescriber at most this many days before the request */
  visitWindowDays: Type.Integer({ minimum: 1, maximum: 1095 }),
  labRequirements: Type.Array(LabRequirement, { maxItems: 50 }),
  /** the fraction of days' supply that must have passed since the last fill (e.g. 0.6667) */
  earlyRefillFraction: Type.Number({ minimum: 0, maximum: 1 }),
};

/** PUT /api/refill-protocol: the whole protocol; saving makes a new version */
export const RefillProtocolInput = Type.Object(protocolFields, { additionalProperties: false });
export type RefillProtocolInput = Static<typeof RefillProtocolInput>;

export const RefillProtocol = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  createdAt: IsoDateTime,
  createdBy: Nullable(Type.String()),
  ...protocolFields,
});
export type RefillProtocol = Static<typeof RefillProtocol>;

/** GET /api/refill-protocol */
export const RefillProtocolView = Type.Object({
  current: RefillProtocol,
  /** newest first */
  versions: Type.Array(
    Type.Object({
      version: Type.Integer(),
      createdAt: IsoDateTime,
      createdBy: Nullable(Type.String()),
    }),
  ),
  abilities: Type.Object({ canEdit: Type.Boolean() }),
});
export type RefillProtocolView = Static<typeof RefillProtocolView>;

export const MedicationParams = Type.Object({ patientId: Uuid, medicationId: Uuid });
export const RefillRequestParams = Type.Object({ patientId: Uuid, requestId: Uuid });
export const RefillItemParams = Type.Object({ itemId: Uuid });
export const ProtocolVersionParams = Type.Object({ version: Type.Integer({ minimum: 1 }) });

// ---- lab results (what the refill protocol's lab rule reads) ----

/** A lab result a clinician recorded: the test (one the protocol names), the day, and the value if given. */
export const LabResult = Type.Object({
  id: Uuid,
  labCode: LabCode,
  labName: Type.String(),
  resultedOn: IsoDate,
  /** as typed ("2.1 mIU/L"); null when only the date was recorded */
  value: Nullable(Type.String()),
  recordedBy: Nullable(Type.String()),
  recordedAt: IsoDateTime,
});
export type LabResult = Static<typeof LabResult>;

/** A test a lab result may be recorded for: each lab the current refill protocol requires. */
export const LabTest = Type.Object({
  labCode: LabCode,
  labName: Type.String(),
  /** the protocol's longest "at most N days old" for it */
  maxAgeDays: Type.Integer({ minimum: 1 }),
});
export type LabTest = Static<typeof LabTest>;

/** GET /api/patients/:patientId/lab-results (nurses and physicians caring for the patient) */
export const LabResultList = Type.Object({
  patient: NamedPerson,
  /** newest first */
  results: Type.Array(LabResult),
  tests: Type.Array(LabTest),
  /** today in the clinic, the latest day a result may have */
  today: IsoDate,
  abilities: Type.Object({ canRecord: Type.Boolean() }),
});
export type LabResultList = Static<typeof LabResultList>;

/** POST /api/patients/:patientId/lab-results */
export const RecordLabResultRequest = Type.Object(
  {
    labCode: LabCode,
    resultedOn: IsoDate,
    value: Type.Optional(Nullable(ShortText(100))),
  },
  { additionalProperties: false },
);
export type RecordLabResultRequest = Static<typeof RecordLabResultRequest>;
