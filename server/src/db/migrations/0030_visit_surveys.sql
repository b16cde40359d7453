-- Post-visit surveys (SPEC §2.8): after a visit is completed, a job sends the patient (or whoever
-- may be told) a signed single-use link to a 0–10 "would you recommend" score and an optional
-- comment. One row per visit, written when the link is sent; answered once. The comment is
-- sealed with the field cipher (associated data `visit-survey-comment:<id>`). The operations
-- dashboard reads answered rows: score, answered_at, provider_id, location_id.
CREATE TABLE visit_surveys (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  appointment_id uuid NOT NULL UNIQUE REFERENCES appointments (id),
  patient_id uuid NOT NULL REFERENCES patients (id),
  provider_id uuid NOT NULL REFERENCES providers (id),
  location_id uuid NOT NULL REFERENCES locations (id),
  -- SHA-256 (hex) of the random part of the link; the link itself is never stored
  token_hash text NOT NULL UNIQUE,
  -- whom the link went to: the patient, or a proxy told on their behalf (whoMayBeTold)
  sent_to_user_id uuid REFERENCES users (id),
  sent_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  answered_at timestamptz,
  score smallint CHECK (score BETWEEN 0 AND 10),
  comment_sealed text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((answered_at IS NULL) = (score IS NULL)),
  CHECK (comment_sealed IS NULL OR answered_at IS NOT NULL)
);
CREATE INDEX visit_surveys_patient_idx ON visit_surveys (patient_id, sent_at);
CREATE INDEX visit_surveys_provider_answered_idx ON visit_surveys (provider_id, answered_at) WHERE answered_at IS NOT NULL;
CREATE INDEX visit_surveys_location_answered_idx ON visit_surveys (location_id, answered_at) WHERE answered_at IS NOT NULL;
