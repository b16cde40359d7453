import { type Static, Type } from "typebox";
import { IsoDate, IsoDateTime, Literals, Locale, Nullable, ShortText, TimeZoneName, Uuid, valuesOf } from "./common.ts";

export const StaffRole = Literals(["front_desk", "nurse", "physician", "admin"]);
export type StaffRole = Static<typeof StaffRole>;
/** `patient` is held by anyone whose login is linked to a patient record. */
export const Role = Type.Union([Type.Literal("patient"), StaffRole]);
export type Role = Static<typeof Role>;

export const ProxyScope = Literals([
  "appointments",
  "messages",
  "medications",
  "referrals",
  "health_updates",
  "records",
]);
export type ProxyScope = Static<typeof ProxyScope>;
export const ALL_SCOPES: ProxyScope[] = valuesOf(ProxyScope);

export const ProxyRelationship = Literals([
  "parent",
  "guardian",
  "spouse",
  "child",
  "caregiver",
  "legal_representative",
  "other",
]);
export type ProxyRelationship = Static<typeof ProxyRelationship>;

export const Email = Type.String({ format: "email", minLength: 3, maxLength: 254 });
/** Length only (SPEC §4: 8–128, no composition rules); the server also refuses common passwords. */
export const Password = Type.String({ minLength: 8, maxLength: 128 });

export const UserSummary = Type.Object({
  id: Uuid,
  email: Type.String(),
  displayName: Type.String(),
  locale: Locale,
  mfaEnabled: Type.Boolean(),
});
export type UserSummary = Static<typeof UserSummary>;

/** A patient the signed-in user may act for: themself first, then proxy grants. */
export const ActingPatient = Type.Object({
  id: Uuid,
  name: Type.String({ description: "preferred or given name + family name" }),
  relationship: Type.Union([Type.Literal("self"), ProxyRelationship]),
  /**
   * The scopes in force now, as the access policy reckons them: every scope for oneself; for a
   * proxy the grant's scopes, only appointments and medications for a parent or guardian of a
   * 12–17-year-old, and none once a parent's grant ends on the 18th birthday (then the patient is
   * not listed at all). The web acts on exactly these.
   */
  scopes: Type.Array(ProxyScope),
  /** true for an adolescent whose parent has the restricted default scope */
  restricted: Type.Boolean(),
});
export type ActingPatient = Static<typeof ActingPatient>;

export const SessionInfo = Type.Object({
  /** seconds of inactivity after which the server ends the session */
  idleTimeoutSeconds: Type.Integer(),
  idleExpiresAt: IsoDateTime,
  absoluteExpiresAt: IsoDateTime,
});
export type SessionInfo = Static<typeof SessionInfo>;

/** The staff work a user may open (decided by the server from their roles; the web shows exactly these). */
export const StaffAbilities = Type.Object({
  registerPatients: Type.Boolean(),
  searchPatients: Type.Boolean(),
  workInBasket: Type.Boolean(),
  administerClinic: Type.Boolean(),
  readAuditLog: Type.Boolean(),
});
export type StaffAbilities = Static<typeof StaffAbilities>;

/**
 * The parts of the app a user may open. The patient side (appointments … profile) is open to
 * anyone acting for a patient (themself or through a grant in force); each page then asks
 * `ActingPatient.scopes`. The staff side follows the role lists the services check.
 */
export const AppArea = Literals([
  "home",
  "appointments",
  "medications",
  "messages",
  "referrals",
  "health",
  "profile",
  "inBasket",
  "incomingReferrals",
  "patients",
  "registration",
  "arrivals",
  "schedule",
  "clinicSetup",
  "operations",
  "audit",
]);
export type AppArea = Static<typeof AppArea>;

/** What the signed-in user may open, decided by the server (the web shows exactly this). */
export const UserAbilities = Type.Object({
  ...StaffAbilities.properties,
  /** holds a staff role: home shows today's staff work */
  staffWork: Type.Boolean(),
  /** acts for at least one patient (themself or through a grant in force): the patient side */
  patientSide: Type.Boolean(),
  /** every area whose pages this user may open (page guards) */
  areas: Type.Array(AppArea),
  /** the entries of the signed-in menu, in order (a subset of `areas`) */
  menu: Type.Array(AppArea),
});
export type UserAbilities = Static<typeof UserAbilities>;

