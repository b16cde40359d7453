import type { WorkItem, WorkItemAssignees, WorkQueueCount, WorkQueueName } from "@portico/contracts";
import { sql } from "kysely";
import type { Database } from "../../db/database.ts";
import type { StaffRole } from "../../db/tables/people.ts";
import type { AuditLog } from "../audit/audit-log.ts";
import type { Clock } from "../clock.ts";
import { type Actor, currentContext } from "../context.ts";
import { DomainError, notFound } from "../errors.ts";
import { currentDb, inTransaction } from "../transaction.ts";
import { UNOWNED_FOR_EVERY_CLINICIAN, visibleTo, visibleToColleague } from "./visibility.ts";
import { ACTIVE, type ItemRow, presentWorkItem, workItemQuery } from "./work-item-view.ts";

/**
 * The shared staff work queue (SPEC §2.10, "In Basket"). A capability (refills today;
 * messages, referrals and flagged readings later) defines its queue once — who works it and
 * its response target — and adds a work item for each piece of work, about one patient and
 * one record (the subject), belonging to a provider's team. Staff claim, release and assign
 * items; the capability completes the item when the work is done (approving a refill).
 *
 * Who sees an item (`visibleTo`): the person it is assigned to; a physician the items of
 * their own provider; a nurse those of the providers who practise at the locations the nurse
 * is assigned to. Counts are limited to the same.
 */

export interface QueueDefinition {
  name: WorkQueueName;
  /** the roles that work it (and see its counts) */
  roles: readonly StaffRole[];
  /** response target in business days (Monday–Friday) */
  responseBusinessDays: number;
  /**
   * An item with no provider and no pool (a referral for a patient without a primary care
   * physician) is seen — and may be claimed or assigned — by every nurse and physician;
   * otherwise only by the person it is assigned to.
   */
  unownedForEveryClinician?: boolean;
}

