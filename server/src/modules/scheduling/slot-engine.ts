import { Temporal } from "temporal-polyfill";

/**
 * The slot engine: pure functions that turn availability templates, exceptions and existing
 * bookings into bookable slots. All arithmetic is on instants (epoch milliseconds); wall-clock
 * times exist only in templates and are resolved in the location's IANA zone per day, so
 * daylight-saving days have the real number of hours (23 or 25).
 */

export interface SlotRules {
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  /** a slot must start at least this long after `now` */
  minimumNoticeMinutes: number;
  /** and no later than this many days after `now` */
  horizonDays: number;
  /** distance between slot starts; defaults to the duration */
  stepMinutes?: number;
}

/** A weekly recurring window, in the location's wall-clock time. */
export interface WeeklyTemplate {
  locationId: string;
  timeZone: string;
  /** ISO weekday: 1 = Monday … 7 = Sunday */
  weekday: number;
  /** "HH:MM" */
  startTime: string;
  endTime: string;
  /** first and last local dates the template applies ("YYYY-MM-DD"), inclusive */
  validFrom?: string | null;
  validUntil?: string | null;
}

export interface Interval {
  start: number;
  end: number;
}

export interface AvailabilityException extends Interval {
  /** time_off and block remove availability; extra_hours adds a window */
  kind: "time_off" | "block" | "extra_hours";
  /** extra hours need a place */
  locationId?: string | null;
  timeZone?: string | null;
}

export interface SlotQuery {
  from: number;
  to: number;
  now: number;
}

export interface Slot {
  start: number;
  end: number;
  locationId: string;
  timeZone: string;
}

const MINUTE = 60_000;

