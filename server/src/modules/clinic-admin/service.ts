import type {
  InviteStaffRequest,
  Location,
  LocationInput,
  Pharmacy,
  PharmacyInput,
  Provider,
  ProviderInput,
  StaffAccount,
  UpdateStaffRequest,
} from "@portico/contracts";
import type { Config } from "../../config.ts";
import type { Database } from "../../db/database.ts";
import type { AccessService } from "../../platform/access/patient-access.ts";
import type { AuditLog } from "../../platform/audit/audit-log.ts";
import { assertStrongPassword } from "../../platform/auth/password-policy.ts";
import { randomToken, sha256 } from "../../platform/auth/tokens.ts";
import type { Clock } from "../../platform/clock.ts";
import { currentContext } from "../../platform/context.ts";
import { DomainError, notFound } from "../../platform/errors.ts";
import { recipientLanguage } from "../../platform/mail/language.ts";
import type { Mailer } from "../../platform/mail/mailer.ts";
import { hashPassword } from "../../platform/passwords.ts";
import { currentDb, inTransaction } from "../../platform/transaction.ts";
import type { IdentityService } from "../identity/service.ts";
import { staffInvitation } from "./mail-templates.ts";

const INVITATION_DAYS = 7;
const TIME_ZONES = new Set(Intl.supportedValuesOf("timeZone"));
const staffTokenHash = (token: string) => sha256(`staff-invitation:${token}`);

export interface ClinicAdminDeps {
  config: Config;
  db: Database;
  clock: Clock;
  access: AccessService;
  audit: AuditLog;
  mailer: Mailer;
  /** identity writes the logins: `identity.users` */
  identity: Pick<IdentityService, "users">;
}

/** Clinic set-up and staff accounts (admin only); the catalogue reads are open to any signed-in user. */
export class ClinicAdminService {
  readonly #d: ClinicAdminDeps;
  constructor(deps: ClinicAdminDeps) {
    this.#d = deps;
  }

  get #db() {
    return currentDb(this.#d.db);
  }

