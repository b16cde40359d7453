import { type Static, Type } from "typebox";
import { Specialty } from "./clinic.ts";
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
 * Referrals (SPEC §2.6): a patient (or a caregiver with the `referrals` scope) asks the primary
 * care physician for a referral; the PCP's practice (physician and nurses) approves it, denies it
 * with a reason the patient sees, or asks for a visit first. An approved referral is a ticket: it
 * makes the approved specialist's (or specialty's) `referral` visit types bookable by that patient
 * until its visits are used up or it expires. Staff may also create one on a patient's behalf.
 *
 * `abilities` say what the caller may do next; the web computes no roles or status flows.
 */

export const ReferralStatus = Literals(
  ["requested", "approved", "denied", "visit_requested", "scheduled", "completed", "expired", "cancelled"],
  {
    description:
      "requested: waiting for the PCP's practice; approved: a ticket with visits left; denied (reason shown); visit_requested: the PCP wants to see the patient first; scheduled: every allowed visit is booked; completed: every allowed visit took place; expired: the ticket lapsed; cancelled: withdrawn by the patient or staff",
  },
);
export type ReferralStatus = Static<typeof ReferralStatus>;

export const ReferralUrgency = Literals(["routine", "soon", "urgent"], {
  description: "routine: weeks are fine; soon: within about two weeks; urgent: within days (not an emergency)",
});
export type ReferralUrgency = Static<typeof ReferralUrgency>;

export const ReferralEventKind = Literals([
  "requested",
  "created_by_staff",
  "approved",
  "denied",
  "visit_requested",
  "visit_booked",
  "visit_cancelled",
  "visit_completed",
  "expiry_reminder_sent",
  "expired",
  "cancelled",
]);
export type ReferralEventKind = Static<typeof ReferralEventKind>;

/** One step of a referral's history, oldest first. */
export const ReferralEvent = Type.Object({
  at: IsoDateTime,
  event: ReferralEventKind,
  /** who did it (display name); null for the daily job */
  by: Nullable(Type.String()),
  /** the status after this step */
  status: ReferralStatus,
});
export type ReferralEvent = Static<typeof ReferralEvent>;

export const ReferralAbilities = Type.Object({
  /** PCP practice staff: the referral is requested or visit_requested */
  canApprove: Type.Boolean(),
  canDeny: Type.Boolean(),
  /** PCP practice staff: the referral is requested */
  canAskForVisit: Type.Boolean(),
  /** patient/proxy with the scope, or staff: requested, visit_requested or approved with no visit booked */
  canCancel: Type.Boolean(),
  /** the caller may book a visit with this ticket now (approved, unexpired, visits left) */
  canBook: Type.Boolean(),
});
export type ReferralAbilities = Static<typeof ReferralAbilities>;

const ProviderRef = Type.Object({ id: Uuid, displayName: Type.String(), specialty: Type.String() });
const LocationRef = NamedRef;

export const ReferralDecision = Type.Object({
  /** the specialist approved; null: any provider of `specialty` */
  provider: Nullable(ProviderRef),
  specialty: Type.String(),
  visitsAllowed: Type.Integer({ minimum: 1 }),
  /** booked or completed visits linked to this referral */
  visitsUsed: Type.Integer({ minimum: 0 }),
  /** the last day the ticket can be used to book (inclusive, clinic date) */
  expiresOn: IsoDate,
  decidedBy: Type.String(),
  decidedAt: IsoDateTime,
});
export type ReferralDecision = Static<typeof ReferralDecision>;

export const LinkedAppointment = Type.Object({
  id: Uuid,
  startsAt: IsoDateTime,
  status: Type.String({ description: "the appointment's status (booked, checked_in, completed, cancelled, …)" }),
  provider: NamedPerson,
  visitType: NamedRef,
});
export type LinkedAppointment = Static<typeof LinkedAppointment>;

export const Referral = Type.Object({
  id: Uuid,
  /** whose referral (name it when the reader is not the patient) */
  patient: NamedPerson,
  status: ReferralStatus,
  specialty: Type.String(),
  reason: Type.String(),
  urgency: ReferralUrgency,
  preferredProvider: Nullable(ProviderRef),
  preferredLocation: Nullable(LocationRef),
  /** the patient's primary care physician who reviews it */
  pcp: Nullable(NamedPerson),
  requestedBy: Type.Object({
    displayName: Type.String(),
    kind: Literals(["patient", "proxy", "staff"]),
  }),
  createdAt: IsoDateTime,
  /** set once approved */
  decision: Nullable(ReferralDecision),
  /** set when denied: the reason the patient sees */
  denialReason: Nullable(Type.String()),
  /** set when the PCP asked for a visit first: the visit type offered and the note the patient sees */
  visitRequest: Type.Union([
    Type.Object({
      visitType: Nullable(NamedRef),
      note: Nullable(Type.String()),
    }),
    Type.Null(),
  ]),
  /** the referral visit types the ticket unlocks (approved/scheduled), for the booking link */
  bookableVisitTypes: Type.Array(Type.Object({ id: Uuid, name: Type.String(), providerId: Uuid })),
  appointments: Type.Array(LinkedAppointment),
  history: Type.Array(ReferralEvent),
  abilities: ReferralAbilities,
});
export type Referral = Static<typeof Referral>;