interface Window extends Interval {
  locationId: string;
  timeZone: string;
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a local calendar date; cheap to step and to name. */
const localDayCache = new Map<string, number>();
function localEpochDay(instant: number, zone: string): number {
  // no zone changes its offset other than on the hour or half hour; a 15-minute bucket is exact
  const key = `${zone}|${Math.floor(instant / 900_000)}`;
  let day = localDayCache.get(key);
  if (day === undefined) {
    if (localDayCache.size >= 50_000) localDayCache.clear();
    const date = Temporal.Instant.fromEpochMilliseconds(instant).toZonedDateTimeISO(zone).toPlainDate();
    day = Math.round(Date.UTC(date.year, date.month - 1, date.day) / DAY_MS);
    localDayCache.set(key, day);
  }
  return day;
}

/** ISO weekday (1 = Monday) of an epoch day: 1970-01-01 was a Thursday. */
const isoWeekday = (epochDay: number) => ((((epochDay + 3) % 7) + 7) % 7) + 1;
const isoDate = (epochDay: number) => new Date(epochDay * DAY_MS).toISOString().slice(0, 10);

/**
 * Wall-clock time on a local date in a zone → instant, with Temporal's "compatible"
 * disambiguation (a time in a spring-forward gap moves forward; a repeated fall-back hour
 * takes its first occurrence). Pure, so memoised: slot searches repeat the same few
 * (zone, date, time) triples, and Temporal's time-zone arithmetic is the costly part.
 */
const wallClockCache = new Map<string, number>();
function wallClockToInstant(zone: string, epochDay: number, time: string): number {
  const key = `${zone}|${epochDay}|${time}`;
  let instant = wallClockCache.get(key);
  if (instant === undefined) {
    if (wallClockCache.size >= 50_000) wallClockCache.clear();
    instant = Temporal.PlainDate.from(isoDate(epochDay)).toZonedDateTime({
      timeZone: zone,
      plainTime: Temporal.PlainTime.from(time.length === 5 ? `${time}:00` : time),
    }).epochMilliseconds;
    wallClockCache.set(key, instant);
  }
  return instant;
}

/** The concrete windows the templates open between two instants. */
export function expandTemplates(templates: readonly WeeklyTemplate[], from: number, to: number): Window[] {
  const windows: Window[] = [];
  const daysByZone = new Map<string, [number, number]>();
  for (const template of templates) {
    const zone = template.timeZone;
    let days = daysByZone.get(zone);
    if (!days) {
      // local dates covering [from, to] in this zone, with a day of slack either side
      days = [localEpochDay(from, zone) - 1, localEpochDay(to, zone) + 1];
      daysByZone.set(zone, days);
    }
    const [firstDay, lastDay] = days;
    let day = firstDay + ((template.weekday - isoWeekday(firstDay) + 7) % 7);
    for (; day <= lastDay; day += 7) {
      if (template.validFrom || template.validUntil) {
        const iso = isoDate(day);
        if ((template.validFrom && iso < template.validFrom) || (template.validUntil && iso > template.validUntil))
          continue;
      }
      const start = wallClockToInstant(zone, day, template.startTime);
      const end = wallClockToInstant(zone, day, template.endTime);
      if (end > start && end > from && start < to) {
        windows.push({ start, end, locationId: template.locationId, timeZone: zone });
      }
    }
  }
  return windows;
}

const overlaps = (a: Interval, b: Interval) => a.start < b.end && b.start < a.end;

/** Removes `cuts` from one window, returning what is left. */
function subtract(window: Window, cuts: readonly Interval[]): Window[] {
  let pieces: Window[] = [window];
  for (const cut of cuts) {
    const next: Window[] = [];
    for (const piece of pieces) {
      if (!overlaps(piece, cut)) {
        next.push(piece);
        continue;
      }
      if (cut.start > piece.start) next.push({ ...piece, end: cut.start });
      if (cut.end < piece.end) next.push({ ...piece, start: cut.end });
    }
    pieces = next;
  }
  return pieces;
}

/**
 * Free slots for one provider: template windows plus extra hours, minus time off and blocks;
 * each slot fits inside a window, its buffered range overlaps no busy range, and it starts
 * within [now + notice, now + horizon] and within [from, to).
 *
 * `busy` are the blocked ranges of existing appointments (their own buffers included).
 */
export function findSlots(
  rules: SlotRules,
  templates: readonly WeeklyTemplate[],
  exceptions: readonly AvailabilityException[],
  busy: readonly Interval[],
  query: SlotQuery,
): Slot[] {
  const duration = rules.durationMinutes * MINUTE;
  const step = (rules.stepMinutes ?? rules.durationMinutes) * MINUTE;
  if (duration <= 0 || step <= 0) return [];
  const earliest = Math.max(query.from, query.now + rules.minimumNoticeMinutes * MINUTE);
  const latest = Math.min(query.to, query.now + rules.horizonDays * 24 * 60 * MINUTE);
  if (earliest >= latest) return [];

  const removals = exceptions.filter((e) => e.kind !== "extra_hours");
  const extra: Window[] = exceptions
    .filter((e) => e.kind === "extra_hours" && e.locationId && e.timeZone)
    .map((e) => ({ start: e.start, end: e.end, locationId: e.locationId as string, timeZone: e.timeZone as string }));
  const windows = [...expandTemplates(templates, earliest - duration, latest + duration), ...extra].flatMap((w) =>
    subtract(w, removals),
  );

  const sortedBusy = [...busy].sort((a, b) => a.start - b.start);
  const seen = new Set<number>();
  const slots: Slot[] = [];
  for (const window of windows) {
    for (let start = window.start; start + duration <= window.end; start += step) {
      if (start < earliest || start >= latest) continue;
      if (seen.has(start)) continue;
      const blocked = {
        start: start - rules.bufferBeforeMinutes * MINUTE,
        end: start + duration + rules.bufferAfterMinutes * MINUTE,
      };
      if (sortedBusy.some((b) => overlaps(b, blocked))) continue;
      seen.add(start);
      slots.push({ start, end: start + duration, locationId: window.locationId, timeZone: window.timeZone });
    }
  }
  return slots.sort((a, b) => a.start - b.start);
}

/** The range an appointment occupies for overlap purposes: itself plus its buffers. */
export function blockedRange(
  start: number,
  rules: Pick<SlotRules, "durationMinutes" | "bufferBeforeMinutes" | "bufferAfterMinutes">,
): Interval {
  return {
    start: start - rules.bufferBeforeMinutes * MINUTE,
    end: start + (rules.durationMinutes + rules.bufferAfterMinutes) * MINUTE,
  };
}
