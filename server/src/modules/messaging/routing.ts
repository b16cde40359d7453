import type { MessageRouting, MessageTopic, PoolSummary } from "@portico/contracts";
import type { PatientRows } from "../../platform/access/scoped-query.ts";
import { currentContext } from "../../platform/context.ts";
import {
  addBusinessHours,
  type BusinessCalendar,
  type OfficeHoursFacts,
  type Route,
  routeThread,
  type WeeklyInterval,
} from "./business-hours.ts";
import type { Db, MessagingDeps } from "./thread-store.ts";

/** Time and routing: a location's calendar, when a wait is due, where a new thread goes now. */

export async function locationCalendar(db: Db, locationId: string): Promise<BusinessCalendar> {
  const location = await db
    .selectFrom("locations")
    .select(["time_zone", "hours"])
    .where("id", "=", locationId)
    .executeTakeFirstOrThrow();
  const holidays = await db
    .selectFrom("location_holidays")
    .select("holiday_on")
    .where("location_id", "=", locationId)
    .execute();
  const raw = (typeof location.hours === "string" ? JSON.parse(location.hours) : location.hours) as {
    weekday: number;
    open: string;
    close: string;
  }[];
  return {
    timeZone: location.time_zone,
    hours: (raw ?? []).map((h) => ({ weekday: h.weekday, start: h.open, end: h.close })),
    holidays: new Set(holidays.map((h) => String(h.holiday_on).slice(0, 10))),
  };
}

/** When a wait starting `from` is due: the pool's target in its location's business hours. */
export async function dueFor(db: Db, poolId: string, from: Date): Promise<Date> {
  const pool = await db
    .selectFrom("message_pools")
    .select(["location_id", "response_target_hours"])
    .where("id", "=", poolId)
    .executeTakeFirstOrThrow();
  return addBusinessHours(from, pool.response_target_hours, await locationCalendar(db, pool.location_id));
}

/** Where a new thread of this patient about `topic` would go now, with the facts the patient is shown. */
export async function routeFor(
  d: Pick<MessagingDeps, "clock">,
  db: Db,
  rows: PatientRows,
  topic: MessageTopic,
): Promise<{ route: Route; physicianName: string | null } | null> {
  const topicRoute = await db
    .selectFrom("message_topic_routes as r")
    .innerJoin("message_pools as p", "p.id", "r.pool_id")
    .select("r.pool_id")
    .where("r.topic", "=", topic)
    .where("p.active", "=", true)
    .executeTakeFirst();
  const pcp = await rows
    .chart(db)
    .innerJoin("providers as pr", "pr.id", "p.pcp_provider_id")
    .leftJoin("message_office_hours as o", "o.user_id", "pr.user_id")
    .leftJoin("message_pools as cp", (j) => j.onRef("cp.id", "=", "o.covering_pool_id").on("cp.active", "=", true))
    .select([
      "pr.id as provider_id",
      "pr.user_id",
      "pr.display_name",
      "o.user_id as office_user",
      "o.time_zone",
      "o.hours",
      "o.out_from",
      "o.out_until",
      "o.delegate_user_id",
      "cp.id as covering_pool_id",
    ])
    .executeTakeFirst();
  const office: OfficeHoursFacts | null =
    pcp?.office_user && pcp.time_zone
      ? {
          timeZone: pcp.time_zone,
          hours: (typeof pcp.hours === "string" ? JSON.parse(pcp.hours) : (pcp.hours ?? [])) as WeeklyInterval[],
          outFrom: pcp.out_from,
          outUntil: pcp.out_until,
        }
      : null;
  const route = routeThread({
    topic,
    topicPoolId: topicRoute?.pool_id ?? null,
    physician: pcp
      ? {
          providerId: pcp.provider_id,
          userId: pcp.user_id,
          office,
          coveringPoolId: pcp.covering_pool_id,
          delegateUserId: pcp.delegate_user_id,
        }
      : null,
    now: d.clock.now(),
  });
  return route ? { route, physicianName: pcp?.display_name ?? null } : null;
}

export async function readerLocale(db: Db): Promise<"en" | "es"> {
  const userId = currentContext().actor.userId;
  if (!userId) return "en";
  const row = await db.selectFrom("users").select("locale").where("id", "=", userId).executeTakeFirst();
  return row?.locale === "es" ? "es" : "en";
}

export async function poolSummary(db: Db, poolId: string, locale: "en" | "es"): Promise<PoolSummary> {
  const pool = await db
    .selectFrom("message_pools")
    .select(["id", "name", "readers_description", "readers_description_es", "response_target_hours"])
    .where("id", "=", poolId)
    .executeTakeFirstOrThrow();
  return {
    id: pool.id,
    name: pool.name,
    readersDescription: locale === "es" ? pool.readers_description_es : pool.readers_description,
    responseTargetBusinessHours: pool.response_target_hours,
  };
}

/** What the patient is shown before sending about `topic`: who reads it, when to expect an answer, any coverage. */
export async function topicRouting(
  d: Pick<MessagingDeps, "clock">,
  db: Db,
  rows: PatientRows,
  topic: MessageTopic,
  locale: "en" | "es",
): Promise<MessageRouting | null> {
  const routed = await routeFor(d, db, rows, topic);
  if (!routed) return null;
  const { route, physicianName } = routed;
  return {
    topic,
    pool: await poolSummary(db, route.poolId, locale),
    physician: route.providerId && physicianName ? { displayName: physicianName } : null,
    expectAnswerBy: (await dueFor(db, route.poolId, d.clock.now())).toISOString(),
    coverage: route.coverage
      ? { reason: route.coverage.reason, physicianBackAt: route.coverage.backAt?.toISOString() ?? null }
      : null,
  };
}