/** GET /api/patients/:patientId/referrals (newest first) */
export const ReferralList = Type.Object({
  patient: NamedPerson,
  referrals: Type.Array(Referral),
  abilities: Type.Object({
    /** the patient or a caregiver with `referrals` may ask */
    canRequest: Type.Boolean(),
    /** a nurse or physician (the primary care practice, or the care team) may create one on the patient's behalf */
    canCreateOnBehalf: Type.Boolean(),
  }),
  /** the specialties one may ask for (those with an active provider) */
  specialties: Type.Array(Type.String()),
});
export type ReferralList = Static<typeof ReferralList>;

const requestFields = {
  specialty: Specialty,
  reason: ShortText(1000, { minLength: 3 }),
  preferredProviderId: Type.Optional(Nullable(Uuid)),
  preferredLocationId: Type.Optional(Nullable(Uuid)),
  urgency: ReferralUrgency,
};

/** POST /api/patients/:patientId/referrals (patient, proxy with `referrals`) */
export const CreateReferralRequest = Type.Object(requestFields, { additionalProperties: false });
export type CreateReferralRequest = Static<typeof CreateReferralRequest>;

/** POST /api/patients/:patientId/referrals/staff (PCP practice staff, physician, nurse): created on the patient's behalf; `approve` approves at once */
export const StaffCreateReferralRequest = Type.Object(
  {
    ...requestFields,
    approve: Type.Optional(
      Type.Object(
        {
          providerId: Type.Optional(Nullable(Uuid)),
          visits: Type.Integer({ minimum: 1, maximum: 12 }),
          expiresOn: IsoDate,
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type StaffCreateReferralRequest = Static<typeof StaffCreateReferralRequest>;

/** POST /api/referral-queue/:referralId/approve */
export const ApproveReferralRequest = Type.Object(
  {
    /** a specialist; omitted or null: any provider of `specialty` */
    providerId: Type.Optional(Nullable(Uuid)),
    specialty: Specialty,
    visits: Type.Integer({ minimum: 1, maximum: 12 }),
    /** today or later, at most a year ahead */
    expiresOn: IsoDate,
  },
  { additionalProperties: false },
);
export type ApproveReferralRequest = Static<typeof ApproveReferralRequest>;

/** POST /api/referral-queue/:referralId/deny: the reason is shown to the patient */
export const DenyReferralRequest = DenyRequest;
export type DenyReferralRequest = Static<typeof DenyReferralRequest>;

/** POST /api/referral-queue/:referralId/ask-for-visit */
export const AskForVisitRequest = Type.Object(
  {
    /** a visit type with the PCP the patient is offered to book */
    visitTypeId: Type.Optional(Nullable(Uuid)),
    note: Type.Optional(Nullable(ShortText(500))),
  },
  { additionalProperties: false },
);
export type AskForVisitRequest = Static<typeof AskForVisitRequest>;

/** GET /api/referral-queue query */
export const ReferralQueueQuery = Type.Object(
  {
    /** default: requested and visit_requested */
    status: Type.Optional(ReferralStatus),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 100 })),
  },
  { additionalProperties: false },
);
export type ReferralQueueQuery = Static<typeof ReferralQueueQuery>;

export const ReferralQueueItem = Type.Object({
  referral: Referral,
  patient: QueuePatient,
  ageHours: Type.Integer({ minimum: 0 }),
  workItem: Nullable(WorkItem),
});
export type ReferralQueueItem = Static<typeof ReferralQueueItem>;

/** GET /api/referral-queue: the referrals of the caller's practice's patients (PCP and its nurses) */
export const ReferralQueue = Type.Object({ items: Type.Array(ReferralQueueItem) });
export type ReferralQueue = Static<typeof ReferralQueue>;

/** GET /api/referrals/incoming: referrals approved to the caller (a specialist physician) or their specialty */
export const IncomingReferrals = Type.Object({ items: Type.Array(ReferralQueueItem) });
export type IncomingReferrals = Static<typeof IncomingReferrals>;

export const ReferralParams = Type.Object({ patientId: Uuid, referralId: Uuid });
export const ReferralIdParams = Type.Object({ referralId: Uuid });
