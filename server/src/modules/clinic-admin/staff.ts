import type { InviteStaffRequest, StaffAccount, UpdateStaffRequest } from "@portico/contracts";
import { assertStrongPassword } from "../../platform/auth/password-policy.ts";
import { randomToken, sha256 } from "../../platform/auth/tokens.ts";
import { DomainError, notFound } from "../../platform/errors.ts";
import { recipientLanguage } from "../../platform/mail/language.ts";
import { hashPassword } from "../../platform/passwords.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { ClinicAdminWork } from "./admin-work.ts";
import { staffInvitation } from "./mail-templates.ts";

const INVITATION_DAYS = 7;
const staffTokenHash = (token: string) => sha256(`staff-invitation:${token}`);

/** Staff accounts by invitation link, their roles, locations and status (admin only). */
export class StaffAdmin extends ClinicAdminWork {
  async listStaff(): Promise<StaffAccount[]> {
    await this.admin("staff_account", "read");
    const rows = await this.db
      .selectFrom("users as u")
      .innerJoin("user_roles as r", "r.user_id", "u.id")
      .select([
        "u.id",
        "u.email",
        "u.display_name",
        "u.status",
        "u.password_hash",
        "u.mfa_enabled_at",
        "u.last_login_at",
        "u.created_at",
        "r.role",
      ])
      .orderBy("u.display_name")
      .execute();
    const byId = new Map<string, StaffAccount>();
    for (const r of rows) {
      const account = byId.get(r.id) ?? {
        id: r.id,
        email: r.email,
        displayName: r.display_name,
        roles: [],
        status: r.status === "disabled" ? "disabled" : r.password_hash ? "active" : "invited",
        mfaEnabled: r.mfa_enabled_at !== null,
        lastLoginAt: r.last_login_at?.toISOString() ?? null,
        createdAt: r.created_at.toISOString(),
        locationIds: [],
      };
      account.roles.push(r.role);
      byId.set(r.id, account);
    }
    const assigned = await this.db.selectFrom("staff_locations").select(["user_id", "location_id"]).execute();
    for (const a of assigned) byId.get(a.user_id)?.locationIds.push(a.location_id);
    return [...byId.values()];
  }

