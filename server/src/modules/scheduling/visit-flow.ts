import { Temporal } from "temporal-polyfill";
import type { AppointmentStatus } from "../../db/tables/scheduling.ts";

/** The statuses staff move a visit through on its day (SPEC §2.3's visit flow). */
export type StaffStep = "arrived" | "roomed" | "in_visit" | "completed" | "no_show";

/** Which staff step may follow which status. */
export const STATUS_FLOW: Record<StaffStep, readonly AppointmentStatus[]> = {
  arrived: ["booked", "confirmed", "checked_in"],
  roomed: ["arrived"],
  in_visit: ["arrived", "roomed"],
  completed: ["arrived", "roomed", "in_visit"],
  no_show: ["booked", "confirmed", "checked_in"],
};

/** The timestamp each step sets (and its undo clears). */
export const STEP_STAMP = {
  arrived: "arrived_at",
  roomed: "roomed_at",
  in_visit: "visit_started_at",
  completed: "completed_at",
  no_show: null,
} as const;

const STEPS = Object.keys(STATUS_FLOW) as StaffStep[];

export interface VisitFacts {
  status: AppointmentStatus;
  startsAt: Date;
  /** IANA zone of the visit's location: "the visit's day" is its local date there */
  timeZone: string;
  statusBeforeStep: AppointmentStatus | null;
}

/**
 * The instants [from, to) of the local day that `now` falls on in `zone`, the last few kept:
 * an arrivals board asks for every visit's steps with one `now` (480 visits, each with a few
 * steps), and a Temporal conversion costs several µs.
 */
const dayBounds = new Map<string, { from: number; to: number }>();
function localDayOf(now: Date, zone: string): { from: number; to: number } {
  const key = `${now.getTime()}|${zone}`;
  let day = dayBounds.get(key);
  if (!day) {
    const date = Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(zone).toPlainDate();
    day = {
      from: date.toZonedDateTime({ timeZone: zone }).epochMilliseconds,
      to: date.add({ days: 1 }).toZonedDateTime({ timeZone: zone }).epochMilliseconds,
    };
    if (dayBounds.size >= 64) dayBounds.clear();
    dayBounds.set(key, day);
  }
  return day;
}

/** Is `now` on the visit's day, in the location's time zone? */
export function isVisitDay(visit: Pick<VisitFacts, "startsAt" | "timeZone">, now: Date): boolean {
  const day = localDayOf(now, visit.timeZone);
  const start = visit.startsAt.getTime();
  return start >= day.from && start < day.to;
}

/**
 * Why a step may not be taken now, or null when it may: staff steps only on the visit's day
 * (a visit days ahead cannot be marked arrived by a slip of the mouse), a no-show only once
 * the visit has started, and only along the flow.
 */
export function stepRefusal(
  visit: VisitFacts,
  step: StaffStep,
  now: Date,
): "flow" | "not_today" | "not_started" | null {
  if (!STATUS_FLOW[step].includes(visit.status)) return "flow";
  if (!isVisitDay(visit, now)) return "not_today";
  if (step === "no_show" && visit.startsAt > now) return "not_started";
  return null;
}

/** The steps staff may take next on this visit now (the web shows exactly these). */
export function nextSteps(visit: VisitFacts, now: Date): StaffStep[] {
  return STEPS.filter((step) => stepRefusal(visit, step, now) === null);
}

/**
 * `nextSteps` and `undoTarget` for the visits of one local day with one `now` (an arrivals
 * board): whether `now` is on their day (`today`) is the same for all of them, so the steps
 * depend only on the status and, for a no-show, on whether the visit has started; each answer
 * is worked out once and shared by the visits it is the same for (do not change the arrays).
 */
export function stepsOfOneDay(today: boolean): {
  next(status: AppointmentStatus, notStarted: boolean): StaffStep[];
  undo(status: AppointmentStatus, statusBeforeStep: AppointmentStatus | null): AppointmentStatus | null;
} {
  const known = new Map<string, StaffStep[]>();
  return {
    next(status, notStarted) {
      const key = notStarted ? `${status}|ahead` : status;
      let steps = known.get(key);
      if (!steps) {
        steps = today
          ? STEPS.filter((step) => STATUS_FLOW[step].includes(status) && !(step === "no_show" && notStarted))
          : [];
        known.set(key, steps);
      }
      return steps;
    },
    undo(status, statusBeforeStep) {
      if (!today || statusBeforeStep === null || !STEPS.includes(status as StaffStep)) return null;
      return statusBeforeStep;
    },
  };
}

/** The status an undo of the last staff step goes back to, or null when there is nothing to undo now. */
export function undoTarget(visit: VisitFacts, now: Date): AppointmentStatus | null {
  if (visit.statusBeforeStep === null || !STEPS.includes(visit.status as StaffStep)) return null;
  return isVisitDay(visit, now) ? visit.statusBeforeStep : null;
}
