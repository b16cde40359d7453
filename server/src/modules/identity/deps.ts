import type { Config } from "../../config.ts";
import type { Database } from "../../db/database.ts";
import type { AuditLog } from "../../platform/audit/audit-log.ts";
import type { SessionStore } from "../../platform/auth/sessions.ts";
import type { Throttle } from "../../platform/auth/throttle.ts";
import { sha256 } from "../../platform/auth/tokens.ts";
import type { Clock } from "../../platform/clock.ts";
import { type Actor, maybeContext } from "../../platform/context.ts";
import type { FieldCipher } from "../../platform/crypto.ts";
import type { Logger } from "../../platform/logging.ts";
import type { Mailer } from "../../platform/mail/mailer.ts";
import type { IdentityRepo } from "./repo.ts";

/** What the identity services share. */
export interface IdentityDeps {
  config: Config;
  db: Database;
  clock: Clock;
  logger: Logger;
  cipher: FieldCipher;
  audit: AuditLog;
  mailer: Mailer;
  repo: IdentityRepo;
  sessions: SessionStore;
  throttle: Throttle;
}

/** Associated data the MFA secrets are sealed with. */
export const MFA_SEAL = "mfa";
/** How long a re-authentication lets someone change their password, email or MFA. */
export const REAUTH_MS = 5 * 60_000;
/** Wrong MFA codes a session may send before it is ended. */
export const MAX_MFA_FAILURES = 5;

/** The throttle key of an account, by email (so unknown emails are throttled the same way). */
export const accountKey = (emailNormalized: string): string => `account:${sha256(emailNormalized)}`;
export const ipKey = (prefix: string, ip: string): string => `${prefix}:${ip}`;

/** Audit rows take the actor from the request context: make it the user who just signed in. */
export function actAs(userId: string, displayName: string, sessionId?: string): void {
  const context = maybeContext();
  if (!context || context.actor.userId === userId) return;
  const actor: Actor = Object.freeze({
    kind: "user",
    userId,
    sessionId,
    displayName,
    roles: [],
    patientId: null,
    providerId: null,
    grants: [],
  });
  context.actor = actor;
}

export function securityLink(config: Config): string {
  return `${config.publicUrl}/account/security`;
}

export function minutesUntil(now: Date, until: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
}
