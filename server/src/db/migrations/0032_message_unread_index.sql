-- Per-pool unread counts without reading messages: each thread keeps who wrote its last
-- message and the last seq written by anyone else. For a reader u the newest message by
-- someone other than u is
--   last_seq                 when last_author_user_id is distinct from u
--   other_before_last_seq    otherwise (everything after it is u's own)
-- so "has unread" = that seq > u's last_read_seq (exact, notes included: the staff view).
-- Kept by a trigger on every insert into messages, whoever inserts (app, seed, bench fill).
ALTER TABLE message_threads
  ADD COLUMN last_seq integer NOT NULL DEFAULT 0,
  ADD COLUMN last_author_user_id uuid,
  ADD COLUMN other_before_last_seq integer NOT NULL DEFAULT 0;

-- backfill from the messages already written
WITH ranked AS (
  SELECT m.thread_id, m.seq, m.author_user_id,
         row_number() OVER (PARTITION BY m.thread_id ORDER BY m.seq DESC) AS rn
  FROM messages m
), last AS (
  SELECT thread_id, seq, author_user_id FROM ranked WHERE rn = 1
)
UPDATE message_threads t
SET last_seq = last.seq,
    last_author_user_id = last.author_user_id,
    other_before_last_seq = coalesce((
      SELECT max(o.seq) FROM messages o
      WHERE o.thread_id = t.id AND o.author_user_id IS DISTINCT FROM last.author_user_id
    ), 0)
FROM last
WHERE last.thread_id = t.id;

CREATE FUNCTION message_threads_track_last() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- the thread's row is already locked by the writer that took this seq
  UPDATE message_threads
  SET other_before_last_seq = CASE
        WHEN last_author_user_id IS DISTINCT FROM NEW.author_user_id THEN last_seq
        ELSE other_before_last_seq END,
      last_author_user_id = NEW.author_user_id,
      last_seq = NEW.seq
  WHERE id = NEW.thread_id AND last_seq < NEW.seq;
  RETURN NULL;
END
$$;
CREATE TRIGGER messages_track_last AFTER INSERT ON messages
  FOR EACH ROW EXECUTE FUNCTION message_threads_track_last();

-- the inbox's pool counts read only this index (active threads of a pool) and the reader's reads
CREATE INDEX message_threads_pool_active_idx ON message_threads (pool_id)
  INCLUDE (id, status, due_at, work_item_id, last_seq, last_author_user_id, other_before_last_seq)
  WHERE status IN ('waiting', 'answered');
CREATE INDEX message_reads_user_idx ON message_reads (user_id, thread_id) INCLUDE (last_read_seq);

-- the inbox's list: active threads in its order (due first — overdue are the earliest due —, then
-- the rest newest first), read in index order until a page is found
CREATE INDEX message_threads_active_order_idx ON message_threads (due_at ASC NULLS LAST, last_message_at DESC)
  WHERE status IN ('waiting', 'answered');
