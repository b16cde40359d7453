import type { Generated } from "./types.ts";

export type SessionState = "active" | "mfa_pending" | "mfa_enrolment";

export interface SessionsTable {
  id: Generated<string>;
  user_id: string;
  token_hash: string;
  csrf_token: string;
  state: SessionState;
  idle_timeout_seconds: number;
  created_at: Date;
  last_seen_at: Date;
  absolute_expires_at: Date;
  reauthenticated_until: Date | null;
  mfa_failures: Generated<number>;
  ip_address: string | null;
  user_agent: string | null;
}

export interface MfaStateTable {
  user_id: string;
  last_used_step: Generated<number>;
  pending_secret: string | null;
  pending_started_at: Date | null;
}

export interface MfaRecoveryCodesTable {
  id: Generated<string>;
  user_id: string;
  code_hash: string;
  used_at: Date | null;
  created_at: Date;
}

export interface LoginThrottleTable {
  key: string;
  failures: Generated<number>;
  window_started_at: Date;
  last_failure_at: Date;
  locked_until: Date | null;
}

export interface PasswordResetTokensTable {
  id: Generated<string>;
  user_id: string;
  token_hash: string;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
}

export interface ActivationCodesTable {
  id: Generated<string>;
  patient_id: string;
  code_hash: string;
  created_at: Date;
  expires_at: Date;
  created_by: string | null;
  used_at: Date | null;
  used_by: string | null;
  revoked_at: Date | null;
}

export interface IdentityTables {
  sessions: SessionsTable;
  mfa_state: MfaStateTable;
  mfa_recovery_codes: MfaRecoveryCodesTable;
  login_throttle: LoginThrottleTable;
  password_reset_tokens: PasswordResetTokensTable;
  activation_codes: ActivationCodesTable;
}
