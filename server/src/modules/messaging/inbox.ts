import type { Inbox, InboxQuery, StaffThreadListItem } from "@portico/contracts";
import { type Expression, type SqlBool, sql } from "kysely";
import { compiledQuery } from "../../db/compiled-query.ts";
import type { ThreadStatusValue } from "../../db/tables/messaging.ts";
import type { Actor } from "../../platform/context.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { mineCounts, poolCounts } from "./inbox-counts.ts";
import { type Cursor, decodeCursor, encodeCursor } from "./inbox-cursor.ts";
import { listItem, previewOf, threadSubject } from "./thread-reads.ts";
import {
  bodySeal,
  type Db,
  MESSAGES_QUEUE,
  type MessagingDeps,
  patientName,
  type Reader,
  staffSees,
  WAIT,
} from "./thread-store.ts";

/** how many threads a search looks through (after the cursor) for the words asked */
const SEARCH_WINDOW = 1000;

/** a time in microseconds since the epoch, exactly (no rounding through milliseconds or floats) */
const at = (micros: string) => sql`(timestamptz 'epoch' + ${micros}::bigint * interval '1 microsecond')`;
const micros = (column: string) => sql<string | null>`(extract(epoch from ${sql.ref(column)}) * 1000000)::bigint::text`;

/** The staff inbox: pool tabs with counts, the caller's own work, threads overdue first, search. */
export class StaffInbox {
  readonly #d: MessagingDeps;

  constructor(deps: MessagingDeps) {
    this.#d = deps;
  }

  /** The staff inbox: the caller's pools with counts, their own work, and the threads asked for (overdue first). */
  async inbox(query: InboxQuery): Promise<Inbox> {
    const actor = await this.#d.access.authorizeStaff(["nurse", "physician"], {
      resourceType: "message_inbox",
      action: "read",
    });
    const after = query.after === undefined ? null : decodeCursor(query.after);
    // the list's statements are prepared once per connection (compiled below); with eight tables
    // their custom plans took 10–20 ms to make and well under one to run, and the generic plan
    // is the same (one index range in the inbox order), so this read keeps to the generic plans
    return inTransaction(this.#d.db, async (db) => {
      await sql`set local plan_cache_mode = force_generic_plan`.execute(db);
      const userId = actor.userId as string;
      const now = this.#d.clock.now();
      const reader: Reader = { userId, side: "staff" };
      const limit = query.limit ?? 50;
      const want = query.q ? SEARCH_WINDOW : limit + 1;
      const rows = await this.#page(db, actor, query, after, want);
      let found = rows.slice(0, limit);
      let last = rows.length > limit ? rows[limit - 1] : undefined;
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
          if (this.#d.cipher.open(m.sealed_body, bodySeal(m.id)).toLowerCase().includes(words))
            matching.add(m.thread_id);
        }
        const hits = rows.filter((r) => matching.has(r.id) || threadSubject(this.#d, r).toLowerCase().includes(words));
        found = hits.slice(0, limit);
        // more may match: after the last one shown when the page is full, else after the window looked through
        last = hits.length > limit ? found.at(-1) : rows.length === SEARCH_WINDOW ? rows.at(-1) : undefined;
        await this.#d.audit.record({
          action: "search",
          resourceType: "message_thread",
          details: { found: found.length },
        });
      }
      const items = await this.#d.workQueue.forSubjects(
        MESSAGES_QUEUE,
        WAIT,
        found.flatMap((r) => (r.wait_id ? [r.wait_id] : [])),
      );
      const threads: StaffThreadListItem[] = found.map((r) => ({
        ...listItem(
          this.#d,
          r,
          r.pool_name,
          Number(r.unread),
          r.preview_id && r.preview_body ? previewOf(this.#d, r.preview_body, bodySeal(r.preview_id)) : "",
        ),
        patient: { id: r.patient_id, displayName: r.patient_name, dateOfBirth: String(r.date_of_birth).slice(0, 10) },
        physician:
          r.provider_id && r.provider_name ? { providerId: r.provider_id, displayName: r.provider_name } : null,
        workItem: (r.wait_id ? items.get(r.wait_id) : undefined) ?? null,
      }));
      return {
        pools: await poolCounts(db, reader, now),
        mine: await mineCounts(db, userId, now),
        threads,
        next: last ? encodeCursor({ due: last.due_us, last: last.last_us as string, id: last.id }) : null,
        abilities: {
          canManagePools: actor.roles.includes("admin"),
          canSetOfficeHours: actor.roles.includes("physician"),
          canSetDigest: true,
        },
      };
    });
  }

  /**
   * Up to `want` threads in the inbox order — due time (overdue are the earliest), then newest,
   * then id — after the cursor. Each statement reads one index range in order
   * (message_threads_active_order_idx, or message_threads_pool_order_idx for a pool's tab) and
   * stops at the page: after a cursor in the due part, the rest of its due time, then the later
   * due times, then the threads without one; after a cursor in that last part, the rest of it.
   * The last message (preview) is read by its key (thread, last seq); the caller's unread count
   * counts only the thread's messages after the caller's read, and only when the kept columns
   * of 0032 say there are any.
   */
  async #page(db: Db, actor: Actor, query: InboxQuery, after: Cursor | null, want: number) {
    const userId = actor.userId as string;
    const physician = actor.roles.includes("physician") && actor.providerId ? actor.providerId : null;
    const args = {
      userId,
      providerId: physician ?? "",
      poolId: query.poolId ?? "",
      patientId: query.patientId ?? "",
      n: want,
      due: after?.due ?? "0",
      last: after?.last ?? "0",
      id: after?.id ?? "00000000-0000-0000-0000-000000000000",
    };
    const segments: Segment[] =
      after === null ? ["first"] : after.due === null ? ["undueAfter"] : ["dueAfter", "dueLater", "undue"];
    const rows: PageRow[] = [];
    for (const segment of segments) {
      const shape: Shape = {
        mine: query.view === "mine",
        pool: query.poolId !== undefined,
        patient: query.patientId !== undefined,
        physician: physician !== null,
        status: query.status ?? "active",
        segment,
      };
      rows.push(...(await pageStatement(shape)(db, argsFor(shape, { ...args, n: want - rows.length }))));
      if (rows.length >= want) break;
    }
    return rows;
  }
}

