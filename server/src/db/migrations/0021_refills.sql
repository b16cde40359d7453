-- Prescription refills (SPEC §2.4): medications with their history, lab results the refill
-- protocol checks, the protocol itself (a new version on every edit), refill requests with one
-- decision per medication, and the pharmacy outbox.

-- Lab results the protocol looks at (only the test and its date: no values).
CREATE TABLE lab_results (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patients (id),
  lab_code text NOT NULL,
  resulted_on date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX lab_results_patient_idx ON lab_results (patient_id, lab_code, resulted_on);

-- The clinic's refill protocol; rows are never changed: an edit inserts the next version.
CREATE TABLE refill_protocols (
  version integer PRIMARY KEY CHECK (version >= 1),
  classes jsonb NOT NULL DEFAULT '[]'::jsonb,
  visit_window_days integer NOT NULL CHECK (visit_window_days BETWEEN 1 AND 1095),
  lab_requirements jsonb NOT NULL DEFAULT '[]'::jsonb,
  early_refill_fraction double precision NOT NULL CHECK (early_refill_fraction >= 0 AND early_refill_fraction <= 1),
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
-- Version 1 covers no class: every renewal goes to the prescriber until an admin says otherwise.
INSERT INTO refill_protocols (version, classes, visit_window_days, lab_requirements, early_refill_fraction)
VALUES (1, '[]'::jsonb, 365, '[]'::jsonb, 0.6666666666666666);

CREATE TABLE medications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patients (id),
  name text NOT NULL,
  rxnorm_code text,
  purpose text,
  dose text NOT NULL,
  directions text NOT NULL,
  quantity integer NOT NULL CHECK (quantity BETWEEN 1 AND 1000),
  days_supply integer NOT NULL CHECK (days_supply BETWEEN 1 AND 365),
  refills_remaining integer NOT NULL CHECK (refills_remaining BETWEEN 0 AND 11),
  -- the refills the last prescription authorised (what a renewal suggests)
  refills_authorized integer NOT NULL DEFAULT 0 CHECK (refills_authorized BETWEEN 0 AND 11),
  last_filled_on date,
  prescriber_id uuid REFERENCES providers (id),
  controlled_schedule text NOT NULL DEFAULT 'none' CHECK (controlled_schedule IN ('none', 'II', 'III', 'IV', 'V')),
  protocol_class text,
  confidential boolean NOT NULL DEFAULT false,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'stopped')),
  stopped_on date,
  stop_reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX medications_patient_idx ON medications (patient_id, status);
CREATE INDEX medications_prescriber_idx ON medications (prescriber_id);

-- A medication's history: prescribed, changed (which fields), stopped, refills sent, renewals, denials.
CREATE TABLE medication_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  medication_id uuid NOT NULL REFERENCES medications (id),
  patient_id uuid NOT NULL REFERENCES patients (id),
  event text NOT NULL CHECK (event IN ('prescribed', 'changed', 'stopped', 'refill_sent', 'renewed', 'refill_denied')),
  by_user_id uuid REFERENCES users (id),
  changes jsonb NOT NULL DEFAULT '[]'::jsonb,
  reason text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX medication_events_medication_idx ON medication_events (medication_id, created_at);

CREATE TABLE refill_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patients (id),
  pharmacy_id uuid NOT NULL REFERENCES pharmacies (id),
  requested_by uuid REFERENCES users (id),
  via_proxy_grant_id uuid REFERENCES proxy_grants (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX refill_requests_patient_idx ON refill_requests (patient_id, created_at);

-- One medication of a request: the protocol's decision (rule, version, reasons), then the
-- clinician's when it was queued, then delivery to the pharmacy. The timestamps are the
-- turnaround figures: requested → decided (automatic or not) → sent.
CREATE TABLE refill_request_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  request_id uuid NOT NULL REFERENCES refill_requests (id),
  patient_id uuid NOT NULL REFERENCES patients (id),
  medication_id uuid NOT NULL REFERENCES medications (id),
  status text NOT NULL CHECK (status IN ('queued', 'approved', 'denied')),
  rule text NOT NULL CHECK (
    rule IN ('refill_from_remaining', 'renewal_under_protocol', 'controlled_substance', 'too_early', 'renewal_needs_prescriber')
  ),
  protocol_version integer NOT NULL REFERENCES refill_protocols (version),
  possible_from date,
  reasons jsonb NOT NULL DEFAULT '[]'::jsonb,
  -- decided by the protocol on its own (true) or by a clinician (false)
  automatic boolean NOT NULL,
  requested_at timestamptz NOT NULL,
  decided_at timestamptz,
  decided_by uuid REFERENCES users (id),
  approved_quantity integer,
  approved_refills integer,
  denial_reason text,
  delivery_status text CHECK (delivery_status IN ('pending', 'sent', 'failed')),
  delivery_attempts integer NOT NULL DEFAULT 0,
  sent_at timestamptz,
  failed_at timestamptz
);
CREATE INDEX refill_request_items_request_idx ON refill_request_items (request_id);
CREATE INDEX refill_request_items_queue_idx ON refill_request_items (status, requested_at);
-- one request in progress per medication: waiting for a decision or for the pharmacy. Two
-- simultaneous submissions for the same medication: the second fails here and creates nothing.
CREATE UNIQUE INDEX refill_request_items_one_in_progress ON refill_request_items (medication_id)
  WHERE status = 'queued' OR delivery_status = 'pending';

-- What the pharmacy adapter sends: a FHIR R4 MedicationRequest per approved item.
CREATE TABLE pharmacy_outbox (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  request_item_id uuid NOT NULL UNIQUE REFERENCES refill_request_items (id),
  patient_id uuid NOT NULL REFERENCES patients (id),
  pharmacy_id uuid NOT NULL REFERENCES pharmacies (id),
  adapter text NOT NULL,
  resource jsonb NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  external_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz
);
CREATE INDEX pharmacy_outbox_status_idx ON pharmacy_outbox (status, created_at);
