-- The operations dashboard's portal-use figure (issue #16) reads, for any range, every chart's
-- status and account and the completed sign-ins of the range: these let it read both from an
-- index alone (checked with EXPLAIN at 1M appointments, bench/scenarios/operations.ts).

-- patients (not merged away) and those with a portal account; caregivers' patients by id
CREATE INDEX patients_status_account_idx ON patients (status, id) INCLUDE (user_id);

-- completed sign-ins by when they happened, with who signed in (the predicate is the figure's)
CREATE INDEX audit_log_sign_ins_idx ON audit_log (at) INCLUDE (actor_user_id)
  WHERE outcome = 'success' AND (action = 'mfa_verified' OR (action = 'login' AND details->>'step' = 'complete'));

-- the roll-up (0041) also keeps ISO weeks (Monday to Sunday) of closed days: a 90-day range
-- adds up about 12 weeks and a few days instead of 90 days
ALTER TABLE operations_rollup DROP CONSTRAINT operations_rollup_span_check;
ALTER TABLE operations_rollup ADD CONSTRAINT operations_rollup_span_check CHECK (span IN ('d', 'w', 'm'));
CREATE TABLE operations_rollup_weeks (
  week date PRIMARY KEY,
  built_from timestamptz NOT NULL
);

-- a changed source row marks its closed day's row if there is one (and never inserts it): the
-- roll-up job creates each day's row ahead (up to tomorrow), and rolls a day up only once its
-- row is 10 minutes old, so a transaction that touched the day before the row existed has
-- ended. Where the job has never run (most tests), writers take no lock at all.
ALTER TABLE operations_rollup_days ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
CREATE OR REPLACE FUNCTION operations_rollup_touch(instants timestamptz[]) RETURNS void
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
  UPDATE operations_rollup_days SET rolled = false WHERE day = ANY (days);
END $$;
