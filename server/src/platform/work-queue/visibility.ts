import { type Expression, type ExpressionBuilder, type SqlBool, sql } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { StaffRole } from "../../db/tables/people.ts";
import type { CareTeamRule } from "../access/patient-access.ts";
import type { Actor } from "../context.ts";

/**
 * Who sees a work item, as SQL (SPEC §2.10): the person it is assigned to; a physician the
 * items of their own provider; a nurse those of the providers who practise at the locations the
 * nurse is assigned to; a message pool's members its pool's items; and, in a queue that says so,
 * every clinician the items no provider and no pool owns.
 */
/**
 * Who is looking at work items, as SQL: the signed-in actor (values) or each colleague of a
 * query over `users` (columns), so the one visibility rule below serves both the caller's own
 * lists and "whom may this item be given to".
 */
interface Viewer {
  userId: Expression<string>;
  /** a flag known in advance (the actor) or a SQL condition (a colleague's roles) */
  nurse: boolean | Expression<SqlBool>;
  physician: boolean | Expression<SqlBool>;
  /** the provider the person is (physicians), or null when known to be none */
  providerId: Expression<string | null> | null;
}

/** Queues whose unowned items (no provider, no pool) every nurse and physician sees (`QueueDefinition.unownedForEveryClinician`). */
export const UNOWNED_FOR_EVERY_CLINICIAN = new Set<string>();

const when = (flag: boolean | Expression<SqlBool>, condition: Expression<SqlBool>): Expression<SqlBool> | null =>
  flag === false ? null : flag === true ? condition : sql<SqlBool>`(${flag} and ${condition})`;

function visibleToViewer(viewer: Viewer, alias: string): Expression<SqlBool> {
  const ref = (column: string) => sql.ref(`${alias}.${column}`);
  const clinician: boolean | Expression<SqlBool> =
    viewer.nurse === true || viewer.physician === true
      ? true
      : viewer.nurse === false && viewer.physician === false
        ? false
        : sql<SqlBool>`(${viewer.nurse === false ? sql`false` : viewer.nurse} or ${viewer.physician === false ? sql`false` : viewer.physician})`;
  const conditions = [
    sql<SqlBool>`${ref("assignee_user_id")} = ${viewer.userId}`,
    viewer.providerId ? when(viewer.physician, sql<SqlBool>`${ref("provider_id")} = ${viewer.providerId}`) : null,
    // pool work (messages) is the pool's, not every nurse's at the provider's locations
    when(
      viewer.nurse,
      sql<SqlBool>`(${ref("pool_id")} is null and ${ref("provider_id")} in (select wq_pl.provider_id from provider_locations wq_pl join staff_locations wq_sl on wq_sl.location_id = wq_pl.location_id where wq_sl.user_id = ${viewer.userId}))`,
    ),
    when(
      clinician,
      sql<SqlBool>`${ref("pool_id")} in (select wq_pm.pool_id from message_pool_members wq_pm where wq_pm.user_id = ${viewer.userId})`,
    ),
    // in a queue that says so, work no provider's team and no pool owns (a referral for a
    // patient without a primary care physician) is every clinician's
    UNOWNED_FOR_EVERY_CLINICIAN.size > 0
      ? when(
          clinician,
          sql<SqlBool>`(${ref("provider_id")} is null and ${ref("pool_id")} is null and ${ref("queue")} in (${sql.join([...UNOWNED_FOR_EVERY_CLINICIAN])}))`,
        )
      : null,
  ].filter((c): c is Expression<SqlBool> => c !== null);
  return sql<SqlBool>`(${sql.join(conditions, sql` or `)})`;
}

/**
 * The SQL condition "this actor may see work item `alias`". Usable in any query joining
 * `work_items` (the refill queue) and in the care-team rule below.
 */
export function visibleTo(actor: Actor, alias: string): Expression<SqlBool> {
  if (actor.kind === "system") return sql<SqlBool>`true`;
  if (actor.kind !== "user" || !actor.userId) return sql<SqlBool>`false`;
  return visibleToViewer(
    {
      userId: sql<string>`${actor.userId}`,
      nurse: actor.roles.includes("nurse"),
      physician: actor.roles.includes("physician"),
      providerId: actor.providerId ? sql<string>`${actor.providerId}` : null,
    },
    alias,
  );
}

/**
 * The same condition for the colleague in `users` row `userAlias` (their roles and provider
 * read in SQL, as the session reads them for the actor).
 */
export function visibleToColleague(userAlias: string, alias: string): Expression<SqlBool> {
  const userId = sql.ref<string>(`${userAlias}.id`);
  const hasRole = (role: StaffRole) =>
    sql<SqlBool>`exists (select 1 from user_roles wq_r where wq_r.user_id = ${userId} and wq_r.role = ${role})`;
  return visibleToViewer(
    {
      userId,
      nurse: hasRole("nurse"),
      physician: hasRole("physician"),
      providerId: sql<string | null>`(select wq_p.id from providers wq_p where wq_p.user_id = ${userId} limit 1)`,
    },
    alias,
  );
}

/**
 * A clinician working an open item about a patient (one they may see) is on that patient's
 * care team while the item is open: a nurse opening a refill request from the queue may read
 * and update the patient's medications.
 */
export const workQueueCareTeamRule: CareTeamRule = (eb: ExpressionBuilder<DB, "patients">, actor) =>
  actor.kind === "user" && actor.userId
    ? eb.exists(
        eb
          .selectFrom("work_items as ct_w")
          .select("ct_w.id")
          .whereRef("ct_w.patient_id", "=", "patients.id")
          .where("ct_w.status", "in", ["open", "claimed"])
          .where(visibleTo(actor, "ct_w")),
      )
    : null;
