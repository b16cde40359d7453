import type { MessageTopic } from "@portico/contracts";
import { Temporal } from "temporal-polyfill";

/**
 * Time rules of messaging, as pure functions (no database, no clock of their own): due times
 * counted in business hours, physicians' message office hours, and where a new thread goes.
 * Dates and weekdays are those of the calendar's own time zone (Temporal, daylight saving
 * handled there).
 */

/** A weekly interval: ISO weekday (1 = Monday … 7 = Sunday), local "HH:MM" from and to. */
export interface WeeklyInterval {
  weekday: number;
  start: string;
  end: string;
}

/** A location's business calendar: its opening hours, in its zone, and the days it is closed. */
export interface BusinessCalendar {
  timeZone: string;
  hours: readonly WeeklyInterval[];
  /** "YYYY-MM-DD" local dates with no business hours */
  holidays: ReadonlySet<string>;
}

const HOUR_MS = 3_600_000;
/** how far ahead to look for business hours before giving up (a calendar with no hours at all) */
const HORIZON_DAYS = 400;

function instantAt(date: Temporal.PlainDate, time: string, zone: string): number {
  return date.toZonedDateTime({ timeZone: zone, plainTime: Temporal.PlainTime.from(time) }).epochMilliseconds;
}

function localDate(at: number, zone: string): Temporal.PlainDate {
  return Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(zone).toPlainDate();
}

/** The day's intervals as [from, to) epoch milliseconds, in order; none on a holiday. */
function dayIntervals(calendar: BusinessCalendar, date: Temporal.PlainDate): [number, number][] {
  if (calendar.holidays.has(date.toString())) return [];
  return calendar.hours
    .filter((h) => h.weekday === date.dayOfWeek && h.end > h.start)
    .map((h): [number, number] => [
      instantAt(date, h.start, calendar.timeZone),
      instantAt(date, h.end, calendar.timeZone),
    ])
    .sort((a, b) => a[0] - b[0]);
}

/**
 * `start` plus `hours` business hours: only time inside the calendar's weekly hours counts,
 * and nothing on its holidays. A start outside hours begins counting at the next opening; a
 * target that ends exactly at closing time is due at closing. A calendar with no hours at all
 * counts every hour (nothing better to go on).
 */
export function addBusinessHours(start: Date, hours: number, calendar: BusinessCalendar): Date {
  let remaining = hours * HOUR_MS;
  const from = start.getTime();
  if (remaining <= 0) return new Date(from);
  if (!calendar.hours.some((h) => h.end > h.start)) return new Date(from + remaining);
  let date = localDate(from, calendar.timeZone);
  for (let day = 0; day < HORIZON_DAYS; day += 1, date = date.add({ days: 1 })) {
    for (const [open, close] of dayIntervals(calendar, date)) {
      const begin = Math.max(open, from);
      if (begin >= close) continue;
      const available = close - begin;
      if (available >= remaining) return new Date(begin + remaining);
      remaining -= available;
    }
  }
  return new Date(from + hours * HOUR_MS);
}

/** A physician's message office hours and out-of-office. */
export interface OfficeHoursFacts {
  timeZone: string;
  hours: readonly WeeklyInterval[];
  outFrom: Date | null;
  outUntil: Date | null;
}

export type Availability =
  | { available: true }
  | { available: false; reason: "outside_office_hours" | "out_of_office"; backAt: Date | null };

/** When the next office-hours interval starts after `at` (within two weeks), or null. */
export function nextOfficeHoursStart(office: OfficeHoursFacts, at: Date): Date | null {
  let date = localDate(at.getTime(), office.timeZone);
  for (let day = 0; day < 15; day += 1, date = date.add({ days: 1 })) {
    const starts = office.hours
      .filter((h) => h.weekday === date.dayOfWeek && h.end > h.start)
      .map((h) => instantAt(date, h.start, office.timeZone))
      .filter((s) => s > at.getTime())
      .sort((a, b) => a - b);
    if (starts[0] !== undefined) return new Date(starts[0]);
  }
  return null;
}

/**
 * Is a physician taking new messages at `at`? Out of office wins; then, when office hours are
 * set, only inside them. No office hours set: always available.
 */
