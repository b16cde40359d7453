import {
  type Appointment,
  type AppointmentList,
  type AppointmentListQuery,
  type IntakeItem,
  PAST_PAGE_SIZE,
  type Slot,
  type VisitType,
} from "@portico/contracts";
import type { Database } from "../../db/database.ts";
import type { AccessService } from "../../platform/access/patient-access.ts";
import type { Clock } from "../../platform/clock.ts";
import { currentContext } from "../../platform/context.ts";
import { currentDb } from "../../platform/transaction.ts";
import { AppointmentChanges } from "./appointment-changes.ts";
import { presentAppointment, presentOfPatient } from "./appointment-view.ts";
import { BookableTimes } from "./bookable-time.ts";
import { activeVisitType, isStaff, newAppointment } from "./booking-rules.ts";
import type { CatalogueCache } from "./catalogue-cache.ts";
import type { SchedulingIntake } from "./intake.ts";
import { decodePastCursor, encodePastCursor } from "./past-cursor.ts";
import type { ReferralEligibility } from "./policy.ts";
import * as repo from "./repo.ts";
import { SelfBookingEligibility } from "./self-booking.ts";
import type { SlotCache } from "./slot-cache.ts";
import { SlotFinder, type SlotSearch } from "./slot-search.ts";
import { presentVisitType } from "./visit-types.ts";

export interface SchedulingDeps {
  db: Database;
  clock: Clock;
  access: AccessService;
  referrals?: ReferralEligibility;
  /** called after commit-worthy changes, inside the transaction (reminders, waitlist, emails) */
  events?: SchedulingEvents;
  /** free slots per provider-day, reused until a change commits (slot-cache.ts) */
  slotCache?: SlotCache;
  /** the scored questionnaires due before each visit (health updates answers them) */
  intake?: SchedulingIntake;
}

export interface SchedulingEvents {
  booked(appointmentId: string): Promise<void>;
  cancelled(appointmentId: string): Promise<void>;
}

/**
 * Booking: the visit-type catalogue, the slot search (slot-search.ts), booking a time, a
 * patient's appointments; moving and cancelling them (appointment-changes.ts). Self-booking
 * eligibility is self-booking.ts, the checks of a booked time bookable-time.ts.
 */
export class SchedulingService {
  readonly #deps: SchedulingDeps;
  readonly #eligibility: SelfBookingEligibility;
  readonly #slots: SlotFinder;
  readonly #times: BookableTimes;
  readonly #changes: AppointmentChanges;

  constructor(deps: SchedulingDeps) {
    this.#deps = deps;
    this.#eligibility = new SelfBookingEligibility(deps.db, deps.referrals);
    this.#slots = new SlotFinder({ ...deps, eligibility: this.#eligibility }, deps.slotCache);
    this.#times = new BookableTimes({ db: deps.db, clock: deps.clock, slots: this.#slots });
    this.#changes = new AppointmentChanges({ ...deps, eligibility: this.#eligibility, times: this.#times });
  }

  /** The referrals capability plugs its tickets in once its services are built (it comes later in the registry). */
  useReferrals(referrals: ReferralEligibility): void {
    this.#eligibility.useReferrals(referrals);
  }

