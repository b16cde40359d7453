-- The audit log: append-only and hash-chained (SPEC §4).
--
-- Rows are inserted by the application inside the transaction whose work they describe.
-- The chain is linked at COMMIT by a deferred constraint trigger: it locks the single
-- chain-head row, takes the next sequence number and computes
--   hash = sha256(prev_hash || '\n' || seq || '\n' || canonical(row))
-- so the serialised section lasts only from the trigger to the end of the commit, not the
-- whole request, and the chain follows commit order across any number of app servers.
-- Audited transactions run at READ COMMITTED (the default); at REPEATABLE READ or above a
-- concurrent append makes the commit fail with a serialization error rather than fork the chain.
--
-- The database refuses UPDATE, DELETE and TRUNCATE. The one exception is the chain trigger
-- filling seq/prev_hash/hash of a row that has none yet. In production the application's
-- role should not own these tables, so it cannot disable the triggers either.

CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL,
  actor_user_id uuid,
  actor_kind text NOT NULL CHECK (actor_kind IN ('anonymous', 'user', 'system')),
  actor_system_name text,
  actor_roles text[] NOT NULL DEFAULT '{}',
  -- the capacity the access was granted in: patient, proxy, front_desk, nurse, physician, admin, system
  acting_as text,
  patient_id uuid,
  proxy_grant_id uuid,
  action text NOT NULL,
  resource_type text NOT NULL,
  resource_id text,
  outcome text NOT NULL CHECK (outcome IN ('success', 'denied', 'failure')),
  ip text,
  user_agent text,
  request_id text,
  -- identifiers and reasons only, never PHI
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  seq bigint UNIQUE,
  prev_hash text,
  hash text
);
CREATE INDEX audit_log_patient_idx ON audit_log (patient_id, id DESC) WHERE patient_id IS NOT NULL;
CREATE INDEX audit_log_actor_idx ON audit_log (actor_user_id, id DESC) WHERE actor_user_id IS NOT NULL;
CREATE INDEX audit_log_at_idx ON audit_log USING brin (at);

CREATE TABLE audit_chain_head (
  id integer PRIMARY KEY CHECK (id = 1),
  seq bigint NOT NULL,
  hash text NOT NULL
);
INSERT INTO audit_chain_head (id, seq, hash) VALUES (1, 0, repeat('0', 64));

-- The exact text that is hashed for a row. `audit-verify` rebuilds it independently.
CREATE FUNCTION audit_canonical(r audit_log) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT string_agg(CASE WHEN f IS NULL THEN '~' ELSE octet_length(f)::text || ':' || f END, '|' ORDER BY i)
  FROM unnest(ARRAY[
    r.id::text,
    (extract(epoch FROM r.at) * 1000000)::bigint::text,
    r.actor_user_id::text,
    r.actor_kind,
    r.actor_system_name,
    r.actor_roles::text,
    r.acting_as,
    r.patient_id::text,
    r.proxy_grant_id::text,
    r.action,
    r.resource_type,
    r.resource_id,
    r.outcome,
    r.ip,
    r.user_agent,
    r.request_id,
    r.details::text
  ]) WITH ORDINALITY AS t(f, i)
$$;

CREATE FUNCTION audit_log_link() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  head_seq bigint;
  head_hash text;
  next_hash text;
BEGIN
  SELECT seq, hash INTO head_seq, head_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE;
  IF head_seq IS NULL THEN
    RAISE EXCEPTION 'the audit chain head is missing';
  END IF;
  next_hash := encode(sha256(convert_to(head_hash || E'\n' || (head_seq + 1)::text || E'\n' || audit_canonical(NEW), 'UTF8')), 'hex');
  UPDATE audit_chain_head SET seq = head_seq + 1, hash = next_hash WHERE id = 1;
  UPDATE audit_log SET seq = head_seq + 1, prev_hash = head_hash, hash = next_hash WHERE id = NEW.id;
  RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER audit_log_link AFTER INSERT ON audit_log
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_log_link();

CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'audit_log' AND pg_trigger_depth() > 1 AND OLD.hash IS NULL
     AND to_jsonb(NEW) - 'seq' - 'prev_hash' - 'hash' = to_jsonb(OLD) - 'seq' - 'prev_hash' - 'hash' THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'audit_chain_head' AND pg_trigger_depth() > 1 AND NEW.id = OLD.id THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'the audit log is append-only: % on % is not allowed', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_chain_head_guard BEFORE UPDATE OR DELETE ON audit_chain_head
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_chain_head_no_truncate BEFORE TRUNCATE ON audit_chain_head
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