// ---- the list's statements, each prepared once per connection (db/compiled-query.ts; the counts': inbox-counts.ts) ----
// Fixed values are literals in the SQL (not parameters), so that a generic plan still matches
// the partial indexes (status in ('waiting', 'answered'), the waiting and active work items).

type Segment = "first" | "dueAfter" | "dueLater" | "undue" | "undueAfter";
interface Shape {
  mine: boolean;
  pool: boolean;
  patient: boolean;
  physician: boolean;
  status: NonNullable<InboxQuery["status"]>;
  segment: Segment;
}
interface PageArgs extends Record<string, unknown> {
  userId: string;
  providerId: string;
  poolId: string;
  patientId: string;
  n: number;
  due: string;
  last: string;
  id: string;
}

const buildPage = (db: Db, shape: Shape, a: PageArgs) => {
  const unreadCount = sql<string>`case
      when (case when t.last_author_user_id is distinct from ${a.userId} then t.last_seq else t.other_before_last_seq end)
        <= coalesce(r.last_read_seq, 0) then 0
      else (select count(*) from messages u_m where u_m.thread_id = t.id and u_m.seq > coalesce(r.last_read_seq, 0)
        and u_m.author_user_id is distinct from ${a.userId}) end`;
  const afterInDay = sql<SqlBool>`(t.last_message_at, t.id) < (${at(a.last)}, ${a.id}::uuid)`;
  const segment: Record<Segment, Expression<SqlBool> | null> = {
    first: null,
    dueAfter: sql<SqlBool>`t.due_at = ${at(a.due)} and ${afterInDay}`,
    dueLater: sql<SqlBool>`t.due_at > ${at(a.due)}`,
    undue: sql<SqlBool>`t.due_at is null`,
    undueAfter: sql<SqlBool>`t.due_at is null and ${afterInDay}`,
  };
  const sees = staffSees({
    kind: "user",
    userId: a.userId,
    providerId: shape.physician ? a.providerId : null,
    roles: shape.physician ? ["physician"] : [],
  } as unknown as Actor);
  const condition = segment[shape.segment];
  return (
    db
      .selectFrom("message_threads as t")
      .innerJoin("message_pools as p", "p.id", "t.pool_id")
      .innerJoin("patients as pt", "pt.id", "t.patient_id")
      .leftJoin("providers as pr", "pr.id", "t.provider_id")
      .leftJoin("work_items as w", (j) =>
        j.onRef("w.id", "=", "t.work_item_id").on(sql<SqlBool>`w.status in ('open', 'claimed')`),
      )
      .leftJoin("message_reads as r", (j) => j.onRef("r.thread_id", "=", "t.id").on("r.user_id", "=", a.userId))
      .leftJoinLateral(
        (eb) =>
          eb
            .selectFrom("messages as pv")
            .select(["pv.id as preview_id", "pv.sealed_body as preview_body"])
            .whereRef("pv.thread_id", "=", "t.id")
            .whereRef("pv.seq", "=", "t.last_seq")
            .as("pv"),
        (j) => j.onTrue(),
      )
      .selectAll("t")
      .select([
        "p.name as pool_name",
        patientName.as("patient_name"),
        "pt.date_of_birth",
        "pr.display_name as provider_name",
        "w.subject_id as wait_id",
        "pv.preview_id",
        "pv.preview_body",
        unreadCount.as("unread"),
        micros("t.due_at").as("due_us"),
        micros("t.last_message_at").as("last_us"),
      ])
      .where(sees)
      // "mine" starts from the caller's own active work items (work_items_active_assignee_idx, then
      // message_threads_work_item_idx) instead of walking every active thread for them
      .$if(shape.mine, (q) =>
        q.where("t.work_item_id", "in", (s) =>
          s
            .selectFrom("work_items as mw")
            .select("mw.id")
            .where("mw.assignee_user_id", "=", a.userId)
            .where(sql<SqlBool>`mw.status in ('open', 'claimed')`),
        ),
      )
      .$if(shape.pool, (q) => q.where("t.pool_id", "=", a.poolId))
      .$if(shape.patient, (q) => q.where("t.patient_id", "=", a.patientId))
      .$if(shape.status === "active", (q) => q.where(sql<SqlBool>`t.status in ('waiting', 'answered')`))
      .$if(shape.status !== "active" && shape.status !== "all", (q) =>
        q.where(sql<SqlBool>`t.status = ${sql.lit(shape.status as ThreadStatusValue)}`),
      )
      .$if(condition !== null, (q) => q.where(condition as Expression<SqlBool>))
      .orderBy(sql`t.due_at asc nulls last`)
      .orderBy("t.last_message_at", "desc")
      .orderBy("t.id", "desc")
      .limit(a.n)
  );
};
type PageRow = Awaited<ReturnType<ReturnType<typeof buildPage>["execute"]>>[number];

