-- The free text clinicians write about a medication — why it was stopped, why a refill was
-- denied — is clinical content: sealed with the field cipher like message bodies (SPEC §4),
-- re-sealed by key rotation. Replaces the plain columns of 0021 (not yet released).
ALTER TABLE medications DROP COLUMN stop_reason;
ALTER TABLE medications ADD COLUMN stop_reason_sealed text;
ALTER TABLE medication_events DROP COLUMN reason;
ALTER TABLE medication_events ADD COLUMN reason_sealed text;
ALTER TABLE refill_request_items DROP COLUMN denial_reason;
ALTER TABLE refill_request_items ADD COLUMN denial_reason_sealed text;
