import { type Static, Type } from "typebox";
import { IsoDate, IsoDateTime, Literals, NamedRef, Nullable, ShortText, Uuid } from "./common.ts";
import { FlagLevel, QuestionnaireKind, QuestionnaireResponse, Severity } from "./health.ts";

export const Modality = Literals(["in_person", "video"]);
export const BookingKind = Literals(["established", "new", "referral"], {
  description:
    "who may self-book: established patients of the provider, new patients too, or only with an approved referral",
});
export type BookingKind = Static<typeof BookingKind>;

export const QuestionnaireItem = Type.Object({
  id: Type.String({ pattern: "^[a-z0-9_]{1,40}$" }),
  text: ShortText(300),
  textEs: Type.Optional(ShortText(300, { allowEmpty: true })),
  type: Literals(["text", "yes_no", "scale_0_10"]),
  required: Type.Boolean(),
});

const visitTypeFields = {
  name: ShortText(120),
  nameEs: Nullable(ShortText(120, { allowEmpty: true })),
  description: Nullable(ShortText(500, { allowEmpty: true })),
  /** Spanish description; null or empty: Spanish readers see the English one */
  descriptionEs: Nullable(ShortText(500, { allowEmpty: true })),
  durationMinutes: Type.Integer({ minimum: 5, maximum: 480 }),
  modality: Modality,
  specialty: ShortText(60),
  bookingKind: BookingKind,
  minimumNoticeMinutes: Type.Integer({ minimum: 0, maximum: 60 * 24 * 30 }),
  horizonDays: Type.Integer({ minimum: 1, maximum: 730 }),
  bufferBeforeMinutes: Type.Integer({ minimum: 0, maximum: 120 }),
  bufferAfterMinutes: Type.Integer({ minimum: 0, maximum: 120 }),
  cancellationNoticeMinutes: Type.Integer({ minimum: 0, maximum: 60 * 24 * 14 }),
  questionnaire: Type.Array(QuestionnaireItem, { maxItems: 30 }),
  /** the standard scored questionnaires (PHQ-9, GAD-7) the patient is asked to complete before the visit */
  intakeQuestionnaires: Type.Array(QuestionnaireKind, { maxItems: 2, uniqueItems: true }),
  active: Type.Boolean(),
};

export const VisitType = Type.Object({ id: Uuid, ...visitTypeFields });
export type VisitType = Static<typeof VisitType>;
export const VisitTypeList = Type.Object({ visitTypes: Type.Array(VisitType) });
export const CreateVisitType = Type.Object({
  ...visitTypeFields,
  nameEs: Type.Optional(visitTypeFields.nameEs),
  description: Type.Optional(visitTypeFields.description),
  descriptionEs: Type.Optional(visitTypeFields.descriptionEs),
  questionnaire: Type.Optional(visitTypeFields.questionnaire),
  intakeQuestionnaires: Type.Optional(visitTypeFields.intakeQuestionnaires),
  active: Type.Optional(Type.Boolean()),
});
export const UpdateVisitType = Type.Partial(CreateVisitType);

export const Weekday = Type.Integer({ minimum: 1, maximum: 7, description: "ISO weekday, 1 = Monday" });
export const WallTime = Type.String({
  pattern: "^([01][0-9]|2[0-3]):[0-5][0-9]$",
  description: "HH:MM, location time",
});

export const AvailabilityTemplate = Type.Object({
  id: Uuid,
  providerId: Uuid,
  locationId: Uuid,
  weekday: Weekday,
  startTime: WallTime,
  endTime: WallTime,
  validFrom: Nullable(IsoDate),
  validUntil: Nullable(IsoDate),
  visitTypeIds: Type.Array(Uuid, { description: "empty: every visit type of the provider's specialty" }),
});
export const CreateAvailabilityTemplate = Type.Object({
  locationId: Uuid,
  weekday: Weekday,
  startTime: WallTime,
  endTime: WallTime,
  validFrom: Type.Optional(Nullable(IsoDate)),
  validUntil: Type.Optional(Nullable(IsoDate)),
  visitTypeIds: Type.Optional(Type.Array(Uuid, { maxItems: 50 })),
});

