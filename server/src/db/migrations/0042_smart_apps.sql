-- SMART App Launch (modules/smart): the apps an administrator registered, what the
-- authorization server (oidc-provider) keeps between requests, and each patient's grants.

-- 1. Registered apps. A confidential client's secret is sealed with the field cipher (the
-- authorization server compares it in constant time after opening it). Redirect URIs are
-- matched exactly.
CREATE TABLE smart_clients (
  client_id text PRIMARY KEY,
  name text NOT NULL,
  confidential boolean NOT NULL,
  secret_sealed text,
  redirect_uris text[] NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  disabled_at timestamptz,
  CHECK (confidential = (secret_sealed IS NOT NULL))
);

-- 2. oidc-provider's models (authorization codes, access and refresh tokens, grants,
-- interactions, sessions), one row each, through its adapter (modules/smart/adapter.ts).
-- Opaque tokens: the row's id is the token's value, so a copy of the table holds live tokens
-- until they expire (short: 1 hour for access tokens); rows past expires_at are ignored and
-- deleted by housekeeping.
CREATE TABLE oauth_payloads (
  model text NOT NULL,
  id text NOT NULL,
  payload jsonb NOT NULL,
  grant_id text,
  uid text,
  expires_at timestamptz,
  consumed_at timestamptz,
  PRIMARY KEY (model, id)
);
CREATE INDEX oauth_payloads_grant_idx ON oauth_payloads (grant_id) WHERE grant_id IS NOT NULL;
CREATE INDEX oauth_payloads_uid_idx ON oauth_payloads (uid) WHERE uid IS NOT NULL;
CREATE INDEX oauth_payloads_expires_idx ON oauth_payloads (expires_at);

-- 3. The grant a user gave an app: for which patient (themselves or one they hold a proxy
-- grant for) and which scopes. A token acts only through an unrevoked grant.
CREATE TABLE smart_grants (
  grant_id text PRIMARY KEY,
  client_id text NOT NULL REFERENCES smart_clients (client_id),
  user_id uuid NOT NULL REFERENCES users (id),
  patient_id uuid NOT NULL REFERENCES patients (id),
  scopes text[] NOT NULL,
  created_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE INDEX smart_grants_patient_idx ON smart_grants (patient_id);
CREATE INDEX smart_grants_user_idx ON smart_grants (user_id);

-- 4. The keys (sealed) that sign ID tokens and the authorization server's cookies, made once so every app server uses the same.
CREATE TABLE smart_keys (
  kid text PRIMARY KEY,
  jwk_sealed text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
