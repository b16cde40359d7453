-- Appointments: visit types, provider availability, appointments that can never overlap.
CREATE TABLE visit_types (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  name_es text,
  description text,
  duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 5 AND 480),
  modality text NOT NULL CHECK (modality IN ('in_person', 'video')),
  specialty text NOT NULL,
  booking_kind text NOT NULL CHECK (booking_kind IN ('established', 'new', 'referral')),
  minimum_notice_minutes integer NOT NULL DEFAULT 120 CHECK (minimum_notice_minutes >= 0),
  horizon_days integer NOT NULL DEFAULT 90 CHECK (horizon_days BETWEEN 1 AND 730),
  buffer_before_minutes integer NOT NULL DEFAULT 0 CHECK (buffer_before_minutes BETWEEN 0 AND 120),
  buffer_after_minutes integer NOT NULL DEFAULT 0 CHECK (buffer_after_minutes BETWEEN 0 AND 120),
  cancellation_notice_minutes integer NOT NULL DEFAULT 1440 CHECK (cancellation_notice_minutes >= 0),
  questionnaire jsonb NOT NULL DEFAULT '[]'::jsonb,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE availability_templates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  provider_id uuid NOT NULL REFERENCES providers (id) ON DELETE CASCADE,
  location_id uuid NOT NULL REFERENCES locations (id),
  weekday smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  start_time time NOT NULL,
  end_time time NOT NULL,
  valid_from date,
  valid_until date,
  visit_type_ids uuid[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (end_time > start_time),
  CHECK (valid_until IS NULL OR valid_from IS NULL OR valid_until >= valid_from)
);
CREATE INDEX availability_templates_provider_idx ON availability_templates (provider_id);

CREATE TABLE availability_exceptions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  provider_id uuid NOT NULL REFERENCES providers (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('time_off', 'block', 'extra_hours')),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  location_id uuid REFERENCES locations (id),
  note text,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at > starts_at),
  CHECK (kind <> 'extra_hours' OR location_id IS NOT NULL)
);
CREATE INDEX availability_exceptions_provider_idx ON availability_exceptions (provider_id, starts_at);

-- `blocked` is the appointment plus its visit type's buffers. Two live appointments of one
-- provider never overlap (buffers included), nor two of one patient: the database refuses
-- it, whatever the concurrency or the number of app servers.
CREATE TABLE appointments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patients (id),
  provider_id uuid NOT NULL REFERENCES providers (id),
  location_id uuid NOT NULL REFERENCES locations (id),
  visit_type_id uuid NOT NULL REFERENCES visit_types (id),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  blocked tstzrange NOT NULL,
  status text NOT NULL DEFAULT 'booked'
    CHECK (status IN ('booked', 'confirmed', 'checked_in', 'arrived', 'roomed', 'in_visit', 'completed', 'no_show', 'cancelled')),
  reason_for_visit text,
  booked_by uuid REFERENCES users (id),
  rescheduled_from_id uuid REFERENCES appointments (id),
  confirmed_at timestamptz,
  checked_in_at timestamptz,
  arrived_at timestamptz,
  roomed_at timestamptz,
  visit_started_at timestamptz,
  completed_at timestamptz,
  cancelled_at timestamptz,
  cancelled_by uuid REFERENCES users (id),
  cancel_reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at > starts_at),
  CONSTRAINT appointments_no_provider_overlap EXCLUDE USING gist (provider_id WITH =, blocked WITH &&)
    WHERE (status <> 'cancelled'),
  CONSTRAINT appointments_no_patient_overlap EXCLUDE USING gist (patient_id WITH =, tstzrange(starts_at, ends_at) WITH &&)
    WHERE (status <> 'cancelled')
);
CREATE INDEX appointments_patient_idx ON appointments (patient_id, starts_at);
CREATE INDEX appointments_provider_idx ON appointments (provider_id, starts_at) WHERE status <> 'cancelled';
CREATE INDEX appointments_location_day_idx ON appointments (location_id, starts_at);

-- eCheck-in answers (demographics/insurance/medications/allergies confirmed; questionnaire).
CREATE TABLE appointment_check_ins (
  appointment_id uuid PRIMARY KEY REFERENCES appointments (id),
  confirmed jsonb NOT NULL,
  answers_sealed text,
  submitted_by uuid REFERENCES users (id),
  submitted_at timestamptz NOT NULL DEFAULT now()
);

-- Earlier-appointment requests and the offers sent when an earlier slot frees up.
CREATE TABLE waitlist_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  appointment_id uuid NOT NULL UNIQUE REFERENCES appointments (id),
  patient_id uuid NOT NULL REFERENCES patients (id),
  requested_at timestamptz NOT NULL DEFAULT now(),
  active boolean NOT NULL DEFAULT true
);
CREATE INDEX waitlist_requests_active_idx ON waitlist_requests (requested_at) WHERE active;

CREATE TABLE waitlist_offers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  request_id uuid NOT NULL REFERENCES waitlist_requests (id),
  patient_id uuid NOT NULL REFERENCES patients (id),
  provider_id uuid NOT NULL REFERENCES providers (id),
  location_id uuid NOT NULL REFERENCES locations (id),
  visit_type_id uuid NOT NULL REFERENCES visit_types (id),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'taken', 'expired', 'declined')),
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  resolved_at timestamptz
);
CREATE INDEX waitlist_offers_patient_idx ON waitlist_offers (patient_id) WHERE status = 'open';

-- Single-use, signed links to confirm an appointment from a reminder email.
CREATE TABLE appointment_confirm_tokens (
  token_hash text PRIMARY KEY,
  appointment_id uuid NOT NULL REFERENCES appointments (id),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
