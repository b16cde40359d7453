-- A referral's history in the order it happened, even for steps recorded in the same instant
-- (approving and booking inside one request, or a frozen test clock).
ALTER TABLE referral_events ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
CREATE INDEX referral_events_order_idx ON referral_events (referral_id, seq);
