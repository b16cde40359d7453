import type { PoolCount } from "@portico/contracts";
import { type SqlBool, sql } from "kysely";
import { compiledQuery } from "../../db/compiled-query.ts";
import type { Db, Reader } from "./thread-store.ts";

/**
 * The inbox's counts, each statement prepared once per connection (db/compiled-query.ts):
 * per pool of the reader's, and the reader's own claimed waits.
 */

/**
 * Counts per pool of the reader's, never over the messages nor over the pool's threads:
 * unread is the reader's row of message_pool_unread (migration 0039), waiting and unassigned
 * the pool's row of message_pool_counts (0043), both kept by triggers in the writing
 * transaction; overdue, which moves with the clock, is an index-only range count of the
 * waiting threads due before now (message_threads_pool_due_idx): the overdue backlog only.
 */
export async function poolCounts(db: Db, reader: Reader, now: Date): Promise<PoolCount[]> {
  const pools = await poolCountsStatement(db, { userId: reader.userId, now });
  return pools.map((p) => ({
    poolId: p.id,
    name: p.name,
    waiting: Number(p.waiting ?? 0),
    overdue: Number(p.overdue ?? 0),
    unassigned: Number(p.unassigned ?? 0),
    unread: Number(p.unread ?? 0),
  }));
}

export async function mineCounts(db: Db, userId: string, now: Date): Promise<{ waiting: number; overdue: number }> {
  const [row] = await mineCountsStatement(db, { userId, now });
  return { waiting: Number(row?.waiting ?? 0), overdue: Number(row?.overdue ?? 0) };
}

const poolCountsStatement = compiledQuery("portico_inbox_pool_counts", (db, a: { userId: string; now: Date }) =>
  db
    .selectFrom("message_pools as p")
    .innerJoin("message_pool_members as pm", (j) => j.onRef("pm.pool_id", "=", "p.id").on("pm.user_id", "=", a.userId))
    .leftJoin("message_pool_unread as u", (j) =>
      j.onRef("u.pool_id", "=", "pm.pool_id").onRef("u.user_id", "=", "pm.user_id"),
    )
    .leftJoin("message_pool_counts as c", "c.pool_id", "p.id")
    .select([
      "p.id",
      "p.name",
      "u.unread",
      "c.waiting",
      "c.unassigned",
      (eb) =>
        eb
          .selectFrom("message_threads as t")
          .select(sql<string>`count(*)`.as("n"))
          .whereRef("t.pool_id", "=", "p.id")
          .where(sql<SqlBool>`t.status = 'waiting'`)
          .where("t.due_at", "<", a.now)
          .as("overdue"),
    ])
    .orderBy("p.name"),
);

const mineCountsStatement = compiledQuery("portico_inbox_mine_counts", (db, a: { userId: string; now: Date }) =>
  db
    .selectFrom("message_threads as t")
    .innerJoin("work_items as w", "w.id", "t.work_item_id")
    .select([
      sql<string>`count(*)`.as("waiting"),
      sql<string>`count(*) filter (where t.due_at < ${a.now})`.as("overdue"),
    ])
    .where(sql<SqlBool>`t.status = 'waiting'`)
    .where(sql<SqlBool>`w.status = 'claimed'`)
    .where("w.assignee_user_id", "=", a.userId),
);
