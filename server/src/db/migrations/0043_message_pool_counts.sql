-- The staff inbox's per-pool waiting and unassigned counts, kept in the writing transaction
-- (as 0039 keeps the unread rows) instead of counted per request:
--   waiting    = the pool's threads with status 'waiting';
--   unassigned = those of them whose current work item is 'open' (nobody has claimed it).
-- Overdue depends on the time of the request, so it is not kept: it is counted from
-- message_threads_pool_due_idx (pool_id, due_at) over the waiting threads due before now, an
-- index-only range whose length is the pool's overdue backlog, never its threads or messages.
--
-- Kept by triggers:
--   * message_threads after insert/update of status, pool or work item (fires after 0039's
--     message_threads_unread, by name);
--   * work_items after a status change into or out of 'open' (claim, release, assign, done) of
--     a thread's current wait.
-- Lock order, the same everywhere: the table lock of 0040 (ROW SHARE here, so an admin's member
-- change finishes first), then the pool's unread rows in member order (0040's
-- message_pool_unread_lock), then this pool's row. Whoever holds a pool's counts row therefore
-- already holds its unread rows, and two writers of one pool queue instead of deadlocking.
-- Messaging's writers lock the thread, then its current work item, then the pool's unread rows
-- (ThreadStore.lockThread), before anything else: before 0041's roll-up day rows, which a new
-- wait's work item touches; a claim from the work queue locks the work item, then (this
-- trigger, named to fire first) the pool's rows, then the roll-up's.
CREATE TABLE message_pool_counts (
  pool_id uuid PRIMARY KEY REFERENCES message_pools (id) ON DELETE CASCADE,
  waiting integer NOT NULL DEFAULT 0 CHECK (waiting >= 0),
  unassigned integer NOT NULL DEFAULT 0 CHECK (unassigned >= 0)
);

-- a pool's counts from the threads themselves (the backfill, and checks in tests)
CREATE FUNCTION message_pool_counts_of(p uuid) RETURNS TABLE (waiting integer, unassigned integer)
LANGUAGE sql STABLE AS $$
  SELECT count(*)::int, (count(*) FILTER (WHERE w.status = 'open'))::int
  FROM message_threads t LEFT JOIN work_items w ON w.id = t.work_item_id
  WHERE t.pool_id = p AND t.status = 'waiting'
$$;

CREATE FUNCTION message_pool_counts_add(p1 uuid, p2 uuid, p uuid, dw integer, du integer) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF dw = 0 AND du = 0 THEN
    RETURN;
  END IF;
  LOCK TABLE message_threads IN ROW SHARE MODE;
  PERFORM message_pool_unread_lock(p1, p2);
  UPDATE message_pool_counts SET waiting = waiting + dw, unassigned = unassigned + du WHERE pool_id = p;
END
$$;

CREATE FUNCTION message_threads_count_waiting() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_w integer := 0;
  old_u integer := 0;
  new_w integer := 0;
  new_u integer := 0;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NEW.status IS NOT DISTINCT FROM OLD.status AND NEW.pool_id = OLD.pool_id
       AND NEW.work_item_id IS NOT DISTINCT FROM OLD.work_item_id THEN
      RETURN NULL;
    END IF;
    IF OLD.status = 'waiting' THEN
      old_w := 1;
      old_u := CASE WHEN EXISTS (SELECT 1 FROM work_items w WHERE w.id = OLD.work_item_id AND w.status = 'open')
               THEN 1 ELSE 0 END;
    END IF;
  END IF;
  IF NEW.status = 'waiting' THEN
    new_w := 1;
    new_u := CASE WHEN EXISTS (SELECT 1 FROM work_items w WHERE w.id = NEW.work_item_id AND w.status = 'open')
             THEN 1 ELSE 0 END;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.pool_id <> NEW.pool_id THEN
    PERFORM message_pool_counts_add(NEW.pool_id, OLD.pool_id, OLD.pool_id, -old_w, -old_u);
    PERFORM message_pool_counts_add(NEW.pool_id, OLD.pool_id, NEW.pool_id, new_w, new_u);
  ELSE
    PERFORM message_pool_counts_add(NEW.pool_id, NEW.pool_id, NEW.pool_id, new_w - old_w, new_u - old_u);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER message_threads_waiting_counts AFTER INSERT OR UPDATE OF status, pool_id, work_item_id
  ON message_threads FOR EACH ROW EXECUTE FUNCTION message_threads_count_waiting();

-- a wait claimed, released, assigned or ended: the unassigned count of the thread waiting on it
CREATE FUNCTION work_items_count_unassigned() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  t record;
  d integer;
BEGIN
  d := (CASE WHEN NEW.status = 'open' THEN 1 ELSE 0 END) - (CASE WHEN OLD.status = 'open' THEN 1 ELSE 0 END);
  FOR t IN
    SELECT th.pool_id FROM message_threads th WHERE th.work_item_id = NEW.id AND th.status = 'waiting'
  LOOP
    PERFORM message_pool_counts_add(t.pool_id, t.pool_id, t.pool_id, 0, d);
  END LOOP;
  RETURN NULL;
END
$$;
-- named to fire before 0041's operations_rollup_upd (row triggers fire by name): the pool's rows
-- are locked before the roll-up's day row, as in messaging's writers
CREATE TRIGGER message_counts_unassigned AFTER UPDATE OF status ON work_items
  FOR EACH ROW WHEN (NEW.queue = 'messages' AND (OLD.status = 'open') IS DISTINCT FROM (NEW.status = 'open'))
  EXECUTE FUNCTION work_items_count_unassigned();

-- a new pool starts with its row
CREATE FUNCTION message_pools_add_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO message_pool_counts (pool_id) VALUES (NEW.id) ON CONFLICT (pool_id) DO NOTHING;
  RETURN NULL;
END
$$;
CREATE TRIGGER message_pools_counts AFTER INSERT ON message_pools
  FOR EACH ROW EXECUTE FUNCTION message_pools_add_counts();

-- the pools there already
INSERT INTO message_pool_counts (pool_id, waiting, unassigned)
SELECT p.id, c.waiting, c.unassigned FROM message_pools p, message_pool_counts_of(p.id) c;

-- overdue: the waiting threads of a pool by due time (replaces 0039's pool_waiting_idx, whose
-- one pass over every waiting thread the kept row now answers)
DROP INDEX message_threads_pool_waiting_idx;
CREATE INDEX message_threads_pool_due_idx ON message_threads (pool_id, due_at) WHERE status = 'waiting';

-- the list's keyset: the inbox order with the id last, so a page ends at one exact row and the
-- next starts right after it (replaces 0032's and 0039's order indexes, which lacked the id)
DROP INDEX message_threads_active_order_idx;
DROP INDEX message_threads_pool_order_idx;
CREATE INDEX message_threads_active_order_idx ON message_threads (due_at ASC NULLS LAST, last_message_at DESC, id DESC)
  WHERE status IN ('waiting', 'answered');
CREATE INDEX message_threads_pool_order_idx ON message_threads (pool_id, due_at ASC NULLS LAST, last_message_at DESC, id DESC)
  WHERE status IN ('waiting', 'answered');
