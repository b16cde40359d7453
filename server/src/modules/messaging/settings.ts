import type {
  DigestPreferences,
  DigestPreferencesInput,
  HolidayList,
  MessagePool,
  MessagePoolInput,
  MessagePoolList,
  MessageTopic,
  OfficeHours,
  OfficeHoursInput,
  QuickReply,
  QuickReplyInput,
} from "@portico/contracts";
import { sql } from "kysely";
import type { Database } from "../../db/database.ts";
import type { AccessService } from "../../platform/access/patient-access.ts";
import type { AuditLog } from "../../platform/audit/audit-log.ts";
import type { Clock } from "../../platform/clock.ts";
import { DomainError, notFound } from "../../platform/errors.ts";
import { checkTimeZone } from "../../platform/time-zones.ts";
import { currentDb, inTransaction } from "../../platform/transaction.ts";
import { nextDigestSlot, officeAvailability, type WeeklyInterval } from "./business-hours.ts";

const CLINICAL_ROLES = ["nurse", "physician"] as const;

/**
 * The settings of messaging: pools, their topics and holidays (admins); quick replies (pool
 * members and admins); a physician's own office hours and out-of-office; each clinician's
 * digest times. No patient data here.
 */
export class MessagingSettings {
  readonly #d: { db: Database; clock: Clock; access: AccessService; audit: AuditLog };

  constructor(deps: { db: Database; clock: Clock; access: AccessService; audit: AuditLog }) {
    this.#d = deps;
  }

  // ---- pools (admin) ----

