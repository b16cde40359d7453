-- The operations dashboard's portal-use figure (issue #16) reads, for any range, every chart's
-- status and account and the completed sign-ins of the range: these let it read both from an
-- index alone (checked with EXPLAIN at 1M appointments, bench/scenarios/operations.ts).

-- patients (not merged away) and those with a portal account; caregivers' patients by id
CREATE INDEX patients_status_account_idx ON patients (status, id) INCLUDE (user_id);

-- completed sign-ins by when they happened, with who signed in (the predicate is the figure's)
CREATE INDEX audit_log_sign_ins_idx ON audit_log (at) INCLUDE (actor_user_id)
  WHERE outcome = 'success' AND (action = 'mfa_verified' OR (action = 'login' AND details->>'step' = 'complete'));
