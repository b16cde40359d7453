import type { QuickReply, QuickReplyInput } from "@portico/contracts";
import { notFound } from "../../platform/errors.ts";
import { currentDb } from "../../platform/transaction.ts";
import { deniedAsMissing } from "./denied.ts";
import { CLINICAL_ROLES, type SettingsDeps } from "./settings-common.ts";

/** A pool's quick replies (saved replies): kept by its members and admins. */

/** The pool, when the caller is an admin or one of its members; else 404. */
async function quickReplyPool(d: SettingsDeps, poolId: string, action: string): Promise<{ poolId: string }> {
  const actor = await d.access.authorizeStaff(["admin", ...CLINICAL_ROLES], {
    resourceType: "message_quick_reply",
    action,
  });
  const db = currentDb(d.db);
  const pool = await db
    .selectFrom("message_pools as p")
    .select("p.id")
    .where("p.id", "=", poolId)
    .$if(!actor.roles.includes("admin"), (q) =>
      q.where(({ exists, selectFrom }) =>
        exists(
          selectFrom("message_pool_members as m")
            .select("m.user_id")
            .whereRef("m.pool_id", "=", "p.id")
            .where("m.user_id", "=", actor.userId as string),
        ),
      ),
    )
    .executeTakeFirst();
  if (!pool) {
    const denied = {
      action,
      resourceType: "message_quick_reply",
      resourceId: poolId,
      reason: "not_a_pool_member_or_missing",
    };
    return deniedAsMissing(d.audit, "pool", denied);
  }
  return { poolId: pool.id };
}

export async function quickReplies(
  d: SettingsDeps,
  poolId: string,
): Promise<{ quickReplies: QuickReply[]; canEdit: boolean }> {
  await quickReplyPool(d, poolId, "read");
  const rows = await currentDb(d.db)
    .selectFrom("message_quick_replies")
    .select(["id", "pool_id", "title", "body"])
    .where("pool_id", "=", poolId)
    .orderBy("title")
    .execute();
  return {
    quickReplies: rows.map((r) => presentQuickReply(r)),
    canEdit: true,
  };
}

export async function createQuickReply(d: SettingsDeps, poolId: string, input: QuickReplyInput): Promise<QuickReply> {
  const { poolId: id } = await quickReplyPool(d, poolId, "create");
  const row = await currentDb(d.db)
    .insertInto("message_quick_replies")
    .values({ pool_id: id, title: input.title.trim(), body: input.body, created_by: null })
    .returning(["id", "pool_id", "title", "body"])
    .executeTakeFirstOrThrow();
  return presentQuickReply(row);
}

export async function updateQuickReply(
  d: SettingsDeps,
  poolId: string,
  id: string,
  input: QuickReplyInput,
): Promise<QuickReply> {
  await quickReplyPool(d, poolId, "update");
  const row = await currentDb(d.db)
    .updateTable("message_quick_replies")
    .set({ title: input.title.trim(), body: input.body, updated_at: d.clock.now() })
    .where("id", "=", id)
    .where("pool_id", "=", poolId)
    .returning(["id", "pool_id", "title", "body"])
    .executeTakeFirst();
  if (!row) throw notFound("quick reply");
  return presentQuickReply(row);
}

export async function deleteQuickReply(d: SettingsDeps, poolId: string, id: string): Promise<void> {
  await quickReplyPool(d, poolId, "delete");
  const row = await currentDb(d.db)
    .deleteFrom("message_quick_replies")
    .where("id", "=", id)
    .where("pool_id", "=", poolId)
    .returning("id")
    .executeTakeFirst();
  if (!row) throw notFound("quick reply");
}

function presentQuickReply(r: { id: string; pool_id: string; title: string; body: string }): QuickReply {
  return { id: r.id, poolId: r.pool_id, title: r.title, body: r.body };
}
