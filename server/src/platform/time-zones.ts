import { sql } from "kysely";
import type { Database } from "../db/database.ts";
import { DomainError } from "./errors.ts";

/**
 * Which zone a visit's time is shown in (SPEC §2.3, issue 11 item 3): an in-person visit in its
 * location's zone (the patient goes there), a video visit in the patient's own zone (they join
 * from home). The server decides and sends it with every appointment and slot
 * (`displayTimeZone`); pages, emails and calendar files show it, naming the zone.
 */
export function displayTimeZone(
  modality: "in_person" | "video",
  locationTimeZone: string,
  patientTimeZone: string | null,
): string {
  return modality === "video" ? (patientTimeZone ?? locationTimeZone) : locationTimeZone;
}

const ZONE_NAME = /^(UTC|[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+){1,2})$/;

/**
 * An IANA zone name the runtime knows ("America/New_York", "UTC"), as browsers report them
 * (`Intl.DateTimeFormat().resolvedOptions().timeZone`, which may be an older alias such as
 * "Asia/Calcutta"). Offsets ("+05:00") and abbreviations ("EST") are refused.
 */
export function isIanaTimeZone(value: string): boolean {
  return value.length <= 64 && ZONE_NAME.test(value) && isKnownTimeZone(value);
}

/** Zones the runtime accepted: asking costs a formatter (~50 µs), and there are only so many. */
const knownZones = new Set<string>();

/** Whether the runtime knows `value` as a time zone (any form `Intl` accepts). */
export function isKnownTimeZone(value: string): boolean {
  if (knownZones.has(value)) return true;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
  } catch {
    return false;
  }
  if (knownZones.size < 4_000) knownZones.add(value);
  return true;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * A formatter made once per locale, zone and style (`style` names the options: the same style
 * must always pass the same options), for emails and other text written per request; making one
 * costs ~50 µs. `timeZone` is one the runtime knows.
 */
export function dateTimeFormat(
  locale: string,
  timeZone: string,
  style: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${style}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    if (formats.size < 4_000) formats.set(key, format);
  }
  return format;
}

/**
 * The patient's zone in SQL, for a query over `patients` aliased `alias`: their own; else the
 * zone of the location of their latest in-person visit (where they go: a patient of the Chicago
 * clinic is in Central Time); else the clinic's first location's (by creation, then name);
 * else UTC. Deterministic, so one patient's times never change zone from one request to the next.
 */
export function patientTimeZoneSql(alias: string) {
  const patient = sql.ref(`${alias}.id`);
  return sql<string>`coalesce(
    ${sql.ref(`${alias}.time_zone`)},
    (select l0.time_zone from appointments a0
       join visit_types v0 on v0.id = a0.visit_type_id
       join locations l0 on l0.id = a0.location_id
      where a0.patient_id = ${patient} and v0.modality = 'in_person'
      order by a0.starts_at desc limit 1),
    (select l1.time_zone from locations l1 order by l1.created_at, l1.name, l1.id limit 1),
    'UTC')`;
}

/**
 * The patient's zone (`patientTimeZoneSql`) for a video visit, null for an in-person one, whose
 * time is shown in its location's zone: lists of many visits then look the patient's zone up
 * only for the video visits among them, not once a row.
 */
export function videoVisitTimeZoneSql(patientAlias: string, visitTypeAlias: string) {
  return sql<
    string | null
  >`case when ${sql.ref(`${visitTypeAlias}.modality`)} = 'video' then ${patientTimeZoneSql(patientAlias)} end`;
}

/**
 * `displayTimeZone` in SQL, for a query over a visit's `visit_types`, `patients` and `locations`
 * (by their aliases): the patient's zone (`patientTimeZoneSql`) for a video visit, else the location's.
 */
export function displayTimeZoneSql(aliases: { visitType: string; patient: string; location: string }) {
  return sql<string>`case when ${sql.ref(`${aliases.visitType}.modality`)} = 'video' then ${patientTimeZoneSql(aliases.patient)} else ${sql.ref(`${aliases.location}.time_zone`)} end`;
}

/** 400 naming the field when a time zone is not an IANA name the server knows. */
export function checkTimeZone(value: string, field = "timeZone"): void {
  if (!isIanaTimeZone(value)) {
    throw new DomainError(
      "validation_failed",
      `"${value}" is not a known time zone. Use an IANA name such as America/New_York.`,
      [{ field, problem: "unknown time zone" }],
    );
  }
}

/**
 * "YYYY-MM-DD" of `now` in the clinic's zone (its first active location's, else UTC): the day
 * clinical rules count from (a refill's "too early", a lab's age, a referral's expiry).
 */
export async function clinicToday(db: Pick<Database, "selectFrom">, now: Date): Promise<string> {
  const location = await db
    .selectFrom("locations")
    .select("time_zone")
    .where("active", "=", true)
    .orderBy("created_at")
    .limit(1)
    .executeTakeFirst();
  return dateTimeFormat("en-CA", location?.time_zone ?? "UTC", "date", {}).format(now);
}
