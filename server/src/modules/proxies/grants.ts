import type {
  CreateProxyGrantRequest,
  ProxyGrant,
  ProxyGrantList,
  ProxyInvitationSummary,
  StaffGrantInvited,
} from "@portico/contracts";
import type { PatientAccess } from "../../platform/access/patient-access.ts";
import { patientRows } from "../../platform/access/scoped-query.ts";
import { currentContext } from "../../platform/context.ts";
import { DomainError, notFound } from "../../platform/errors.ts";
import { currentDb, inTransaction } from "../../platform/transaction.ts";
import type { InvitationService } from "./invitations.ts";
import * as repo from "./repo.ts";
import { checkEnd, ownLoginRefused, presentGrants } from "./rules.ts";
import type { ProxyServiceDeps } from "./service.ts";

/** Who may act for a patient: the list, grants made by the front desk, and ending a grant. */
export class GrantService {
  readonly #d: ProxyServiceDeps;
  readonly #invitations: InvitationService;
  constructor(deps: ProxyServiceDeps, invitations: InvitationService) {
    this.#d = deps;
    this.#invitations = invitations;
  }

  get #db() {
    return currentDb(this.#d.db);
  }

  async list(patientId: string): Promise<ProxyGrantList> {
    const access = await this.#d.access.authorizePatient(patientId, {
      scope: "proxies",
      action: "read",
      resourceType: "proxy_grant",
    });
    const canManage = await this.#d.access.can(patientId, { scope: "proxies", action: "write" });
    const grants = await this.#grants(access);
    const pendingInvitations: ProxyInvitationSummary[] = canManage
      ? (await repo.waitingInvitations(this.#db, access, this.#d.clock.now())).map((i) => ({
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
      const endsAt = checkEnd(input.endsAt, this.#d.clock.now());
      const email = input.proxyEmail.trim();
      const user = await trx
        .selectFrom("users")
        .select(["id", "status"])
        .where("email_normalized", "=", email.toLowerCase())
        .executeTakeFirst();
      if (!user) return this.#invitations.inviteForStaff(access, actor.userId as string, input, endsAt);
      if (user.status !== "active") {
        throw new DomainError(
          "validation_failed",
          "The account that uses this email is turned off or not set up yet. Use another email, or ask the clinic administrator about that account.",
          [{ field: "proxyEmail", problem: "account not active" }],
        );
      }
      if (await repo.isOwnLogin(trx, access, user.id)) throw ownLoginRefused("proxyEmail");
      const existing = await repo.grantInForceTo(trx, access, user.id, this.#d.clock.now());
      if (existing) {
        throw new DomainError(
          "conflict",
          "This person already has access to this record. To change what they can do, end that access first and grant it again.",
          [{ field: "proxyEmail", problem: "already has access" }],
        );
      }
      const { id } = await trx
        .insertInto("proxy_grants")
        .values(
          patientRows(access, "proxies", "write").stamp({
            proxy_user_id: user.id,
            relationship: input.relationship,
            scopes: [...input.scopes],
            starts_at: this.#d.clock.now(),
            ends_at: endsAt,
            granted_by: actor.userId,
            reason: input.reason.trim(),
          }),
        )
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
      return (await this.#grants(access, id))[0] as ProxyGrant;
    });
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
      const ended = await repo.revokeGrant(trx, access, grantId, currentContext().actor.userId, this.#d.clock.now());
      if (!ended) throw notFound("grant");
    });
  }

  async #grants(access: PatientAccess, onlyId?: string): Promise<ProxyGrant[]> {
    const rows = await repo.grantsOf(this.#db, access, onlyId);
    return presentGrants(rows, this.#d.clock.now(), this.#d.access.ageBounds, onlyId);
  }
}
