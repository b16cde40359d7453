import type { LoginResponse } from "@portico/contracts";
import type { AuthenticatedSession, NewSession, SessionListing } from "../../platform/auth/sessions.ts";
import { ACCOUNT_RULE, LOGIN_IP_RULE } from "../../platform/auth/throttle.ts";
import { normalizeEmail, recoveryCodeHash } from "../../platform/auth/tokens.ts";
import { matchTotpStep } from "../../platform/auth/totp.ts";
import { DomainError, notFound } from "../../platform/errors.ts";
import { burnPasswordCheck, verifyPassword } from "../../platform/passwords.ts";
import { inTransaction } from "../../platform/transaction.ts";
import {
  accountKey,
  actAs,
  type IdentityDeps,
  ipKey,
  MAX_MFA_FAILURES,
  MFA_SEAL,
  minutesUntil,
  REAUTH_MS,
} from "./deps.ts";

const GENERIC_FAILURE = "The email or password is not correct.";

export interface ClientInfo {
  ip: string;
  userAgent: string | undefined;
  /** the session token the browser already had, if any: it is discarded, never reused */
  previousToken?: string;
  /** the browser's Accept-Language: a new account's language when the page sent none */
  acceptLanguage?: string;
}

export interface SignedIn {
  session: NewSession;
  response: LoginResponse;
}

/** Login, the MFA step, re-authentication, logout and the list of sessions. */
export class SignInService {
  readonly #d: IdentityDeps;
  constructor(deps: IdentityDeps) {
    this.#d = deps;
  }

