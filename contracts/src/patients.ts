import { type Static, Type } from "typebox";
import {
  IsoDate,
  IsoDateTime,
  Literals,
  NamedRef,
  Nullable,
  PersonName,
  ShortText,
  TimeZoneName,
  Uuid,
} from "./common.ts";
import { Email, Password } from "./identity.ts";

/**
 * Patients: registration (front desk and self-service), the profile, duplicate review, merges,
 * identity change requests, staff search and patient files (SPEC §2.1).
 */

export const Sex = Literals(["female", "male", "other", "unknown"]);
export type Sex = Static<typeof Sex>;
export const Phone = Type.String({
  minLength: 7,
  maxLength: 30,
  pattern: "^[+]?[0-9 ().-]{7,30}$",
  description: "digits with optional spaces, dashes, dots, parentheses and a leading +",
});
export const LanguageTag = Type.String({
  pattern: "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$",
  maxLength: 35,
  description: "BCP 47 language tag, e.g. en, es, zh-Hant",
});

export const Address = Type.Object(
  {
    line1: ShortText(200),
    line2: Type.Optional(ShortText(200, { allowEmpty: true })),
    city: ShortText(100),
    region: ShortText(100, { description: "state or province" }),
    postalCode: Type.String({ minLength: 3, maxLength: 12, pattern: "^[A-Za-z0-9 -]{3,12}$" }),
    country: Type.String({ pattern: "^[A-Z]{2}$", description: "ISO 3166-1 alpha-2, e.g. US" }),
  },
  { additionalProperties: false },
);
export type Address = Static<typeof Address>;

export const EmergencyContact = Type.Object(
  {
    name: ShortText(200),
    relationship: ShortText(60),
    phone: Phone,
  },
  { additionalProperties: false },
);
export type EmergencyContact = Static<typeof EmergencyContact>;

export const SubscriberRelationship = Literals(["self", "spouse", "parent", "other"]);

export const InsuranceCoverageInput = Type.Object(
  {
    rank: Literals(["primary", "secondary"], { default: "primary" }),
    payerName: ShortText(200),
    memberId: Type.String({ minLength: 1, maxLength: 40, pattern: "^[A-Za-z0-9 -]+$" }),
    groupNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 40, pattern: "^[A-Za-z0-9 -]+$" })),
    subscriberName: ShortText(200),
    subscriberRelationship: SubscriberRelationship,
    /** ids from POST /api/patients/:patientId/files (kind insurance_card_front / _back) */
    cardFrontFileId: Type.Optional(Uuid),
    cardBackFileId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type InsuranceCoverageInput = Static<typeof InsuranceCoverageInput>;

export const InsuranceCoverage = Type.Object({
  id: Uuid,
  rank: Literals(["primary", "secondary"]),
  payerName: Type.String(),
  memberId: Type.String(),
  groupNumber: Nullable(Type.String()),
  subscriberName: Type.String(),
  subscriberRelationship: SubscriberRelationship,
  cardFrontFileId: Nullable(Uuid),
  cardBackFileId: Nullable(Uuid),
});
export type InsuranceCoverage = Static<typeof InsuranceCoverage>;

/** Demographics as the front desk enters them. */
const demographics = {
  legalGivenName: PersonName,
  legalFamilyName: PersonName,
  preferredName: Type.Optional(PersonName),
  dateOfBirth: IsoDate,
  sex: Sex,
  genderIdentity: Type.Optional(ShortText(100)),
  phone: Type.Optional(Phone),
  email: Type.Optional(Email),
  address: Type.Optional(Address),
  preferredLanguage: Type.Optional(LanguageTag),
};

export const DuplicateOverride = Type.Object(
  {
    confirmNotDuplicate: Type.Literal(true),
    reason: ShortText(500, { minLength: 5 }),
  },
  { additionalProperties: false },
);

export const RegisterPatientRequest = Type.Object(
  {
    ...demographics,
    emergencyContact: Type.Optional(EmergencyContact),
    insurance: Type.Optional(Type.Array(InsuranceCoverageInput, { maxItems: 2 })),
    preferredPharmacyId: Type.Optional(Uuid),
    pcpProviderId: Type.Optional(Uuid),
    /** set after reviewing the `possible_duplicate` answer: this person is not one of the candidates */
    duplicateOverride: Type.Optional(DuplicateOverride),
  },
  { additionalProperties: false },
);
export type RegisterPatientRequest = Static<typeof RegisterPatientRequest>;