/** only the arguments the shape's statement binds (compiledQuery binds each argument it is given) */
function argsFor(shape: Shape, a: PageArgs): PageArgs {
  const keep = new Set(["userId", "n"]);
  if (shape.physician) keep.add("providerId");
  if (shape.pool) keep.add("poolId");
  if (shape.patient) keep.add("patientId");
  if (shape.segment === "dueAfter" || shape.segment === "dueLater") keep.add("due");
  if (shape.segment === "dueAfter" || shape.segment === "undueAfter") {
    keep.add("last");
    keep.add("id");
  }
  return Object.fromEntries(Object.entries(a).filter(([k]) => keep.has(k))) as PageArgs;
}

const pageStatements = new Map<string, (db: Db, args: PageArgs) => Promise<PageRow[]>>();
/** one prepared statement per shape of the list (view, filters, the reader's kind, the part after a cursor) */
function pageStatement(shape: Shape) {
  const name = [
    "portico_inbox",
    shape.mine ? "mine" : "pools",
    shape.pool ? "pool" : "",
    shape.patient ? "patient" : "",
    shape.physician ? "physician" : "",
    shape.status,
    shape.segment.toLowerCase(),
  ]
    .filter(Boolean)
    .join("_");
  let statement = pageStatements.get(name);
  if (!statement) {
    statement = compiledQuery(name, (db, a: PageArgs) => buildPage(db, shape, a));
    pageStatements.set(name, statement);
  }
  return statement;
}
