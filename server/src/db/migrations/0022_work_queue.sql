-- The shared staff work queue (SPEC §2.10, "In Basket"): every item of staff work — a refill
-- request waiting for a decision, later messages, referrals and flagged readings — is one row
-- here, in a named queue, about one patient and one record (subject), owned by a provider's
-- team (who may see it), claimed by or assigned to one person, with a due time.
CREATE TABLE work_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  queue text NOT NULL,
  patient_id uuid NOT NULL REFERENCES patients (id),
  subject_type text NOT NULL,
  subject_id uuid NOT NULL,
  -- whose team's work it is: the provider, and the staff at the locations where they practise
  provider_id uuid REFERENCES providers (id),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'claimed', 'done', 'cancelled')),
  assignee_user_id uuid REFERENCES users (id),
  due_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  claimed_at timestamptz,
  completed_at timestamptz,
  completed_by uuid REFERENCES users (id),
  UNIQUE (queue, subject_type, subject_id),
  CHECK ((status = 'claimed') = (assignee_user_id IS NOT NULL) OR status IN ('done', 'cancelled'))
);
CREATE INDEX work_items_active_idx ON work_items (queue, provider_id, due_at) WHERE status IN ('open', 'claimed');
CREATE INDEX work_items_assignee_idx ON work_items (assignee_user_id) WHERE status = 'claimed';
CREATE INDEX work_items_patient_idx ON work_items (patient_id);
