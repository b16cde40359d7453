import type { MessagePool, MessagePoolInput, MessagePoolList, MessageTopic } from "@portico/contracts";
import { DomainError } from "../../platform/errors.ts";
import { currentDb, inTransaction } from "../../platform/transaction.ts";
import {
  activeClinicianIds,
  activeClinicians,
  clinicianRoles,
  jsonValue,
  lockForUpdate,
  type SettingsDeps,
} from "./settings-common.ts";

/** Message pools (admins): who answers, where and how fast, and the topics routed to each. */

export async function listPools(d: SettingsDeps): Promise<MessagePoolList> {
  await d.access.authorizeStaff("admin", { resourceType: "message_pool", action: "read" });
  const db = currentDb(d.db);
  const locations = await db
    .selectFrom("locations")
    .select(["id", "name", "time_zone", "hours"])
    .orderBy("name")
    .execute();
  const clinicians = await activeClinicians(db).select(["u.id", "u.display_name", clinicianRoles()]).execute();
  return {
    pools: await poolsWithDetails(d),
    choices: {
      locations: locations.map((l) => ({
        id: l.id,
        name: l.name,
        timeZone: l.time_zone,
        hours: jsonValue<{ weekday: number; open: string; close: string }[] | null>(l.hours) ?? [],
      })),
      clinicians: clinicians.map((c) => ({ userId: c.id, displayName: c.display_name, roles: [...c.roles] })),
    },
  };
}

export async function createPool(d: SettingsDeps, input: MessagePoolInput): Promise<MessagePool> {
  await d.access.authorizeStaff("admin", { resourceType: "message_pool", action: "create" });
  return inTransaction(d.db, async (trx) => {
    await checkPool(d, input);
    const row = await trx
      .insertInto("message_pools")
      .values({ ...poolColumns(input), active: input.active ?? true })
      .onConflict((oc) => oc.column("name").doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!row) throw duplicateName();
    await setMembersAndTopics(d, row.id, input);
    await d.audit.record({ action: "create", resourceType: "message_pool", resourceId: row.id });
    return (await poolsWithDetails(d, row.id))[0] as MessagePool;
  });
}

export async function updatePool(d: SettingsDeps, id: string, input: MessagePoolInput): Promise<MessagePool> {
  await d.access.authorizeStaff("admin", { resourceType: "message_pool", action: "update" });
  return inTransaction(d.db, async (trx) => {
    await lockForUpdate(trx, "message_pools", id, "pool");
    await checkPool(d, input);
    const clash = await trx
      .selectFrom("message_pools")
      .select("id")
      .where("name", "=", input.name.trim())
      .where("id", "<>", id)
      .executeTakeFirst();
    if (clash) throw duplicateName();
    await trx
      .updateTable("message_pools")
      .set({ ...poolColumns(input), ...(input.active === undefined ? {} : { active: input.active }) })
      .where("id", "=", id)
      .execute();
    await trx.deleteFrom("message_pool_members").where("pool_id", "=", id).execute();
    await trx.deleteFrom("message_topic_routes").where("pool_id", "=", id).execute();
    await setMembersAndTopics(d, id, input);
    await d.audit.record({ action: "update", resourceType: "message_pool", resourceId: id });
    return (await poolsWithDetails(d, id))[0] as MessagePool;
  });
}

/** Every pool (or the one with `id`) with its location, members and topics. */
async function poolsWithDetails(d: SettingsDeps, id?: string): Promise<MessagePool[]> {
  const db = currentDb(d.db);
  const pools = await db
    .selectFrom("message_pools as p")
    .innerJoin("locations as l", "l.id", "p.location_id")
    .select([
      "p.id",
      "p.name",
      "p.readers_description",
      "p.readers_description_es",
      "p.response_target_hours",
      "p.active",
      "l.id as location_id",
      "l.name as location_name",
      "l.time_zone",
    ])
    .$if(id !== undefined, (q) => q.where("p.id", "=", id as string))
    .orderBy("p.name")
    .execute();
  if (pools.length === 0) return [];
  const ids = pools.map((p) => p.id);
  const members = await db
    .selectFrom("message_pool_members as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select(["m.pool_id", "u.id", "u.display_name", clinicianRoles()])
    .where("m.pool_id", "in", ids)
    .orderBy("u.display_name")
    .execute();
  const topics = await db
    .selectFrom("message_topic_routes")
    .select(["topic", "pool_id"])
    .where("pool_id", "in", ids)
    .execute();
  return pools.map((p) => ({
    id: p.id,
    name: p.name,
    readersDescription: p.readers_description,
    readersDescriptionEs: p.readers_description_es,
    location: { id: p.location_id, name: p.location_name, timeZone: p.time_zone },
    responseTargetBusinessHours: p.response_target_hours,
    members: members
      .filter((m) => m.pool_id === p.id)
      .map((m) => ({ userId: m.id, displayName: m.display_name, roles: [...m.roles] })),
    topics: topics.filter((t) => t.pool_id === p.id).map((t) => t.topic as MessageTopic),
    active: p.active,
  }));
}

function duplicateName(): DomainError {
  return new DomainError("already_exists", "Another pool already has this name.", [
    { field: "name", problem: "already used by another pool" },
  ]);
}

async function checkPool(d: SettingsDeps, input: MessagePoolInput): Promise<void> {
  const db = currentDb(d.db);
  const location = await db.selectFrom("locations").select("id").where("id", "=", input.locationId).executeTakeFirst();
  const problems: { field: string; problem: string }[] = [];
  if (!location) problems.push({ field: "locationId", problem: "no such location" });
  if (input.memberUserIds.length > 0) {
    const ok = await activeClinicianIds(db).where("u.id", "in", input.memberUserIds).execute();
    const found = new Set(ok.map((r) => r.id));
    input.memberUserIds.forEach((id, i) => {
      if (!found.has(id)) problems.push({ field: `memberUserIds.${i}`, problem: "not an active nurse or physician" });
    });
  }
  if (problems.length) throw new DomainError("validation_failed", "Please check the pool's details.", problems);
}

async function setMembersAndTopics(d: SettingsDeps, poolId: string, input: MessagePoolInput): Promise<void> {
  const db = currentDb(d.db);
  if (input.memberUserIds.length) {
    await db
      .insertInto("message_pool_members")
      .values(input.memberUserIds.map((user_id) => ({ pool_id: poolId, user_id })))
      .execute();
  }
  if (input.topics.length) {
    // a topic is answered by one pool: routing it here moves it
    await db
      .insertInto("message_topic_routes")
      .values(input.topics.map((topic) => ({ topic, pool_id: poolId })))
      .onConflict((oc) => oc.column("topic").doUpdateSet({ pool_id: poolId }))
      .execute();
  }
}

/** The columns a pool's details set (its active flag aside). */
function poolColumns(input: MessagePoolInput) {
  return {
    name: input.name.trim(),
    readers_description: input.readersDescription.trim(),
    readers_description_es: input.readersDescriptionEs.trim(),
    location_id: input.locationId,
    response_target_hours: input.responseTargetBusinessHours,
  };
}
