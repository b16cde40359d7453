import type { Slot } from "@portico/contracts";
import type { Transaction } from "kysely";
import type { Database } from "../../db/database.ts";
import type { DB } from "../../db/schema.ts";
import type { Clock } from "../../platform/clock.ts";
import { DomainError } from "../../platform/errors.ts";
import { currentDb, inTransaction } from "../../platform/transaction.ts";
import { type BookableVisitType, DAY, isStaff, MINUTE, rulesOf } from "./booking-rules.ts";
import * as repo from "./repo.ts";
import { blockedRange, findSlots } from "./slot-engine.ts";
import type { SlotFinder } from "./slot-search.ts";

/**
 * The checks a booking or a move makes of its time: a real slot right now (else 422 with the
 * reason), free (else 409 with the next free times), and, inside the booking's transaction,
 * still clear of time off and blocks saved meanwhile.
 */
export class BookableTimes {
  readonly #deps: { db: Database; clock: Clock; slots: SlotFinder };

  constructor(deps: { db: Database; clock: Clock; slots: SlotFinder }) {
    this.#deps = deps;
  }

  /**
   * Checks that `start` is a real slot for this provider and visit type right now. Distinguishes
   * a slot someone else holds (409 with alternatives) from a time that is not bookable at all
   * (past, inside the notice window, beyond the horizon, off the grid: 422 with the reason).
   * `providerPlaces`, when the caller has already read them (`SelfBooking.assertMayBook`), are
   * the provider's places for this visit type at every location; they are not read again.
   */
  async assertBookable(
    vt: BookableVisitType,
    providerId: string,
    start: Date,
    options: {
      locationId?: string;
      ignoreAppointmentId?: string;
      patientId?: string;
      providerPlaces?: readonly repo.ProviderAtLocation[];
    } = {},
  ): Promise<{ locationId: string; end: Date }> {
    const { locationId, ignoreAppointmentId, patientId, providerPlaces } = options;
    const staff = isStaff();
    const now = this.#deps.clock.now().getTime();
    const rules = rulesOf(vt, staff);
    const t = start.getTime();
    if (Number.isNaN(t)) throw new DomainError("validation_failed", "The start time is not a valid date and time.");
    if (t <= now)
      throw new DomainError("unprocessable", "That time has already passed. Please choose a later time.", {
        reason: "in_past",
      });
    if (t < now + rules.minimumNoticeMinutes * MINUTE) {
      throw new DomainError(
        "unprocessable",
        `Appointments of this type must be booked at least ${Math.round(vt.minimum_notice_minutes / 60)} hours ahead.`,
        { reason: "inside_notice" },
      );
    }
    if (t > now + rules.horizonDays * DAY) {
      throw new DomainError(
        "unprocessable",
        `Appointments of this type can be booked up to ${vt.horizon_days} days ahead.`,
        { reason: "beyond_horizon" },
      );
    }
    const db = currentDb(this.#deps.db);
    const places = providerPlaces
      ? providerPlaces.filter((p) => p.providerId === providerId && (!locationId || p.locationId === locationId))
      : await repo.providersForSpecialty(db, vt.specialty, { providerId, locationId });
    if (places.length === 0) throw new DomainError("not_found", "That provider does not offer this type of visit.");
    const calendars = await repo.loadCalendars(db, [providerId], vt.id, new Date(t - DAY), new Date(t + DAY));
    const locationIds = new Set(places.map((p) => p.locationId));
    const templates = calendars.templates.filter((x) => locationIds.has(x.locationId));
    const exceptions = calendars.exceptions.filter(
      (e) => e.kind !== "extra_hours" || locationIds.has(e.locationId ?? ""),
    );
    const window = { from: t, to: t + 1, now };
    const onGrid = findSlots(rules, templates, exceptions, [], window);
    if (onGrid.length === 0) {
      throw new DomainError(
        "unprocessable",
        "That time is not an available appointment time. Please pick one of the times offered.",
        { reason: "not_a_slot" },
      );
    }
    const busy = ignoreAppointmentId
      ? await this.#busyExcept(providerId, ignoreAppointmentId, calendars.busy)
      : calendars.busy;
    const free = findSlots(rules, templates, exceptions, busy, window);
    if (free.length === 0) throw await this.#slotTaken(vt.id, providerId, start, false, patientId);
    const slot = free[0] as (typeof free)[number];
    return { locationId: slot.locationId, end: new Date(slot.end) };
  }

  async #busyExcept(_providerId: string, appointmentId: string, busy: repo.ProviderCalendar["busy"]) {
    const own = await repo.appointmentById(currentDb(this.#deps.db), appointmentId);
    if (!own) return busy;
    const ownRange = blockedRange(own.startsAt.getTime(), {
      durationMinutes: own.durationMinutes,
      bufferBeforeMinutes: own.bufferBeforeMinutes,
      bufferAfterMinutes: own.bufferAfterMinutes,
    });
    return busy.filter((b) => !(b.start === ownRange.start && b.end === ownRange.end));
  }

  /**
   * Inside the booking's transaction: holds the provider's calendar (shared; saving time off
   * holds it exclusively) and checks again that no time off or block now covers the time, so a
   * booking can never slip into time off saved while it was being made.
   */
  async #holdCalendar(
    trx: Parameters<typeof repo.lockProviderCalendar>[0],
    visitTypeId: string,
    providerId: string,
    start: Date,
    end: Date,
    patientId: string,
  ) {
    await repo.lockProviderCalendar(trx, providerId, "share");
    if (await repo.unavailableDuring(trx, providerId, start, end)) {
      throw await this.#slotTaken(visitTypeId, providerId, start, false, patientId);
    }
  }

  /**
   * Writes the booking (`write`) in one transaction that holds the provider's calendar for
   * [start, end) first. The database decides a race: an overlap its exclusion constraints refuse
   * (the provider's or the patient's) becomes 409 with the next free times.
   */
  async secure<T>(
    at: { visitTypeId: string; providerId: string; start: Date; end: Date; patientId: string },
    write: (trx: Transaction<DB>) => Promise<T>,
  ): Promise<T> {
    try {
      return await inTransaction(this.#deps.db, async (trx) => {
        await this.#holdCalendar(trx, at.visitTypeId, at.providerId, at.start, at.end, at.patientId);
        return write(trx);
      });
    } catch (error) {
      const which = repo.isExclusionViolation(error);
      if (which)
        throw await this.#slotTaken(at.visitTypeId, at.providerId, at.start, which === "patient", at.patientId);
      throw error;
    }
  }

  /** 409 with the next free slots of the same provider and visit type. */
  async #slotTaken(
    visitTypeId: string,
    providerId: string,
    after: Date,
    patientSide = false,
    patientId?: string,
  ): Promise<DomainError> {
    let alternatives: Slot[] = [];
    try {
      const { slots } = await this.#deps.slots.searchSlots({
        visitTypeId,
        providerId,
        from: after,
        limit: 5,
        patientId,
      });
      alternatives = slots;
    } catch {
      alternatives = [];
    }
    return patientSide
      ? new DomainError("conflict", "You already have an appointment at that time.", {
          reason: "patient_overlap",
          alternatives,
        })
      : new DomainError("slot_taken", "Sorry, that time was just taken. Here are the next available times.", {
          alternatives,
        });
  }
}