  #admin(resourceType: string, action: string) {
    return this.#d.access.authorizeStaff(["admin"], { resourceType, action });
  }

  #signedIn(): void {
    const actor = currentContext().actor;
    if (actor.kind === "anonymous") throw new DomainError("unauthenticated", "Please sign in to continue.");
  }

  async #audit(
    action: string,
    resourceType: string,
    resourceId: string,
    details: Record<string, string | readonly string[]> = {},
  ) {
    await this.#d.audit.record({ action, resourceType, resourceId, actingAs: "admin", details });
  }

  // ---- locations ----

  async listLocations(includeInactive = false): Promise<Location[]> {
    this.#signedIn();
    const rows = await this.#db
      .selectFrom("locations")
      .selectAll()
      .$if(!includeInactive, (q) => q.where("active", "=", true))
      .orderBy("name")
      .execute();
    return rows.map(presentLocation);
  }

  async createLocation(input: LocationInput): Promise<Location> {
    await this.#admin("location", "create");
    checkLocation(input);
    return inTransaction(this.#d.db, async (trx) => {
      const row = await trx
        .insertInto("locations")
        .values({
          name: input.name.trim(),
          address: JSON.stringify(input.address),
          phone: input.phone ?? null,
          time_zone: input.timeZone,
          hours: JSON.stringify(input.hours),
          active: input.active ?? true,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await this.#audit("create", "location", row.id);
      return presentLocation(row);
    });
  }

  async updateLocation(id: string, patch: Partial<LocationInput>): Promise<Location> {
    await this.#admin("location", "update");
    checkLocation(patch);
    return inTransaction(this.#d.db, async (trx) => {
      const row = await trx
        .updateTable("locations")
        .set({
          ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
          ...(patch.address !== undefined ? { address: JSON.stringify(patch.address) } : {}),
          ...(patch.phone !== undefined ? { phone: patch.phone } : {}),
          ...(patch.timeZone !== undefined ? { time_zone: patch.timeZone } : {}),
          ...(patch.hours !== undefined ? { hours: JSON.stringify(patch.hours) } : {}),
          ...(patch.active !== undefined ? { active: patch.active } : {}),
        })
        .where("id", "=", id)
        .returningAll()
        .executeTakeFirst();
      if (!row) throw notFound("location");
      await this.#audit("update", "location", id, { fields: Object.keys(patch).sort() });
      return presentLocation(row);
    });
  }

  // ---- providers ----

  async listProviders(filter: {
    specialty?: string;
    locationId?: string;
    includeInactive?: boolean;
  }): Promise<Provider[]> {
    this.#signedIn();
    const rows = await this.#db
      .selectFrom("providers as p")
      .selectAll("p")
      .$if(!filter.includeInactive, (q) => q.where("p.active", "=", true))
      .$if(filter.specialty !== undefined, (q) => q.where("p.specialty", "=", filter.specialty as string))
      .$if(filter.locationId !== undefined, (q) =>
        q.where("p.id", "in", (eb) =>
          eb
            .selectFrom("provider_locations")
            .select("provider_id")
            .where("location_id", "=", filter.locationId as string),
        ),
      )
      .orderBy("p.display_name")
      .execute();
    const links = rows.length
      ? await this.#db
          .selectFrom("provider_locations")
          .select(["provider_id", "location_id"])
          .where(
            "provider_id",
            "in",
            rows.map((r) => r.id),
          )
          .execute()
      : [];
    return rows.map((r) => ({
      id: r.id,
      displayName: r.display_name,
      specialty: r.specialty,
      acceptingNewPatients: r.accepting_new_patients,
      active: r.active,
      userId: r.user_id,
      locationIds: links.filter((l) => l.provider_id === r.id).map((l) => l.location_id),
    }));
  }

  async createProvider(input: ProviderInput): Promise<Provider> {
    await this.#admin("provider", "create");
    return inTransaction(this.#d.db, async (trx) => {
      await this.#checkProviderLinks(input.locationIds, input.userId ?? null, null);
      const row = await trx
        .insertInto("providers")
        .values({
          display_name: input.displayName.trim(),
          specialty: input.specialty,
          accepting_new_patients: input.acceptingNewPatients ?? true,
          active: input.active ?? true,
          user_id: input.userId ?? null,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("provider_locations")
        .values(input.locationIds.map((location_id) => ({ provider_id: row.id, location_id })))
        .execute();
      await this.#audit("create", "provider", row.id);
      return (await this.listProviders({ includeInactive: true })).find((p) => p.id === row.id) as Provider;
    });
  }

  async updateProvider(id: string, patch: Partial<ProviderInput>): Promise<Provider> {
    await this.#admin("provider", "update");
    return inTransaction(this.#d.db, async (trx) => {
      const existing = await trx.selectFrom("providers").select("id").where("id", "=", id).executeTakeFirst();
      if (!existing) throw notFound("provider");
      await this.#checkProviderLinks(patch.locationIds ?? [], patch.userId ?? null, id);
      const set = {
        ...(patch.displayName !== undefined ? { display_name: patch.displayName.trim() } : {}),
        ...(patch.specialty !== undefined ? { specialty: patch.specialty } : {}),
        ...(patch.acceptingNewPatients !== undefined ? { accepting_new_patients: patch.acceptingNewPatients } : {}),
        ...(patch.active !== undefined ? { active: patch.active } : {}),
        ...(patch.userId !== undefined ? { user_id: patch.userId } : {}),
      };
      if (Object.keys(set).length > 0) await trx.updateTable("providers").set(set).where("id", "=", id).execute();
      if (patch.locationIds) {
        await trx.deleteFrom("provider_locations").where("provider_id", "=", id).execute();
        await trx
          .insertInto("provider_locations")
          .values(patch.locationIds.map((location_id) => ({ provider_id: id, location_id })))
          .execute();
      }
      await this.#audit("update", "provider", id, { fields: Object.keys(patch).sort() });
      return (await this.listProviders({ includeInactive: true })).find((p) => p.id === id) as Provider;
    });
  }

  async #checkProviderLinks(locationIds: readonly string[], userId: string | null, providerId: string | null) {
    if (locationIds.length) {
      const found = await this.#db
        .selectFrom("locations")
        .select("id")
        .where("id", "in", [...locationIds])
        .execute();
      if (found.length !== locationIds.length) {
        throw new DomainError("validation_failed", "One of the locations was not found.", [
          { field: "locationIds", problem: "unknown location" },
        ]);
      }
    }
    if (userId) {
      const user = await this.#db
        .selectFrom("users as u")
        .leftJoin("providers as p", "p.user_id", "u.id")
        .select(["u.id", "p.id as provider_id"])
        .where("u.id", "=", userId)
        .executeTakeFirst();
      if (!user) {
        throw new DomainError("validation_failed", "That user was not found.", [
          { field: "userId", problem: "unknown user" },
        ]);
      }
      if (user.provider_id && user.provider_id !== providerId) {
        throw new DomainError("conflict", "That user is already linked to another provider.");
      }
    }
  }

  // ---- pharmacies ----

  async listPharmacies(includeInactive = false): Promise<Pharmacy[]> {
    this.#signedIn();
    const rows = await this.#db
      .selectFrom("pharmacies")
      .selectAll()
      .$if(!includeInactive, (q) => q.where("active", "=", true))
      .orderBy("name")
      .execute();
    return rows.map(presentPharmacy);
  }

  async createPharmacy(input: PharmacyInput): Promise<Pharmacy> {
    await this.#admin("pharmacy", "create");
    return inTransaction(this.#d.db, async (trx) => {
      await this.#uniqueNcpdp(input.ncpdpId, null);
      const row = await trx
        .insertInto("pharmacies")
        .values({
          name: input.name.trim(),
          address: JSON.stringify(input.address),
          phone: input.phone ?? null,
          fax: input.fax ?? null,
          ncpdp_id: input.ncpdpId ?? null,
          active: input.active ?? true,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await this.#audit("create", "pharmacy", row.id);
      return presentPharmacy(row);
    });
  }

  async updatePharmacy(id: string, patch: Partial<PharmacyInput>): Promise<Pharmacy> {
    await this.#admin("pharmacy", "update");
    return inTransaction(this.#d.db, async (trx) => {
      await this.#uniqueNcpdp(patch.ncpdpId, id);
      const row = await trx
        .updateTable("pharmacies")
        .set({
          ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
          ...(patch.address !== undefined ? { address: JSON.stringify(patch.address) } : {}),
          ...(patch.phone !== undefined ? { phone: patch.phone } : {}),
          ...(patch.fax !== undefined ? { fax: patch.fax } : {}),
          ...(patch.ncpdpId !== undefined ? { ncpdp_id: patch.ncpdpId } : {}),
          ...(patch.active !== undefined ? { active: patch.active } : {}),
          updated_at: this.#d.clock.now(),
        })
        .where("id", "=", id)
        .returningAll()
        .executeTakeFirst();
      if (!row) throw notFound("pharmacy");
      await this.#audit("update", "pharmacy", id, { fields: Object.keys(patch).sort() });
      return presentPharmacy(row);
    });
  }

  async #uniqueNcpdp(ncpdpId: string | undefined, id: string | null) {
    if (!ncpdpId) return;
    const clash = await this.#db
      .selectFrom("pharmacies")
      .select("id")
      .where("ncpdp_id", "=", ncpdpId)
      .$if(id !== null, (q) => q.where("id", "!=", id as string))
      .executeTakeFirst();
    if (clash) throw new DomainError("already_exists", "Another pharmacy already has that NCPDP id.");
  }

  // ---- staff accounts ----

  async listStaff(): Promise<StaffAccount[]> {
    await this.#admin("staff_account", "read");
    const rows = await this.#db
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
    const assigned = await this.#db.selectFrom("staff_locations").select(["user_id", "location_id"]).execute();
    for (const a of assigned) byId.get(a.user_id)?.locationIds.push(a.location_id);
    return [...byId.values()];
  }

  /** The locations a staff member works (arrivals boards, visit statuses, schedules). */
  async #assignLocations(userId: string, locationIds: readonly string[]): Promise<void> {
    const known = locationIds.length
      ? await this.#db
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
    await this.#db.deleteFrom("staff_locations").where("user_id", "=", userId).execute();
    if (locationIds.length) {
      await this.#db
        .insertInto("staff_locations")
        .values(locationIds.map((location_id) => ({ user_id: userId, location_id })))
        .execute();
    }
  }

  async inviteStaff(input: InviteStaffRequest): Promise<StaffAccount> {
    const actor = await this.#admin("staff_account", "create");
    return inTransaction(this.#d.db, async (trx) => {
      const email = input.email.trim().toLowerCase();
      const clash = await trx.selectFrom("users").select("id").where("email_normalized", "=", email).executeTakeFirst();
      if (clash)
        throw new DomainError("already_exists", "An account with that email already exists. Change its roles instead.");
      const user = await this.#d.identity.users.create({
        email: input.email.trim(),
        emailNormalized: email,
        displayName: input.displayName.trim(),
        // the language the admin chose for the new account, else the admin's own
        locale: input.locale ?? (actor.userId ? await recipientLanguage(trx, { userId: actor.userId }) : "en"),
      });
      await this.#d.identity.users.setRoles(user.id, input.roles, { replace: false });
      if (input.locationIds?.length) await this.#assignLocations(user.id, input.locationIds);
      const token = randomToken();
      await trx
        .insertInto("staff_invitations")
        .values({
          user_id: user.id,
          token_hash: staffTokenHash(token),
          invited_by: actor.userId,
          expires_at: new Date(this.#d.clock.now().getTime() + INVITATION_DAYS * 86_400_000),
        })
        .execute();
      await this.#d.mailer.send({
        to: input.email.trim(),
        locale: await recipientLanguage(trx, { userId: user.id }),
        template: staffInvitation,
        params: { acceptUrl: `${this.#d.config.publicUrl}/staff-invitations/accept?token=${token}` },
      });
      await this.#audit("invite", "staff_account", user.id, { roles: input.roles });
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
    await inTransaction(this.#d.db, async (trx) => {
      const invitation = await trx
        .selectFrom("staff_invitations as i")
        .innerJoin("users as u", "u.id", "i.user_id")
        .select(["i.id", "i.user_id", "i.expires_at", "i.used_at", "u.email", "u.display_name", "u.status"])
        .where("i.token_hash", "=", staffTokenHash(token))
        .forUpdate()
        .executeTakeFirst();
      const now = this.#d.clock.now();
      if (!invitation || invitation.used_at || invitation.expires_at <= now || invitation.status !== "active") {
        throw new DomainError(
          "not_found",
          "This link is not valid any more. Ask an administrator for a new invitation.",
        );
      }
      assertStrongPassword(password, {
        email: invitation.email,
        displayName: invitation.display_name,
        clinicName: this.#d.config.clinicName,
      });
      const hash = await hashPassword(password);
      await this.#d.identity.users.setPassword(invitation.user_id, hash, now);
      await trx.updateTable("staff_invitations").set({ used_at: now }).where("id", "=", invitation.id).execute();
      await this.#d.audit.record({
        action: "accept",
        resourceType: "staff_invitation",
        resourceId: invitation.id,
        subjectUserId: invitation.user_id,
      });
    });
  }

  /** Roles, name or status; disabling ends every session of the account at once. */
  async updateStaff(userId: string, input: UpdateStaffRequest): Promise<StaffAccount> {
    const actor = await this.#admin("staff_account", "update");
    return inTransaction(this.#d.db, async (trx) => {
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
        await this.#d.identity.users.setRoles(userId, input.roles, { replace: true });
        // a role change takes effect now: sessions carry the roles they were opened with
        await this.#d.identity.users.endSessions(userId);
      }
      if (input.locationIds) await this.#assignLocations(userId, input.locationIds);
      if (input.displayName !== undefined || input.status !== undefined) {
        await this.#d.identity.users.update(
          userId,
          {
            ...(input.displayName !== undefined ? { displayName: input.displayName.trim() } : {}),
            ...(input.status !== undefined ? { status: input.status } : {}),
          },
          this.#d.clock.now(),
        );
      }
      if (input.status === "disabled") await this.#d.identity.users.endSessions(userId);
      await this.#audit(input.status === "disabled" ? "disable" : "update", "staff_account", userId, {
        fields: Object.keys(input).sort(),
        ...(input.roles ? { roles: input.roles } : {}),
      });
      return (await this.listStaff()).find((s) => s.id === userId) as StaffAccount;
    });
  }
}

