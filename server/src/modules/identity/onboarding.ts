import { setTimeout as sleep } from "node:timers/promises";
import { assertStrongPassword } from "../../platform/auth/password-policy.ts";
import { ACTIVATION_IP_RULE, RESET_ACCOUNT_RULE, RESET_IP_RULE } from "../../platform/auth/throttle.ts";
import {
  activationCodeHash,
  newActivationCode,
  normalizeEmail,
  randomToken,
  sha256,
} from "../../platform/auth/tokens.ts";
import { DomainError, notFound } from "../../platform/errors.ts";
import { languageFromTag, newAccountLanguage, personLanguage } from "../../platform/mail/language.ts";
import { hashPassword } from "../../platform/passwords.ts";
import { checkTimeZone } from "../../platform/time-zones.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { accountKey, actAs, type IdentityDeps, ipKey, minutesUntil, securityLink } from "./deps.ts";
import { accountActivated, accountCreated } from "./mail-templates.ts";
import type { ClientInfo, SignedIn } from "./sign-in.ts";

const RESET_TOKEN_MINUTES = 30;
const ACTIVATION_CODE_DAYS = 14;
/** A reset request always takes at least this long, whether or not the account exists. */
const RESET_REQUEST_MIN_MS = 250;

export const RESET_REQUESTED_MESSAGE =
  "If an account uses that email address, we have sent it a link to choose a new password. The link works for 30 minutes.";
const ACTIVATION_FAILED =
  "We could not match that activation code with that date of birth. Check both and try again, or call the clinic for a new code.";
const RESET_LINK_INVALID = "This password reset link has expired or has already been used. Please ask for a new one.";
const EMAIL_TAKEN = "An account already uses this email address. Sign in with it instead, then open the link again.";

/** Password reset by email, and patients' first sign-in with an activation code. */
export class OnboardingService {
  readonly #d: IdentityDeps;
  constructor(deps: IdentityDeps) {
    this.#d = deps;
  }

