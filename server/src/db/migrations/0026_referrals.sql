-- Referrals (SPEC §2.6): a patient's request to their primary care practice, the decision
-- (approved as a ticket for a specialist or a specialty with a number of visits and an expiry,
-- denied with a reason, or a visit asked for first), its history, and the appointments booked
-- with the ticket.

CREATE TABLE referrals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patients (id),
  status text NOT NULL DEFAULT 'requested' CHECK (status IN
    ('requested', 'approved', 'denied', 'visit_requested', 'scheduled', 'completed', 'expired', 'cancelled')),
  specialty text NOT NULL,
  reason text NOT NULL,
  urgency text NOT NULL CHECK (urgency IN ('routine', 'soon', 'urgent')),
  preferred_provider_id uuid REFERENCES providers (id),
  preferred_location_id uuid REFERENCES locations (id),
  -- the patient's PCP when it was asked for: whose practice reviews it
  pcp_provider_id uuid REFERENCES providers (id),
  requested_by uuid REFERENCES users (id),
  requested_by_kind text NOT NULL CHECK (requested_by_kind IN ('patient', 'proxy', 'staff')),
  via_proxy_grant_id uuid,
  -- the decision
  approved_provider_id uuid REFERENCES providers (id),
  approved_specialty text,
  visits_allowed integer CHECK (visits_allowed BETWEEN 1 AND 12),
  visits_used integer NOT NULL DEFAULT 0 CHECK (visits_used >= 0),
  expires_on date,
  decided_by uuid REFERENCES users (id),
  decided_at timestamptz,
  denial_reason text,
  visit_type_id uuid REFERENCES visit_types (id),
  visit_note text,
  expiry_reminded_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (visits_allowed IS NULL OR visits_used <= visits_allowed)
);
CREATE INDEX referrals_patient_idx ON referrals (patient_id, created_at);
CREATE INDEX referrals_pcp_idx ON referrals (pcp_provider_id, status);
CREATE INDEX referrals_ticket_idx ON referrals (patient_id, status, expires_on) WHERE status IN ('approved', 'scheduled');

CREATE TABLE referral_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  referral_id uuid NOT NULL REFERENCES referrals (id),
  patient_id uuid NOT NULL REFERENCES patients (id),
  event text NOT NULL,
  status text NOT NULL,
  by_user_id uuid REFERENCES users (id),
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX referral_events_referral_idx ON referral_events (referral_id, at);

-- An appointment booked with a referral; `released_at` when its cancellation gave the visit back.
CREATE TABLE referral_appointments (
  appointment_id uuid PRIMARY KEY REFERENCES appointments (id),
  referral_id uuid NOT NULL REFERENCES referrals (id),
  patient_id uuid NOT NULL REFERENCES patients (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  released_at timestamptz
);
CREATE INDEX referral_appointments_referral_idx ON referral_appointments (referral_id);