  async listPools(): Promise<MessagePoolList> {
    await this.#d.access.authorizeStaff("admin", { resourceType: "message_pool", action: "read" });
    const db = currentDb(this.#d.db);
    const locations = await db
      .selectFrom("locations")
      .select(["id", "name", "time_zone", "hours"])
      .orderBy("name")
      .execute();
    const clinicians = await activeClinicians(db).select(["u.id", "u.display_name", clinicianRoles()]).execute();
    return {
      pools: await this.#pools(),
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

  async #pools(id?: string): Promise<MessagePool[]> {
    const db = currentDb(this.#d.db);
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

  async createPool(input: MessagePoolInput): Promise<MessagePool> {
    await this.#d.access.authorizeStaff("admin", { resourceType: "message_pool", action: "create" });
    return inTransaction(this.#d.db, async (trx) => {
      await this.#checkPool(input);
      const row = await trx
        .insertInto("message_pools")
        .values({ ...poolColumns(input), active: input.active ?? true })
        .onConflict((oc) => oc.column("name").doNothing())
        .returning("id")
        .executeTakeFirst();
      if (!row) throw this.#duplicateName();
      await this.#setMembersAndTopics(row.id, input);
      await this.#d.audit.record({ action: "create", resourceType: "message_pool", resourceId: row.id });
      return (await this.#pools(row.id))[0] as MessagePool;
    });
  }

  async updatePool(id: string, input: MessagePoolInput): Promise<MessagePool> {
    await this.#d.access.authorizeStaff("admin", { resourceType: "message_pool", action: "update" });
    return inTransaction(this.#d.db, async (trx) => {
      const existing = await trx
        .selectFrom("message_pools")
        .select("id")
        .where("id", "=", id)
        .forUpdate()
        .executeTakeFirst();
      if (!existing) throw notFound("pool");
      await this.#checkPool(input);
      const clash = await trx
        .selectFrom("message_pools")
        .select("id")
        .where("name", "=", input.name.trim())
        .where("id", "<>", id)
        .executeTakeFirst();
      if (clash) throw this.#duplicateName();
      await trx
        .updateTable("message_pools")
        .set({ ...poolColumns(input), ...(input.active === undefined ? {} : { active: input.active }) })
        .where("id", "=", id)
        .execute();
      await trx.deleteFrom("message_pool_members").where("pool_id", "=", id).execute();
      await trx.deleteFrom("message_topic_routes").where("pool_id", "=", id).execute();
      await this.#setMembersAndTopics(id, input);
      await this.#d.audit.record({ action: "update", resourceType: "message_pool", resourceId: id });
      return (await this.#pools(id))[0] as MessagePool;
    });
  }

  #duplicateName(): DomainError {
    return new DomainError("already_exists", "Another pool already has this name.", [
      { field: "name", problem: "already used by another pool" },
    ]);
  }

  async #checkPool(input: MessagePoolInput): Promise<void> {
    const db = currentDb(this.#d.db);
    const location = await db
      .selectFrom("locations")
      .select("id")
      .where("id", "=", input.locationId)
      .executeTakeFirst();
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

  async #setMembersAndTopics(poolId: string, input: MessagePoolInput): Promise<void> {
    const db = currentDb(this.#d.db);
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

  // ---- holidays (admin) ----

  async holidays(locationId: string): Promise<HolidayList> {
    await this.#d.access.authorizeStaff("admin", { resourceType: "location", action: "read" });
    const db = currentDb(this.#d.db);
    if (!(await db.selectFrom("locations").select("id").where("id", "=", locationId).executeTakeFirst())) {
      throw notFound("location");
    }
    const rows = await db
      .selectFrom("location_holidays")
      .select(["holiday_on", "name"])
      .where("location_id", "=", locationId)
      .orderBy("holiday_on")
      .execute();
    return { holidays: rows.map((r) => ({ date: String(r.holiday_on).slice(0, 10), name: r.name })) };
  }

  async setHolidays(locationId: string, input: HolidayList): Promise<HolidayList> {
    await this.#d.access.authorizeStaff("admin", { resourceType: "location", action: "update" });
    const seen = new Map<string, number>();
    const problems: { field: string; problem: string }[] = [];
    input.holidays.forEach((h, i) => {
      if (Number.isNaN(Date.parse(`${h.date}T00:00:00Z`)))
        problems.push({ field: `holidays.${i}.date`, problem: "not a date" });
      if (seen.has(h.date)) problems.push({ field: `holidays.${i}.date`, problem: "the same day is listed twice" });
      seen.set(h.date, i);
    });
    if (problems.length) throw new DomainError("validation_failed", "Please check the holidays.", problems);
    await inTransaction(this.#d.db, async (trx) => {
      const location = await trx
        .selectFrom("locations")
        .select("id")
        .where("id", "=", locationId)
        .forUpdate()
        .executeTakeFirst();
      if (!location) throw notFound("location");
      await trx.deleteFrom("location_holidays").where("location_id", "=", locationId).execute();
      if (input.holidays.length) {
        await trx
          .insertInto("location_holidays")
          .values(input.holidays.map((h) => ({ location_id: locationId, holiday_on: h.date, name: h.name.trim() })))
          .execute();
      }
      await this.#d.audit.record({ action: "update", resourceType: "location_holidays", resourceId: locationId });
    });
    return this.holidays(locationId);
  }

  // ---- quick replies (pool members, admins) ----

  /** The pool, when the caller is an admin or one of its members; else 404. */
  async #quickReplyPool(poolId: string, action: string): Promise<{ poolId: string }> {
    const actor = await this.#d.access.authorizeStaff(["admin", ...CLINICAL_ROLES], {
      resourceType: "message_quick_reply",
      action,
    });
    const db = currentDb(this.#d.db);
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
      await this.#d.audit.recordIndependent({
        action,
        resourceType: "message_quick_reply",
        resourceId: poolId,
        outcome: "denied",
        details: { reason: "not_a_pool_member_or_missing" },
      });
      throw notFound("pool");
    }
    return { poolId: pool.id };
  }

