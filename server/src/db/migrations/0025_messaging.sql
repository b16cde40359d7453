-- Secure messaging (SPEC §2.5): pools of staff that answer topics, holidays of a location
-- (business hours are the location's opening hours), threads and messages with sealed
-- subjects and bodies, attachments (files in the file store), read state per person,
-- quick replies per pool, physicians' message office hours and out-of-office, and staff
-- digest preferences. Waiting threads are work items of the shared queue, which gains the
-- pool whose members work them.

CREATE TABLE message_pools (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL UNIQUE,
  readers_description text NOT NULL,
  readers_description_es text NOT NULL,
  location_id uuid NOT NULL REFERENCES locations (id),
  response_target_hours integer NOT NULL CHECK (response_target_hours BETWEEN 1 AND 240),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE message_pool_members (
  pool_id uuid NOT NULL REFERENCES message_pools (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id),
  PRIMARY KEY (pool_id, user_id)
);
CREATE INDEX message_pool_members_user_idx ON message_pool_members (user_id);

-- each topic is answered by exactly one pool
CREATE TABLE message_topic_routes (
  topic text PRIMARY KEY CHECK (
    topic IN ('medical_question', 'medication', 'test_result', 'appointment', 'referral', 'billing', 'other')
  ),
  pool_id uuid NOT NULL REFERENCES message_pools (id)
);

-- days a location is closed: no business hours count on them
CREATE TABLE location_holidays (
  location_id uuid NOT NULL REFERENCES locations (id),
  holiday_on date NOT NULL,
  name text NOT NULL,
  PRIMARY KEY (location_id, holiday_on)
);

CREATE TABLE message_threads (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patients (id),
  topic text NOT NULL,
  -- sealed with the field cipher (associated data message_thread:<id>)
  sealed_subject text NOT NULL,
  pool_id uuid NOT NULL REFERENCES message_pools (id),
  -- the physician a clinical thread is addressed to (the patient's primary care physician)
  provider_id uuid REFERENCES providers (id),
  status text NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'answered', 'closed')),
  -- the work item of the current (or last) wait for an answer
  work_item_id uuid REFERENCES work_items (id),
  due_at timestamptz,
  -- messages so far: the next message takes message_count + 1 as its seq (row lock)
  message_count integer NOT NULL DEFAULT 0,
  last_message_at timestamptz NOT NULL,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL,
  first_response_at timestamptz,
  closed_at timestamptz,
  closed_by uuid REFERENCES users (id)
);
CREATE INDEX message_threads_patient_idx ON message_threads (patient_id, last_message_at DESC);
CREATE INDEX message_threads_pool_idx ON message_threads (pool_id, status, due_at);
CREATE INDEX message_threads_provider_idx ON message_threads (provider_id) WHERE provider_id IS NOT NULL;

CREATE TABLE messages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  thread_id uuid NOT NULL REFERENCES message_threads (id),
  patient_id uuid NOT NULL REFERENCES patients (id),
  seq integer NOT NULL CHECK (seq > 0),
  kind text NOT NULL CHECK (kind IN ('message', 'auto_reply', 'internal_note')),
  author_kind text NOT NULL CHECK (author_kind IN ('patient', 'proxy', 'staff', 'system')),
  author_user_id uuid REFERENCES users (id),
  via_proxy_grant_id uuid REFERENCES proxy_grants (id),
  -- sealed with the field cipher (associated data message:<id>)
  sealed_body text NOT NULL,
  -- auto_reply: { reason, physicianName, expectAnswerBy, poolName }
  auto_reply jsonb,
  quick_reply_id uuid,
  created_at timestamptz NOT NULL,
  UNIQUE (thread_id, seq),
  CHECK ((kind = 'internal_note') <= (author_kind = 'staff'))
);
CREATE INDEX messages_patient_idx ON messages (patient_id);

-- an uploaded file waiting to be sent (message_id null) or sent on a message
CREATE TABLE message_attachments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  file_id uuid NOT NULL UNIQUE REFERENCES files (id),
  patient_id uuid NOT NULL REFERENCES patients (id),
  message_id uuid REFERENCES messages (id),
  uploaded_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX message_attachments_message_idx ON message_attachments (message_id);
CREATE INDEX message_attachments_patient_idx ON message_attachments (patient_id);

-- how far each person has read a thread (unread = later messages by someone else)
CREATE TABLE message_reads (
  thread_id uuid NOT NULL REFERENCES message_threads (id),
  user_id uuid NOT NULL REFERENCES users (id),
  side text NOT NULL CHECK (side IN ('patient', 'staff')),
  last_read_seq integer NOT NULL DEFAULT 0,
  read_at timestamptz NOT NULL,
  PRIMARY KEY (thread_id, user_id)
);

CREATE TABLE message_quick_replies (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  pool_id uuid NOT NULL REFERENCES message_pools (id) ON DELETE CASCADE,
  title text NOT NULL,
  body text NOT NULL,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX message_quick_replies_pool_idx ON message_quick_replies (pool_id);

-- a physician's message office hours ([{ weekday, start, end }] in time_zone) and out-of-office
CREATE TABLE message_office_hours (
  user_id uuid PRIMARY KEY REFERENCES users (id),
  time_zone text NOT NULL,
  hours jsonb NOT NULL DEFAULT '[]'::jsonb,
  covering_pool_id uuid REFERENCES message_pools (id),
  out_from timestamptz,
  out_until timestamptz,
  delegate_user_id uuid REFERENCES users (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((out_from IS NULL) = (out_until IS NULL)),
  CHECK (out_until IS NULL OR out_until > out_from)
);

-- when a staff member wants a digest of new work (local times ["08:00", …] in time_zone)
CREATE TABLE message_digest_preferences (
  user_id uuid PRIMARY KEY REFERENCES users (id),
  enabled boolean NOT NULL DEFAULT true,
  times jsonb NOT NULL DEFAULT '[]'::jsonb,
  time_zone text NOT NULL,
  last_sent_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- message work belongs to a pool: its members see it (refill items have none)
ALTER TABLE work_items ADD COLUMN pool_id uuid REFERENCES message_pools (id);
CREATE INDEX work_items_pool_idx ON work_items (pool_id) WHERE pool_id IS NOT NULL;
