-- One language per person, held on the account (users.locale). An invitation to an address
-- that has no account yet keeps the language its sender chose, for the email and as the
-- new account's default.
ALTER TABLE proxy_invitations
  ADD COLUMN locale text NOT NULL DEFAULT 'en' CHECK (locale IN ('en', 'es'));

-- Front desk can reject a pending self-registration: the record leaves the queue, the
-- applicant is told why (a reason from a fixed list, in their language), the note stays inside.
ALTER TABLE patients DROP CONSTRAINT patients_status_check;
ALTER TABLE patients
  ADD CONSTRAINT patients_status_check CHECK (status IN ('active', 'pending_verification', 'merged', 'rejected')),
  ADD COLUMN rejected_at timestamptz,
  ADD COLUMN rejected_by uuid REFERENCES users (id),
  ADD COLUMN rejection_reason text
    CHECK (rejection_reason IN ('duplicate_record', 'details_not_confirmed', 'not_accepting_patients', 'other')),
  ADD COLUMN rejection_note text,
  ADD CONSTRAINT patients_rejection_consistent CHECK ((status = 'rejected') = (rejected_at IS NOT NULL AND rejection_reason IS NOT NULL));
