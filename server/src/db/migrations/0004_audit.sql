-- The audit log: append-only and hash-chained (SPEC §4).
--
-- Rows are inserted by the application inside the transaction whose work they describe, with
-- no lock: audited requests never wait for one another. A sequencer (`audit_link_pending`,
-- run every second by each app server's worker; only one runs at a time) links committed rows
-- into the chain in batches:
--   hash = sha256(prev_hash || '\n' || seq || '\n' || canonical(row))
-- Linking at commit time instead (a deferred trigger holding the chain head until the commit
-- is flushed) was measured at about a third of the throughput on PostgreSQL, because every
-- audited commit then waited for the previous one's disk flush.
--
-- The database refuses UPDATE, DELETE and TRUNCATE. The one exception is the sequencer filling
-- seq/prev_hash/hash of a row that has none yet. In production the application's role should
-- not own these tables, so it cannot disable the triggers either.

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

-- The exact text that is hashed for a row: every column but the chain's own, each as
-- "<byte length>:<text>" ("~" for NULL), joined by "|". `audit-verify` rebuilds it independently.
-- A column added to audit_log later must be added here, in the guard below and in verify.ts.
CREATE FUNCTION audit_field(f text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN f IS NULL THEN '~' ELSE octet_length(f)::text || ':' || f END
$$;

CREATE FUNCTION audit_canonical(r audit_log) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT audit_field(r.id::text) || '|' ||
    audit_field((extract(epoch FROM r.at) * 1000000)::bigint::text) || '|' ||
    audit_field(r.actor_user_id::text) || '|' ||
    audit_field(r.actor_kind) || '|' ||
    audit_field(r.actor_system_name) || '|' ||
    audit_field(r.actor_roles::text) || '|' ||
    audit_field(r.acting_as) || '|' ||
    audit_field(r.patient_id::text) || '|' ||
    audit_field(r.proxy_grant_id::text) || '|' ||
    audit_field(r.action) || '|' ||
    audit_field(r.resource_type) || '|' ||
    audit_field(r.resource_id) || '|' ||
    audit_field(r.outcome) || '|' ||
    audit_field(r.ip) || '|' ||
    audit_field(r.user_agent) || '|' ||
    audit_field(r.request_id) || '|' ||
    audit_field(r.details::text)
$$;

CREATE INDEX audit_log_unlinked_idx ON audit_log (id) WHERE seq IS NULL;

-- Links up to `max_rows` committed, unlinked rows (in id order) and returns how many. Returns 0
-- at once when another session is linking.
CREATE FUNCTION audit_link_pending(max_rows integer) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  head_seq bigint;
  head_hash text;
  r audit_log;
  ids bigint[] := '{}';
  seqs bigint[] := '{}';
  prevs text[] := '{}';
  hashes text[] := '{}';
  n integer := 0;
BEGIN
  IF NOT pg_try_advisory_xact_lock(7340296417) THEN
    RETURN 0;
  END IF;
  SELECT seq, hash INTO head_seq, head_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE;
  IF head_seq IS NULL THEN
    RAISE EXCEPTION 'the audit chain head is missing';
  END IF;
  FOR r IN SELECT * FROM audit_log WHERE seq IS NULL ORDER BY id LIMIT max_rows LOOP
    n := n + 1;
    ids[n] := r.id;
    prevs[n] := head_hash;
    head_seq := head_seq + 1;
    seqs[n] := head_seq;
    head_hash := encode(sha256(convert_to(head_hash || E'\n' || head_seq::text || E'\n' || audit_canonical(r), 'UTF8')), 'hex');
    hashes[n] := head_hash;
  END LOOP;
  IF n = 0 THEN
    RETURN 0;
  END IF;
  PERFORM set_config('portico.audit_linking', 'on', true);
  UPDATE audit_log a SET seq = l.seq, prev_hash = l.prev_hash, hash = l.hash
    FROM unnest(ids, seqs, prevs, hashes) AS l(id, seq, prev_hash, hash)
    WHERE a.id = l.id;
  UPDATE audit_chain_head SET seq = head_seq, hash = head_hash WHERE id = 1;
  PERFORM set_config('portico.audit_linking', 'off', true);
  RETURN n;
END
$$;

CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND current_setting('portico.audit_linking', true) = 'on' THEN
    IF TG_TABLE_NAME = 'audit_chain_head' AND NEW.id = OLD.id AND NEW.seq > OLD.seq THEN
      RETURN NEW;
    END IF;
    IF TG_TABLE_NAME = 'audit_log' AND OLD.seq IS NULL AND NEW.seq IS NOT NULL
       AND (NEW.id, NEW.at, NEW.actor_user_id, NEW.actor_kind, NEW.actor_system_name, NEW.actor_roles, NEW.acting_as,
            NEW.patient_id, NEW.proxy_grant_id, NEW.action, NEW.resource_type, NEW.resource_id, NEW.outcome, NEW.ip,
            NEW.user_agent, NEW.request_id, NEW.details)
           IS NOT DISTINCT FROM
           (OLD.id, OLD.at, OLD.actor_user_id, OLD.actor_kind, OLD.actor_system_name, OLD.actor_roles, OLD.acting_as,
            OLD.patient_id, OLD.proxy_grant_id, OLD.action, OLD.resource_type, OLD.resource_id, OLD.outcome, OLD.ip,
            OLD.user_agent, OLD.request_id, OLD.details) THEN
      RETURN NEW;
    END IF;
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