  /** The locations a staff member works (arrivals boards, visit statuses, schedules). */
  async #assignLocations(userId: string, locationIds: readonly string[]): Promise<void> {
    const known = locationIds.length
      ? await this.db
          .selectFrom("locations")
          .select("id")
          .where("id", "in", [...locationIds])
          .execute()
      : [];
    if (known.length !== locationIds.length) {
      throw new DomainError("validation_failed", "That location was not found.", [
        { field: "locationIds", problem: "unknown location" },
      ]);
    }
    await this.db.deleteFrom("staff_locations").where("user_id", "=", userId).execute();
    if (locationIds.length) {
      await this.db
        .insertInto("staff_locations")
        .values(locationIds.map((location_id) => ({ user_id: userId, location_id })))
        .execute();
    }
  }

  async inviteStaff(input: InviteStaffRequest): Promise<StaffAccount> {
    const actor = await this.admin("staff_account", "create");
    return inTransaction(this.deps.db, async (trx) => {
      const email = input.email.trim().toLowerCase();
      const clash = await trx.selectFrom("users").select("id").where("email_normalized", "=", email).executeTakeFirst();
      if (clash)
        throw new DomainError("already_exists", "An account with that email already exists. Change its roles instead.");
      const user = await this.deps.identity.users.create({
        email: input.email.trim(),
        emailNormalized: email,
        displayName: input.displayName.trim(),
        // the language the admin chose for the new account, else the admin's own
        locale: input.locale ?? (actor.userId ? await recipientLanguage(trx, { userId: actor.userId }) : "en"),
      });
      await this.deps.identity.users.setRoles(user.id, input.roles, { replace: false });
      if (input.locationIds?.length) await this.#assignLocations(user.id, input.locationIds);
      const token = randomToken();
      await trx
        .insertInto("staff_invitations")
        .values({
          user_id: user.id,
          token_hash: staffTokenHash(token),
          invited_by: actor.userId,
          expires_at: new Date(this.deps.clock.now().getTime() + INVITATION_DAYS * 86_400_000),
        })
        .execute();
      await this.deps.mailer.send({
        to: input.email.trim(),
        locale: await recipientLanguage(trx, { userId: user.id }),
        template: staffInvitation,
        params: { acceptUrl: `${this.deps.config.publicUrl}/staff-invitations/accept?token=${token}` },
      });
      await this.audit("invite", "staff_account", user.id, { roles: input.roles });
      return {
        id: user.id,
        email: input.email.trim(),
        displayName: input.displayName.trim(),
        roles: [...input.roles],
        status: "invited",
        mfaEnabled: false,
        lastLoginAt: null,
        createdAt: user.created_at.toISOString(),
        locationIds: [...(input.locationIds ?? [])],
      };
    });
  }

  /** The invitee chooses a password (public, by token); staff then enrol MFA at first sign-in. */
  async acceptStaffInvitation(token: string, password: string): Promise<void> {
    await inTransaction(this.deps.db, async (trx) => {
      const invitation = await trx
        .selectFrom("staff_invitations as i")
        .innerJoin("users as u", "u.id", "i.user_id")
        .select(["i.id", "i.user_id", "i.expires_at", "i.used_at", "u.email", "u.display_name", "u.status"])
        .where("i.token_hash", "=", staffTokenHash(token))
        .forUpdate()
        .executeTakeFirst();
      const now = this.deps.clock.now();
      if (!invitation || invitation.used_at || invitation.expires_at <= now || invitation.status !== "active") {
        throw new DomainError(
          "not_found",
          "This link is not valid any more. Ask an administrator for a new invitation.",
        );
      }
      await assertStrongPassword(password, {
        email: invitation.email,
        displayName: invitation.display_name,
        clinicName: this.deps.config.clinicName,
      });
      const hash = await hashPassword(password);
      await this.deps.identity.users.setPassword(invitation.user_id, hash, now);
      await trx.updateTable("staff_invitations").set({ used_at: now }).where("id", "=", invitation.id).execute();
      await this.deps.audit.record({
        action: "accept",
        resourceType: "staff_invitation",
        resourceId: invitation.id,
        subjectUserId: invitation.user_id,
      });
    });
  }

  /** Roles, name or status; disabling ends every session of the account at once. */
  async updateStaff(userId: string, input: UpdateStaffRequest): Promise<StaffAccount> {
    const actor = await this.admin("staff_account", "update");
    return inTransaction(this.deps.db, async (trx) => {
      const user = await trx.selectFrom("users").select("id").where("id", "=", userId).forUpdate().executeTakeFirst();
      const isStaff = await trx
        .selectFrom("user_roles")
        .select("role")
        .where("user_id", "=", userId)
        .executeTakeFirst();
      if (!user || !isStaff) throw notFound("staff account");
      if (userId === actor.userId && (input.status === "disabled" || (input.roles && !input.roles.includes("admin")))) {
        throw new DomainError("conflict", "You cannot disable your own account or remove your own admin role.");
      }
      if (input.roles) {
        await this.deps.identity.users.setRoles(userId, input.roles, { replace: true });
        // a role change takes effect now: sessions carry the roles they were opened with
        await this.deps.identity.users.endSessions(userId);
      }
      if (input.locationIds) await this.#assignLocations(userId, input.locationIds);
      if (input.displayName !== undefined || input.status !== undefined) {
        await this.deps.identity.users.update(
          userId,
          {
            ...(input.displayName !== undefined ? { displayName: input.displayName.trim() } : {}),
            ...(input.status !== undefined ? { status: input.status } : {}),
          },
          this.deps.clock.now(),
        );
      }
      if (input.status === "disabled") await this.deps.identity.users.endSessions(userId);
      await this.audit(input.status === "disabled" ? "disable" : "update", "staff_account", userId, {
        fields: Object.keys(input).sort(),
        ...(input.roles ? { roles: input.roles } : {}),
      });
      return (await this.listStaff()).find((s) => s.id === userId) as StaffAccount;
    });
  }
}