export const MeResponse = Type.Object({
  user: UserSummary,
  roles: Type.Array(Role),
  csrfToken: Type.String(),
  patients: Type.Array(ActingPatient),
  session: SessionInfo,
  abilities: UserAbilities,
});
export type MeResponse = Static<typeof MeResponse>;

/** The web's first question: who is signed in (`me`), or no one (`null`, also while MFA is owed). */
export const SessionResponse = Type.Object({ me: Nullable(MeResponse) });
export type SessionResponse = Static<typeof SessionResponse>;

export const LoginRequest = Type.Object({
  email: Type.String({ maxLength: 254 }),
  password: Type.String({ maxLength: 1024 }),
});
/**
 * 200 after a correct password. When `mfaRequired`, only POST /api/auth/mfa is allowed next;
 * when `mfaEnrolmentRequired` (staff without MFA), only the enrolment endpoints are.
 */
export const LoginResponse = Type.Object({
  user: UserSummary,
  mfaRequired: Type.Boolean(),
  mfaEnrolmentRequired: Type.Boolean(),
  csrfToken: Type.String(),
});
export type LoginResponse = Static<typeof LoginResponse>;

/** A 6-digit TOTP code or a recovery code (xxxx-xxxx-xx). */
export const MfaRequest = Type.Object({ code: Type.String({ minLength: 6, maxLength: 32 }) });

export const MfaEnrolmentStart = Type.Object({
  secret: Type.String({ description: "base32, for typing into an authenticator app" }),
  otpauthUrl: Type.String(),
  qrCodeSvg: Type.String({ description: "an SVG image of the otpauth URL" }),
});
export const MfaEnrolmentConfirm = Type.Object({ code: Type.String({ pattern: "^[0-9]{6}$" }) });
/**
 * Shown once; only hashes are kept. `csrfToken` is the session's token afterwards (it changes
 * when confirming enrolment completes a staff sign-in).
 */
export const RecoveryCodes = Type.Object({ recoveryCodes: Type.Array(Type.String()), csrfToken: Type.String() });

export const ActivateRequest = Type.Object({
  activationCode: Type.String({ minLength: 4, maxLength: 64 }),
  dateOfBirth: IsoDate,
  email: Email,
  password: Password,
  /** the browser's zone: becomes the patient's own zone if the record has none yet */
  timeZone: Type.Optional(TimeZoneName),
  /** the language the page was showing: the new account's (else the browser's Accept-Language) */
  locale: Type.Optional(Locale),
});

export const PasswordResetRequest = Type.Object({ email: Type.String({ maxLength: 254 }) });
export const PasswordResetComplete = Type.Object({
  token: Type.String({ minLength: 16, maxLength: 200 }),
  password: Password,
});

export const ReauthenticateRequest = Type.Object({
  password: Type.String({ maxLength: 1024 }),
  code: Type.Optional(Type.String({ maxLength: 32 })),
});
export const ReauthenticateResponse = Type.Object({ reauthenticatedUntil: IsoDateTime });

export const ChangePasswordRequest = Type.Object({
  currentPassword: Type.String({ maxLength: 1024 }),
  newPassword: Password,
});
export const ChangeEmailRequest = Type.Object({ email: Email });
export const UpdateMeRequest = Type.Object({
  locale: Type.Optional(Locale),
  displayName: Type.Optional(ShortText(120)),
});

export const SessionSummary = Type.Object({
  id: Uuid,
  current: Type.Boolean(),
  createdAt: IsoDateTime,
  lastSeenAt: IsoDateTime,
  ipAddress: Nullable(Type.String()),
  userAgent: Nullable(Type.String()),
});
export const SessionList = Type.Object({ sessions: Type.Array(SessionSummary) });
export type SessionSummary = Static<typeof SessionSummary>;

/** A plain confirmation for people (password reset request/complete). */
export const MessageResponse = Type.Object({ message: Type.String() });
export type MessageResponse = Static<typeof MessageResponse>;
export const SessionIdParams = Type.Object({ id: Uuid });
