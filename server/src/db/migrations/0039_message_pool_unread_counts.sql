-- The staff inbox's unread count per pool, kept per member instead of counted per request.
-- A row per pool member: how many active (waiting or answered) threads of the pool have a
-- message by someone other than the member after the member's last read — the same rule as
-- 0032's columns ("newest seq by someone else" > the member's last_read_seq). Kept exact in
-- the writing transaction by triggers:
--   * message_threads after update/insert (the messages_track_last trigger moves last_seq on
--     every message; status and pool changes move a thread in or out of a pool's count);
--   * message_reads (a member reads a thread);
--   * message_pool_members after insert (the new member's count, computed once).
-- Ordering: every change of a thread's unread state for a member happens while that thread's
-- row is locked (a writer holds it FOR NO KEY UPDATE; a member's read takes the same lock in
-- a BEFORE trigger, before its read row), so the two sides never count from stale state. A
-- writer updates the members' rows in user order, so two writers of one pool never deadlock.
CREATE TABLE message_pool_unread (
  pool_id uuid NOT NULL,
  user_id uuid NOT NULL,
  unread integer NOT NULL DEFAULT 0 CHECK (unread >= 0),
  PRIMARY KEY (pool_id, user_id),
  FOREIGN KEY (pool_id, user_id) REFERENCES message_pool_members (pool_id, user_id) ON DELETE CASCADE
);

-- whether thread t (as a row) has anything unread for user u who has read up to read_seq
CREATE FUNCTION message_thread_unread_for(status text, last_seq integer, last_author uuid, other_before integer,
  u uuid, read_seq integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT status IN ('waiting', 'answered')
     AND (CASE WHEN last_author IS DISTINCT FROM u THEN last_seq ELSE other_before END) > coalesce(read_seq, 0)
$$;

-- a pool member's count from the threads themselves (the backfill, a new member, and checks)
CREATE FUNCTION message_pool_unread_count(p uuid, u uuid) RETURNS integer LANGUAGE sql STABLE AS $$
  SELECT count(*)::int
  FROM message_threads t
  LEFT JOIN message_reads r ON r.thread_id = t.id AND r.user_id = u
  WHERE t.pool_id = p AND t.status IN ('waiting', 'answered')
    AND message_thread_unread_for(t.status, t.last_seq, t.last_author_user_id, t.other_before_last_seq, u, r.last_read_seq)
$$;

CREATE FUNCTION message_threads_count_unread() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  c record;
BEGIN
  IF TG_OP = 'UPDATE'
     AND NEW.status IS NOT DISTINCT FROM OLD.status AND NEW.pool_id = OLD.pool_id
     AND NEW.last_seq = OLD.last_seq AND NEW.other_before_last_seq = OLD.other_before_last_seq
     AND NEW.last_author_user_id IS NOT DISTINCT FROM OLD.last_author_user_id THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' AND NEW.last_seq = 0 THEN
    RETURN NULL;
  END IF;
  FOR c IN
    SELECT m.pool_id, m.user_id,
      (CASE WHEN m.pool_id = NEW.pool_id AND message_thread_unread_for(NEW.status, NEW.last_seq,
         NEW.last_author_user_id, NEW.other_before_last_seq, m.user_id, r.last_read_seq) THEN 1 ELSE 0 END)
      - (CASE WHEN TG_OP = 'UPDATE' AND m.pool_id = OLD.pool_id AND message_thread_unread_for(OLD.status, OLD.last_seq,
         OLD.last_author_user_id, OLD.other_before_last_seq, m.user_id, r.last_read_seq) THEN 1 ELSE 0 END) AS delta
    FROM message_pool_members m
    LEFT JOIN message_reads r ON r.thread_id = NEW.id AND r.user_id = m.user_id
    WHERE m.pool_id = NEW.pool_id OR (TG_OP = 'UPDATE' AND m.pool_id = OLD.pool_id)
    ORDER BY m.pool_id, m.user_id
  LOOP
    IF c.delta <> 0 THEN
      UPDATE message_pool_unread SET unread = unread + c.delta WHERE pool_id = c.pool_id AND user_id = c.user_id;
    END IF;
  END LOOP;
  RETURN NULL;
END
$$;
CREATE TRIGGER message_threads_unread AFTER INSERT OR UPDATE ON message_threads
  FOR EACH ROW EXECUTE FUNCTION message_threads_count_unread();

-- a member's read: lock the thread first (as its writers do), so the count and the thread agree
CREATE FUNCTION message_reads_lock_thread() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.side = 'staff' THEN
    PERFORM 1 FROM message_threads t
    WHERE t.id = NEW.thread_id
      AND EXISTS (SELECT 1 FROM message_pool_members m WHERE m.pool_id = t.pool_id AND m.user_id = NEW.user_id)
    FOR NO KEY UPDATE OF t;
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER message_reads_lock_thread BEFORE INSERT OR UPDATE ON message_reads
  FOR EACH ROW EXECUTE FUNCTION message_reads_lock_thread();

CREATE FUNCTION message_reads_count_unread() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  t record;
  delta integer;
BEGIN
  SELECT th.pool_id, th.status, th.last_seq, th.last_author_user_id, th.other_before_last_seq INTO t
  FROM message_threads th WHERE th.id = NEW.thread_id;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  delta := (CASE WHEN message_thread_unread_for(t.status, t.last_seq, t.last_author_user_id, t.other_before_last_seq,
              NEW.user_id, NEW.last_read_seq) THEN 1 ELSE 0 END)
         - (CASE WHEN message_thread_unread_for(t.status, t.last_seq, t.last_author_user_id, t.other_before_last_seq,
              NEW.user_id, CASE WHEN TG_OP = 'UPDATE' THEN OLD.last_read_seq ELSE 0 END) THEN 1 ELSE 0 END);
  IF delta <> 0 THEN
    UPDATE message_pool_unread SET unread = unread + delta WHERE pool_id = t.pool_id AND user_id = NEW.user_id;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER message_reads_unread AFTER INSERT OR UPDATE OF last_read_seq ON message_reads
  FOR EACH ROW EXECUTE FUNCTION message_reads_count_unread();

-- a new member's count: no thread or read may change while it is taken (a rare, admin change)
CREATE FUNCTION message_pool_members_count_unread() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE message_threads IN EXCLUSIVE MODE;
  INSERT INTO message_pool_unread (pool_id, user_id, unread)
  VALUES (NEW.pool_id, NEW.user_id, message_pool_unread_count(NEW.pool_id, NEW.user_id))
  ON CONFLICT (pool_id, user_id) DO UPDATE SET unread = excluded.unread;
  RETURN NULL;
END
$$;
CREATE TRIGGER message_pool_members_unread AFTER INSERT ON message_pool_members
  FOR EACH ROW EXECUTE FUNCTION message_pool_members_count_unread();

-- the members there already
INSERT INTO message_pool_unread (pool_id, user_id, unread)
SELECT m.pool_id, m.user_id, message_pool_unread_count(m.pool_id, m.user_id) FROM message_pool_members m;

-- the inbox's waiting, overdue and unassigned counts per pool: index-only over the waiting threads
CREATE INDEX message_threads_pool_waiting_idx ON message_threads (pool_id) INCLUDE (due_at, work_item_id)
  WHERE status = 'waiting';
-- the open work items, hashed once for "unassigned"
CREATE INDEX work_items_open_idx ON work_items (id) WHERE status = 'open';
-- "mine": the caller's active work items, then their threads
CREATE INDEX work_items_active_assignee_idx ON work_items (assignee_user_id) WHERE status IN ('open', 'claimed');
CREATE INDEX message_threads_work_item_idx ON message_threads (work_item_id);
-- one pool's tab in the inbox's order (the all-pools order is message_threads_active_order_idx)
CREATE INDEX message_threads_pool_order_idx ON message_threads (pool_id, due_at ASC NULLS LAST, last_message_at DESC)
  WHERE status IN ('waiting', 'answered');