export const ExceptionKind = Literals(["time_off", "block", "extra_hours"]);
export const AvailabilityException = Type.Object({
  id: Uuid,
  providerId: Uuid,
  kind: ExceptionKind,
  start: IsoDateTime,
  end: IsoDateTime,
  locationId: Nullable(Uuid),
  note: Nullable(Type.String()),
});
export const CreateAvailabilityException = Type.Object({
  kind: ExceptionKind,
  start: IsoDateTime,
  end: IsoDateTime,
  locationId: Type.Optional(Nullable(Uuid)),
  note: Type.Optional(Nullable(ShortText(200, { allowEmpty: true }))),
});
/** What to do with booked visits that new time off or a block would overlap. */
export const AffectedVisitsAction = Literals(["notify_and_rebook", "keep"], {
  description:
    "notify_and_rebook: the clinic cancels each visit (the provider is unavailable), emails the patient and offers the nearest free times; keep: the visits stay booked",
});
export type AffectedVisitsAction = Static<typeof AffectedVisitsAction>;
export const AffectedVisitsChoice = Type.Object({
  action: AffectedVisitsAction,
  /** the visits the admin was shown (from the preview): if the booked visits changed since, the save answers 409 again */
  appointmentIds: Type.Array(Uuid, { maxItems: 500 }),
});
export const CreateTimeOff = Type.Object({
  ...CreateAvailabilityException.properties,
  /** required when the time off or block overlaps booked visits */
  affectedVisits: Type.Optional(AffectedVisitsChoice),
});
/** A booked visit that time off or a block would overlap, named for the admin, in the location's zone. */
export const AffectedVisit = Type.Object({
  appointmentId: Uuid,
  patientId: Uuid,
  patientName: Type.String(),
  start: IsoDateTime,
  end: IsoDateTime,
  status: Type.String(),
  visitTypeName: Type.String(),
  visitTypeNameEs: Nullable(Type.String()),
  locationName: Type.String(),
  timeZone: Type.String({ description: "IANA zone of the location: show the time in it, naming it" }),
});
export type AffectedVisit = Static<typeof AffectedVisit>;
/** The dry run of a time off or block: the booked visits it would overlap (409 overlaps_booked_visits carries the same list in error.details.affected). */
export const TimeOffPreview = Type.Object({ affected: Type.Array(AffectedVisit) });
export const SavedAvailabilityException = Type.Object({
  ...AvailabilityException.properties,
  /** visits the clinic cancelled, told and offered new times */
  cancelledVisits: Type.Integer(),
  /** overlapped visits left booked by choice */
  keptVisits: Type.Integer(),
});
export const ProviderAvailability = Type.Object({
  templates: Type.Array(AvailabilityTemplate),
  exceptions: Type.Array(AvailabilityException),
});

export const SlotQuery = Type.Object({
  visitTypeId: Uuid,
  providerId: Type.Optional(Uuid),
  locationId: Type.Optional(Uuid),
  from: Type.Optional(IsoDateTime),
  to: Type.Optional(IsoDateTime),
  patientId: Type.Optional(Uuid),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
});
export const Slot = Type.Object({
  start: IsoDateTime,
  end: IsoDateTime,
  providerId: Uuid,
  providerName: Type.String(),
  locationId: Uuid,
  locationName: Type.String(),
  timeZone: Type.String({ description: "IANA zone of the location" }),
  displayTimeZone: Type.String({
    description:
      "IANA zone to show this time in, naming it: the location's for an in-person visit, the patient's own for a video visit",
  }),
});
export type Slot = Static<typeof Slot>;
export const SlotList = Type.Object({
  slots: Type.Array(Slot),
  /** why the list is empty or limited for this patient, in a code the app translates */
  eligibility: Type.Object({ canSelfBook: Type.Boolean(), reason: Nullable(Type.String()) }),
});

export const AppointmentStatus = Literals([
  "booked",
  "confirmed",
  "checked_in",
  "arrived",
  "roomed",
  "in_visit",
  "completed",
  "no_show",
  "cancelled",
]);
export type AppointmentStatus = Static<typeof AppointmentStatus>;

