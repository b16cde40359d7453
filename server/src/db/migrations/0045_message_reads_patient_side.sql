-- A patient's (or caregiver's) read changes no pool member's unread count, so it takes no pool
-- lock. Before this, a patient's read whose count changed locked the pool's unread rows while
-- holding its own message_reads row: a patient's message in the same moment holds the pool's
-- rows (ThreadStore.lockThread) and then updates that same read row, and on PostgreSQL the two
-- could deadlock (seen as a 500 on one of several concurrent reads and writes of one thread).
CREATE OR REPLACE FUNCTION message_reads_count_unread() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  t record;
  delta integer;
BEGIN
  IF NEW.side <> 'staff' THEN
    RETURN NULL;
  END IF;
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
