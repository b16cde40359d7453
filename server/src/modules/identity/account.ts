import { type ActingPatient, ALL_SCOPES, type MeResponse, type Role } from "@portico/contracts";
import { effectiveScopes } from "../../platform/access/policy.ts";
import { userAbilities } from "../../platform/access/staff-abilities.ts";
import { assertStrongPassword } from "../../platform/auth/password-policy.ts";
import type { AuthenticatedSession, NewSession } from "../../platform/auth/sessions.ts";
import { newRecoveryCode, normalizeEmail } from "../../platform/auth/tokens.ts";
import { matchTotpStep, newTotpSecret, otpauthUrl, qrCodeSvg } from "../../platform/auth/totp.ts";
import { DomainError } from "../../platform/errors.ts";
import { personLanguage } from "../../platform/mail/language.ts";
import { hashPassword, verifyPassword } from "../../platform/passwords.ts";
import { currentDb, inTransaction } from "../../platform/transaction.ts";
import { type IdentityDeps, MFA_SEAL, securityLink } from "./deps.ts";

const RECOVERY_CODE_COUNT = 10;
/** An enrolment must be confirmed within this long of starting it. */
const ENROLMENT_MS = 15 * 60_000;

export interface EnrolmentResult {
  recoveryCodes: string[];
  /** set when confirming completed a staff sign-in: the session's new token */
  rotated?: NewSession;
  csrfToken: string;
}

const patientName = (p: { preferred_name: string | null; legal_given_name: string; legal_family_name: string }) =>
  `${p.preferred_name?.trim() || p.legal_given_name} ${p.legal_family_name}`;

/** The signed-in user's own account: profile, password, email, MFA settings. */
export class AccountService {
  readonly #d: IdentityDeps;
  constructor(deps: IdentityDeps) {
    this.#d = deps;
  }