  async #refuseIfThrottled(keys: string[], subjectUserId?: string): Promise<void> {
    const now = this.#d.clock.now();
    let until: Date | undefined;
    for (const key of keys) {
      const blocked = await this.#d.throttle.blockedUntil(key);
      if (blocked && (!until || blocked > until)) until = blocked;
    }
    if (!until) return;
    await this.#d.audit.recordIndependent({
      action: "login_failed",
      resourceType: "session",
      outcome: "denied",
      subjectUserId: subjectUserId ?? null,
      details: { reason: "throttled" },
    });
    const minutes = minutesUntil(now, until);
    throw new DomainError(
      "rate_limited",
      `Too many unsuccessful sign-in attempts. Please wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again, or reset your password.`,
      { retryAfterSeconds: Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000)) },
    );
  }

  /**
   * POST /api/auth/login. Every failure — unknown email, wrong password, disabled account —
   * answers the same message after the same amount of work.
   */
  async login(input: { email: string; password: string }, client: ClientInfo): Promise<SignedIn> {
    const d = this.#d;
    const email = normalizeEmail(input.email);
    const keys = [accountKey(email), ipKey("ip", client.ip)];
    await this.#refuseIfThrottled(keys);

    const user = email ? await d.repo.findUserByEmail(email) : undefined;
    let passwordOk = false;
    if (user?.password_hash) passwordOk = await verifyPassword(user.password_hash, input.password);
    else await burnPasswordCheck(input.password);

    if (!user || !passwordOk || user.status !== "active") {
      await d.throttle.recordFailure(keys[0] as string, ACCOUNT_RULE);
      await d.throttle.recordFailure(keys[1] as string, LOGIN_IP_RULE);
      if (Math.random() < 0.01) await d.throttle.prune();
      await d.audit.recordIndependent({
        action: "login_failed",
        resourceType: "session",
        resourceId: null,
        outcome: "failure",
        subjectUserId: user?.id ?? null,
        details: { reason: !user ? "unknown_account" : !passwordOk ? "bad_password" : "account_disabled" },
      });
      throw new DomainError("invalid_credentials", GENERIC_FAILURE);
    }

    const roles = await d.repo.staffRoles(user.id);
    const isStaff = roles.length > 0;
    const mfaEnabled = user.mfa_enabled_at !== null && user.mfa_secret !== null;
    const state = mfaEnabled ? "mfa_pending" : isStaff ? "mfa_enrolment" : "active";
    const now = d.clock.now();

    return inTransaction(d.db, async () => {
      await d.throttle.reset(keys[0] as string);
      // no fixation: whatever session the browser held before is gone, a new token is issued
      if (client.previousToken) await d.sessions.deleteByToken(client.previousToken);
      await d.repo.deleteExpiredSessions(user.id, now);
      const session = await d.sessions.create(user.id, {
        state,
        isStaff,
        ip: client.ip,
        userAgent: client.userAgent ?? null,
      });
      if (state === "active") await d.repo.recordLogin(user.id, now);
      actAs(user.id, user.display_name, session.id);
      await d.audit.record({
        action: "login",
        resourceType: "session",
        resourceId: session.id,
        details: { step: state === "active" ? "complete" : state },
      });
      return {
        session,
        response: {
          user: {
            id: user.id,
            email: user.email,
            displayName: user.display_name,
            locale: user.locale,
            mfaEnabled,
          },
          mfaRequired: state === "mfa_pending",
          mfaEnrolmentRequired: state === "mfa_enrolment",
          csrfToken: session.csrfToken,
        },
      };
    });
  }

  /**
   * Checks a TOTP code (each time step once) or an unused recovery code against the user's
   * MFA secret, and uses it up. False for anything else.
   */
  async consumeMfaCode(userId: string, code: string): Promise<"totp" | "recovery_code" | undefined> {
    const d = this.#d;
    const user = await d.repo.findUserById(userId);
    if (!user?.mfa_secret || !user.mfa_enabled_at) return undefined;
    const trimmed = code.replace(/\s+/g, "");
    if (/^[0-9]{6}$/.test(trimmed)) {
      let secret: string;
      try {
        secret = d.cipher.open(user.mfa_secret, MFA_SEAL);
      } catch {
        d.logger.error({ err: { type: "mfa_secret_unreadable" } }, "an MFA secret could not be opened");
        return undefined;
      }
      const step = matchTotpStep(secret, trimmed, d.clock.now());
      if (step === undefined) return undefined;
      return (await d.repo.claimTotpStep(userId, step)) ? "totp" : undefined;
    }
    const hash = recoveryCodeHash(trimmed);
    if (!hash) return undefined;
    return (await d.repo.claimRecoveryCode(userId, hash, d.clock.now())) ? "recovery_code" : undefined;
  }

  /** POST /api/auth/mfa: the second step; the session becomes full under a new token. */
  async completeMfa(session: AuthenticatedSession, code: string): Promise<NewSession> {
    const d = this.#d;
    if (session.state !== "mfa_pending") {
      throw new DomainError(
        "conflict",
        session.state === "active"
          ? "You are already signed in."
          : "Set up two-step verification first (your account does not have it yet).",
      );
    }
    const method = await this.consumeMfaCode(session.user.id, code);
    if (!method) {
      const failures = await d.sessions.countMfaFailure(session.id);
      // wrong codes also slow down further password attempts on the account
      await d.throttle.recordFailure(accountKey(normalizeEmail(session.user.email)), ACCOUNT_RULE);
      await d.audit.recordIndependent({
        action: "mfa_failed",
        resourceType: "session",
        resourceId: session.id,
        outcome: "failure",
        details: { attempt: failures },
      });
      if (failures >= MAX_MFA_FAILURES) {
        await d.sessions.delete(session.id);
        throw new DomainError("unauthenticated", "Too many incorrect codes. Please sign in again.");
      }
      throw new DomainError(
        "invalid_code",
        "That code is not correct or was already used. Enter the current code from your authenticator app, or one of your recovery codes.",
        { attemptsLeft: MAX_MFA_FAILURES - failures },
      );
    }
    const roles = await d.repo.staffRoles(session.user.id);
    return inTransaction(d.db, async () => {
      const rotated = await d.sessions.rotate(session.id, "active", roles.length > 0);
      await d.repo.recordLogin(session.user.id, d.clock.now());
      await d.throttle.reset(accountKey(normalizeEmail(session.user.email)));
      await d.audit.record({
        action: "mfa_verified",
        resourceType: "session",
        resourceId: session.id,
        details: { method },
      });
      return rotated;
    });
  }

  /**
   * POST /api/auth/reauthenticate: the password again (and an MFA code when the account has
   * MFA) opens a 5-minute window for changing the password, email or MFA.
   */
  async reauthenticate(session: AuthenticatedSession, password: string, code: string | undefined): Promise<Date> {
    const d = this.#d;
    const key = accountKey(normalizeEmail(session.user.email));
    await this.#refuseIfThrottled([key], session.user.id);
    const user = await d.repo.findUserById(session.user.id);
    const passwordOk = user?.password_hash ? await verifyPassword(user.password_hash, password) : false;
    const fail = async (reason: string, error: DomainError) => {
      await d.throttle.recordFailure(key, ACCOUNT_RULE);
      await d.audit.recordIndependent({
        action: "reauthenticate",
        resourceType: "session",
        resourceId: session.id,
        outcome: "failure",
        details: { reason },
      });
      return error;
    };
    if (!passwordOk)
      throw await fail("bad_password", new DomainError("invalid_credentials", "That password is not correct."));
    if (user?.mfa_enabled_at) {
      if (!code) {
        throw new DomainError(
          "invalid_code",
          "Enter the code from your authenticator app (or a recovery code) as well as your password.",
        );
      }
      if (!(await this.consumeMfaCode(session.user.id, code))) {
        throw await fail(
          "bad_code",
          new DomainError("invalid_code", "That code is not correct or was already used. Enter the current code."),
        );
      }
    }
    const until = new Date(d.clock.now().getTime() + REAUTH_MS);
    await inTransaction(d.db, async () => {
      await d.sessions.markReauthenticated(session.id, until);
      await d.audit.record({ action: "reauthenticate", resourceType: "session", resourceId: session.id });
    });
    return until;
  }

  async logout(session: AuthenticatedSession): Promise<void> {
    await inTransaction(this.#d.db, async () => {
      await this.#d.sessions.delete(session.id);
      await this.#d.audit.record({ action: "logout", resourceType: "session", resourceId: session.id });
    });
  }

  listSessions(session: AuthenticatedSession): Promise<SessionListing[]> {
    return this.#d.sessions.list(session.user.id);
  }

  /** Ends one of the user's own sessions; another user's session answers 404. */
  async revokeSession(session: AuthenticatedSession, sessionId: string): Promise<void> {
    const d = this.#d;
    await inTransaction(d.db, async (trx) => {
      const result = await trx
        .deleteFrom("sessions")
        .where("id", "=", sessionId)
        .where("user_id", "=", session.user.id)
        .executeTakeFirst();
      if (Number(result.numDeletedRows) !== 1) throw notFound("session");
      await d.audit.record({ action: "session_revoked", resourceType: "session", resourceId: sessionId });
    });
  }

  /** Keep-alive for the idle warning: the idle clock starts again now. */
  async refresh(session: AuthenticatedSession): Promise<{ idleExpiresAt: Date; absoluteExpiresAt: Date }> {
    const now = await this.#d.sessions.touch(session.id);
    return {
      idleExpiresAt: new Date(now.getTime() + session.idleTimeoutSeconds * 1000),
      absoluteExpiresAt: session.absoluteExpiresAt,
    };
  }
}
