import type { Config } from "../../config.ts";
import type { Database } from "../../db/database.ts";
import type { AuditLog } from "../../platform/audit/audit-log.ts";
import { type SessionCookie, sessionCookie } from "../../platform/auth/cookie.ts";
import { SessionStore } from "../../platform/auth/sessions.ts";
import { Throttle } from "../../platform/auth/throttle.ts";
import type { Clock } from "../../platform/clock.ts";
import type { FieldCipher } from "../../platform/crypto.ts";
import type { Logger } from "../../platform/logging.ts";
import type { Mailer } from "../../platform/mail/mailer.ts";
import { AccountService } from "./account.ts";
import "./mail-templates.ts";
import { OnboardingService } from "./onboarding.ts";
import { IdentityRepo } from "./repo.ts";
import { SignInService } from "./sign-in.ts";
import { UserAccounts } from "./user-accounts.ts";

export interface IdentityService {
  /** the session store the authentication hook reads */
  sessions: SessionStore;
  cookie: SessionCookie;
  signIn: SignInService;
  account: AccountService;
  onboarding: OnboardingService;
  /** the one writer of `users`, `user_roles` and `sessions` for other modules (registration, staff accounts) */
  users: UserAccounts;
  /** For patient registration: a new single-use activation code (XXXX-XXXX-XXXX, 14 days). */
  issueActivationCode(patientId: string, createdBy: string | null): Promise<{ code: string; expiresAt: Date }>;
}

export function createIdentityService(deps: {
  config: Config;
  db: Database;
  clock: Clock;
  logger: Logger;
  cipher: FieldCipher;
  audit: AuditLog;
  mailer: Mailer;
}): IdentityService {
  const sessions = new SessionStore(deps.db, deps.clock, deps.config);
  const shared = { ...deps, repo: new IdentityRepo(deps.db), sessions, throttle: new Throttle(deps.db, deps.clock) };
  const onboarding = new OnboardingService(shared);
  return {
    sessions,
    cookie: sessionCookie(deps.config),
    signIn: new SignInService(shared),
    account: new AccountService(shared),
    onboarding,
    users: new UserAccounts(deps.db),
    issueActivationCode: (patientId, createdBy) => onboarding.issueActivationCode(patientId, createdBy),
  };
}
