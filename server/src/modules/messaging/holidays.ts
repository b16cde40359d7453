import type { HolidayList } from "@portico/contracts";
import { DomainError, notFound } from "../../platform/errors.ts";
import { currentDb, inTransaction } from "../../platform/transaction.ts";
import { lockForUpdate, type SettingsDeps } from "./settings-common.ts";

/** A location's holidays (admins): days no business hours count on, for every pool of the location. */

export async function locationHolidays(d: SettingsDeps, locationId: string): Promise<HolidayList> {
  await d.access.authorizeStaff("admin", { resourceType: "location", action: "read" });
  const db = currentDb(d.db);
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

export async function setLocationHolidays(
  d: SettingsDeps,
  locationId: string,
  input: HolidayList,
): Promise<HolidayList> {
  await d.access.authorizeStaff("admin", { resourceType: "location", action: "update" });
  const seen = new Map<string, number>();
  const problems: { field: string; problem: string }[] = [];
  input.holidays.forEach((h, i) => {
    if (Number.isNaN(Date.parse(`${h.date}T00:00:00Z`)))
      problems.push({ field: `holidays.${i}.date`, problem: "not a date" });
    if (seen.has(h.date)) problems.push({ field: `holidays.${i}.date`, problem: "the same day is listed twice" });
    seen.set(h.date, i);
  });
  if (problems.length) throw new DomainError("validation_failed", "Please check the holidays.", problems);
  await inTransaction(d.db, async (trx) => {
    await lockForUpdate(trx, "locations", locationId, "location");
    await trx.deleteFrom("location_holidays").where("location_id", "=", locationId).execute();
    if (input.holidays.length) {
      await trx
        .insertInto("location_holidays")
        .values(input.holidays.map((h) => ({ location_id: locationId, holiday_on: h.date, name: h.name.trim() })))
        .execute();
    }
    await d.audit.record({ action: "update", resourceType: "location_holidays", resourceId: locationId });
  });
  return locationHolidays(d, locationId);
}
