import { type Static, Type } from "typebox";
import { IsoDateTime, Locale, Nullable, ShortText, Uuid } from "./common.ts";
import { Email, ProxyRelationship, ProxyScope } from "./identity.ts";

/** Caregiver (proxy) access: grants, invitations by email, revocation (SPEC §2.2). */

export const ProxyGrant = Type.Object({
  id: Uuid,
  patientId: Uuid,
  proxy: Type.Object({ userId: Uuid, displayName: Type.String(), email: Type.String() }),
  relationship: ProxyRelationship,
  /** what was granted */
  scopes: Type.Array(ProxyScope),
  /** what the grant gives today (adolescent restriction, expiry, majority applied) */
  effectiveScopes: Type.Array(ProxyScope),
  /** a parent/guardian of a 12–17 year old: restricted by clinic policy */
  restricted: Type.Boolean(),
  inForce: Type.Boolean(),
  startsAt: IsoDateTime,
  endsAt: Nullable(IsoDateTime),
  grantedBy: Type.Union([Type.String(), Type.Null()], { description: "display name of who granted it" }),
  reason: Nullable(Type.String()),
  createdAt: IsoDateTime,
});
export type ProxyGrant = Static<typeof ProxyGrant>;

export const ProxyInvitationSummary = Type.Object({
  id: Uuid,
  email: Type.String(),
  relationship: ProxyRelationship,
  scopes: Type.Array(ProxyScope),
  expiresAt: IsoDateTime,
  createdAt: IsoDateTime,
  /** sent by the front desk for someone without an account (a staff grant waiting for them) */
  fromClinic: Type.Optional(Type.Boolean()),
});
export type ProxyInvitationSummary = Static<typeof ProxyInvitationSummary>;

export const ProxyGrantList = Type.Object({
  grants: Type.Array(ProxyGrant),
  /** invitations sent and not yet accepted (only to those who may manage grants) */
  pendingInvitations: Type.Array(ProxyInvitationSummary),
  /** may the caller invite, grant or revoke here */
  canManage: Type.Boolean(),
});
export type ProxyGrantList = Static<typeof ProxyGrantList>;

const Scopes = Type.Array(ProxyScope, { minItems: 1, maxItems: 6, uniqueItems: true });

/**
 * Staff: a grant for a parent of a minor or a legal representative. To someone with an account
 * it is made at once (201 ProxyGrant); to an email without an account it waits as an invitation
 * that creates a caregiver-only login (202 StaffGrantInvited).
 */
export const CreateProxyGrantRequest = Type.Object(
  {
    proxyEmail: Email,
    relationship: ProxyRelationship,
    scopes: Scopes,
    endsAt: Type.Optional(IsoDateTime),
    reason: ShortText(500, { minLength: 5 }),
  },
  { additionalProperties: false },
);
export type CreateProxyGrantRequest = Static<typeof CreateProxyGrantRequest>;

/**
 * A staff grant to an email with no account: the invitation emailed to them. Their access
 * starts when they create their account from the link (or accept it signed in).
 */
export const StaffGrantInvited = Type.Object({
  status: Type.Literal("invited"),
  invitation: ProxyInvitationSummary,
  /** an earlier invitation to the same email for this patient was replaced (its link no longer works) */
  replacedEarlier: Type.Boolean(),
});
export type StaffGrantInvited = Static<typeof StaffGrantInvited>;

/** An adult patient invites a caregiver by email. */
export const CreateProxyInvitationRequest = Type.Object(
  {
    email: Email,
    relationship: ProxyRelationship,
    scopes: Scopes,
    endsAt: Type.Optional(IsoDateTime),
  },
  { additionalProperties: false },
);
export type CreateProxyInvitationRequest = Static<typeof CreateProxyInvitationRequest>;

export const InvitationToken = Type.Object(
  { token: Type.String({ minLength: 20, maxLength: 200, pattern: "^[A-Za-z0-9_-]+$" }) },
  { additionalProperties: false },
);

/** Someone with no account creates one from the invitation link; the email is the invited one. */
export const InvitationSignUpRequest = Type.Object(
  {
    token: Type.String({ minLength: 20, maxLength: 200, pattern: "^[A-Za-z0-9_-]+$" }),
    displayName: ShortText(120),
    password: Type.String({ minLength: 8, maxLength: 128 }),
    /** the language the portal and its email use for this account (default English) */
    locale: Type.Optional(Locale),
  },
  { additionalProperties: false },
);
export type InvitationSignUpRequest = Static<typeof InvitationSignUpRequest>;

/** The new grant, and the CSRF token of the session the new account is signed in with. */
export const InvitationSignUpResponse = Type.Object({ grant: ProxyGrant, csrfToken: Type.String() });
export type InvitationSignUpResponse = Static<typeof InvitationSignUpResponse>;

/** What someone holding the link may learn before signing in: no more than this. */
export const InvitationPreview = Type.Object({
  inviterFirstName: Type.String(),
  /** the front desk gave this access (the first name is then the patient's, not an inviter's) */
  fromClinic: Type.Boolean(),
  clinicName: Type.String(),
  expiresAt: IsoDateTime,
});
export type InvitationPreview = Static<typeof InvitationPreview>;

export const RevokeProxyGrantParams = Type.Object({ patientId: Uuid, grantId: Uuid });