  #requireRecentReauth(session: AuthenticatedSession): void {
    const until = session.reauthenticatedUntil;
    if (!until || until <= this.#d.clock.now()) {
      throw new DomainError(
        "reauthentication_required",
        "For your security, enter your password again before making this change.",
      );
    }
  }

  /** GET /api/me: who is signed in and the patients they may act for (themself first). */
  async me(session: AuthenticatedSession, csrfToken = session.csrfToken): Promise<MeResponse> {
    const d = this.#d;
    const actor = session.actor;
    const user = await d.repo.findUserById(session.user.id);
    if (!user) throw new DomainError("unauthenticated", "Your session has ended. Please sign in again.");
    const now = d.clock.now();
    const ids = [...new Set([...(actor.patientId ? [actor.patientId] : []), ...actor.grants.map((g) => g.patientId)])];
    const rows = new Map((await d.repo.patientsByIds(ids)).map((p) => [p.id, p]));
    const patients: ActingPatient[] = [];
    const self = actor.patientId ? rows.get(actor.patientId) : undefined;
    if (self)
      patients.push({
        id: self.id,
        name: patientName(self),
        relationship: "self",
        scopes: [...ALL_SCOPES],
        restricted: false,
      });
    for (const grant of actor.grants) {
      const patient = rows.get(grant.patientId);
      if (!patient || patients.some((p) => p.id === patient.id)) continue;
      const effect = effectiveScopes(
        grant,
        { id: patient.id, dateOfBirth: patient.date_of_birth, status: patient.status },
        now,
      );
      if (!effect.inForce) continue;
      patients.push({
        id: patient.id,
        name: patientName(patient),
        relationship: grant.relationship,
        scopes: effect.scopes,
        restricted: effect.restricted,
      });
    }
    const roles: Role[] = [...(actor.patientId ? (["patient"] as const) : []), ...actor.roles];
    return {
      user: {
        id: user.id,
        email: user.email,
        displayName: user.display_name,
        locale: personLanguage({ accountLocale: user.locale }),
        mfaEnabled: user.mfa_enabled_at !== null,
      },
      roles,
      csrfToken,
      patients,
      abilities: userAbilities(actor.roles, patients.length > 0, new Set(patients.flatMap((p) => p.scopes))),
      session: {
        idleTimeoutSeconds: session.idleTimeoutSeconds,
        idleExpiresAt: session.idleExpiresAt.toISOString(),
        absoluteExpiresAt: session.absoluteExpiresAt.toISOString(),
      },
    };
  }

  async updateProfile(session: AuthenticatedSession, patch: { locale?: "en" | "es"; displayName?: string }) {
    const d = this.#d;
    const displayName = patch.displayName?.replace(/\s+/g, " ").trim();
    if (patch.displayName !== undefined && !displayName) {
      throw new DomainError("validation_failed", "Enter the name you would like us to use.", [
        { field: "displayName", problem: "must not be blank" },
      ]);
    }
    await inTransaction(d.db, async () => {
      await d.repo.updateProfile(session.user.id, { locale: patch.locale, displayName }, d.clock.now());
      if (patch.locale) {
        // one language per person: the chart of a patient's own login follows the account
        // (a chart naming another language, for an interpreter, keeps it)
        await currentDb(d.db)
          .updateTable("patients")
          .set({ preferred_language: patch.locale, updated_at: d.clock.now() })
          .where("user_id", "=", session.user.id)
          .where("preferred_language", "in", ["en", "es"])
          .execute();
      }
      await d.audit.record({
        action: "update",
        resourceType: "account",
        resourceId: session.user.id,
        details: { fields: Object.keys(patch).filter((k) => patch[k as keyof typeof patch] !== undefined) },
      });
    });
  }

  /** POST /api/auth/password: needs a recent re-authentication and the current password. */
  async changePassword(session: AuthenticatedSession, currentPassword: string, newPassword: string): Promise<void> {
    const d = this.#d;
    this.#requireRecentReauth(session);
    const user = await d.repo.findUserById(session.user.id);
    if (!user?.password_hash || !(await verifyPassword(user.password_hash, currentPassword))) {
      await d.audit.recordIndependent({
        action: "password_change",
        resourceType: "account",
        resourceId: session.user.id,
        outcome: "failure",
        details: { reason: "bad_password" },
      });
      throw new DomainError("invalid_credentials", "Your current password is not correct.");
    }
    if (currentPassword === newPassword) {
      throw new DomainError("unprocessable", "Choose a new password that is different from your current one.");
    }
    await assertStrongPassword(newPassword, {
      email: user.email,
      displayName: user.display_name,
      clinicName: d.config.clinicName,
    });
    const passwordHash = await hashPassword(newPassword);
    await inTransaction(d.db, async () => {
      await d.repo.setPassword(user.id, passwordHash, d.clock.now());
      const ended = await d.sessions.deleteAllForUser(user.id, session.id);
      await d.repo.deleteResetTokens(user.id);
      await d.audit.record({
        action: "password_change",
        resourceType: "account",
        resourceId: user.id,
        details: { otherSessionsEnded: ended },
      });
      await d.mailer.send({
        to: user.email,
        template: "security_notice",
        locale: personLanguage({ accountLocale: user.locale }),
        params: { event: "password_changed", link: securityLink(d.config) },
      });
    });
  }

  /** POST /api/auth/email: needs a recent re-authentication; the old address is told. */
  async changeEmail(session: AuthenticatedSession, email: string): Promise<void> {
    const d = this.#d;
    this.#requireRecentReauth(session);
    const trimmed = email.trim();
    const normalized = normalizeEmail(trimmed);
    const user = await d.repo.findUserById(session.user.id);
    if (!user) throw new DomainError("unauthenticated", "Your session has ended. Please sign in again.");
    if (normalizeEmail(user.email) === normalized && user.email === trimmed) return;
    await inTransaction(d.db, async () => {
      if (await d.repo.emailTaken(normalized, user.id)) {
        throw new DomainError("already_exists", "That email address is already used by another account.");
      }
      await d.repo.updateEmail(user.id, trimmed, normalized, d.clock.now());
      await d.audit.record({ action: "email_change", resourceType: "account", resourceId: user.id });
      for (const to of new Set([user.email, trimmed])) {
        await d.mailer.send({
          to,
          template: "security_notice",
          locale: personLanguage({ accountLocale: user.locale }),
          params: { event: "email_changed", link: securityLink(d.config) },
        });
      }
    });
  }

  /**
   * Staff finishing sign-in enrol without more checks (they just gave their password); anyone
   * else changing MFA on a full session must have re-authenticated.
   */
  #assertMayChangeMfa(session: AuthenticatedSession): void {
    if (session.state === "mfa_pending") {
      throw new DomainError("mfa_required", "Enter the code from your authenticator app to finish signing in.");
    }
    if (session.state === "active") this.#requireRecentReauth(session);
  }

  /** POST /api/auth/mfa/enrolment/start: a new secret, kept sealed until it is confirmed. */
  async startEnrolment(session: AuthenticatedSession) {
    const d = this.#d;
    this.#assertMayChangeMfa(session);
    const secret = newTotpSecret();
    const url = otpauthUrl(secret, session.user.email, d.config.clinicName);
    await d.repo.savePendingEnrolment(session.user.id, d.cipher.seal(secret, MFA_SEAL), d.clock.now());
    return { secret, otpauthUrl: url, qrCodeSvg: await qrCodeSvg(url) };
  }

  /** POST /api/auth/mfa/enrolment/confirm: turns MFA on and returns recovery codes once. */
  async confirmEnrolment(session: AuthenticatedSession, code: string): Promise<EnrolmentResult> {
    const d = this.#d;
    this.#assertMayChangeMfa(session);
    const now = d.clock.now();
    const pending = await d.repo.pendingEnrolment(session.user.id);
    if (
      !pending?.pending_secret ||
      !pending.pending_started_at ||
      now.getTime() - pending.pending_started_at.getTime() > ENROLMENT_MS
    ) {
      throw new DomainError("conflict", "The set-up has timed out or was not started. Please start again.");
    }
    const secret = d.cipher.open(pending.pending_secret, MFA_SEAL);
    const step = matchTotpStep(secret, code, now);
    if (step === undefined) {
      throw new DomainError(
        "invalid_code",
        "That code does not match. Check that your authenticator app shows Portico and enter the current 6-digit code.",
      );
    }
    const roles = await d.repo.staffRoles(session.user.id);
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => newRecoveryCode());
    const user = await d.repo.findUserById(session.user.id);
    return inTransaction(d.db, async () => {
      await d.repo.enableMfa(session.user.id, d.cipher.seal(secret, MFA_SEAL), step, now);
      await d.repo.replaceRecoveryCodes(
        session.user.id,
        codes.map((c) => c.hash),
        now,
      );
      let rotated: NewSession | undefined;
      if (session.state === "mfa_enrolment") {
        rotated = await d.sessions.rotate(session.id, "active", roles.length > 0);
        await d.repo.recordLogin(session.user.id, now);
      }
      await d.audit.record({ action: "mfa_enrolled", resourceType: "account", resourceId: session.user.id });
      if (user) {
        await d.mailer.send({
          to: user.email,
          template: "security_notice",
          locale: personLanguage({ accountLocale: user.locale }),
          params: { event: "mfa_enabled", link: securityLink(d.config) },
        });
      }
      return { recoveryCodes: codes.map((c) => c.code), rotated, csrfToken: rotated?.csrfToken ?? session.csrfToken };
    });
  }

  /** POST /api/auth/mfa/recovery-codes: a fresh set; the old ones stop working. */
  async regenerateRecoveryCodes(session: AuthenticatedSession): Promise<string[]> {
    const d = this.#d;
    this.#requireRecentReauth(session);
    const user = await d.repo.findUserById(session.user.id);
    if (!user?.mfa_enabled_at) throw new DomainError("conflict", "Two-step verification is not turned on.");
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => newRecoveryCode());
    await inTransaction(d.db, async () => {
      await d.repo.replaceRecoveryCodes(
        user.id,
        codes.map((c) => c.hash),
        d.clock.now(),
      );
      await d.audit.record({ action: "recovery_codes_regenerated", resourceType: "account", resourceId: user.id });
      await d.mailer.send({
        to: user.email,
        template: "security_notice",
        locale: personLanguage({ accountLocale: user.locale }),
        params: { event: "recovery_codes_regenerated", link: securityLink(d.config) },
      });
    });
    return codes.map((c) => c.code);
  }

  /** DELETE /api/auth/mfa: patients may turn MFA off (after re-authenticating); staff may not. */
  async disableMfa(session: AuthenticatedSession): Promise<void> {
    const d = this.#d;
    if (session.actor.roles.length > 0) {
      throw new DomainError("forbidden", "Staff accounts must keep two-step verification turned on.");
    }
    this.#requireRecentReauth(session);
    const user = await d.repo.findUserById(session.user.id);
    if (!user?.mfa_enabled_at) return;
    await inTransaction(d.db, async () => {
      await d.repo.disableMfa(user.id, d.clock.now());
      await d.audit.record({ action: "mfa_disabled", resourceType: "account", resourceId: user.id });
      await d.mailer.send({
        to: user.email,
        template: "security_notice",
        locale: personLanguage({ accountLocale: user.locale }),
        params: { event: "mfa_disabled", link: securityLink(d.config) },
      });
    });
  }
}
