-- Staff can give a parent or legal representative who has no portal account access to a
-- patient: the grant waits as an invitation (the emailed link creates a caregiver-only login)
-- and, once accepted, carries the reason the staff member recorded.
ALTER TABLE proxy_invitations
  ADD COLUMN from_clinic boolean NOT NULL DEFAULT false,
  ADD COLUMN reason text;
