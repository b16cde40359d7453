import type {
  CreateProxyGrantRequest,
  CreateProxyInvitationRequest,
  InvitationPreview,
  InvitationSignUpRequest,
  InvitationSignUpResponse,
  ProxyGrant,
  ProxyInvitationSummary,
  StaffGrantInvited,
} from "@portico/contracts";
import type { Kysely, Selectable } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { ProxyInvitationsTable } from "../../db/tables/registration.ts";
import type { PatientAccess } from "../../platform/access/patient-access.ts";
import { patientRows } from "../../platform/access/scoped-query.ts";
import { randomToken } from "../../platform/auth/tokens.ts";
import { currentContext, maybeContext } from "../../platform/context.ts";
import { DomainError, notFound } from "../../platform/errors.ts";
import { languageFromTag, newAccountLanguage, recipientLanguage } from "../../platform/mail/language.ts";
import type { MailLocale } from "../../platform/mail/templates.ts";
import { currentDb, inTransaction } from "../../platform/transaction.ts";
import type { ClientInfo } from "../identity/sign-in.ts";
import { INVITATION_DAYS, proxyInvitation, proxyStaffInvitation } from "./mail-templates.ts";
import * as repo from "./repo.ts";
import { checkEnd, DAY_MS, invalidInvitation, invitationHash, ownLoginRefused, presentGrants } from "./rules.ts";
import type { ProxyServiceDeps } from "./service.ts";

/**
 * Caregiver invitations: an adult patient's by email, the front desk's to an address with no
 * account; the link (a single-use token, stored hashed) is previewed, accepted by a signed-in
 * invitee or used to sign up, and can be withdrawn while it waits.
 */
export class InvitationService {
  readonly #d: ProxyServiceDeps;
  constructor(deps: ProxyServiceDeps) {
    this.#d = deps;
  }

  get #db() {
    return currentDb(this.#d.db);
  }

