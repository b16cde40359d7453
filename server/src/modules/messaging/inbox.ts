import type { Inbox, InboxQuery, PoolCount, StaffThreadListItem } from "@portico/contracts";
import { type SqlBool, sql } from "kysely";
import type { ThreadStatusValue } from "../../db/tables/messaging.ts";
import { currentDb } from "../../platform/transaction.ts";
import {
  ACTIVE,
  bodySeal,
  type Db,
  MESSAGES_QUEUE,
  type MessagingDeps,
  patientName,
  type Reader,
  staffSees,
  type ThreadStore,
  WAIT,
} from "./thread-store.ts";

/** The staff inbox: pool tabs with counts, the caller's own work, threads overdue first, search. */
export class StaffInbox {
  readonly #d: MessagingDeps;
  readonly #s: ThreadStore;

  constructor(deps: MessagingDeps, store: ThreadStore) {
    this.#d = deps;
    this.#s = store;
  }

  /** The staff inbox: the caller's pools with counts, their own work, and the threads asked for (overdue first). */
  async inbox(query: InboxQuery): Promise<Inbox> {
    const actor = await this.#d.access.authorizeStaff(["nurse", "physician"], {
      resourceType: "message_inbox",
      action: "read",
    });
    const userId = actor.userId as string;
    const db = currentDb(this.#d.db);
    const now = this.#d.clock.now();
    const reader: Reader = { userId, side: "staff" };
    const status = query.status ?? "active";
    const limit = query.limit ?? 50;
    const rows = await db
      .selectFrom("message_threads as t")
      .innerJoin("message_pools as p", "p.id", "t.pool_id")
      .innerJoin("patients as pt", "pt.id", "t.patient_id")
      .leftJoin("providers as pr", "pr.id", "t.provider_id")
      .leftJoin("work_items as w", (j) => j.onRef("w.id", "=", "t.work_item_id").on("w.status", "in", ACTIVE))
      .selectAll("t")
      .select([
        "p.name as pool_name",
        patientName.as("patient_name"),
        "pt.date_of_birth",
        "pr.display_name as provider_name",
        "w.subject_id as wait_id",
      ])
      .where(staffSees(actor))
      // "mine" starts from the caller's own active work items (work_items_active_assignee_idx, then
      // message_threads_work_item_idx) instead of walking every active thread for them
      .$if(query.view === "mine", (q) =>
        q.where("t.work_item_id", "in", (s) =>
          s
            .selectFrom("work_items as mw")
            .select("mw.id")
            .where("mw.assignee_user_id", "=", userId)
            .where("mw.status", "in", ACTIVE),
        ),
      )
      .$if(query.poolId !== undefined, (q) => q.where("t.pool_id", "=", query.poolId as string))
      .$if(query.patientId !== undefined, (q) => q.where("t.patient_id", "=", query.patientId as string))
      .$if(status === "active", (q) => q.where("t.status", "in", ["waiting", "answered"]))
      .$if(status !== "active" && status !== "all", (q) => q.where("t.status", "=", status as ThreadStatusValue))
      // overdue first: only waiting threads have a due time, and the overdue ones are the earliest
      // due, so due time then newest is that order (message_threads_active_order_idx reads it)
      .orderBy(sql`t.due_at asc nulls last`)
      .orderBy("t.last_message_at", "desc")
      .limit(query.q ? 1000 : limit)
      .execute();
    let found = rows;
    if (query.q) {
      const words = query.q.toLowerCase();
      const bodies = rows.length
        ? await db
            .selectFrom("messages")
            .select(["id", "thread_id", "sealed_body"])
            .where(
              "thread_id",
              "in",
              rows.map((r) => r.id),
            )
            .execute()
        : [];
      const matching = new Set<string>();
      for (const m of bodies) {
        if (this.#d.cipher.open(m.sealed_body, bodySeal(m.id)).toLowerCase().includes(words)) matching.add(m.thread_id);
      }
      found = rows
        .filter((r) => matching.has(r.id) || this.#s.subject(r).toLowerCase().includes(words))
        .slice(0, limit);
      await this.#d.audit.record({
        action: "search",
        resourceType: "message_thread",
        details: { found: found.length },
      });
    }
    const previews = await this.#s.previews(
      db,
      found.map((r) => r.id),
      true,
    );
    const unread = await this.#unreadFor(
      db,
      found.map((r) => r.id),
      reader,
    );
    const items = await this.#d.workQueue.forSubjects(
      MESSAGES_QUEUE,
      WAIT,
      found.flatMap((r) => (r.wait_id ? [r.wait_id] : [])),
    );
    const threads: StaffThreadListItem[] = found.map((r) => ({
      ...this.#s.listItem(r, r.pool_name, unread.get(r.id) ?? 0, previews.get(r.id) ?? ""),
      patient: { id: r.patient_id, displayName: r.patient_name, dateOfBirth: String(r.date_of_birth).slice(0, 10) },
      physician: r.provider_id && r.provider_name ? { providerId: r.provider_id, displayName: r.provider_name } : null,
      workItem: (r.wait_id ? items.get(r.wait_id) : undefined) ?? null,
    }));
    return {
      pools: await this.#poolCounts(db, reader, now),
      mine: await this.#mineCounts(db, userId, now),
      threads,
      abilities: {
        canManagePools: actor.roles.includes("admin"),
        canSetOfficeHours: actor.roles.includes("physician"),
        canSetDigest: true,
      },
    };
  }

  /** Unread messages per thread for a staff reader, for one page of threads (one grouped query). */
  async #unreadFor(db: Db, threadIds: readonly string[], reader: Reader): Promise<Map<string, number>> {
    if (threadIds.length === 0) return new Map();
    // the reader's read of each thread by its primary key (never a scan of all their reads)
    const rows = await db
      .selectFrom("messages as m")
      .select(["m.thread_id", sql<string>`count(*)`.as("n")])
      .where("m.thread_id", "in", [...threadIds])
      .where(sql<SqlBool>`m.author_user_id is distinct from ${reader.userId}`)
      .where(
        sql<SqlBool>`m.seq > coalesce((select r.last_read_seq from message_reads r
          where r.thread_id = m.thread_id and r.user_id = ${reader.userId}), 0)`,
      )
      .groupBy("m.thread_id")
      .execute();
    return new Map(rows.map((r) => [r.thread_id, Number(r.n)]));
  }

  /**
   * Counts per pool of the reader's, never over the messages: unread is the reader's row of
   * message_pool_unread (kept by triggers in the writing transaction, migration 0039); waiting,
   * overdue and unassigned are read from the waiting threads' index entries
   * (message_threads_pool_waiting_idx) and, for unassigned, the open work items' entries.
   */
  async #poolCounts(db: Db, reader: Reader, now: Date): Promise<PoolCount[]> {
    const pools = await db
      .selectFrom("message_pools as p")
      .innerJoin("message_pool_members as pm", (j) =>
        j.onRef("pm.pool_id", "=", "p.id").on("pm.user_id", "=", reader.userId),
      )
      .leftJoin("message_pool_unread as u", (j) =>
        j.onRef("u.pool_id", "=", "pm.pool_id").onRef("u.user_id", "=", "pm.user_id"),
      )
      .select(["p.id", "p.name", "u.unread"])
      .orderBy("p.name")
      .execute();
    if (pools.length === 0) return [];
    // one pass over the waiting threads' index entries; the open work items are hashed once
    const rows = await db
      .selectFrom("message_threads as t")
      .select([
        "t.pool_id",
        sql<string>`count(*)`.as("waiting"),
        sql<string>`count(*) filter (where t.due_at < ${now})`.as("overdue"),
        sql<string>`count(*) filter (where t.work_item_id in (select w.id from work_items w where w.status = 'open'))`.as(
          "unassigned",
        ),
      ])
      .where(
        "t.pool_id",
        "in",
        pools.map((p) => p.id),
      )
      .where("t.status", "=", "waiting")
      .groupBy("t.pool_id")
      .execute();
    const counts = new Map(rows.map((r) => [r.pool_id, r]));
    return pools.map((p) => {
      const c = counts.get(p.id);
      return {
        poolId: p.id,
        name: p.name,
        waiting: Number(c?.waiting ?? 0),
        overdue: Number(c?.overdue ?? 0),
        unassigned: Number(c?.unassigned ?? 0),
        unread: Number(p.unread ?? 0),
      };
    });
  }

  async #mineCounts(db: Db, userId: string, now: Date): Promise<{ waiting: number; overdue: number }> {
    const row = await db
      .selectFrom("message_threads as t")
      .innerJoin("work_items as w", "w.id", "t.work_item_id")
      .select([
        sql<string>`count(*)`.as("waiting"),
        sql<string>`count(*) filter (where t.due_at < ${now})`.as("overdue"),
      ])
      .where("t.status", "=", "waiting")
      .where("w.status", "=", "claimed")
      .where("w.assignee_user_id", "=", userId)
      .executeTakeFirstOrThrow();
    return { waiting: Number(row.waiting), overdue: Number(row.overdue) };
  }
}
