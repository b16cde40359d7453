-- A referral's history in the order it happened, even for steps recorded in the same instant
-- (approving and booking inside one request, or a frozen test clock).
ALTER TABLE referral_events ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
CREATE INDEX referral_events_order_idx ON referral_events (referral_id, seq);

-- What patients and clinicians write about a referral is sealed like other clinical free text
-- (FieldCipher, associated data per referral): the reason asked, the reason a request was
-- denied, the note asking for a visit first.
ALTER TABLE referrals ADD COLUMN reason_sealed text;
ALTER TABLE referrals ADD COLUMN denial_reason_sealed text;
ALTER TABLE referrals ADD COLUMN visit_note_sealed text;
ALTER TABLE referrals DROP COLUMN reason;
ALTER TABLE referrals DROP COLUMN denial_reason;
ALTER TABLE referrals DROP COLUMN visit_note;