  /**
   * The staff grant for an email without an account: one waiting invitation per email and
   * patient (a new one replaces an earlier one, whose link stops working), emailed in the
   * language of the patient's chart (the invitee has no account, so no language of their own yet).
   */
  async inviteForStaff(
    access: PatientAccess,
    staffUserId: string,
    input: CreateProxyGrantRequest,
    endsAt: Date | null,
  ): Promise<StaffGrantInvited> {
    const trx = this.#db;
    const email = input.proxyEmail.trim();
    const now = this.#d.clock.now();
    const replacedEarlier = await repo.withdrawWaitingInvitationTo(trx, access, email, now);
    // kept with the invitation: the language of the email and the new login's default
    const locale = languageFromTag(await repo.chartLanguage(trx, access));
    const invitation = await this.#issue(trx, access, {
      invitedBy: staffUserId,
      locale,
      email,
      grant: input,
      endsAt,
      now,
      fromClinic: { reason: input.reason.trim() },
    });
    return { status: "invited", replacedEarlier, invitation };
  }

  /** An adult patient invites a caregiver by email; the link carries a single-use token. */
  async invite(patientId: string, input: CreateProxyInvitationRequest): Promise<ProxyInvitationSummary> {
    return inTransaction(this.#d.db, async (trx) => {
      const access = await this.#d.access.authorizePatient(patientId, {
        scope: "proxies",
        action: "write",
        resourceType: "proxy_invitation",
        auditAction: "create",
      });
      const endsAt = checkEnd(input.endsAt, this.#d.clock.now());
      const actor = currentContext().actor;
      const now = this.#d.clock.now();
      return this.#issue(trx, access, {
        invitedBy: actor.userId as string,
        // the invitee may have no account yet: the invitation keeps its sender's language
        locale: await recipientLanguage(trx, { userId: actor.userId as string }),
        email: input.email.trim(),
        grant: input,
        endsAt,
        now,
      });
    });
  }

  /**
   * Stores a waiting invitation with a new single-use token (kept hashed), emails its link — in
   * the invitee's own language when the address has an account, else in the invitation's
   * `locale` — and records the audit row. `fromClinic`: the front desk's, with its reason.
   */
  async #issue(
    trx: Kysely<DB>,
    access: PatientAccess,
    invitation: {
      invitedBy: string;
      locale: MailLocale;
      email: string;
      grant: Pick<CreateProxyInvitationRequest, "relationship" | "scopes">;
      endsAt: Date | null;
      now: Date;
      fromClinic?: { reason: string };
    },
  ): Promise<ProxyInvitationSummary> {
    const { email, grant, fromClinic } = invitation;
    const token = randomToken();
    const row = await trx
      .insertInto("proxy_invitations")
      .values(
        patientRows(access, "proxies", "write").stamp({
          invited_by: invitation.invitedBy,
          locale: invitation.locale,
          email,
          relationship: grant.relationship,
          scopes: [...grant.scopes],
          ends_at: invitation.endsAt,
          token_hash: invitationHash(token),
          expires_at: new Date(invitation.now.getTime() + INVITATION_DAYS * DAY_MS),
          ...(fromClinic && { from_clinic: true, reason: fromClinic.reason }),
        }),
      )
      .returning(["id", "created_at", "expires_at"])
      .executeTakeFirstOrThrow();
    await this.#d.mailer.send({
      to: email,
      locale: await recipientLanguage(trx, { email, stored: invitation.locale }),
      template: fromClinic ? proxyStaffInvitation : proxyInvitation,
      params: { acceptUrl: `${this.#d.config.publicUrl}/invitations/accept?token=${token}` },
    });
    await this.#d.audit.record({
      action: "invite",
      resourceType: "proxy_invitation",
      resourceId: row.id,
      patientId: access.patientId,
      actingAs: access.basis,
      details: { relationship: grant.relationship, scopes: grant.scopes, ...(fromClinic && { fromClinic: true }) },
    });
    return {
      id: row.id,
      email,
      relationship: grant.relationship,
      scopes: [...grant.scopes],
      expiresAt: row.expires_at.toISOString(),
      createdAt: row.created_at.toISOString(),
      ...(fromClinic && { fromClinic: true }),
    };
  }

  /** Before signing in: only the inviter's first name and the clinic. */
  async preview(token: string): Promise<InvitationPreview> {
    const invitation = await this.#db
      .selectFrom("proxy_invitations as i")
      .innerJoin("patients as p", "p.id", "i.patient_id")
      .select(["i.expires_at", "i.from_clinic", "p.preferred_name", "p.legal_given_name"])
      .where("i.token_hash", "=", invitationHash(token))
      .where("i.accepted_at", "is", null)
      .where("i.revoked_at", "is", null)
      .where("i.expires_at", ">", this.#d.clock.now())
      .executeTakeFirst();
    if (!invitation) throw invalidInvitation();
    const firstName = (invitation.preferred_name ?? invitation.legal_given_name).trim().split(/\s+/)[0] ?? "";
    return {
      inviterFirstName: firstName,
      fromClinic: invitation.from_clinic,
      clinicName: this.#d.config.clinicName,
      expiresAt: invitation.expires_at.toISOString(),
    };
  }

  /** The signed-in invitee accepts: the grant is created and the token is used up. */
  async accept(token: string): Promise<ProxyGrant> {
    const actor = currentContext().actor;
    if (actor.kind !== "user" || !actor.userId) throw new DomainError("unauthenticated", "Please sign in to continue.");
    const userId = actor.userId;
    return inTransaction(this.#d.db, async () => {
      const invitation = await this.#claimable(token);
      if (await repo.invitationIsToOwnChart(this.#db, invitation.patient_id, userId)) throw ownLoginRefused();
      return this.#grantFromInvitation(invitation, userId);
    });
  }

  /**
   * Someone with no account creates one from the link: the login uses the invited email (holding
   * the emailed token proves they control it), has no patient record and no staff role, and is
   * signed in. The grant is made exactly as `accept` makes it, in the same transaction.
   */
  async signUp(
    input: InvitationSignUpRequest,
    client: ClientInfo,
  ): Promise<{ session: { token: string }; response: InvitationSignUpResponse }> {
    // checked before anything else so a dead link never learns whether an account exists
    const invitation = await this.#claimable(input.token);
    // the page's language, else the browser's, else the one the invitation was sent in
    const locale = newAccountLanguage(input.locale, client.acceptLanguage, invitation.locale);
    const { session, response, result } = await this.#d.accounts.createAccount(
      { email: invitation.email, displayName: input.displayName, password: input.password, locale },
      client,
      async (userId) => this.#grantFromInvitation(await this.#claimable(input.token), userId),
    );
    return { session, response: { grant: result, csrfToken: response.csrfToken } };
  }

  /** The invitation behind a token, locked when in a transaction; a dead link is audited and refused. */
  async #claimable(token: string) {
    const invitation = await this.#db
      .selectFrom("proxy_invitations")
      .selectAll()
      .where("token_hash", "=", invitationHash(token))
      .$if(maybeContext()?.trx !== undefined, (q) => q.forUpdate())
      .executeTakeFirst();
    if (
      !invitation ||
      invitation.accepted_at ||
      invitation.revoked_at ||
      invitation.expires_at <= this.#d.clock.now()
    ) {
      await this.#d.audit.recordIndependent({
        action: "accept",
        resourceType: "proxy_invitation",
        resourceId: invitation?.id ?? null,
        outcome: "denied",
        details: { reason: !invitation ? "unknown" : invitation.accepted_at ? "used" : "expired_or_revoked" },
      });
      throw invalidInvitation();
    }
    return invitation;
  }

  /** The grant an invitation describes, to `userId`; the invitation is used up and the acceptance audited. */
  async #grantFromInvitation(invitation: Selectable<ProxyInvitationsTable>, userId: string): Promise<ProxyGrant> {
    const trx = this.#db;
    const now = this.#d.clock.now();
    if ((await repo.invitedChartStatus(trx, invitation.patient_id)) !== "active") throw invalidInvitation();
    const grant = await trx
      .insertInto("proxy_grants")
      .values({
        patient_id: invitation.patient_id,
        proxy_user_id: userId,
        relationship: invitation.relationship,
        scopes: invitation.scopes,
        starts_at: now,
        ends_at: invitation.ends_at,
        granted_by: invitation.invited_by,
        // a front-desk invitation carries the reason its staff member recorded
        reason: invitation.reason ?? "Invited by the patient",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const used = await trx
      .updateTable("proxy_invitations")
      .set({ accepted_at: now, accepted_by: userId, grant_id: grant.id })
      .where("id", "=", invitation.id)
      .where("accepted_at", "is", null)
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) throw invalidInvitation();
    await this.#d.audit.record({
      action: "accept",
      resourceType: "proxy_invitation",
      resourceId: invitation.id,
      patientId: invitation.patient_id,
      actingAs: "proxy",
      proxyGrantId: grant.id,
      details: { grantId: grant.id },
    });
    const rows = await repo.grantMadeFromInvitation(trx, grant.id);
    return presentGrants(rows, now, this.#d.access.ageBounds, grant.id)[0] as ProxyGrant;
  }

  async revokeInvitation(patientId: string, invitationId: string): Promise<void> {
    await inTransaction(this.#d.db, async (trx) => {
      const access = await this.#d.access.authorizePatient(patientId, {
        scope: "proxies",
        action: "write",
        resourceType: "proxy_invitation",
        resourceId: invitationId,
        auditAction: "revoke",
      });
      if (!(await repo.revokeInvitation(trx, access, invitationId, this.#d.clock.now()))) throw notFound("invitation");
    });
  }
}
