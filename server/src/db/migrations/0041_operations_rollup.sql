-- The operations dashboard's roll-up (issue #16): per closed local day of the reporting zone
-- (and per calendar month of such days), the figures' counts and the distribution of their
-- durations at the precision shown, by location and provider. Figures read closed days from
-- here and everything else (today, days not yet rolled up, days changed since) live.
-- `modules/operations/rollup.ts` fills it; the triggers below mark a closed day changed when a
-- row it was computed from changes, so a figure never reads a stale day.

-- the zone whose local days the roll-up is keyed by (the reporting zone when it was built)
CREATE TABLE operations_rollup_state (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  time_zone text NOT NULL
);
INSERT INTO operations_rollup_state (time_zone)
SELECT coalesce((SELECT time_zone FROM locations ORDER BY created_at, id LIMIT 1), 'UTC');

-- one row per closed day: rolled = its rows in operations_rollup are current; a change to the
-- day's source rows sets rolled = false (the row lock orders the change after a roll-up in progress)
CREATE TABLE operations_rollup_days (
  day date PRIMARY KEY,
  rolled boolean NOT NULL,
  rolled_at timestamptz
);

-- a month's rows are current while every day of the month is rolled and built_from is still
-- the latest rolled_at among them
CREATE TABLE operations_rollup_months (
  month date PRIMARY KEY,
  built_from timestamptz NOT NULL
);

CREATE TABLE operations_rollup (
  span "char" NOT NULL CHECK (span IN ('d', 'm')),
  -- the local day, or the month's first day
  day date NOT NULL,
  figure text NOT NULL,
  -- a: the whole clinic; l: per location; p: per location and provider
  grain "char" NOT NULL CHECK (grain IN ('a', 'l', 'p')),
  location_id uuid,
  provider_id uuid,
  grp text NOT NULL,
  -- a duration in the figure's step (0.1 day, 0.1 hour, 0.1 minute, 0.01 day); null for counts
  bucket integer,
  n bigint NOT NULL,
  c1 bigint NOT NULL,
  c2 bigint NOT NULL,
  c3 bigint NOT NULL,
  c4 bigint NOT NULL,
  s1 bigint NOT NULL
);
CREATE INDEX operations_rollup_read_idx ON operations_rollup (figure, grain, span, provider_id, day)
  INCLUDE (location_id, grp, bucket, n, c1, c2, c3, c4, s1);
CREATE INDEX operations_rollup_day_idx ON operations_rollup (span, day);

-- surveys by when they were sent (the survey figure's range, and a day's roll-up)
CREATE INDEX visit_surveys_sent_idx ON visit_surveys (sent_at);
-- message waits still waiting: read live even on rolled-up days ("overdue" moves with the clock)
CREATE INDEX work_items_messages_waiting_idx ON work_items (created_at)
  WHERE queue = 'messages' AND status IN ('open', 'claimed');

