-- The operations dashboard (issue #16) reads other modules' tables by date: these indexes let
-- each figure scan only the range asked for, and (INCLUDE) read what it aggregates from the
-- index alone. Checked with EXPLAIN at 1M appointments (bench/scenarios/operations.ts).

-- booking lead time and the share of bookings made online: appointments by when they were booked
CREATE INDEX appointments_booked_on_idx ON appointments (created_at)
  INCLUDE (starts_at, location_id, provider_id, visit_type_id, booked_by);

-- no-shows, late cancellations, arrival-to-roomed wait: appointments by when they were due
CREATE INDEX appointments_due_on_idx ON appointments (starts_at)
  INCLUDE (provider_id, location_id, visit_type_id, status, cancelled_at, arrived_at, roomed_at);

-- message response time: each wait for an answer by when it began
CREATE INDEX work_items_queue_created_idx ON work_items (queue, created_at);

-- refill and referral turnaround by when they were asked for
CREATE INDEX refill_request_items_requested_idx ON refill_request_items (requested_at);
CREATE INDEX referrals_created_idx ON referrals (created_at);
