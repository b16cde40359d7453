import type {
  CreateProxyGrantRequest,
  CreateProxyInvitationRequest,
  InvitationPreview,
  InvitationSignUpRequest,
  InvitationSignUpResponse,
  ProxyGrant,
  ProxyGrantList,
  ProxyInvitationSummary,
  StaffGrantInvited,
} from "@portico/contracts";
import { type Selectable, sql } from "kysely";
import type { Config } from "../../config.ts";
import type { Database } from "../../db/database.ts";
import type { ProxyScope } from "../../db/tables/people.ts";
import type { ProxyInvitationsTable } from "../../db/tables/registration.ts";
import type { AccessService } from "../../platform/access/patient-access.ts";
import { type AccessBasis, effectiveScopes } from "../../platform/access/policy.ts";
import type { AuditLog } from "../../platform/audit/audit-log.ts";
import { randomToken, sha256 } from "../../platform/auth/tokens.ts";
import type { Clock } from "../../platform/clock.ts";
import { currentContext, maybeContext, runWithContext, systemContext } from "../../platform/context.ts";
import { DomainError, notFound } from "../../platform/errors.ts";
import type { JobQueue } from "../../platform/jobs/index.ts";
import { languageFromTag, newAccountLanguage, recipientLanguage } from "../../platform/mail/language.ts";
import type { Mailer } from "../../platform/mail/mailer.ts";
import { currentDb, inTransaction } from "../../platform/transaction.ts";
import type { OnboardingService } from "../identity/onboarding.ts";
import type { ClientInfo } from "../identity/sign-in.ts";
import { INVITATION_DAYS, proxyInvitation, proxyStaffInvitation } from "./mail-templates.ts";

export { INVITATION_DAYS };

export const END_PARENTAL_ACCESS_QUEUE = "proxies.end-parental-access";
const DAY_MS = 86_400_000;

export interface ProxyServiceDeps {
  config: Config;
  db: Database;
  clock: Clock;
  access: AccessService;
  audit: AuditLog;
  mailer: Mailer;
  jobs: JobQueue;
  /** identity's account creation, for an invitee who has no login yet */
  accounts: Pick<OnboardingService, "createAccount">;
}

const invitationHash = (token: string) => sha256(`proxy-invitation:${token}`);

/** Caregiver access (SPEC §2.2): who may act for a patient, granted, invited and revoked here. */
export class ProxyService {
  readonly #d: ProxyServiceDeps;
  constructor(deps: ProxyServiceDeps) {
    this.#d = deps;
    deps.jobs.register(END_PARENTAL_ACCESS_QUEUE, async () => {
      await this.endParentalAccessAtMajority();
      await this.scheduleDaily(new Date(this.#d.clock.now().getTime() + DAY_MS));
    });
  }

  get #db() {
    return currentDb(this.#d.db);
  }

  /** Queues the daily end-of-parental-access run (once per day across all workers). */
  async scheduleDaily(day: Date = this.#d.clock.now()): Promise<void> {
    const date = day.toISOString().slice(0, 10);
    await this.#d.jobs.enqueue(
      END_PARENTAL_ACCESS_QUEUE,
      {},
      { dedupeKey: `${END_PARENTAL_ACCESS_QUEUE}:${date}`, runAt: new Date(`${date}T04:00:00Z`), maxAttempts: 5 },
    );
  }

  async list(patientId: string): Promise<ProxyGrantList> {
    const access = await this.#d.access.authorizePatient(patientId, {
      scope: "proxies",
      action: "read",
      resourceType: "proxy_grant",
    });
    const canManage = await this.#d.access.can(patientId, { scope: "proxies", action: "write" });
    const grants = await this.#grants(access.patientId);
    const pendingInvitations: ProxyInvitationSummary[] = canManage
      ? (
          await this.#db
            .selectFrom("proxy_invitations")
            .select(["id", "email", "relationship", "scopes", "expires_at", "created_at", "from_clinic"])
            .where("patient_id", "=", access.patientId)
            .where("accepted_at", "is", null)
            .where("revoked_at", "is", null)
            .where("expires_at", ">", this.#d.clock.now())
            .orderBy("created_at", "desc")
            .execute()
        ).map((i) => ({
          id: i.id,
          email: i.email,
          relationship: i.relationship,
          scopes: i.scopes,
          expiresAt: i.expires_at.toISOString(),
          createdAt: i.created_at.toISOString(),
          fromClinic: i.from_clinic,
        }))
      : [];
    return { grants, pendingInvitations, canManage };
  }

