-- Registration: pharmacies, insurance, patient files, duplicate-aware search columns,
-- identity change requests, proxy invitations, staff invitations and chart merges.

-- unaccent() is only STABLE (it reads a dictionary by name); naming the dictionary makes the
-- result depend on its arguments alone, so the wrapper can be IMMUTABLE and indexed.
CREATE FUNCTION portico_normalize_text(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$
  select btrim(regexp_replace(regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary, value)), '[^a-z0-9]+', ' ', 'g'), '\s+', ' ', 'g'))
$$;

-- Phone numbers compared as their last ten digits (a leading country code 1 is dropped).
CREATE FUNCTION portico_phone_digits(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$
  select nullif(right(regexp_replace(value, '[^0-9]', '', 'g'), 10), '')
$$;

CREATE TABLE pharmacies (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  address jsonb NOT NULL DEFAULT '{}'::jsonb,
  phone text,
  fax text,
  ncpdp_id text UNIQUE CHECK (ncpdp_id ~ '^[0-9]{7}$'),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE patients
  ADD COLUMN emergency_contact jsonb,
  ADD COLUMN preferred_pharmacy_id uuid REFERENCES pharmacies (id),
  ADD COLUMN merged_into_id uuid REFERENCES patients (id),
  ADD COLUMN merged_at timestamptz,
  ADD COLUMN registration_source text NOT NULL DEFAULT 'staff' CHECK (registration_source IN ('staff', 'self', 'import')),
  ADD COLUMN possible_duplicate_ids uuid[] NOT NULL DEFAULT '{}',
  -- staff confirmed this is not one of the possible duplicates found at registration
  ADD COLUMN duplicate_override_reason text,
  ADD COLUMN duplicate_override_by uuid REFERENCES users (id),
  ADD COLUMN verified_at timestamptz,
  ADD COLUMN verified_by uuid REFERENCES users (id),
  ADD COLUMN created_by uuid REFERENCES users (id),
  ADD COLUMN search_name text GENERATED ALWAYS AS (
    portico_normalize_text(legal_given_name || ' ' || legal_family_name || ' ' || coalesce(preferred_name, ''))
  ) STORED,
  ADD COLUMN phone_digits text GENERATED ALWAYS AS (portico_phone_digits(phone)) STORED,
  ADD COLUMN email_normalized text GENERATED ALWAYS AS (lower(btrim(email))) STORED,
  ADD CONSTRAINT patients_merge_consistent CHECK ((status = 'merged') = (merged_into_id IS NOT NULL));

CREATE INDEX patients_search_name_trgm_idx ON patients USING gin (search_name gin_trgm_ops);
CREATE INDEX patients_dob_idx ON patients (date_of_birth);
CREATE INDEX patients_phone_digits_idx ON patients (phone_digits);
CREATE INDEX patients_email_normalized_idx ON patients (email_normalized);
CREATE INDEX patients_pending_idx ON patients (created_at) WHERE status = 'pending_verification';
CREATE INDEX patients_merged_into_idx ON patients (merged_into_id) WHERE merged_into_id IS NOT NULL;

-- Uploaded documents (insurance card photos, …), sealed with the field cipher.
CREATE TABLE files (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patients (id),
  kind text NOT NULL,
  content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/heic', 'application/pdf')),
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  sha256 text NOT NULL,
  sealed_content text NOT NULL,
  key_id text NOT NULL,
  uploaded_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX files_patient_idx ON files (patient_id);

CREATE TABLE insurance_coverages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patients (id),
  rank text NOT NULL CHECK (rank IN ('primary', 'secondary')),
  payer_name text NOT NULL,
  member_id text NOT NULL,
  group_number text,
  subscriber_name text NOT NULL,
  subscriber_relationship text NOT NULL CHECK (subscriber_relationship IN ('self', 'spouse', 'parent', 'other')),
  card_front_file_id uuid REFERENCES files (id),
  card_back_file_id uuid REFERENCES files (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (patient_id, rank)
);

CREATE TABLE identity_change_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patients (id),
  requested_by uuid NOT NULL REFERENCES users (id),
  changes jsonb NOT NULL,
  reason text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'denied')),
  decided_by uuid REFERENCES users (id),
  decided_at timestamptz,
  decision_note text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX identity_change_requests_pending_idx ON identity_change_requests (created_at) WHERE status = 'pending';
CREATE INDEX identity_change_requests_patient_idx ON identity_change_requests (patient_id);

CREATE TABLE proxy_invitations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patients (id),
  invited_by uuid NOT NULL REFERENCES users (id),
  email text NOT NULL,
  relationship text NOT NULL,
  scopes text[] NOT NULL,
  ends_at timestamptz,
  token_hash text NOT NULL UNIQUE,
  expires_at timestamptz NOT NULL,
  accepted_at timestamptz,
  accepted_by uuid REFERENCES users (id),
  grant_id uuid REFERENCES proxy_grants (id),
  revoked_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX proxy_invitations_patient_idx ON proxy_invitations (patient_id);

-- Staff accounts are created by an admin; the invitee sets their own password from the link.
CREATE TABLE staff_invitations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE,
  invited_by uuid REFERENCES users (id),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX staff_invitations_user_idx ON staff_invitations (user_id);

CREATE TABLE patient_merges (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  source_patient_id uuid NOT NULL REFERENCES patients (id),
  target_patient_id uuid NOT NULL REFERENCES patients (id),
  merged_by uuid REFERENCES users (id),
  reason text NOT NULL,
  moved jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