/** A possible existing chart for the same person, shown side by side with what was entered. */
export const DuplicateCandidate = Type.Object({
  id: Uuid,
  mrn: Type.String(),
  name: Type.String({ description: "legal given + family name" }),
  preferredName: Nullable(Type.String()),
  dateOfBirth: IsoDate,
  sex: Sex,
  phoneMasked: Type.Union([Type.String(), Type.Null()], { description: "only the last four digits shown" }),
  emailMasked: Type.Union([Type.String(), Type.Null()], { description: "first letter and domain shown" }),
  status: Literals(["active", "pending_verification"]),
  matchedOn: Type.Array(
    Literals(["name", "similar_name", "nickname", "date_of_birth", "similar_date_of_birth", "phone", "email"]),
  ),
});
export type DuplicateCandidate = Static<typeof DuplicateCandidate>;

/** `details` of the 409 `possible_duplicate` error. */
export const PossibleDuplicateDetails = Type.Object({ candidates: Type.Array(DuplicateCandidate) });
export type PossibleDuplicateDetails = Static<typeof PossibleDuplicateDetails>;

export const PatientStatus = Literals(["active", "pending_verification", "merged", "rejected"]);

/** What the reader of a chart may open from it, as the access policy decides for them and this patient. */
export const PatientChartAbilities = Type.Object({
  /** the patient's medications (and lab results): the care team */
  canOpenMedications: Type.Boolean(),
  /** the patient's referrals */
  canSeeReferrals: Type.Boolean(),
  /** the patient's readings and questionnaires */
  canSeeHealthUpdates: Type.Boolean(),
  /** who may act for the patient */
  canSeeCaregivers: Type.Boolean(),
  /** grant someone access to act for the patient */
  canAddCaregiver: Type.Boolean(),
});
export type PatientChartAbilities = Static<typeof PatientChartAbilities>;

