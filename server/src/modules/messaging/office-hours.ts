import type { OfficeHours, OfficeHoursInput } from "@portico/contracts";
import { DomainError } from "../../platform/errors.ts";
import { checkTimeZone } from "../../platform/time-zones.ts";
import { currentDb } from "../../platform/transaction.ts";
import { officeAvailability, type WeeklyInterval } from "./business-hours.ts";
import {
  activeClinicianIds,
  activeClinicians,
  firstLocationZone,
  jsonValue,
  type SettingsDeps,
  selfId,
} from "./settings-common.ts";

/**
 * A physician's own message office hours, the pool that covers outside them, and out-of-office
 * (with a delegate): what routing (routing.ts) reads to address a clinical topic.
 */

export async function officeHours(d: SettingsDeps): Promise<OfficeHours> {
  const userId = await selfId(d, "physician", "message_office_hours", "read");
  const db = currentDb(d.db);
  const row = await db.selectFrom("message_office_hours").selectAll().where("user_id", "=", userId).executeTakeFirst();
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
    d.clock.now(),
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

export async function setOfficeHours(d: SettingsDeps, input: OfficeHoursInput): Promise<OfficeHours> {
  const userId = await selfId(d, "physician", "message_office_hours", "update");
  const db = currentDb(d.db);
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
    updated_at: d.clock.now(),
  };
  await db
    .insertInto("message_office_hours")
    .values({ user_id: userId, ...values })
    .onConflict((oc) => oc.column("user_id").doUpdateSet(values))
    .execute();
  await d.audit.record({ action: "update", resourceType: "message_office_hours", resourceId: userId });
  return officeHours(d);
}
