-- Identity: sessions, MFA (enrolment, replay guard, recovery codes), login throttling,
-- password reset tokens and patient activation codes. Secrets are never stored: only
-- SHA-256 hashes of tokens and codes, and MFA secrets sealed with the field cipher.

CREATE TABLE sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE,
  csrf_token text NOT NULL,
  state text NOT NULL CHECK (state IN ('active', 'mfa_pending', 'mfa_enrolment')),
  idle_timeout_seconds integer NOT NULL CHECK (idle_timeout_seconds > 0),
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  absolute_expires_at timestamptz NOT NULL,
  reauthenticated_until timestamptz,
  mfa_failures integer NOT NULL DEFAULT 0,
  ip_address text,
  user_agent text
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

-- TOTP codes are single use: the last accepted 30-second time step per user.
CREATE TABLE mfa_state (
  user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  last_used_step bigint NOT NULL DEFAULT 0,
  pending_secret text,
  pending_started_at timestamptz
);

CREATE TABLE mfa_recovery_codes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  code_hash text NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL
);
CREATE INDEX mfa_recovery_codes_user_idx ON mfa_recovery_codes (user_id) WHERE used_at IS NULL;

-- Failure counters shared by every app server. `key` is "account:<sha256 of the normalised
-- email>" or "ip:<address>" (login), "activate-ip:<address>", "reset-ip:<address>", …
CREATE TABLE login_throttle (
  key text PRIMARY KEY,
  failures integer NOT NULL DEFAULT 0,
  window_started_at timestamptz NOT NULL,
  last_failure_at timestamptz NOT NULL,
  locked_until timestamptz
);
CREATE INDEX login_throttle_last_failure_idx ON login_throttle (last_failure_at);

CREATE TABLE password_reset_tokens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX password_reset_tokens_user_idx ON password_reset_tokens (user_id);

CREATE TABLE activation_codes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patients (id),
  code_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  created_by uuid REFERENCES users (id),
  used_at timestamptz,
  used_by uuid REFERENCES users (id),
  revoked_at timestamptz
);
CREATE INDEX activation_codes_patient_idx ON activation_codes (patient_id);