/**
 * A scored questionnaire the visit type asks for before the visit, as the server decides it:
 * listed from the eCheck-in window (and once done), for the patient and caregivers who may send
 * health updates; `done` once a response was sent as the intake for this visit.
 */
export const IntakeItem = Type.Object({
  questionnaire: QuestionnaireKind,
  status: Literals(["due", "done"]),
  completedAt: Nullable(IsoDateTime),
});
export type IntakeItem = Static<typeof IntakeItem>;

export const Appointment = Type.Object({
  id: Uuid,
  patientId: Uuid,
  /** preferred (or given) and family name of the person the visit is for */
  patientName: Type.String(),
  /** false when the reader is someone else (a caregiver, staff): pages name the patient */
  readerIsPatient: Type.Boolean(),
  displayTimeZone: Type.String({
    description:
      "IANA zone to show the visit's times in, naming it: the location's for an in-person visit, the patient's own for a video visit",
  }),
  start: IsoDateTime,
  end: IsoDateTime,
  status: AppointmentStatus,
  visitType: Type.Object({
    id: Uuid,
    name: Type.String(),
    nameEs: Nullable(Type.String()),
    modality: Modality,
    durationMinutes: Type.Integer(),
  }),
  provider: Type.Object({ id: Uuid, name: Type.String(), specialty: Type.String() }),
  location: Type.Object({
    id: Uuid,
    name: Type.String(),
    timeZone: Type.String(),
    phone: Nullable(Type.String()),
    address: Type.Unknown(),
  }),
  /** latest moment a patient may cancel or reschedule online */
  cancellableUntil: IsoDateTime,
  canCancelOnline: Type.Boolean(),
  eCheckInOpensAt: IsoDateTime,
  eCheckInCompletedAt: Nullable(IsoDateTime),
  /** questionnaires to complete before the visit (empty when none is asked for, or not for this reader) */
  intake: Type.Array(IntakeItem),
  arrivedAt: Nullable(IsoDateTime),
  onWaitlist: Type.Boolean(),
  cancelledAt: Nullable(IsoDateTime),
  /** the time this visit had before "Reschedule" moved it here (the old visit is not listed) */
  movedFrom: Nullable(IsoDateTime),
  createdAt: IsoDateTime,
});
export type Appointment = Static<typeof Appointment>;
/**
 * A patient's appointments: every upcoming visit, soonest first, and one page of past ones
 * (ended, cancelled, completed or missed), newest first. `nextPastCursor` asks for the next
 * older page (`pastCursor`); null when there is none.
 */
export const AppointmentList = Type.Object({
  upcoming: Type.Array(Appointment),
  past: Type.Array(Appointment),
  /** the next older page of past visits: send it back as `pastCursor` (opaque); null after the oldest */
  nextPastCursor: Nullable(
    Type.String({
      description: "send it as `pastCursor` for the next older page of past visits; null after the oldest",
    }),
  ),
  /** the patient's own zone: video visits (and their slots) are shown in it */
  timeZone: Type.String(),
});
export type AppointmentList = Static<typeof AppointmentList>;
/** past visits a page holds unless `pastLimit` says otherwise */
export const PAST_PAGE_SIZE = 20;
/** GET /api/patients/:patientId/appointments */
export const AppointmentListQuery = Type.Object(
  {
    /** the page of past visits older than this: `nextPastCursor` of the page before (stable when visits are booked meanwhile) */
    pastCursor: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        pattern: "^[A-Za-z0-9_-]+$",
        description: "an appointment list's `nextPastCursor`",
      }),
    ),
    /** past visits on the page, 20 unless given */
    pastLimit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 100, description: "past visits on the page, 20 unless given" }),
    ),
  },
  { additionalProperties: false },
);
export type AppointmentListQuery = Static<typeof AppointmentListQuery>;

