import { type Static, Type } from "typebox";
import { Specialty } from "./clinic.ts";
import { IsoDate, IsoDateTime, ShortText, Uuid } from "./common.ts";
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

export const ReferralStatus = Type.Union(
  [
    Type.Literal("requested"),
    Type.Literal("approved"),
    Type.Literal("denied"),
    Type.Literal("visit_requested"),
    Type.Literal("scheduled"),
    Type.Literal("completed"),
    Type.Literal("expired"),
    Type.Literal("cancelled"),
  ],
  {
    description:
      "requested: waiting for the PCP's practice; approved: a ticket with visits left; denied (reason shown); visit_requested: the PCP wants to see the patient first; scheduled: every allowed visit is booked; completed: every allowed visit took place; expired: the ticket lapsed; cancelled: withdrawn by the patient or staff",
  },
);
export type ReferralStatus = Static<typeof ReferralStatus>;

export const ReferralUrgency = Type.Union([Type.Literal("routine"), Type.Literal("soon"), Type.Literal("urgent")], {
  description: "routine: weeks are fine; soon: within about two weeks; urgent: within days (not an emergency)",
});
export type ReferralUrgency = Static<typeof ReferralUrgency>;

export const ReferralEventKind = Type.Union([
  Type.Literal("requested"),
  Type.Literal("created_by_staff"),
  Type.Literal("approved"),
  Type.Literal("denied"),
  Type.Literal("visit_requested"),
  Type.Literal("visit_booked"),
  Type.Literal("visit_cancelled"),
  Type.Literal("visit_completed"),
  Type.Literal("expiry_reminder_sent"),
  Type.Literal("expired"),
  Type.Literal("cancelled"),
]);
export type ReferralEventKind = Static<typeof ReferralEventKind>;

/** One step of a referral's history, oldest first. */
export const ReferralEvent = Type.Object({
  at: IsoDateTime,
  event: ReferralEventKind,
  /** who did it (display name); null for the daily job */
  by: Type.Union([Type.String(), Type.Null()]),
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
const LocationRef = Type.Object({ id: Uuid, name: Type.String() });

export const ReferralDecision = Type.Object({
  /** the specialist approved; null: any provider of `specialty` */
  provider: Type.Union([ProviderRef, Type.Null()]),
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
  provider: Type.Object({ id: Uuid, displayName: Type.String() }),
  visitType: Type.Object({ id: Uuid, name: Type.String() }),
});
export type LinkedAppointment = Static<typeof LinkedAppointment>;

export const Referral = Type.Object({
  id: Uuid,
  /** whose referral (name it when the reader is not the patient) */
  patient: Type.Object({ id: Uuid, displayName: Type.String() }),
  status: ReferralStatus,
  specialty: Type.String(),
  reason: Type.String(),
  urgency: ReferralUrgency,
  preferredProvider: Type.Union([ProviderRef, Type.Null()]),
  preferredLocation: Type.Union([LocationRef, Type.Null()]),
  /** the patient's primary care physician who reviews it */
  pcp: Type.Union([Type.Object({ id: Uuid, displayName: Type.String() }), Type.Null()]),
  requestedBy: Type.Object({
    displayName: Type.String(),
    kind: Type.Union([Type.Literal("patient"), Type.Literal("proxy"), Type.Literal("staff")]),
  }),
  createdAt: IsoDateTime,
  /** set once approved */
  decision: Type.Union([ReferralDecision, Type.Null()]),
  /** set when denied: the reason the patient sees */
  denialReason: Type.Union([Type.String(), Type.Null()]),
  /** set when the PCP asked for a visit first: the visit type offered and the note the patient sees */
  visitRequest: Type.Union([
    Type.Object({
      visitType: Type.Union([Type.Object({ id: Uuid, name: Type.String() }), Type.Null()]),
      note: Type.Union([Type.String(), Type.Null()]),
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
  patient: Type.Object({ id: Uuid, displayName: Type.String() }),
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
  preferredProviderId: Type.Optional(Type.Union([Uuid, Type.Null()])),
  preferredLocationId: Type.Optional(Type.Union([Uuid, Type.Null()])),
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
          providerId: Type.Optional(Type.Union([Uuid, Type.Null()])),
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
    providerId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    specialty: Specialty,
    visits: Type.Integer({ minimum: 1, maximum: 12 }),
    /** today or later, at most a year ahead */
    expiresOn: IsoDate,
  },
  { additionalProperties: false },
);
export type ApproveReferralRequest = Static<typeof ApproveReferralRequest>;

/** POST /api/referral-queue/:referralId/deny: the reason is shown to the patient */
export const DenyReferralRequest = Type.Object(
  { reason: ShortText(500, { minLength: 3 }) },
  { additionalProperties: false },
);
export type DenyReferralRequest = Static<typeof DenyReferralRequest>;

/** POST /api/referral-queue/:referralId/ask-for-visit */
export const AskForVisitRequest = Type.Object(
  {
    /** a visit type with the PCP the patient is offered to book */
    visitTypeId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    note: Type.Optional(Type.Union([ShortText(500), Type.Null()])),
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
  patient: Type.Object({ id: Uuid, displayName: Type.String(), dateOfBirth: IsoDate }),
  ageHours: Type.Integer({ minimum: 0 }),
  workItem: Type.Union([WorkItem, Type.Null()]),
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