/** `start` plus `days` business days (Saturdays and Sundays skipped, UTC calendar). */
export function addBusinessDays(start: Date, days: number): Date {
  const due = new Date(start);
  let left = days;
  while (left > 0) {
    due.setUTCDate(due.getUTCDate() + 1);
    const weekday = due.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return due;
}

export interface NewWorkItem {
  queue: WorkQueueName;
  patientId: string;
  subject: { type: string; id: string };
  /** whose team's work it is (the prescriber, the provider a message is for, …) */
  providerId: string | null;
  /** a message pool whose members work it (messages) */
  poolId?: string | null;
  /** when the capability computes its own due time (messages: the pool's target in business hours) */
  dueAt?: Date;
  /** given straight to this person (an out-of-office physician's delegate) */
  assigneeUserId?: string | null;
}

export class WorkQueueService {
  readonly #db: Database;
  readonly #clock: Clock;
  readonly #audit: AuditLog;
  readonly #queues = new Map<string, QueueDefinition>();

  constructor(deps: { db: Database; clock: Clock; audit: AuditLog }) {
    this.#db = deps.db;
    this.#clock = deps.clock;
    this.#audit = deps.audit;
  }

  /** A capability declares its queue once, when its services are built. */
  define(definition: QueueDefinition): void {
    this.#queues.set(definition.name, definition);
    if (definition.unownedForEveryClinician) UNOWNED_FOR_EVERY_CLINICIAN.add(definition.name);
  }

  get queues(): readonly QueueDefinition[] {
    return [...this.#queues.values()];
  }

  #definition(name: string): QueueDefinition {
    const definition = this.#queues.get(name);
    if (!definition) throw new Error(`work queue ${name} is not defined`);
    return definition;
  }

  /** The queues the actor works (by role). */
  queuesFor(actor: Actor): QueueDefinition[] {
    return this.queues.filter((q) => actor.roles.some((r) => q.roles.includes(r)));
  }

  /** Adds the work item for a record (joins the caller's transaction); an existing one for the same subject is kept. */
  async add(item: NewWorkItem): Promise<string> {
    const definition = this.#definition(item.queue);
    const now = this.#clock.now();
    return inTransaction(this.#db, async (trx) => {
      const row = await trx
        .insertInto("work_items")
        .values({
          queue: item.queue,
          patient_id: item.patientId,
          subject_type: item.subject.type,
          subject_id: item.subject.id,
          provider_id: item.providerId,
          pool_id: item.poolId ?? null,
          due_at: item.dueAt ?? addBusinessDays(now, definition.responseBusinessDays),
          created_at: now,
          ...(item.assigneeUserId
            ? { status: "claimed" as const, assignee_user_id: item.assigneeUserId, claimed_at: now }
            : {}),
        })
        .onConflict((oc) => oc.columns(["queue", "subject_type", "subject_id"]).doNothing())
        .returning("id")
        .executeTakeFirst();
      const id =
        row?.id ??
        (
          await trx
            .selectFrom("work_items")
            .select("id")
            .where("queue", "=", item.queue)
            .where("subject_type", "=", item.subject.type)
            .where("subject_id", "=", item.subject.id)
            .executeTakeFirstOrThrow()
        ).id;
      if (row) {
        await this.#audit.record({
          action: "create",
          resourceType: "work_item",
          resourceId: id,
          patientId: item.patientId,
          details: { queue: item.queue, subjectType: item.subject.type },
        });
      }
      return id;
    });
  }

  /** The work is done (by the current actor): the item leaves the queue. Joins the caller's transaction. */
  async complete(queue: WorkQueueName, subject: { type: string; id: string }): Promise<void> {
    await this.#finish(queue, subject, "done");
  }

  /** The work is no longer needed (the request was withdrawn, the record merged away). */
  async cancel(queue: WorkQueueName, subject: { type: string; id: string }): Promise<void> {
    await this.#finish(queue, subject, "cancelled");
  }

  async #finish(queue: WorkQueueName, subject: { type: string; id: string }, status: "done" | "cancelled") {
    const actor = currentContext().actor;
    await inTransaction(this.#db, async (trx) => {
      const row = await trx
        .updateTable("work_items")
        .set({ status, completed_at: this.#clock.now(), completed_by: actor.userId })
        .where("queue", "=", queue)
        .where("subject_type", "=", subject.type)
        .where("subject_id", "=", subject.id)
        .where("status", "in", ACTIVE)
        .returning(["id", "patient_id"])
        .executeTakeFirst();
      if (row) {
        await this.#audit.record({
          action: status === "done" ? "complete" : "cancel",
          resourceType: "work_item",
          resourceId: row.id,
          patientId: row.patient_id,
          details: { queue },
        });
      }
    });
  }

  /** Counts per queue the actor works, limited to the items they may see. */
  async counts(): Promise<WorkQueueCount[]> {
    const actor = currentContext().actor;
    const queues = this.queuesFor(actor);
    if (queues.length === 0 || !actor.userId) return [];
    const now = this.#clock.now();
    const rows = await currentDb(this.#db)
      .selectFrom("work_items as w")
      .where(
        "w.queue",
        "in",
        queues.map((q) => q.name),
      )
      .where("w.status", "in", ACTIVE)
      .where(visibleTo(actor, "w"))
      .select((eb) => [
        "w.queue",
        eb.fn.countAll<string>().as("open"),
        sql<string>`count(*) filter (where w.due_at < ${now})`.as("overdue"),
        sql<string>`count(*) filter (where w.assignee_user_id = ${actor.userId})`.as("mine"),
        sql<string>`count(*) filter (where w.status = 'open')`.as("unassigned"),
      ])
      .groupBy("w.queue")
      .execute();
    return queues.map((q) => {
      const row = rows.find((r) => r.queue === q.name);
      return {
        queue: q.name,
        open: Number(row?.open ?? 0),
        overdue: Number(row?.overdue ?? 0),
        mine: Number(row?.mine ?? 0),
        unassigned: Number(row?.unassigned ?? 0),
      };
    });
  }

  /** The active items for these subjects the actor may see, by subject id (for a capability's own list). */
  async forSubjects(queue: WorkQueueName, subjectType: string, ids: readonly string[]): Promise<Map<string, WorkItem>> {
    if (ids.length === 0) return new Map();
    const rows = await workItemQuery(currentDb(this.#db))
      .where("w.queue", "=", queue)
      .where("w.subject_type", "=", subjectType)
      .where("w.subject_id", "in", ids)
      .execute();
    return new Map(rows.map((r) => [r.subject_id, presentWorkItem(r, this.#clock.now())]));
  }

  async claim(id: string): Promise<WorkItem> {
    return this.#change(id, "claim", async (row, actor, trx) => {
      if (row.status === "claimed" && row.assignee_user_id !== actor.userId) {
        throw new DomainError("already_claimed", "Someone else is already working on this item.");
      }
      await trx
        .updateTable("work_items")
        .set({ status: "claimed", assignee_user_id: actor.userId, claimed_at: this.#clock.now() })
        .where("id", "=", row.id)
        .execute();
    });
  }

  async release(id: string): Promise<WorkItem> {
    return this.#change(id, "release", async (row, actor, trx) => {
      if (row.status !== "claimed" || row.assignee_user_id !== actor.userId) {
        throw new DomainError("conflict", "Only the person working on this item can release it.");
      }
      await trx
        .updateTable("work_items")
        .set({ status: "open", assignee_user_id: null, claimed_at: null })
        .where("id", "=", row.id)
        .execute();
    });
  }

  /**
   * The colleagues this item may be given to: active staff whose role works its queue and who
   * may see the item by the queue's own rule (`visibleToColleague`: a physician their own
   * provider's items, a nurse those of providers at their locations, a pool's members its
   * work) — and so, through the care-team rule, its patient. The caller is left out (they
   * claim). An item the caller may not see, or not active, is 404 like a missing one (audited).
   */
  async assignees(id: string): Promise<WorkItemAssignees> {
    const actor = currentContext().actor;
    return inTransaction(this.#db, async (trx) => {
      const row = await this.#visibleActive(trx, id, "read");
      const assignees = await this.#colleagues(trx, row)
        .$if(actor.userId !== null, (q) => q.where("u.id", "<>", actor.userId as string))
        .execute();
      await this.#audit.record({
        action: "read",
        resourceType: "work_item",
        resourceId: row.id,
        patientId: row.patient_id,
        details: { queue: row.queue, list: "assignees" },
      });
      return {
        item: presentWorkItem(row, this.#clock.now()),
        assignees: assignees.map((a) => ({
          userId: a.id,
          displayName: a.display_name,
          roles: a.roles,
          current: a.id === row.assignee_user_id,
        })),
      };
    });
  }

  /** Active staff of the item's queue's roles who may see the item (the one rule for listing and assigning). */
  #colleagues(trx: ReturnType<typeof currentDb>, row: ItemRow) {
    const definition = this.#definition(row.queue);
    const roles = [...definition.roles];
    return trx
      .selectFrom(["users as u", "work_items as w"])
      .where("w.id", "=", row.id)
      .where("u.status", "=", "active")
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom("user_roles as ur")
            .select("ur.user_id")
            .whereRef("ur.user_id", "=", "u.id")
            .where("ur.role", "in", roles),
        ),
      )
      .where(visibleToColleague("u", "w"))
      .select([
        "u.id",
        "u.display_name",
        sql<
          StaffRole[]
        >`(select coalesce(json_agg(ur2.role order by ur2.role), '[]'::json) from user_roles ur2 where ur2.user_id = u.id and ur2.role in (${sql.join(roles)}))`.as(
          "roles",
        ),
      ])
      .orderBy("u.display_name")
      .orderBy("u.id");
  }

  async assign(id: string, userId: string): Promise<WorkItem> {
    return this.#change(
      id,
      "assign",
      async (row, _actor, trx) => {
        const target = await this.#colleagues(trx, row).where("u.id", "=", userId).executeTakeFirst();
        if (!target) {
          // the same answer whether the person does not exist, does not work this queue or may not see it
          throw new DomainError("conflict", "This item cannot be given to that person.", [
            { field: "userId", problem: "not someone who works this queue and may see this item" },
          ]);
        }
        await trx
          .updateTable("work_items")
          .set({ status: "claimed", assignee_user_id: userId, claimed_at: this.#clock.now() })
          .where("id", "=", row.id)
          .execute();
      },
      { assignee: userId },
    );
  }

  /** The item locked, when the actor works its queue, may see it and it is still active; else 404 (audited). */
  async #visibleActive(trx: ReturnType<typeof currentDb>, id: string, action: string): Promise<ItemRow> {
    const actor = currentContext().actor;
    const row = await workItemQuery(trx)
      .where("w.id", "=", id)
      .$if(action !== "read", (q) => q.forUpdate("w"))
      .executeTakeFirst();
    const works = row ? this.queuesFor(actor).some((q) => q.name === row.queue) : false;
    if (!row || !works || !ACTIVE.includes(row.status)) {
      await this.#audit.recordIndependent({
        action,
        resourceType: "work_item",
        resourceId: id,
        outcome: "denied",
        details: { reason: row ? "not_active_or_not_theirs" : "not_found" },
      });
      throw notFound("work item");
    }
    return row;
  }

  async #change(
    id: string,
    action: "claim" | "release" | "assign",
    apply: (row: ItemRow, actor: Actor, trx: Parameters<Parameters<typeof inTransaction>[1]>[0]) => Promise<void>,
    details: Record<string, string> = {},
  ): Promise<WorkItem> {
    const actor = currentContext().actor;
    return inTransaction(this.#db, async (trx) => {
      const row = await this.#visibleActive(trx, id, action);
      await apply(row, actor, trx);
      await this.#audit.record({
        action,
        resourceType: "work_item",
        resourceId: row.id,
        patientId: row.patient_id,
        details: { queue: row.queue, ...details },
      });
      const updated = await workItemQuery(trx).where("w.id", "=", id).executeTakeFirstOrThrow();
      return presentWorkItem(updated, this.#clock.now());
    });
  }
}