-- marks the closed local days of these instants changed (days not yet closed are never rolled
-- up, so a booking made today takes no lock; the 5 minutes cover a transaction that began
-- before midnight: the roll-up waits 10 minutes after a day ends)
CREATE FUNCTION operations_rollup_touch(instants timestamptz[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  tz text;
  days date[];
BEGIN
  SELECT time_zone INTO tz FROM operations_rollup_state;
  IF tz IS NULL THEN RETURN; END IF;
  SELECT array_agg(DISTINCT x.d ORDER BY x.d) INTO days
  FROM (SELECT (i AT TIME ZONE tz)::date AS d FROM unnest(instants) AS u(i) WHERE i IS NOT NULL) x
  WHERE ((x.d + 1)::timestamp AT TIME ZONE tz) <= now() + interval '5 minutes';
  IF days IS NULL THEN RETURN; END IF;
  INSERT INTO operations_rollup_days (day, rolled)
  SELECT d, false FROM unnest(days) AS u(d) ORDER BY d
  ON CONFLICT (day) DO UPDATE SET rolled = false;
END $$;

-- everything is computed again (a change to what every day depends on: staff roles, a visit
-- type's cancellation notice, a pool's location, a truncated table)
CREATE FUNCTION operations_rollup_invalidate_all() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE operations_rollup_days SET rolled = false WHERE rolled;
  RETURN NULL;
END $$;

-- appointments: booked on (lead time, bookings) and due on (no-shows, arrival wait)
CREATE FUNCTION operations_rollup_appointments_rows() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM operations_rollup_touch(array(SELECT created_at FROM old_rows UNION SELECT starts_at FROM old_rows));
  ELSE
    PERFORM operations_rollup_touch(array(SELECT created_at FROM new_rows UNION SELECT starts_at FROM new_rows));
  END IF;
  RETURN NULL;
END $$;
CREATE FUNCTION operations_rollup_appointments_row() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM operations_rollup_touch(ARRAY[OLD.created_at, OLD.starts_at, NEW.created_at, NEW.starts_at]);
  RETURN NULL;
END $$;
CREATE TRIGGER operations_rollup_ins AFTER INSERT ON appointments
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION operations_rollup_appointments_rows();
CREATE TRIGGER operations_rollup_del AFTER DELETE ON appointments
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION operations_rollup_appointments_rows();
CREATE TRIGGER operations_rollup_upd AFTER UPDATE ON appointments FOR EACH ROW
  WHEN ((OLD.created_at, OLD.starts_at, OLD.status, OLD.cancelled_at, OLD.arrived_at, OLD.roomed_at, OLD.location_id,
         OLD.provider_id, OLD.visit_type_id, OLD.booked_by)
        IS DISTINCT FROM (NEW.created_at, NEW.starts_at, NEW.status, NEW.cancelled_at, NEW.arrived_at, NEW.roomed_at,
         NEW.location_id, NEW.provider_id, NEW.visit_type_id, NEW.booked_by))
  EXECUTE FUNCTION operations_rollup_appointments_row();
CREATE TRIGGER operations_rollup_truncate AFTER TRUNCATE ON appointments
  FOR EACH STATEMENT EXECUTE FUNCTION operations_rollup_invalidate_all();

-- message waits, by when they began
CREATE FUNCTION operations_rollup_work_items_rows() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM operations_rollup_touch(array(SELECT created_at FROM old_rows WHERE queue = 'messages'));
  ELSE
    PERFORM operations_rollup_touch(array(SELECT created_at FROM new_rows WHERE queue = 'messages'));
  END IF;
  RETURN NULL;
END $$;
CREATE FUNCTION operations_rollup_work_items_row() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM operations_rollup_touch(ARRAY[OLD.created_at, NEW.created_at]);
  RETURN NULL;
END $$;
CREATE TRIGGER operations_rollup_ins AFTER INSERT ON work_items
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION operations_rollup_work_items_rows();
CREATE TRIGGER operations_rollup_del AFTER DELETE ON work_items
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION operations_rollup_work_items_rows();
CREATE TRIGGER operations_rollup_upd AFTER UPDATE ON work_items FOR EACH ROW
  WHEN ((OLD.queue = 'messages' OR NEW.queue = 'messages')
        AND (OLD.queue, OLD.created_at, OLD.status, OLD.completed_at, OLD.due_at, OLD.pool_id, OLD.provider_id)
        IS DISTINCT FROM (NEW.queue, NEW.created_at, NEW.status, NEW.completed_at, NEW.due_at, NEW.pool_id, NEW.provider_id))
  EXECUTE FUNCTION operations_rollup_work_items_row();
CREATE TRIGGER operations_rollup_truncate AFTER TRUNCATE ON work_items
  FOR EACH STATEMENT EXECUTE FUNCTION operations_rollup_invalidate_all();

-- refill request items, by when they were asked for; a medicine's prescriber names their provider
CREATE FUNCTION operations_rollup_refill_items_rows() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM operations_rollup_touch(array(SELECT requested_at FROM old_rows));
  ELSE
    PERFORM operations_rollup_touch(array(SELECT requested_at FROM new_rows));
  END IF;
  RETURN NULL;
END $$;
CREATE FUNCTION operations_rollup_refill_item_row() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM operations_rollup_touch(ARRAY[OLD.requested_at, NEW.requested_at]);
  RETURN NULL;
END $$;
CREATE TRIGGER operations_rollup_ins AFTER INSERT ON refill_request_items
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION operations_rollup_refill_items_rows();
CREATE TRIGGER operations_rollup_del AFTER DELETE ON refill_request_items
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION operations_rollup_refill_items_rows();
CREATE TRIGGER operations_rollup_upd AFTER UPDATE ON refill_request_items FOR EACH ROW
  WHEN ((OLD.requested_at, OLD.automatic, OLD.decided_at, OLD.sent_at, OLD.medication_id)
        IS DISTINCT FROM (NEW.requested_at, NEW.automatic, NEW.decided_at, NEW.sent_at, NEW.medication_id))
  EXECUTE FUNCTION operations_rollup_refill_item_row();
CREATE TRIGGER operations_rollup_truncate AFTER TRUNCATE ON refill_request_items
  FOR EACH STATEMENT EXECUTE FUNCTION operations_rollup_invalidate_all();
CREATE FUNCTION operations_rollup_medication_row() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM operations_rollup_touch(array(SELECT requested_at FROM refill_request_items WHERE medication_id = NEW.id));
  RETURN NULL;
END $$;
CREATE TRIGGER operations_rollup_upd AFTER UPDATE ON medications FOR EACH ROW
  WHEN (OLD.prescriber_id IS DISTINCT FROM NEW.prescriber_id)
  EXECUTE FUNCTION operations_rollup_medication_row();

-- referrals, by when they were asked for (their first booked visit counts on that day too)
CREATE FUNCTION operations_rollup_referrals_rows() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM operations_rollup_touch(array(SELECT created_at FROM old_rows));
  ELSE
    PERFORM operations_rollup_touch(array(SELECT created_at FROM new_rows));
  END IF;
  RETURN NULL;
END $$;
CREATE FUNCTION operations_rollup_referral_row() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM operations_rollup_touch(ARRAY[OLD.created_at, NEW.created_at]);
  RETURN NULL;
END $$;
CREATE TRIGGER operations_rollup_ins AFTER INSERT ON referrals
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION operations_rollup_referrals_rows();
CREATE TRIGGER operations_rollup_del AFTER DELETE ON referrals
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION operations_rollup_referrals_rows();
CREATE TRIGGER operations_rollup_upd AFTER UPDATE ON referrals FOR EACH ROW
  WHEN ((OLD.created_at, OLD.decided_at, OLD.pcp_provider_id, OLD.approved_provider_id)
        IS DISTINCT FROM (NEW.created_at, NEW.decided_at, NEW.pcp_provider_id, NEW.approved_provider_id))
  EXECUTE FUNCTION operations_rollup_referral_row();
CREATE TRIGGER operations_rollup_truncate AFTER TRUNCATE ON referrals
  FOR EACH STATEMENT EXECUTE FUNCTION operations_rollup_invalidate_all();
CREATE FUNCTION operations_rollup_referral_appointments_rows() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM operations_rollup_touch(array(
      SELECT r.created_at FROM referrals r WHERE r.id IN (SELECT referral_id FROM old_rows)));
  ELSE
    PERFORM operations_rollup_touch(array(
      SELECT r.created_at FROM referrals r WHERE r.id IN (SELECT referral_id FROM new_rows)));
  END IF;
  RETURN NULL;
END $$;
CREATE FUNCTION operations_rollup_referral_appointment_row() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM operations_rollup_touch(array(
    SELECT r.created_at FROM referrals r WHERE r.id IN (OLD.referral_id, NEW.referral_id)));
  RETURN NULL;
END $$;
CREATE TRIGGER operations_rollup_ins AFTER INSERT ON referral_appointments
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION operations_rollup_referral_appointments_rows();
CREATE TRIGGER operations_rollup_del AFTER DELETE ON referral_appointments
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION operations_rollup_referral_appointments_rows();
CREATE TRIGGER operations_rollup_upd AFTER UPDATE ON referral_appointments FOR EACH ROW
  WHEN ((OLD.referral_id, OLD.created_at) IS DISTINCT FROM (NEW.referral_id, NEW.created_at))
  EXECUTE FUNCTION operations_rollup_referral_appointment_row();
CREATE TRIGGER operations_rollup_truncate AFTER TRUNCATE ON referral_appointments
  FOR EACH STATEMENT EXECUTE FUNCTION operations_rollup_invalidate_all();

-- post-visit surveys, by when they were sent (an answer arriving days later changes that day)
CREATE FUNCTION operations_rollup_surveys_rows() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM operations_rollup_touch(array(SELECT sent_at FROM old_rows));
  ELSE
    PERFORM operations_rollup_touch(array(SELECT sent_at FROM new_rows));
  END IF;
  RETURN NULL;
END $$;
CREATE FUNCTION operations_rollup_survey_row() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM operations_rollup_touch(ARRAY[OLD.sent_at, NEW.sent_at]);
  RETURN NULL;
END $$;
CREATE TRIGGER operations_rollup_ins AFTER INSERT ON visit_surveys
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION operations_rollup_surveys_rows();
CREATE TRIGGER operations_rollup_del AFTER DELETE ON visit_surveys
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION operations_rollup_surveys_rows();
CREATE TRIGGER operations_rollup_upd AFTER UPDATE ON visit_surveys FOR EACH ROW
  WHEN ((OLD.sent_at, OLD.answered_at, OLD.score, OLD.provider_id, OLD.location_id)
        IS DISTINCT FROM (NEW.sent_at, NEW.answered_at, NEW.score, NEW.provider_id, NEW.location_id))
  EXECUTE FUNCTION operations_rollup_survey_row();
CREATE TRIGGER operations_rollup_truncate AFTER TRUNCATE ON visit_surveys
  FOR EACH STATEMENT EXECUTE FUNCTION operations_rollup_invalidate_all();

-- what every day depends on
CREATE TRIGGER operations_rollup_roles AFTER INSERT OR UPDATE OR DELETE ON user_roles
  FOR EACH STATEMENT EXECUTE FUNCTION operations_rollup_invalidate_all();
CREATE TRIGGER operations_rollup_notice AFTER UPDATE ON visit_types FOR EACH ROW
  WHEN (OLD.cancellation_notice_minutes IS DISTINCT FROM NEW.cancellation_notice_minutes)
  EXECUTE FUNCTION operations_rollup_invalidate_all();
CREATE TRIGGER operations_rollup_pool_location AFTER UPDATE ON message_pools FOR EACH ROW
  WHEN (OLD.location_id IS DISTINCT FROM NEW.location_id)
  EXECUTE FUNCTION operations_rollup_invalidate_all();