export const BookAppointment = Type.Object({
  visitTypeId: Uuid,
  providerId: Uuid,
  start: IsoDateTime,
  locationId: Type.Optional(Uuid),
  reasonForVisit: Type.Optional(ShortText(500, { allowEmpty: true })),
});
export const RescheduleAppointment = Type.Object({
  start: IsoDateTime,
  providerId: Type.Optional(Uuid),
  locationId: Type.Optional(Uuid),
});
export const CancelAppointment = Type.Object({ reason: Type.Optional(ShortText(300, { allowEmpty: true })) });
/** 409 slot_taken carries the next free slots in error.details.alternatives */
export const SlotTakenDetails = Type.Object({ alternatives: Type.Array(Slot) });

export const AppointmentParams = Type.Object({ patientId: Uuid, appointmentId: Uuid });

/** A row of the front-desk arrivals board or a provider's schedule. */
/** The steps staff move a visit through on its day. */
export const StaffStatus = Literals(["arrived", "roomed", "in_visit", "completed", "no_show"]);
export type StaffStatus = Static<typeof StaffStatus>;
/**
 * A scored questionnaire of a visit's intake, as a staff reader of the board or schedule may see
 * it: done or not, for everyone who works the visit; the score and flag only for a reader whom
 * the access rules let read the patient's health updates (a nurse or physician working the
 * visit), else null.
 */
export const VisitIntakeItem = Type.Object({
  questionnaire: QuestionnaireKind,
  done: Type.Boolean(),
  completedAt: Nullable(IsoDateTime),
  score: Nullable(Type.Integer({ minimum: 0 })),
  maxScore: Nullable(Type.Integer({ minimum: 0 })),
  severity: Nullable(Severity),
  flag: Nullable(FlagLevel),
});
export type VisitIntakeItem = Static<typeof VisitIntakeItem>;
/** The intake of a visit on the board or schedule (null on the entry when its visit type asks for none). */
export const VisitIntakeStatus = Type.Object({
  /** done: every questionnaire asked for was answered for this visit; partly_done; not_done */
  status: Literals(["done", "partly_done", "not_done"]),
  items: Type.Array(VisitIntakeItem),
  /** the reader may see scores and flags (then `flagged` and each item's score are filled) */
  resultsShown: Type.Boolean(),
  /** the worst flag among the answered ones (null: none flagged, or results not shown) */
  flagged: Type.Union([Type.Literal("urgent"), Type.Literal("attention"), Type.Null()]),
  /** the reader may open the answers (GET /api/appointments/:appointmentId/intake) */
  canOpenAnswers: Type.Boolean(),
});
export type VisitIntakeStatus = Static<typeof VisitIntakeStatus>;

export const ScheduleEntry = Type.Object({
  appointmentId: Uuid,
  patientId: Uuid,
  patientName: Type.String(),
  dateOfBirth: IsoDate,
  mrn: Type.String(),
  start: IsoDateTime,
  end: IsoDateTime,
  status: AppointmentStatus,
  visitTypeName: Type.String(),
  /** the visit type's Spanish name, shown on Spanish pages (null: the English one) */
  visitTypeNameEs: Nullable(Type.String()),
  modality: Modality,
  providerId: Uuid,
  providerName: Type.String(),
  locationId: Uuid,
  locationName: Type.String(),
  timeZone: Type.String(),
  eCheckInDone: Type.Boolean(),
  /** the scored questionnaires its visit type asks for before it (null: none asked for) */
  intake: Nullable(VisitIntakeStatus),
  arrivedAt: Nullable(IsoDateTime),
  roomedAt: Nullable(IsoDateTime),
  /** minutes since arrival while waiting to be roomed (null when not waiting) */
  minutesWaiting: Nullable(Type.Integer()),
  /** the status steps this visit may take now (only on the visit's day, along the visit flow) */
  nextStatuses: Type.Array(StaffStatus),
  /** the status an undo of the last step would go back to; null when there is nothing to undo now */
  undoTo: Nullable(AppointmentStatus),
});
export type ScheduleEntry = Static<typeof ScheduleEntry>;

export const ArrivalsQuery = Type.Object({ locationId: Uuid, date: Type.Optional(IsoDate) });
export const ArrivalsBoard = Type.Object({
  date: IsoDate,
  locationId: Uuid,
  locationName: Type.String(),
  timeZone: Type.String(),
  entries: Type.Array(ScheduleEntry),
  counts: Type.Record(Type.String(), Type.Integer()),
});