  async quickReplies(poolId: string): Promise<{ quickReplies: QuickReply[]; canEdit: boolean }> {
    await this.#quickReplyPool(poolId, "read");
    const rows = await currentDb(this.#d.db)
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

  async createQuickReply(poolId: string, input: QuickReplyInput): Promise<QuickReply> {
    const { poolId: id } = await this.#quickReplyPool(poolId, "create");
    const row = await currentDb(this.#d.db)
      .insertInto("message_quick_replies")
      .values({ pool_id: id, title: input.title.trim(), body: input.body, created_by: null })
      .returning(["id", "pool_id", "title", "body"])
      .executeTakeFirstOrThrow();
    return presentQuickReply(row);
  }

  async updateQuickReply(poolId: string, id: string, input: QuickReplyInput): Promise<QuickReply> {
    await this.#quickReplyPool(poolId, "update");
    const row = await currentDb(this.#d.db)
      .updateTable("message_quick_replies")
      .set({ title: input.title.trim(), body: input.body, updated_at: this.#d.clock.now() })
      .where("id", "=", id)
      .where("pool_id", "=", poolId)
      .returning(["id", "pool_id", "title", "body"])
      .executeTakeFirst();
    if (!row) throw notFound("quick reply");
    return presentQuickReply(row);
  }

  async deleteQuickReply(poolId: string, id: string): Promise<void> {
    await this.#quickReplyPool(poolId, "delete");
    const row = await currentDb(this.#d.db)
      .deleteFrom("message_quick_replies")
      .where("id", "=", id)
      .where("pool_id", "=", poolId)
      .returning("id")
      .executeTakeFirst();
    if (!row) throw notFound("quick reply");
  }

  // ---- a physician's office hours ----

  /** The signed-in clinician's user id, once they hold one of `roles` (their own settings). */
  async #self(roles: "physician" | typeof CLINICAL_ROLES, resourceType: string, action: string): Promise<string> {
    const actor = await this.#d.access.authorizeStaff(roles, { resourceType, action });
    return actor.userId as string;
  }

  async officeHours(): Promise<OfficeHours> {
    const userId = await this.#self("physician", "message_office_hours", "read");
    const db = currentDb(this.#d.db);
    const row = await db
      .selectFrom("message_office_hours")
      .selectAll()
      .where("user_id", "=", userId)
      .executeTakeFirst();
    const zone = row?.time_zone ?? (await firstLocationZone(db));
    const hours = row ? jsonValue<WeeklyInterval[]>(row.hours) : [];
    const pools = await db
      .selectFrom("message_pools")
      .select(["id", "name"])
      .where("active", "=", true)
      .orderBy("name")
      .execute();
    const delegates = await activeClinicians(db)
      .select(["u.id as userId", "u.display_name as displayName"])
      .where("u.id", "<>", userId)
      .execute();
    const outOfOffice =
      row?.out_from && row.out_until
        ? { from: row.out_from.toISOString(), until: row.out_until.toISOString(), delegateUserId: row.delegate_user_id }
        : null;
    const availability = officeAvailability(
      row ? { timeZone: zone, hours, outFrom: row.out_from, outUntil: row.out_until } : null,
      this.#d.clock.now(),
    );
    return {
      timeZone: zone,
      hours: hours.map((h) => ({ weekday: h.weekday, start: h.start, end: h.end })),
      coveringPoolId: row?.covering_pool_id ?? null,
      outOfOffice,
      availableNow: availability.available,
      choices: { pools, delegates },
    };
  }

  async setOfficeHours(input: OfficeHoursInput): Promise<OfficeHours> {
    const userId = await this.#self("physician", "message_office_hours", "update");
    const db = currentDb(this.#d.db);
    checkTimeZone(input.timeZone);
    const problems: { field: string; problem: string }[] = [];
    input.hours.forEach((h, i) => {
      if (h.end <= h.start) problems.push({ field: `hours.${i}.end`, problem: "must be after the start" });
    });
    if (input.coveringPoolId) {
      const pool = await db
        .selectFrom("message_pools")
        .select("id")
        .where("id", "=", input.coveringPoolId)
        .where("active", "=", true)
        .executeTakeFirst();
      if (!pool) problems.push({ field: "coveringPoolId", problem: "no such pool" });
    }
    const out = input.outOfOffice;
    if (out) {
      if (Date.parse(out.until) <= Date.parse(out.from)) {
        problems.push({ field: "outOfOffice.until", problem: "must be after the start" });
      }
      if (out.delegateUserId) {
        const delegate = await activeClinicianIds(db)
          .where("u.id", "=", out.delegateUserId)
          .where("u.id", "<>", userId)
          .executeTakeFirst();
        if (!delegate) problems.push({ field: "outOfOffice.delegateUserId", problem: "not an active colleague" });
      }
    }
    if (problems.length) throw new DomainError("validation_failed", "Please check your office hours.", problems);
    const values = {
      time_zone: input.timeZone,
      hours: JSON.stringify(input.hours),
      covering_pool_id: input.coveringPoolId,
      out_from: out ? new Date(out.from) : null,
      out_until: out ? new Date(out.until) : null,
      delegate_user_id: out?.delegateUserId ?? null,
      updated_at: this.#d.clock.now(),
    };
    await db
      .insertInto("message_office_hours")
      .values({ user_id: userId, ...values })
      .onConflict((oc) => oc.column("user_id").doUpdateSet(values))
      .execute();
    await this.#d.audit.record({ action: "update", resourceType: "message_office_hours", resourceId: userId });
    return this.officeHours();
  }

  // ---- digest preferences ----

  async digestPreferences(): Promise<DigestPreferences> {
    const userId = await this.#self(CLINICAL_ROLES, "message_digest", "read");
    const db = currentDb(this.#d.db);
    const row = await db
      .selectFrom("message_digest_preferences")
      .selectAll()
      .where("user_id", "=", userId)
      .executeTakeFirst();
    const zone = row?.time_zone ?? (await firstLocationZone(db));
    const times = row ? jsonValue<string[]>(row.times) : [];
    const enabled = row?.enabled ?? false;
    const next = enabled ? nextDigestSlot(times, zone, this.#d.clock.now()) : null;
    return { enabled, times, timeZone: zone, nextDigestAt: next?.toISOString() ?? null };
  }

  async setDigestPreferences(input: DigestPreferencesInput): Promise<DigestPreferences> {
    const userId = await this.#self(CLINICAL_ROLES, "message_digest", "update");
    checkTimeZone(input.timeZone);
    const values = {
      enabled: input.enabled,
      times: JSON.stringify([...input.times].sort()),
      time_zone: input.timeZone,
      updated_at: this.#d.clock.now(),
    };
    await currentDb(this.#d.db)
      .insertInto("message_digest_preferences")
      // from now on: no digest for work that came before the preferences were saved
      .values({ user_id: userId, ...values, last_sent_at: this.#d.clock.now() })
      .onConflict((oc) => oc.column("user_id").doUpdateSet(values))
      .execute();
    return this.digestPreferences();
  }
}

type Db = ReturnType<typeof currentDb>;

/** A JSON column's value (PGlite hands some back as text). */
const jsonValue = <T>(value: unknown): T => (typeof value === "string" ? JSON.parse(value) : value) as T;

/** A clinician's roles, for `select` over `users as u`. */
const clinicianRoles = () =>
  sql<
    string[]
  >`array(select r.role from user_roles r where r.user_id = u.id and r.role in ('nurse', 'physician') order by r.role)`.as(
    "roles",
  );

/** Active users who are nurses or physicians, by name (each once). */
function activeClinicians(db: Db) {
  return db
    .selectFrom("users as u")
    .where("u.status", "=", "active")
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom("user_roles as r")
          .select("r.user_id")
          .whereRef("r.user_id", "=", "u.id")
          .where("r.role", "in", CLINICAL_ROLES),
      ),
    )
    .orderBy("u.display_name");
}

/** The ids of active nurses and physicians, to narrow to the ones asked about. */
function activeClinicianIds(db: Db) {
  return db
    .selectFrom("users as u")
    .innerJoin("user_roles as r", "r.user_id", "u.id")
    .select("u.id")
    .where("u.status", "=", "active")
    .where("r.role", "in", CLINICAL_ROLES);
}

/** The zone of the clinic's first location, or UTC. */
async function firstLocationZone(db: Db): Promise<string> {
  const row = await db
    .selectFrom("locations")
    .select("time_zone")
    .orderBy("created_at")
    .orderBy("name")
    .executeTakeFirst();
  return row?.time_zone ?? "UTC";
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

function presentQuickReply(r: { id: string; pool_id: string; title: string; body: string }): QuickReply {
  return { id: r.id, poolId: r.pool_id, title: r.title, body: r.body };
}
