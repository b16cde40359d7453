import type { DigestPreferences, DigestPreferencesInput } from "@portico/contracts";
import { checkTimeZone } from "../../platform/time-zones.ts";
import { currentDb } from "../../platform/transaction.ts";
import { nextDigestSlot } from "./business-hours.ts";
import { CLINICAL_ROLES, firstLocationZone, jsonValue, type SettingsDeps, selfId } from "./settings-common.ts";

/** Each clinician's digest times (the digest job itself: digest.ts). */

export async function digestPreferences(d: SettingsDeps): Promise<DigestPreferences> {
  const userId = await selfId(d, CLINICAL_ROLES, "message_digest", "read");
  const db = currentDb(d.db);
  const row = await db
    .selectFrom("message_digest_preferences")
    .selectAll()
    .where("user_id", "=", userId)
    .executeTakeFirst();
  const zone = row?.time_zone ?? (await firstLocationZone(db));
  const times = row ? jsonValue<string[]>(row.times) : [];
  const enabled = row?.enabled ?? false;
  const next = enabled ? nextDigestSlot(times, zone, d.clock.now()) : null;
  return { enabled, times, timeZone: zone, nextDigestAt: next?.toISOString() ?? null };
}

export async function setDigestPreferences(d: SettingsDeps, input: DigestPreferencesInput): Promise<DigestPreferences> {
  const userId = await selfId(d, CLINICAL_ROLES, "message_digest", "update");
  checkTimeZone(input.timeZone);
  const values = {
    enabled: input.enabled,
    times: JSON.stringify([...input.times].sort()),
    time_zone: input.timeZone,
    updated_at: d.clock.now(),
  };
  await currentDb(d.db)
    .insertInto("message_digest_preferences")
    // from now on: no digest for work that came before the preferences were saved
    .values({ user_id: userId, ...values, last_sent_at: d.clock.now() })
    .onConflict((oc) => oc.column("user_id").doUpdateSet(values))
    .execute();
  return digestPreferences(d);
}
