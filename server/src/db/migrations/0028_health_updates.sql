-- Health updates from patients (SPEC §2.7): readings and questionnaires, each flagged against the
-- clinic's ranges when it is sent; a flagged one is a `health_flags` row (and a work item of the
-- `health_updates` queue) that the care team acknowledges and resolves.

-- The clinic's flag ranges, one row per measure (canonical units: mmHg, bpm, kg, mg/dL, °C, %,
-- questionnaire score). Below `urgent_below` or at/above `urgent_at_or_above`: urgent; else below
-- `attention_below` or at/above `attention_at_or_above`: attention. NULL: no such limit.
CREATE TABLE health_flag_ranges (
  key text PRIMARY KEY CHECK (key IN
    ('systolic', 'diastolic', 'heart_rate', 'weight', 'glucose', 'temperature', 'spo2', 'phq9', 'gad7')),
  urgent_below numeric,
  attention_below numeric,
  attention_at_or_above numeric,
  urgent_at_or_above numeric,
  updated_by uuid REFERENCES users (id),
  updated_at timestamptz,
  CHECK (urgent_below IS NULL OR attention_below IS NULL OR urgent_below <= attention_below),
  CHECK (attention_at_or_above IS NULL OR urgent_at_or_above IS NULL OR attention_at_or_above <= urgent_at_or_above)
);
INSERT INTO health_flag_ranges (key, urgent_below, attention_below, attention_at_or_above, urgent_at_or_above) VALUES
  ('systolic', 70, 90, 140, 180),
  ('diastolic', NULL, 60, 90, 120),
  ('heart_rate', 40, 50, 100, 130),
  ('weight', NULL, NULL, NULL, NULL),
  ('glucose', 54, 70, 250, 400),
  ('temperature', 35, 36, 38, 40),
  ('spo2', 90, 94, NULL, NULL),
  ('phq9', NULL, NULL, 15, NULL),
  ('gad7', NULL, NULL, 15, NULL);

CREATE TABLE health_readings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patients (id),
  measure text NOT NULL CHECK (measure IN ('blood_pressure', 'heart_rate', 'weight', 'glucose', 'temperature', 'spo2')),
  -- as entered
  unit text NOT NULL,
  value_entered numeric,
  -- canonical (blood pressure: systolic/diastolic, always mmHg)
  value numeric,
  systolic integer,
  diastolic integer,
  taken_at timestamptz NOT NULL,
  -- the patient's note, sealed (FieldCipher, `health-reading-note:<id>`)
  note_sealed text,
  flag text NOT NULL CHECK (flag IN ('urgent', 'attention', 'normal')),
  flag_reasons text[] NOT NULL DEFAULT '{}',
  entered_by uuid REFERENCES users (id),
  entered_by_kind text NOT NULL CHECK (entered_by_kind IN ('patient', 'proxy', 'staff', 'system')),
  via_proxy_grant_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((measure = 'blood_pressure') = (systolic IS NOT NULL AND diastolic IS NOT NULL)),
  CHECK ((measure = 'blood_pressure') = (value IS NULL)),
  CHECK (systolic IS NULL OR systolic > diastolic)
);
CREATE INDEX health_readings_patient_idx ON health_readings (patient_id, taken_at DESC);

CREATE TABLE questionnaire_responses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patients (id),
  kind text NOT NULL CHECK (kind IN ('phq9', 'gad7')),
  answers smallint[] NOT NULL,
  score integer NOT NULL CHECK (score >= 0),
  severity text NOT NULL,
  flag text NOT NULL CHECK (flag IN ('urgent', 'attention', 'normal')),
  flag_reasons text[] NOT NULL DEFAULT '{}',
  entered_by uuid REFERENCES users (id),
  entered_by_kind text NOT NULL CHECK (entered_by_kind IN ('patient', 'proxy', 'staff', 'system')),
  via_proxy_grant_id uuid,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX questionnaire_responses_patient_idx ON questionnaire_responses (patient_id, created_at DESC);

CREATE TABLE health_flags (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patients (id),
  reading_id uuid REFERENCES health_readings (id),
  questionnaire_response_id uuid REFERENCES questionnaire_responses (id),
  level text NOT NULL CHECK (level IN ('urgent', 'attention')),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'acknowledged', 'resolved')),
  acknowledged_by uuid REFERENCES users (id),
  acknowledged_at timestamptz,
  resolved_by uuid REFERENCES users (id),
  resolved_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((reading_id IS NULL) <> (questionnaire_response_id IS NULL))
);
CREATE INDEX health_flags_patient_idx ON health_flags (patient_id, created_at);
CREATE INDEX health_flags_active_idx ON health_flags (created_at) WHERE status <> 'resolved';
