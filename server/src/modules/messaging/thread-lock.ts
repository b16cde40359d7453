import { sql } from "kysely";
import type { PatientRows } from "../../platform/access/scoped-query.ts";
import { notFound } from "../../platform/errors.ts";
import type { Db, ThreadRow } from "./thread-store.ts";

/**
 * The thread's row lock that orders writers. NO KEY UPDATE, not UPDATE: a reader's first
 * `message_reads` row checks its foreign key with KEY SHARE on the thread, which UPDATE would
 * block while the writer then waits for that reader's row (a deadlock on PostgreSQL).
 *
 * Every messaging writer takes this first, before anything else it writes: the thread, then its
 * current work item, then the pool's rows.
 */
export async function lockThread(trx: Db, threadId: string, rows: PatientRows): Promise<ThreadRow> {
  const thread = await rows
    .selectFrom(trx, "message_threads", "t")
    .selectAll("t")
    .where("t.id", "=", threadId)
    .forNoKeyUpdate()
    .executeTakeFirst();
  if (!thread) throw notFound("conversation");
  // then its current wait, then the pool's kept counts (migrations 0040, 0043), before anything
  // else a write locks (a new wait's work item touches the operations roll-up's day row): a
  // claim from the work queue takes the work item, then the pool's rows, then the day's, so
  // the two never lock crosswise
  if (thread.work_item_id) {
    await trx
      .selectFrom("work_items")
      .select("id")
      .where("id", "=", thread.work_item_id)
      .forNoKeyUpdate()
      .executeTakeFirst();
  }
  await sql`select message_pool_unread_lock(${thread.pool_id}::uuid, ${thread.pool_id}::uuid)`.execute(trx);
  return thread;
}