function checkLocation(input: Partial<LocationInput>): void {
  if (input.timeZone !== undefined && !TIME_ZONES.has(input.timeZone)) {
    throw new DomainError(
      "validation_failed",
      `"${input.timeZone}" is not a known time zone. Use an IANA name such as America/Chicago.`,
      [{ field: "timeZone", problem: "unknown time zone" }],
    );
  }
  for (const h of input.hours ?? []) {
    if (h.open >= h.close) {
      throw new DomainError("validation_failed", "Opening hours must close after they open.", [
        { field: "hours", problem: `weekday ${h.weekday}: ${h.open}–${h.close}` },
      ]);
    }
  }
}

function presentLocation(row: {
  id: string;
  name: string;
  address: unknown;
  phone: string | null;
  time_zone: string;
  hours: unknown;
  active: boolean;
}): Location {
  return {
    id: row.id,
    name: row.name,
    address: row.address,
    phone: row.phone,
    timeZone: row.time_zone,
    hours: (row.hours as Location["hours"]) ?? [],
    active: row.active,
  };
}

function presentPharmacy(row: {
  id: string;
  name: string;
  address: unknown;
  phone: string | null;
  fax: string | null;
  ncpdp_id: string | null;
  active: boolean;
}): Pharmacy {
  return {
    id: row.id,
    name: row.name,
    address: row.address,
    phone: row.phone,
    fax: row.fax,
    ncpdpId: row.ncpdp_id,
    active: row.active,
  };
}
