import type { Appointment } from "@portico/contracts";
import type { Transaction } from "kysely";
import type { Database } from "../../db/database.ts";
import type { DB } from "../../db/schema.ts";
import type { AccessService, PatientAccess } from "../../platform/access/patient-access.ts";
import type { Clock } from "../../platform/clock.ts";
import { currentContext } from "../../platform/context.ts";
import { DomainError, notFound } from "../../platform/errors.ts";
import { currentDb, inTransaction } from "../../platform/transaction.ts";
import { presentOfPatient } from "./appointment-view.ts";
import type { BookableTimes } from "./bookable-time.ts";
import { activeVisitType, isStaff, MINUTE, newAppointment } from "./booking-rules.ts";
import type { SchedulingIntake } from "./intake.ts";
import * as repo from "./repo.ts";
import type { SelfBookingEligibility } from "./self-booking.ts";
import type { SchedulingEvents } from "./service.ts";

export interface AppointmentChangesDeps {
  db: Database;
  clock: Clock;
  access: AccessService;
  events?: SchedulingEvents;
  intake?: SchedulingIntake;
  eligibility: SelfBookingEligibility;
  times: BookableTimes;
}

/** Moving and cancelling a booked appointment (patients outside the cancellation notice; staff until it starts). */
export class AppointmentChanges {
  readonly #deps: AppointmentChangesDeps;

  constructor(deps: AppointmentChangesDeps) {
    this.#deps = deps;
  }

  /** Moves an appointment atomically: the old one is released only if the new time is secured. */
  async reschedule(
    patientId: string,
    appointmentId: string,
    input: { start: Date; providerId?: string; locationId?: string },
  ): Promise<Appointment> {
    const access = await this.#deps.access.authorizePatient(patientId, {
      scope: "appointments",
      action: "write",
      resourceType: "appointment",
      resourceId: appointmentId,
      auditAction: "reschedule",
    });
    const db = currentDb(this.#deps.db);
    const old = await repo.appointmentOfPatient(db, access, appointmentId);
    if (!old) throw notFound("appointment");
    this.#assertChangeable(old);
    const vt = await activeVisitType(db, old.visitTypeId);
    const providerId = input.providerId ?? old.providerId;
    const providerPlaces =
      !isStaff() && providerId !== old.providerId
        ? await this.#deps.eligibility.assertMayBook(access, vt, providerId)
        : undefined;
    const { locationId, end } = await this.#deps.times.assertBookable(vt, providerId, input.start, {
      locationId: input.locationId,
      ignoreAppointmentId: providerId === old.providerId ? old.id : undefined,
      patientId,
      providerPlaces,
    });
    const actor = currentContext().actor;
    const now = this.#deps.clock.now();
    const newId = await this.#deps.times.secure(
      { visitTypeId: vt.id, providerId, start: input.start, end, patientId },
      async (trx) => {
        await this.#cancelLocked(trx, access, appointmentId, { by: actor.userId, reason: "rescheduled", now });
        const id = await repo.insertAppointment(
          trx,
          access,
          newAppointment(vt, {
            providerId,
            locationId,
            start: input.start,
            end,
            reasonForVisit: null,
            bookedBy: actor.userId,
            rescheduledFromId: appointmentId,
          }),
        );
        await this.#deps.eligibility.referrals.moveBooking?.(appointmentId, id);
        await this.#deps.events?.booked(id);
        await this.#deps.events?.cancelled(appointmentId);
        return id;
      },
    );
    return presentOfPatient(this.#deps, access, newId);
  }

  async cancel(patientId: string, appointmentId: string, reason?: string): Promise<Appointment> {
    const access = await this.#deps.access.authorizePatient(patientId, {
      scope: "appointments",
      action: "write",
      resourceType: "appointment",
      resourceId: appointmentId,
      auditAction: "cancel",
    });
    const actor = currentContext().actor;
    const now = this.#deps.clock.now();
    await inTransaction(this.#deps.db, async (trx) => {
      await this.#cancelLocked(trx, access, appointmentId, { by: actor.userId, reason: reason?.trim() || null, now });
      await this.#deps.eligibility.referrals.releaseBooking?.(appointmentId);
      await this.#deps.events?.cancelled(appointmentId);
    });
    return presentOfPatient(this.#deps, access, appointmentId);
  }

  /** Inside the change's transaction: locks the appointment, checks it may still change, and cancels it. */
  async #cancelLocked(
    trx: Transaction<DB>,
    access: PatientAccess,
    appointmentId: string,
    cancel: { by: string | null; reason: string | null; now: Date },
  ): Promise<void> {
    const row = await repo.appointmentOfPatient(trx, access, appointmentId, { forUpdate: true });
    if (!row) throw notFound("appointment");
    this.#assertChangeable(row);
    await repo.setStatus(
      trx,
      appointmentId,
      "cancelled",
      { cancelled_at: cancel.now, cancelled_by: cancel.by, cancel_reason: cancel.reason },
      cancel.now,
    );
  }

  /** Patients change appointments online only outside the cancellation notice; staff any time before it starts. */
  #assertChangeable(row: repo.AppointmentRow) {
    if (row.status === "cancelled") throw new DomainError("conflict", "This appointment is already cancelled.");
    if (!["booked", "confirmed", "checked_in"].includes(row.status)) {
      throw new DomainError("conflict", "This appointment can no longer be changed.");
    }
    const now = this.#deps.clock.now().getTime();
    if (row.startsAt.getTime() <= now) throw new DomainError("conflict", "This appointment has already started.");
    if (!isStaff() && now > row.startsAt.getTime() - row.cancellationNoticeMinutes * MINUTE) {
      const hours = Math.round(row.cancellationNoticeMinutes / 60);
      throw new DomainError(
        "unprocessable",
        `Appointments can be changed online up to ${hours} hours before they start. Please call ${row.locationName} at ${row.locationPhone ?? "the clinic"}.`,
        { reason: "late_cancellation", phone: row.locationPhone },
      );
    }
  }
}