export function officeAvailability(office: OfficeHoursFacts | null, at: Date): Availability {
  if (!office) return { available: true };
  const t = at.getTime();
  if (office.outFrom && office.outUntil && office.outFrom.getTime() <= t && t < office.outUntil.getTime()) {
    return { available: false, reason: "out_of_office", backAt: office.outUntil };
  }
  if (office.hours.length === 0) return { available: true };
  const date = localDate(t, office.timeZone);
  const inside = office.hours.some(
    (h) =>
      h.weekday === date.dayOfWeek &&
      h.end > h.start &&
      instantAt(date, h.start, office.timeZone) <= t &&
      t < instantAt(date, h.end, office.timeZone),
  );
  if (inside) return { available: true };
  return { available: false, reason: "outside_office_hours", backAt: nextOfficeHoursStart(office, at) };
}

/** Topics that are clinical: addressed to the patient's primary care physician. */
export const CLINICAL_TOPICS: readonly MessageTopic[] = ["medical_question", "medication", "test_result"];

export interface RoutingFacts {
  topic: MessageTopic;
  /** the pool the topic is routed to (none: the topic cannot be sent) */
  topicPoolId: string | null;
  /** the patient's primary care physician, when they have a portal login */
  physician: {
    providerId: string;
    userId: string | null;
    office: OfficeHoursFacts | null;
    coveringPoolId: string | null;
    delegateUserId: string | null;
  } | null;
  now: Date;
}

export interface Route {
  poolId: string;
  /** the physician the thread is addressed to (sees it as theirs); null when covered or not clinical */
  providerId: string | null;
  /** given straight to this person (the out-of-office physician's delegate) */
  assigneeUserId: string | null;
  coverage: { reason: "outside_office_hours" | "out_of_office"; backAt: Date | null; providerId: string } | null;
}

/**
 * Where a new thread goes. Non-clinical topics: the topic's pool. Clinical topics: the topic's
 * pool, addressed to the patient's primary care physician — unless the physician is outside
 * their message office hours or out of office, when it goes to their covering pool (else the
 * topic's pool) addressed to nobody, assigned to their delegate while out of office, and the
 * patient is told (coverage). Null when the topic has no pool.
 */
export function routeThread(facts: RoutingFacts): Route | null {
  if (!facts.topicPoolId) return null;
  const physician = CLINICAL_TOPICS.includes(facts.topic) ? facts.physician : null;
  if (!physician) return { poolId: facts.topicPoolId, providerId: null, assigneeUserId: null, coverage: null };
  const availability = officeAvailability(physician.office, facts.now);
  if (availability.available) {
    return { poolId: facts.topicPoolId, providerId: physician.providerId, assigneeUserId: null, coverage: null };
  }
  return {
    poolId: physician.coveringPoolId ?? facts.topicPoolId,
    providerId: null,
    assigneeUserId: availability.reason === "out_of_office" ? physician.delegateUserId : null,
    coverage: { reason: availability.reason, backAt: availability.backAt, providerId: physician.providerId },
  };
}

/**
 * The digest time most recently passed at `now`: the latest of today's or yesterday's local
 * `times` (in `timeZone`) not after `now`; null when there are no times.
 */
export function latestDigestSlot(times: readonly string[], timeZone: string, now: Date): Date | null {
  if (times.length === 0) return null;
  const today = localDate(now.getTime(), timeZone);
  let best: number | null = null;
  for (const date of [today, today.subtract({ days: 1 })]) {
    for (const time of times) {
      const at = instantAt(date, time, timeZone);
      if (at <= now.getTime() && (best === null || at > best)) best = at;
    }
  }
  return best === null ? null : new Date(best);
}

/** The next digest time strictly after `now` (for showing "next digest at"). */
export function nextDigestSlot(times: readonly string[], timeZone: string, now: Date): Date | null {
  if (times.length === 0) return null;
  const today = localDate(now.getTime(), timeZone);
  let best: number | null = null;
  for (const date of [today, today.add({ days: 1 })]) {
    for (const time of times) {
      const at = instantAt(date, time, timeZone);
      if (at > now.getTime() && (best === null || at < best)) best = at;
    }
  }
  return best === null ? null : new Date(best);
}
