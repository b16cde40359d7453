import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";
import { currentContext } from "../../platform/context.ts";
import { DomainError } from "../../platform/errors.ts";
import { STAFF_ROLES } from "./policy.ts";
import * as repo from "./repo.ts";
import { blockedRange, type SlotRules } from "./slot-engine.ts";

export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;

/** A visit type as the booking rules read it. */
export type BookableVisitType = NonNullable<Awaited<ReturnType<typeof repo.findVisitType>>>;

export const isStaff = () => currentContext().actor.roles.some((r) => (STAFF_ROLES as readonly string[]).includes(r));
export const iso = (d: Date | number) => new Date(d).toISOString();

/** The slot engine's rules for a visit type, for the one searching or booking. */
export function rulesOf(
  vt: {
    duration_minutes: number;
    buffer_before_minutes: number;
    buffer_after_minutes: number;
    minimum_notice_minutes: number;
    horizon_days: number;
  },
  forStaff: boolean,
): SlotRules {
  return {
    durationMinutes: vt.duration_minutes,
    bufferBeforeMinutes: vt.buffer_before_minutes,
    bufferAfterMinutes: vt.buffer_after_minutes,
    // staff may book inside the notice window (a same-day add-on), never in the past
    minimumNoticeMinutes: forStaff ? 0 : vt.minimum_notice_minutes,
    horizonDays: vt.horizon_days,
  };
}

/** The visit type being searched or booked: 404 when it does not exist or is no longer offered. */
export async function activeVisitType(db: Kysely<DB> | Transaction<DB>, id: string): Promise<BookableVisitType> {
  const vt = await repo.findVisitType(db, id);
  if (!vt?.active) throw new DomainError("not_found", "That type of visit was not found.");
  return vt;
}

/** The row a booking inserts: the visit, and the visit with its buffers (`blocked`) that the exclusion constraints hold. */
export function newAppointment(
  vt: BookableVisitType,
  a: Omit<repo.NewAppointment, "visitTypeId" | "blockedStart" | "blockedEnd">,
): repo.NewAppointment {
  const range = blockedRange(a.start.getTime(), rulesOf(vt, true));
  return {
    providerId: a.providerId,
    locationId: a.locationId,
    visitTypeId: vt.id,
    start: a.start,
    end: a.end,
    blockedStart: new Date(range.start),
    blockedEnd: new Date(range.end),
    reasonForVisit: a.reasonForVisit,
    bookedBy: a.bookedBy,
    rescheduledFromId: a.rescheduledFromId,
  };
}