  /**
   * Staff: a grant for a parent of a minor or a legal representative. Someone with an account
   * gets the grant at once; an email with no account gets an invitation (the grant waits until
   * they create their caregiver-only login from the emailed link, and then carries this reason).
   * A record the staff member may not see answers 404 before anything about the email is looked at.
   */
  async createByStaff(patientId: string, input: CreateProxyGrantRequest): Promise<ProxyGrant | StaffGrantInvited> {
    const actor = await this.#d.access.authorizeStaff(["front_desk"], {
      resourceType: "proxy_grant",
      action: "create",
    });
    return inTransaction(this.#d.db, async (trx) => {
      const access = await this.#d.access.authorizePatient(patientId, {
        scope: "proxies",
        action: "write",
        resourceType: "proxy_grant",
        auditAction: "create",
      });
      const endsAt = this.#checkEnd(input.endsAt);
      const email = input.proxyEmail.trim();
      const user = await trx
        .selectFrom("users")
        .select(["id", "status"])
        .where("email_normalized", "=", email.toLowerCase())
        .executeTakeFirst();
      if (!user) return this.#inviteForStaff(access.patientId, access.basis, actor.userId as string, input, endsAt);
      if (user.status !== "active") {
        throw new DomainError(
          "validation_failed",
          "The account that uses this email is turned off or not set up yet. Use another email, or ask the clinic administrator about that account.",
          [{ field: "proxyEmail", problem: "account not active" }],
        );
      }
      await this.#refuseSelf(access.patientId, user.id, "proxyEmail");
      const existing = await trx
        .selectFrom("proxy_grants")
        .select("id")
        .where("patient_id", "=", access.patientId)
        .where("proxy_user_id", "=", user.id)
        .where("revoked_at", "is", null)
        .where((eb) => eb.or([eb("ends_at", "is", null), eb("ends_at", ">", this.#d.clock.now())]))
        .executeTakeFirst();
      if (existing) {
        throw new DomainError(
          "conflict",
          "This person already has access to this record. To change what they can do, end that access first and grant it again.",
          [{ field: "proxyEmail", problem: "already has access" }],
        );
      }
      const { id } = await trx
        .insertInto("proxy_grants")
        .values({
          patient_id: access.patientId,
          proxy_user_id: user.id,
          relationship: input.relationship,
          scopes: [...input.scopes],
          starts_at: this.#d.clock.now(),
          ends_at: endsAt,
          granted_by: actor.userId,
          reason: input.reason.trim(),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await this.#d.audit.record({
        action: "grant",
        resourceType: "proxy_grant",
        resourceId: id,
        patientId: access.patientId,
        actingAs: access.basis,
        details: { relationship: input.relationship, scopes: input.scopes, proxyUserId: user.id },
      });
      return (await this.#grants(access.patientId, id))[0] as ProxyGrant;
    });
  }

  /**
   * The staff grant for an email without an account: one waiting invitation per email and
   * patient (a new one replaces an earlier one, whose link stops working), emailed in the
   * language of the patient's chart (the invitee has no account, so no language of their own yet).
   */
  async #inviteForStaff(
    patientId: string,
    basis: AccessBasis,
    staffUserId: string,
    input: CreateProxyGrantRequest,
    endsAt: Date | null,
  ): Promise<StaffGrantInvited> {
    const trx = this.#db;
    const email = input.proxyEmail.trim();
    const now = this.#d.clock.now();
    const replaced = await trx
      .updateTable("proxy_invitations")
      .set({ revoked_at: now })
      .where("patient_id", "=", patientId)
      .where(sql<string>`lower(email)`, "=", email.toLowerCase())
      .where("accepted_at", "is", null)
      .where("revoked_at", "is", null)
      .where("expires_at", ">", now)
      .executeTakeFirst();
    const chart = await trx
      .selectFrom("patients")
      .select("preferred_language")
      .where("id", "=", patientId)
      .executeTakeFirst();
    // kept with the invitation: the language of the email and the new login's default
    const locale = languageFromTag(chart?.preferred_language);
    const token = randomToken();
    const row = await trx
      .insertInto("proxy_invitations")
      .values({
        patient_id: patientId,
        invited_by: staffUserId,
        locale,
        email,
        relationship: input.relationship,
        scopes: [...input.scopes],
        ends_at: endsAt,
        token_hash: invitationHash(token),
        expires_at: new Date(now.getTime() + INVITATION_DAYS * DAY_MS),
        from_clinic: true,
        reason: input.reason.trim(),
      })
      .returning(["id", "created_at", "expires_at"])
      .executeTakeFirstOrThrow();
    await this.#d.mailer.send({
      to: email,
      locale: await recipientLanguage(trx, { email, stored: locale }),
      template: proxyStaffInvitation,
      params: { acceptUrl: `${this.#d.config.publicUrl}/invitations/accept?token=${token}` },
    });
    await this.#d.audit.record({
      action: "invite",
      resourceType: "proxy_invitation",
      resourceId: row.id,
      patientId,
      actingAs: basis,
      details: { relationship: input.relationship, scopes: input.scopes, fromClinic: true },
    });
    return {
      status: "invited",
      replacedEarlier: Number(replaced.numUpdatedRows) > 0,
      invitation: {
        id: row.id,
        email,
        relationship: input.relationship,
        scopes: [...input.scopes],
        expiresAt: row.expires_at.toISOString(),
        createdAt: row.created_at.toISOString(),
        fromClinic: true,
      },
    };
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
      const endsAt = this.#checkEnd(input.endsAt);
      const actor = currentContext().actor;
      const token = randomToken();
      const now = this.#d.clock.now();
      // the invitee may have no account yet: the invitation keeps its sender's language
      const senderLanguage = await recipientLanguage(trx, { userId: actor.userId as string });
      const row = await trx
        .insertInto("proxy_invitations")
        .values({
          patient_id: access.patientId,
          invited_by: actor.userId as string,
          locale: senderLanguage,
          email: input.email.trim(),
          relationship: input.relationship,
          scopes: [...input.scopes],
          ends_at: endsAt,
          token_hash: invitationHash(token),
          expires_at: new Date(now.getTime() + INVITATION_DAYS * DAY_MS),
        })
        .returning(["id", "created_at", "expires_at"])
        .executeTakeFirstOrThrow();
      await this.#d.mailer.send({
        to: input.email.trim(),
        locale: await recipientLanguage(trx, { email: input.email, stored: senderLanguage }),
        template: proxyInvitation,
        params: { acceptUrl: `${this.#d.config.publicUrl}/invitations/accept?token=${token}` },
      });
      await this.#d.audit.record({
        action: "invite",
        resourceType: "proxy_invitation",
        resourceId: row.id,
        patientId: access.patientId,
        actingAs: access.basis,
        details: { relationship: input.relationship, scopes: input.scopes },
      });
      return {
        id: row.id,
        email: input.email.trim(),
        relationship: input.relationship,
        scopes: [...input.scopes],
        expiresAt: row.expires_at.toISOString(),
        createdAt: row.created_at.toISOString(),
      };
    });
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
      await this.#refuseSelf(invitation.patient_id, userId);
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
    const patient = await trx
      .selectFrom("patients")
      .select(["status"])
      .where("id", "=", invitation.patient_id)
      .executeTakeFirst();
    if (patient?.status !== "active") throw invalidInvitation();
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
    return (await this.#grants(invitation.patient_id, grant.id))[0] as ProxyGrant;
  }

  async revoke(patientId: string, grantId: string): Promise<void> {
    await inTransaction(this.#d.db, async (trx) => {
      const access = await this.#d.access.authorizePatient(patientId, {
        scope: "proxies",
        action: "write",
        resourceType: "proxy_grant",
        resourceId: grantId,
        auditAction: "revoke",
      });
      const result = await trx
        .updateTable("proxy_grants")
        .set({ revoked_at: this.#d.clock.now(), revoked_by: currentContext().actor.userId })
        .where("id", "=", grantId)
        .where("patient_id", "=", access.patientId)
        .where("revoked_at", "is", null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw notFound("grant");
    });
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
      const result = await trx
        .updateTable("proxy_invitations")
        .set({ revoked_at: this.#d.clock.now() })
        .where("id", "=", invitationId)
        .where("patient_id", "=", access.patientId)
        .where("accepted_at", "is", null)
        .where("revoked_at", "is", null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw notFound("invitation");
    });
  }

  /**
   * The daily job: parent and guardian grants made before the patient turned 18 end on that
   * birthday (the patient may grant again as an adult). Each ended grant is audited.
   */
  async endParentalAccessAtMajority(): Promise<number> {
    const adultAt = this.#d.access.ageBounds.adultAt;
    return runWithContext(systemContext("proxies.end-parental-access"), () =>
      inTransaction(this.#d.db, async (trx) => {
        const now = this.#d.clock.now();
        const { rows } = await sql<{ id: string; patient_id: string; majority: Date }>`
          update proxy_grants g
          set ends_at = (p.date_of_birth + make_interval(years => ${adultAt}))::timestamp at time zone 'UTC'
          from patients p
          where p.id = g.patient_id
            and g.relationship in ('parent', 'guardian')
            and g.revoked_at is null
            and p.date_of_birth + make_interval(years => ${adultAt}) <= ${now}::timestamptz at time zone 'UTC'
            and g.starts_at < (p.date_of_birth + make_interval(years => ${adultAt}))::timestamp at time zone 'UTC'
            and (g.ends_at is null or g.ends_at > (p.date_of_birth + make_interval(years => ${adultAt}))::timestamp at time zone 'UTC')
          returning g.id, g.patient_id, g.ends_at as majority`.execute(trx);
        for (const row of rows) {
          await this.#d.audit.record({
            action: "end_at_majority",
            resourceType: "proxy_grant",
            resourceId: row.id,
            patientId: row.patient_id,
            actingAs: "system",
            details: { endsAt: new Date(row.majority).toISOString() },
          });
        }
        return rows.length;
      }),
    );
  }

  async #refuseSelf(patientId: string, userId: string, field?: string): Promise<void> {
    const own = await this.#db
      .selectFrom("patients")
      .select("id")
      .where("id", "=", patientId)
      .where("user_id", "=", userId)
      .executeTakeFirst();
    if (own) {
      throw new DomainError(
        "validation_failed",
        "A patient cannot be their own proxy.",
        field ? [{ field, problem: "the patient's own account" }] : undefined,
      );
    }
  }

  #checkEnd(endsAt: string | undefined): Date | null {
    if (!endsAt) return null;
    const end = new Date(endsAt);
    if (Number.isNaN(end.getTime()) || end.getTime() <= this.#d.clock.now().getTime()) {
      throw new DomainError("validation_failed", "The end date must be in the future.", [
        { field: "endsAt", problem: "in the past" },
      ]);
    }
    return end;
  }

  async #grants(patientId: string, onlyId?: string): Promise<ProxyGrant[]> {
    const rows = await this.#db
      .selectFrom("proxy_grants as g")
      .innerJoin("users as u", "u.id", "g.proxy_user_id")
      .innerJoin("patients as p", "p.id", "g.patient_id")
      .leftJoin("users as by", "by.id", "g.granted_by")
      .select([
        "g.id",
        "g.patient_id",
        "g.proxy_user_id",
        "g.relationship",
        "g.scopes",
        "g.starts_at",
        "g.ends_at",
        "g.reason",
        "g.revoked_at",
        "g.created_at",
        "u.display_name",
        "u.email",
        "by.display_name as granted_by_name",
        "p.date_of_birth",
        "p.status",
      ])
      .where("g.patient_id", "=", patientId)
      .where("g.revoked_at", "is", null)
      .$if(onlyId !== undefined, (q) => q.where("g.id", "=", onlyId as string))
      .orderBy("g.created_at")
      .execute();
    const now = this.#d.clock.now();
    return rows
      .map((g) => {
        const effective = effectiveScopes(
          {
            grantId: g.id,
            patientId: g.patient_id,
            relationship: g.relationship,
            scopes: g.scopes as ProxyScope[],
            startsAt: g.starts_at,
            endsAt: g.ends_at,
            revokedAt: g.revoked_at,
          },
          { id: g.patient_id, dateOfBirth: g.date_of_birth, status: g.status },
          now,
          this.#d.access.ageBounds,
        );
        return {
          id: g.id,
          patientId: g.patient_id,
          proxy: { userId: g.proxy_user_id, displayName: g.display_name, email: g.email },
          relationship: g.relationship,
          scopes: g.scopes,
          effectiveScopes: effective.scopes,
          restricted: effective.restricted,
          inForce: effective.inForce,
          startsAt: g.starts_at.toISOString(),
          endsAt: g.ends_at?.toISOString() ?? null,
          grantedBy: g.granted_by_name,
          reason: g.reason,
          createdAt: g.created_at.toISOString(),
        };
      })
      .filter(
        (g) =>
          onlyId !== undefined ||
          g.inForce ||
          (g.endsAt !== null && new Date(g.endsAt) > new Date(now.getTime() - 30 * DAY_MS)),
      );
  }
}

function invalidInvitation(): DomainError {
  return new DomainError(
    "not_found",
    "This invitation link is not valid any more. It may have been used or have expired: ask for a new one.",
  );
}
