-- Earlier-appointment offers: one offer per request and slot (a re-run of the matching job
-- never offers the same time twice), and the lookups that accepting and expiring need.
CREATE UNIQUE INDEX waitlist_offers_request_slot_idx ON waitlist_offers (request_id, provider_id, starts_at);
CREATE INDEX waitlist_offers_slot_idx ON waitlist_offers (provider_id, starts_at);
CREATE INDEX waitlist_offers_open_expiry_idx ON waitlist_offers (expires_at) WHERE status = 'open';
CREATE INDEX waitlist_requests_patient_idx ON waitlist_requests (patient_id) WHERE active;
CREATE INDEX appointment_confirm_tokens_appointment_idx ON appointment_confirm_tokens (appointment_id);