export const PatientProfile = Type.Object({
  /** the whole profile; compare `PatientSummary` */
  view: Type.Literal("full"),
  id: Uuid,
  mrn: Type.String(),
  status: PatientStatus,
  legalGivenName: Type.String(),
  legalFamilyName: Type.String(),
  preferredName: Nullable(Type.String()),
  dateOfBirth: IsoDate,
  sex: Sex,
  genderIdentity: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  email: Nullable(Type.String()),
  address: Nullable(Address),
  preferredLanguage: Type.String(),
  /** the patient's own IANA zone: video visits are shown in it (null: not said yet) */
  timeZone: Nullable(Type.String()),
  emergencyContact: Nullable(EmergencyContact),
  insurance: Type.Array(InsuranceCoverage),
  preferredPharmacy: Nullable(NamedRef),
  pcp: Type.Union([Type.Object({ id: Uuid, name: Type.String(), specialty: Type.String() }), Type.Null()]),
  hasLogin: Type.Boolean(),
  /** what the caller may change: contact details, language, pharmacy, insurance, emergency contact */
  canEdit: Type.Boolean(),
  /** what the caller may change: identity fields only through staff */
  canEditIdentity: Type.Boolean(),
  /** whole years today, as the server reckons it (the access policy's own count) */
  age: Type.Integer({ minimum: 0 }),
  /** aged 12–17: a parent's or guardian's access is limited to appointments and medications (the server's rule) */
  adolescent: Type.Boolean(),
  pendingIdentityChangeRequestId: Nullable(Uuid),
  abilities: PatientChartAbilities,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type PatientProfile = Static<typeof PatientProfile>;

/**
 * What a proxy whose access is restricted (a parent or guardian of a 12–17-year-old) reads
 * instead of the profile: the name and date of birth needed to act on appointments and
 * medications, nothing more. The server decides which of the two a caller gets.
 */
export const PatientSummary = Type.Object({
  view: Type.Literal("summary"),
  id: Uuid,
  legalGivenName: Type.String(),
  legalFamilyName: Type.String(),
  preferredName: Nullable(Type.String()),
  dateOfBirth: IsoDate,
});
export type PatientSummary = Static<typeof PatientSummary>;

/** `GET /api/patients/:patientId`: the full profile, or the summary for a restricted proxy. */
export const PatientProfileView = Type.Union([PatientProfile, PatientSummary]);
export type PatientProfileView = Static<typeof PatientProfileView>;

export const RegisterPatientResponse = Type.Object({
  patient: PatientProfile,
  activation: Type.Object({
    code: Type.String({ description: "XXXX-XXXX-XXXX, shown once" }),
    expiresAt: IsoDateTime,
    letterUrl: Type.String({ description: "printable activation letter (GET, HTML)" }),
  }),
});
export type RegisterPatientResponse = Static<typeof RegisterPatientResponse>;

/** PATCH: every field optional; identity fields (legal name, DOB, sex) only for staff. */
export const UpdatePatientRequest = Type.Object(
  {
    legalGivenName: Type.Optional(PersonName),
    legalFamilyName: Type.Optional(PersonName),
    dateOfBirth: Type.Optional(IsoDate),
    sex: Type.Optional(Sex),
    preferredName: Type.Optional(Nullable(PersonName)),
    genderIdentity: Type.Optional(Nullable(ShortText(100))),
    phone: Type.Optional(Nullable(Phone)),
    email: Type.Optional(Nullable(Email)),
    address: Type.Optional(Nullable(Address)),
    preferredLanguage: Type.Optional(LanguageTag),
    timeZone: Type.Optional(Nullable(TimeZoneName)),
    emergencyContact: Type.Optional(Nullable(EmergencyContact)),
    /** replaces the whole list */
    insurance: Type.Optional(Type.Array(InsuranceCoverageInput, { maxItems: 2 })),
    preferredPharmacyId: Type.Optional(Nullable(Uuid)),
    pcpProviderId: Type.Optional(Nullable(Uuid)),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdatePatientRequest = Static<typeof UpdatePatientRequest>;

export const PatientSearchQuery = Type.Object(
  {
    q: Type.String({
      minLength: 2,
      maxLength: 100,
      description:
        "name (partial, accents and small typos ignored), date of birth (1984-03-02 or 03/02/1984), MRN or phone",
    }),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
    includePending: Type.Optional(Type.Boolean({ default: true })),
  },
  { additionalProperties: false },
);
export type PatientSearchQuery = Static<typeof PatientSearchQuery>;

/** Nurses and physicians get the minimal fields; front desk also contact details. */
export const PatientSearchHit = Type.Object({
  id: Uuid,
  mrn: Type.String(),
  name: Type.String(),
  preferredName: Nullable(Type.String()),
  dateOfBirth: IsoDate,
  sex: Sex,
  status: PatientStatus,
  /** whole years today, as the server reckons it */
  age: Type.Integer({ minimum: 0 }),
  phone: Type.Optional(Nullable(Type.String())),
  email: Type.Optional(Nullable(Type.String())),
});
export type PatientSearchHit = Static<typeof PatientSearchHit>;

export const PatientSearchResponse = Type.Object({
  results: Type.Array(PatientSearchHit),
  /** how the query was read */
  interpretedAs: Type.Array(Literals(["name", "date_of_birth", "mrn", "phone"])),
});
export type PatientSearchResponse = Static<typeof PatientSearchResponse>;

// ---- self-registration ----

export const SelfRegistrationRequest = Type.Object(
  {
    ...demographics,
    email: Email,
    phone: Phone,
    password: Password,
    emergencyContact: Type.Optional(EmergencyContact),
    /** the browser's zone: the patient's own zone, video visits are shown in it */
    timeZone: Type.Optional(TimeZoneName),
  },
  { additionalProperties: false },
);
export type SelfRegistrationRequest = Static<typeof SelfRegistrationRequest>;

/** The same answer whatever happened (an email already registered is not revealed). */
export const SelfRegistrationResponse = Type.Object({
  status: Type.Literal("received"),
  message: Type.String(),
});

export const PendingRegistration = Type.Object({
  patient: PatientProfile,
  source: Literals(["staff", "self", "import"]),
  submittedAt: IsoDateTime,
  possibleDuplicates: Type.Array(DuplicateCandidate),
});
export type PendingRegistration = Static<typeof PendingRegistration>;
export const PendingRegistrationList = Type.Object({ registrations: Type.Array(PendingRegistration) });

/** Why front desk did not accept a self-registration: the applicant's email says it in their own language. */
export const RegistrationRejectionReason = Literals([
  "duplicate_record",
  "details_not_confirmed",
  "not_accepting_patients",
  "other",
]);
export type RegistrationRejectionReason = Static<typeof RegistrationRejectionReason>;

export const RejectRegistrationRequest = Type.Object(
  {
    reason: RegistrationRejectionReason,
    /** for the clinic's record only: never emailed */
    note: Type.Optional(ShortText(500, { allowEmpty: true })),
  },
  { additionalProperties: false },
);
export type RejectRegistrationRequest = Static<typeof RejectRegistrationRequest>;

export const RejectRegistrationResponse = Type.Object({
  id: Uuid,
  status: Type.Literal("rejected"),
  reason: RegistrationRejectionReason,
  /** the applicant was sent the reason by email */
  applicantEmailed: Type.Boolean(),
});
export type RejectRegistrationResponse = Static<typeof RejectRegistrationResponse>;

export const VerifyRegistrationRequest = Type.Object(
  {
    /** required when the registration was flagged as a possible duplicate */
    duplicateOverride: Type.Optional(DuplicateOverride),
    pcpProviderId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);

export const MergePatientRequest = Type.Object(
  {
    intoPatientId: Uuid,
    reason: ShortText(500, { minLength: 5 }),
  },
  { additionalProperties: false },
);
export type MergePatientRequest = Static<typeof MergePatientRequest>;

export const MergeResult = Type.Object({
  mergeId: Uuid,
  sourcePatientId: Uuid,
  targetPatientId: Uuid,
  /** rows moved per table, e.g. { "proxy_grants.patient_id": 2 } */
  moved: Type.Record(Type.String(), Type.Integer()),
});
export type MergeResult = Static<typeof MergeResult>;

// ---- identity change requests ----

export const IdentityChanges = Type.Object(
  {
    legalGivenName: Type.Optional(PersonName),
    legalFamilyName: Type.Optional(PersonName),
    dateOfBirth: Type.Optional(IsoDate),
    sex: Type.Optional(Sex),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type IdentityChanges = Static<typeof IdentityChanges>;

export const CreateIdentityChangeRequest = Type.Object(
  {
    changes: IdentityChanges,
    reason: ShortText(500, { minLength: 3 }),
  },
  { additionalProperties: false },
);

export const IdentityChangeRequest = Type.Object({
  id: Uuid,
  patientId: Uuid,
  patientName: Type.String(),
  mrn: Type.String(),
  current: IdentityChanges,
  changes: IdentityChanges,
  reason: Type.String(),
  status: Literals(["pending", "approved", "denied"]),
  decisionNote: Nullable(Type.String()),
  createdAt: IsoDateTime,
  decidedAt: Nullable(IsoDateTime),
});
export type IdentityChangeRequest = Static<typeof IdentityChangeRequest>;
export const IdentityChangeRequestList = Type.Object({ requests: Type.Array(IdentityChangeRequest) });

export const DecideIdentityChangeRequest = Type.Object(
  {
    decision: Literals(["approve", "deny"]),
    note: Type.Optional(ShortText(500, { allowEmpty: true })),
  },
  { additionalProperties: false },
);

// ---- activation letter ----

export const ActivationLetter = Type.Object({
  patientName: Type.String(),
  code: Type.String(),
  expiresAt: IsoDateTime,
  activateUrl: Type.String(),
  clinicName: Type.String(),
  clinicPhone: Type.String(),
});

// ---- files ----

export const FileKind = Literals(["insurance_card_front", "insurance_card_back", "identity_document", "other"]);
export type FileKind = Static<typeof FileKind>;

export const StoredFile = Type.Object({
  id: Uuid,
  kind: FileKind,
  contentType: Type.String(),
  sizeBytes: Type.Integer(),
  sha256: Type.String(),
  createdAt: IsoDateTime,
});
export type StoredFile = Static<typeof StoredFile>;
export const FileUploadQuery = Type.Object({ kind: FileKind }, { additionalProperties: false });
export const FileParams = Type.Object({ patientId: Uuid, fileId: Uuid });
