-- The clinic (locations, providers) and the people who use Portico (users, patients, proxies).
CREATE TABLE locations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  address jsonb NOT NULL DEFAULT '{}'::jsonb,
  phone text,
  time_zone text NOT NULL,
  hours jsonb NOT NULL DEFAULT '[]'::jsonb,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL,
  email_normalized text NOT NULL UNIQUE,
  display_name text NOT NULL,
  password_hash text,
  locale text NOT NULL DEFAULT 'en' CHECK (locale IN ('en', 'es')),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  mfa_secret text,
  mfa_enabled_at timestamptz,
  password_changed_at timestamptz,
  last_login_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE user_roles (
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('front_desk', 'nurse', 'physician', 'admin')),
  PRIMARY KEY (user_id, role)
);

CREATE TABLE providers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid UNIQUE REFERENCES users (id),
  display_name text NOT NULL,
  specialty text NOT NULL,
  accepting_new_patients boolean NOT NULL DEFAULT true,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE provider_locations (
  provider_id uuid NOT NULL REFERENCES providers (id) ON DELETE CASCADE,
  location_id uuid NOT NULL REFERENCES locations (id) ON DELETE CASCADE,
  PRIMARY KEY (provider_id, location_id)
);

CREATE SEQUENCE patient_mrn_seq START 100001;

CREATE TABLE patients (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  mrn text NOT NULL UNIQUE,
  user_id uuid UNIQUE REFERENCES users (id),
  legal_given_name text NOT NULL,
  legal_family_name text NOT NULL,
  preferred_name text,
  date_of_birth date NOT NULL,
  sex text NOT NULL CHECK (sex IN ('female', 'male', 'other', 'unknown')),
  gender_identity text,
  phone text,
  email text,
  address jsonb NOT NULL DEFAULT '{}'::jsonb,
  preferred_language text NOT NULL DEFAULT 'en',
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'pending_verification', 'merged')),
  pcp_provider_id uuid REFERENCES providers (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX patients_pcp_idx ON patients (pcp_provider_id);

CREATE TABLE proxy_grants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patients (id),
  proxy_user_id uuid NOT NULL REFERENCES users (id),
  relationship text NOT NULL CHECK (relationship IN ('parent', 'guardian', 'spouse', 'child', 'caregiver', 'legal_representative', 'other')),
  scopes text[] NOT NULL,
  starts_at timestamptz NOT NULL DEFAULT now(),
  ends_at timestamptz,
  granted_by uuid REFERENCES users (id),
  reason text,
  revoked_at timestamptz,
  revoked_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX proxy_grants_proxy_idx ON proxy_grants (proxy_user_id) WHERE revoked_at IS NULL;
CREATE INDEX proxy_grants_patient_idx ON proxy_grants (patient_id) WHERE revoked_at IS NULL;
