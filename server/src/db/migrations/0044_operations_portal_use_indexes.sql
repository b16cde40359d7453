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