  /** The active visit types: the booking catalogue any signed-in user may read. */
  async visitTypes(): Promise<VisitType[]> {
    return (await repo.listVisitTypes(currentDb(this.#deps.db), { activeOnly: true })).map(presentVisitType);
  }

  /** Free slots for a visit type, honouring templates, exceptions, bookings, buffers, notice, horizon and eligibility. */
  searchSlots(
    search: SlotSearch,
  ): Promise<{ slots: Slot[]; eligibility: { canSelfBook: boolean; reason: string | null } }> {
    return this.#slots.searchSlots(search);
  }

  /** for tests and the bench: how the slot cache is used */
  get slotCache(): SlotCache {
    return this.#slots.slotCache;
  }

  /** for tests: how slot search's catalogue cache is used */
  get catalogueCache(): CatalogueCache {
    return this.#slots.catalogueCache;
  }

  /**
   * The patient's appointment list: every upcoming visit, soonest first, and a page of past
   * ones, newest first (`pastLimit`, 20 unless given), older than `pastCursor` (the
   * `nextPastCursor` of the page before) or from the newest. A bad cursor is a 400.
   */
  async listForPatient(patientId: string, page: AppointmentListQuery = {}): Promise<AppointmentList> {
    const before = page.pastCursor === undefined ? null : decodePastCursor(page.pastCursor);
    const limit = page.pastLimit ?? PAST_PAGE_SIZE;
    const access = await this.#deps.access.authorizePatient(patientId, {
      scope: "appointments",
      action: "read",
      resourceType: "appointment",
    });
    const now = this.#deps.clock.now();
    const db = currentDb(this.#deps.db);
    // one more past visit than the page, to know whether an older page follows
    const { upcoming, past } = await repo.listOfPatient(db, access, now, limit + 1, before);
    const last = past.length > limit ? past[limit - 1] : undefined;
    if (last) past.length = limit;
    // every row carries the patient's zone; a patient with no visit has it looked up
    const timeZone = (upcoming[0] ?? past[0])?.listTimeZone ?? (await repo.patientTimeZone(db, access));
    const intake =
      (await this.#deps.intake?.forVisits(access, [...upcoming, ...past], now)) ?? new Map<string, IntakeItem[]>();
    const present = (r: repo.AppointmentRow) => presentAppointment(r, now, undefined, intake.get(r.id));
    return {
      upcoming: upcoming.map(present),
      past: past.map(present),
      nextPastCursor: last ? encodePastCursor(last) : null,
      timeZone,
    };
  }

  async getForPatient(patientId: string, appointmentId: string): Promise<Appointment> {
    const access = await this.#deps.access.authorizePatient(patientId, {
      scope: "appointments",
      action: "read",
      resourceType: "appointment",
      resourceId: appointmentId,
    });
    return presentOfPatient(this.#deps, access, appointmentId);
  }

  async book(
    patientId: string,
    input: { visitTypeId: string; providerId: string; start: Date; locationId?: string; reasonForVisit?: string },
  ): Promise<Appointment> {
    const access = await this.#deps.access.authorizePatient(patientId, {
      scope: "appointments",
      action: "write",
      resourceType: "appointment",
      auditAction: "book",
    });
    const vt = await activeVisitType(currentDb(this.#deps.db), input.visitTypeId);
    const providerPlaces = isStaff() ? undefined : await this.#eligibility.assertMayBook(access, vt, input.providerId);
    const { locationId, end } = await this.#times.assertBookable(vt, input.providerId, input.start, {
      locationId: input.locationId,
      patientId,
      providerPlaces,
    });
    const actor = currentContext().actor;
    const appointmentId = await this.#times.secure(
      { visitTypeId: vt.id, providerId: input.providerId, start: input.start, end, patientId },
      async (trx) => {
        const id = await repo.insertAppointment(
          trx,
          access,
          newAppointment(vt, {
            providerId: input.providerId,
            locationId,
            start: input.start,
            end,
            reasonForVisit: input.reasonForVisit?.trim() || null,
            bookedBy: actor.userId,
            rescheduledFromId: null,
          }),
        );
        if (vt.booking_kind === "referral") {
          await this.#eligibility.referrals.linkBooking?.(
            { appointmentId: id, patientId, visitTypeId: vt.id, providerId: input.providerId },
            { required: !isStaff() },
          );
        }
        await this.#deps.events?.booked(id);
        return id;
      },
    );
    return presentOfPatient(this.#deps, access, appointmentId);
  }

  /** Moves an appointment atomically: the old one is released only if the new time is secured. */
  reschedule(
    patientId: string,
    appointmentId: string,
    input: { start: Date; providerId?: string; locationId?: string },
  ): Promise<Appointment> {
    return this.#changes.reschedule(patientId, appointmentId, input);
  }

  cancel(patientId: string, appointmentId: string, reason?: string): Promise<Appointment> {
    return this.#changes.cancel(patientId, appointmentId, reason);
  }
}