/** What a staff member works: the arrivals boards they may open and the schedules they may read. */
export const StaffWorkplace = Type.Object({
  locations: Type.Array(
    Type.Object({
      id: Uuid,
      name: Type.String(),
      timeZone: Type.String(),
      /** a physician's view: only their own provider's visits at this location */
      ownVisitsOnly: Type.Boolean(),
    }),
  ),
  providers: Type.Array(NamedRef),
});
export type StaffWorkplace = Static<typeof StaffWorkplace>;

export const ScheduleQuery = Type.Object({
  providerId: Type.Optional(Uuid),
  date: Type.Optional(IsoDate),
  days: Type.Optional(Type.Integer({ minimum: 1, maximum: 14 })),
});
export const ProviderSchedule = Type.Object({
  providerId: Uuid,
  providerName: Type.String(),
  from: IsoDate,
  days: Type.Integer(),
  entries: Type.Array(ScheduleEntry),
});

/** GET /api/appointments/:appointmentId/intake: a clinician opens the answers sent as a visit's intake. */
export const VisitIntakeAnswers = Type.Object({
  appointmentId: Uuid,
  patientId: Uuid,
  patientName: Type.String(),
  start: IsoDateTime,
  timeZone: Type.String(),
  visitTypeName: Type.String(),
  visitTypeNameEs: Nullable(Type.String()),
  providerName: Type.String(),
  /** what the visit type asks for, done or not */
  items: Type.Array(VisitIntakeItem),
  /** the responses sent as this visit's intake, newest first, with their answers */
  responses: Type.Array(QuestionnaireResponse),
});
export type VisitIntakeAnswers = Static<typeof VisitIntakeAnswers>;

export const StaffStatusChange = Type.Object({ status: StaffStatus });
export const AppointmentIdParams = Type.Object({ appointmentId: Uuid });

export const ECheckInRequest = Type.Object({
  confirmedDemographics: Type.Boolean(),
  confirmedInsurance: Type.Boolean(),
  confirmedMedications: Type.Boolean(),
  confirmedAllergies: Type.Boolean(),
  answers: Type.Record(
    Type.String({ pattern: "^[a-z0-9_]{1,40}$" }),
    Type.Union([ShortText(2000, { allowEmpty: true }), Type.Boolean(), Type.Integer({ minimum: 0, maximum: 10 })]),
    {
      maxProperties: 30,
    },
  ),
});
export const ECheckInForm = Type.Object({
  opensAt: IsoDateTime,
  open: Type.Boolean(),
  completedAt: Nullable(IsoDateTime),
  questionnaire: Type.Array(QuestionnaireItem),
  /** scored questionnaires to complete before the visit (see `IntakeItem`) */
  intake: Type.Array(IntakeItem),
  /** what the patient is asked to confirm, shown from their record */
  summary: Type.Object({
    name: Type.String(),
    dateOfBirth: IsoDate,
    /** false when the reader's access does not cover contact details (phone, email, address are then null) */
    contactIncluded: Type.Boolean(),
    phone: Nullable(Type.String()),
    email: Nullable(Type.String()),
    address: Type.Unknown(),
  }),
});

export const WaitlistOffer = Type.Object({
  id: Uuid,
  appointmentId: Uuid,
  /** earlier: a sooner time for a booked visit; rebook: a new time for a visit the clinic cancelled (provider unavailable) */
  kind: Literals(["earlier", "rebook"]),
  start: IsoDateTime,
  end: IsoDateTime,
  providerName: Type.String(),
  locationName: Type.String(),
  timeZone: Type.String(),
  status: Literals(["open", "accepted", "taken", "expired", "declined"]),
  expiresAt: IsoDateTime,
});
export type WaitlistOffer = Static<typeof WaitlistOffer>;
export const WaitlistOfferList = Type.Object({ offers: Type.Array(WaitlistOffer) });
export const OfferParams = Type.Object({ patientId: Uuid, offerId: Uuid });
export const ConfirmByToken = Type.Object({ token: Type.String({ minLength: 20, maxLength: 200 }) });
export const ConfirmResult = Type.Object({
  status: Literals(["confirmed", "already_confirmed"]),
});