  /**
   * Signs a login just made in with a full session (a new account has no MFA), in place of the
   * client's previous one, and makes it the actor.
   */
  async #signInNewLogin(
    user: { id: string; email: string; displayName: string; locale: "en" | "es" },
    client: ClientInfo,
  ): Promise<SignedIn> {
    const d = this.#d;
    if (client.previousToken) await d.sessions.deleteByToken(client.previousToken);
    const session = await d.sessions.create(user.id, {
      state: "active",
      isStaff: false,
      ip: client.ip,
      userAgent: client.userAgent ?? null,
    });
    actAs(user.id, user.displayName, session.id);
    return {
      session,
      response: {
        user: { ...user, mfaEnabled: false },
        mfaRequired: false,
        mfaEnrolmentRequired: false,
        csrfToken: session.csrfToken,
      },
    };
  }

  /** "Your account is ready", with a link to the portal's home, in the new account's language. */
  async #mailAccountReady(
    template: typeof accountActivated | typeof accountCreated,
    email: string,
    locale: "en" | "es",
  ): Promise<void> {
    const d = this.#d;
    await d.mailer.send({
      to: email,
      template,
      locale: personLanguage({ accountLocale: locale }),
      params: { link: `${d.config.publicUrl}/home` },
    });
  }

  async #refuseIfBlocked(key: string, message: string): Promise<void> {
    const until = await this.#d.throttle.blockedUntil(key);
    if (!until) return;
    const now = this.#d.clock.now();
    const minutes = minutesUntil(now, until);
    throw new DomainError(
      "rate_limited",
      `${message} Please wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`,
      {
        retryAfterSeconds: Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000)),
      },
    );
  }

  /**
   * POST /api/auth/password-reset/request. Answers the same, after about the same time,
   * whether or not the address has an account.
   */
  async requestPasswordReset(email: string, client: ClientInfo): Promise<void> {
    const d = this.#d;
    const started = performance.now();
    const ip = ipKey("reset-ip", client.ip);
    await this.#refuseIfBlocked(ip, "Too many password reset requests from this network.");
    await d.throttle.recordFailure(ip, RESET_IP_RULE);

    const normalized = normalizeEmail(email);
    const perAccount = `reset:${accountKey(normalized)}`;
    const flooded = (await d.throttle.blockedUntil(perAccount)) !== undefined;
    await d.throttle.recordFailure(perAccount, RESET_ACCOUNT_RULE);
    const user = normalized ? await d.repo.findUserByEmail(normalized) : undefined;
    const token = randomToken();

    if (user && user.status === "active" && !flooded) {
      const now = d.clock.now();
      await inTransaction(d.db, async () => {
        await d.repo.insertResetToken(
          user.id,
          sha256(token),
          now,
          new Date(now.getTime() + RESET_TOKEN_MINUTES * 60_000),
        );
        await d.audit.record({
          action: "password_reset_requested",
          resourceType: "account",
          resourceId: user.id,
          subjectUserId: user.id,
        });
        await d.mailer.send({
          to: user.email,
          template: "password_reset",
          locale: personLanguage({ accountLocale: user.locale }),
          params: {
            link: `${d.config.publicUrl}/reset-password?token=${encodeURIComponent(token)}`,
            expiresInMinutes: RESET_TOKEN_MINUTES,
          },
        });
      });
    } else {
      await d.audit.recordIndependent({
        action: "password_reset_requested",
        resourceType: "account",
        outcome: "failure",
        subjectUserId: user?.id ?? null,
        details: { reason: !user ? "unknown_account" : flooded ? "too_many_requests" : "account_disabled" },
      });
    }
    const elapsed = performance.now() - started;
    if (elapsed < RESET_REQUEST_MIN_MS) await sleep(RESET_REQUEST_MIN_MS - elapsed + Math.random() * 50);
  }

  /**
   * POST /api/auth/password-reset/complete: a new password, every session ended. It does not
   * sign in (and so never skips MFA): the person signs in afresh.
   */
  async completePasswordReset(token: string, password: string): Promise<void> {
    const d = this.#d;
    const now = d.clock.now();
    const tokenHash = sha256(token);
    const live = await d.repo.liveResetToken(tokenHash, now);
    if (live?.status !== "active") throw new DomainError("token_invalid", RESET_LINK_INVALID);
    // a weak password is refused before the link is used up, so the person can try again
    await assertStrongPassword(password, {
      email: live.email,
      displayName: live.display_name,
      clinicName: d.config.clinicName,
    });
    const passwordHash = await hashPassword(password);
    await inTransaction(d.db, async () => {
      const userId = await d.repo.claimResetToken(tokenHash, d.clock.now());
      if (!userId) throw new DomainError("token_invalid", RESET_LINK_INVALID);
      actAs(userId, live.display_name);
      await d.repo.setPassword(userId, passwordHash, d.clock.now());
      const ended = await d.sessions.deleteAllForUser(userId);
      await d.repo.deleteResetTokens(userId);
      await d.throttle.reset(accountKey(normalizeEmail(live.email)));
      await d.audit.record({
        action: "password_reset_completed",
        resourceType: "account",
        resourceId: userId,
        details: { sessionsEnded: ended },
      });
      const user = await d.repo.findUserById(userId);
      if (user) {
        await d.mailer.send({
          to: user.email,
          template: "security_notice",
          locale: personLanguage({ accountLocale: user.locale }),
          params: { event: "password_changed", link: securityLink(d.config) },
        });
      }
    });
  }

  /**
   * The code front desk gives a registered patient to create their login: 60 random bits,
   * single use, 14 days. A new code replaces any unused earlier one. The caller (patient
   * registration) has already checked that the actor may do this.
   */
  async issueActivationCode(patientId: string, createdBy: string | null): Promise<{ code: string; expiresAt: Date }> {
    const d = this.#d;
    return inTransaction(d.db, async () => {
      const patient = await d.repo.activePatient(patientId);
      if (!patient || patient.status === "merged") throw notFound("patient");
      if (patient.user_id) throw new DomainError("conflict", "This patient already has a portal account.");
      const now = d.clock.now();
      const expiresAt = new Date(now.getTime() + ACTIVATION_CODE_DAYS * 86_400_000);
      const { code, hash } = newActivationCode();
      await d.repo.issueActivationCode({ patientId, codeHash: hash, createdBy, now, expiresAt });
      await d.audit.record({
        action: "activation_code_issued",
        resourceType: "activation_code",
        patientId,
        resourceId: patientId,
      });
      return { code, expiresAt };
    });
  }

  /**
   * POST /api/auth/activate: activation code + date of birth → a new patient login, linked to
   * the record, signed in. Every mismatch answers one message; failures are throttled per IP.
   */
  async activate(
    input: {
      activationCode: string;
      dateOfBirth: string;
      email: string;
      password: string;
      timeZone?: string;
      locale?: "en" | "es";
    },
    client: ClientInfo,
  ): Promise<SignedIn> {
    const d = this.#d;
    if (input.timeZone) checkTimeZone(input.timeZone);
    const ip = ipKey("activate-ip", client.ip);
    await this.#refuseIfBlocked(ip, "Too many unsuccessful activation attempts from this network.");
    const now = d.clock.now();
    const hash = activationCodeHash(input.activationCode);
    const found = hash ? await d.repo.activationByHash(hash) : undefined;
    const problem = !found
      ? "unknown_code"
      : found.used_at
        ? "used"
        : found.revoked_at
          ? "replaced"
          : found.expires_at <= now
            ? "expired"
            : found.date_of_birth !== input.dateOfBirth
              ? "date_of_birth_mismatch"
              : found.user_id || found.status === "merged"
                ? "already_linked"
                : undefined;
    if (problem || !found) {
      await d.throttle.recordFailure(ip, ACTIVATION_IP_RULE);
      await d.audit.recordIndependent({
        action: "activation_failed",
        resourceType: "activation_code",
        outcome: "failure",
        patientId: problem === "unknown_code" ? null : (found?.patient_id ?? null),
        details: { reason: problem ?? "unknown_code" },
      });
      throw new DomainError("activation_failed", ACTIVATION_FAILED);
    }
    const email = input.email.trim();
    const normalized = normalizeEmail(email);
    if (await d.repo.emailTaken(normalized)) {
      throw new DomainError(
        "already_exists",
        "An account already uses that email address. Sign in with it, or use a different email address.",
      );
    }
    const displayName = `${found.preferred_name?.trim() || found.legal_given_name} ${found.legal_family_name}`;
    await assertStrongPassword(input.password, { email, displayName, clinicName: d.config.clinicName });
    const passwordHash = await hashPassword(input.password);
    // the page's language (sent by the web), else the browser's, else the chart's
    const locale = newAccountLanguage(input.locale, client.acceptLanguage, languageFromTag(found.preferred_language));

    try {
      return await inTransaction(d.db, async () => {
        const user = await d.repo.insertUser({
          email,
          emailNormalized: normalized,
          displayName,
          passwordHash,
          locale,
          now,
        });
        const claimed = await d.repo.claimActivationCode(found.id, user.id, now);
        if (!claimed || !(await d.repo.linkPatient(found.patient_id, user.id, now, input.timeZone))) {
          throw new DomainError("activation_failed", ACTIVATION_FAILED);
        }
        // one language per person: the chart follows the new account's (unless it names another)
        await d.repo.db
          .updateTable("patients")
          .set({ preferred_language: locale })
          .where("id", "=", found.patient_id)
          .where("preferred_language", "in", ["en", "es"])
          .execute();
        const signedIn = await this.#signInNewLogin({ id: user.id, email, displayName, locale }, client);
        await d.audit.record({
          action: "account_activated",
          resourceType: "account",
          resourceId: user.id,
          patientId: found.patient_id,
        });
        await this.#mailAccountReady(accountActivated, email, locale);
        return signedIn;
      });
    } catch (error) {
      // two activations racing for the same email: the loser hears what went wrong
      if ((error as { code?: string }).code === "23505") {
        throw new DomainError(
          "already_exists",
          "An account already uses that email address. Sign in with it, or use a different email address.",
        );
      }
      throw error;
    }
  }

  /**
   * A new login with no patient record and no staff role, for someone who has proved control of
   * `email` another way (the single-use token of an emailed link), signed in with a full session
   * (a new account has no MFA). `within` runs in the same transaction once the user exists and is
   * the actor, so whatever it creates commits or rolls back with the account. The password policy
   * applies; an email already in use answers 409 and creates nothing.
   */
  async createAccount<T>(
    input: { email: string; displayName: string; password: string; locale: "en" | "es" },
    client: ClientInfo,
    within: (userId: string) => Promise<T>,
  ): Promise<SignedIn & { result: T }> {
    const d = this.#d;
    const email = input.email.trim();
    const normalized = normalizeEmail(email);
    const displayName = input.displayName.trim().replace(/\s+/g, " ");
    if (!displayName) {
      throw new DomainError("validation_failed", "Enter your name.", [{ field: "displayName", problem: "missing" }]);
    }
    if (await d.repo.emailTaken(normalized)) throw new DomainError("already_exists", EMAIL_TAKEN);
    await assertStrongPassword(input.password, { email, displayName, clinicName: d.config.clinicName });
    const passwordHash = await hashPassword(input.password);
    try {
      return await inTransaction(d.db, async () => {
        const now = d.clock.now();
        const user = await d.repo.insertUser({
          email,
          emailNormalized: normalized,
          displayName,
          passwordHash,
          locale: input.locale,
          now,
        });
        const signedIn = await this.#signInNewLogin({ id: user.id, email, displayName, locale: input.locale }, client);
        const result = await within(user.id);
        await d.audit.record({ action: "account_created", resourceType: "account", resourceId: user.id });
        await this.#mailAccountReady(accountCreated, email, input.locale);
        return { result, ...signedIn };
      });
    } catch (error) {
      // two sign-ups racing for the same email: the loser hears what went wrong
      const { code, constraint } = error as { code?: string; constraint?: string };
      if (code === "23505" && (constraint ?? "users_email_normalized_key") === "users_email_normalized_key") {
        throw new DomainError("already_exists", EMAIL_TAKEN);
      }
      throw error;
    }
  }
}
