-- 1. The kept unread counts (0039) without deadlocks: a transaction may change several members'
-- rows of one pool (a writer's message makes it unread for the others, then the writer's own
-- read of the thread updates their row), and two such writers took them in opposite orders.
-- Now whoever changes a pool's rows first locks all of that pool's rows in member order; a later
-- change in the same transaction already holds them.
CREATE FUNCTION message_pool_unread_lock(p1 uuid, p2 uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM message_pool_unread WHERE pool_id IN (p1, p2) ORDER BY pool_id, user_id FOR NO KEY UPDATE;
END
$$;

CREATE OR REPLACE FUNCTION message_threads_count_unread() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  c record;
  locked boolean := false;
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
      IF NOT locked THEN
        PERFORM message_pool_unread_lock(NEW.pool_id, CASE WHEN TG_OP = 'UPDATE' THEN OLD.pool_id ELSE NEW.pool_id END);
        locked := true;
      END IF;
      UPDATE message_pool_unread SET unread = unread + c.delta WHERE pool_id = c.pool_id AND user_id = c.user_id;
    END IF;
  END LOOP;
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION message_reads_count_unread() RETURNS trigger LANGUAGE plpgsql AS $$
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
    PERFORM message_pool_unread_lock(t.pool_id, t.pool_id);
    UPDATE message_pool_unread SET unread = unread + delta WHERE pool_id = t.pool_id AND user_id = NEW.user_id;
  END IF;
  RETURN NULL;
END
$$;

-- 2. A pool's members changed (an admin's edit deletes and re-adds them, and the cascade locks
-- their count rows): take 0039's table lock before any of that, not after, so a message being
-- written meanwhile finishes first instead of waiting for a deleted count row in a cycle.
CREATE FUNCTION message_pool_members_lock_threads() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE message_threads IN EXCLUSIVE MODE;
  RETURN NULL;
END
$$;
CREATE TRIGGER message_pool_members_lock_threads BEFORE INSERT OR DELETE ON message_pool_members
  FOR EACH STATEMENT EXECUTE FUNCTION message_pool_members_lock_threads();
