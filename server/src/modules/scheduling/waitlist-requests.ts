import type { Appointment, WaitlistOffer } from "@portico/contracts";
import { sql } from "kysely";
import { patientRows } from "../../platform/access/scoped-query.ts";
import { runWithContext, systemContext } from "../../platform/context.ts";
import { DomainError, notFound } from "../../platform/errors.ts";
import { currentDb, inTransaction } from "../../platform/transaction.ts";
import { presentOfPatient } from "./appointment-view.ts";
import { DAY } from "./booking-rules.ts";
import * as repo from "./repo.ts";
import { LIVE, reoffer, tellGone, type WaitlistDeps, withdrawOpenOffers } from "./waitlist-common.ts";
import { offerQuery, presentOffer } from "./waitlist-offer-view.ts";

/** offers are listed for this long after they were made, so the patient sees what happened */
const OFFER_HISTORY_DAYS = 14;

/**
 * A patient's side of the waitlist: asking for an earlier time for an appointment (and
 * stopping), the offers made to them, and accepting or turning one down. The first to accept
 * gets the time — accepting is one transaction that locks every offer for that time, so two
 * acceptances can never both win — and the others are told it is gone.
 */
export class WaitlistRequests {
  readonly #d: WaitlistDeps;

  constructor(deps: WaitlistDeps) {
    this.#d = deps;
  }

  /** Opt in: "tell me if an earlier time opens up" for this appointment. */
  async join(patientId: string, appointmentId: string): Promise<Appointment> {
    const access = await this.#d.access.authorizePatient(patientId, {
      scope: "appointments",
      action: "write",
      resourceType: "appointment",
      resourceId: appointmentId,
      auditAction: "waitlist_join",
    });
    const now = this.#d.clock.now();
    return inTransaction(this.#d.db, async (trx) => {
      const row = await repo.appointmentOfPatient(trx, access, appointmentId, { forUpdate: true });
      if (!row) throw notFound("appointment");
      if (!(LIVE as readonly string[]).includes(row.status) || row.startsAt <= now) {
        throw new DomainError("conflict", "You can ask for an earlier time only for an upcoming appointment.");
      }
      await trx
        .insertInto("waitlist_requests")
        .values(
          patientRows(access, "appointments", "write").stamp({
            appointment_id: appointmentId,
            requested_at: now,
            active: true,
          }),
        )
        .onConflict((oc) =>
          oc.column("appointment_id").doUpdateSet({
            active: true,
            // asking again after opting out puts the patient at the back of the line
            requested_at: sql`case when waitlist_requests.active then waitlist_requests.requested_at else excluded.requested_at end`,
          }),
        )
        .execute();
      return presentOfPatient(this.#d, access, appointmentId);
    });
  }

  /** Opt out; any open offers for this appointment are withdrawn. */
  async leave(patientId: string, appointmentId: string): Promise<Appointment> {
    const access = await this.#d.access.authorizePatient(patientId, {
      scope: "appointments",
      action: "write",
      resourceType: "appointment",
      resourceId: appointmentId,
      auditAction: "waitlist_leave",
    });
    const now = this.#d.clock.now();
    return inTransaction(this.#d.db, async (trx) => {
      const row = await repo.appointmentOfPatient(trx, access, appointmentId, { forUpdate: true });
      if (!row) throw notFound("appointment");
      const request = await patientRows(access, "appointments", "write")
        .updateTable(trx, "waitlist_requests")
        .set({ active: false })
        .where("appointment_id", "=", appointmentId)
        .returning("id")
        .executeTakeFirst();
      if (request) await withdrawOpenOffers(this.#d, request.id, now);
      return presentOfPatient(this.#d, access, appointmentId);
    });
  }

  async listOffers(patientId: string): Promise<{ offers: WaitlistOffer[] }> {
    const access = await this.#d.access.authorizePatient(patientId, {
      scope: "appointments",
      action: "read",
      resourceType: "waitlist_offer",
    });
    const now = this.#d.clock.now();
    const rows = await offerQuery(currentDb(this.#d.db), patientRows(access, "appointments"))
      .where("o.created_at", ">", new Date(now.getTime() - OFFER_HISTORY_DAYS * DAY))
      .orderBy("o.created_at", "desc")
      .limit(50)
      .execute();
    const offers = rows.map((r) => presentOffer(r, now));
    // what the patient can act on first
    offers.sort((a, b) => Number(b.status === "open") - Number(a.status === "open"));
    return { offers };
  }

  /**
   * Takes the offered time: the patient's later appointment is released only if the earlier
   * one is secured. Lost race → 409 (the patient keeps their appointment); expired → 410.
   */
  async accept(patientId: string, offerId: string): Promise<Appointment> {
    const access = await this.#d.access.authorizePatient(patientId, {
      scope: "appointments",
      action: "write",
      resourceType: "waitlist_offer",
      resourceId: offerId,
      auditAction: "accept",
    });
    const offers = patientRows(access, "appointments", "write");
    const now = this.#d.clock.now();
    let slot: { providerId: string; start: Date } | undefined;
    try {
      return await inTransaction(this.#d.db, async (trx) => {
        const offer = await offers
          .selectFrom(trx, "waitlist_offers")
          .select(["id", "provider_id", "starts_at"])
          .where("id", "=", offerId)
          .executeTakeFirst();
        if (!offer) throw notFound("offer");
        slot = { providerId: offer.provider_id, start: offer.starts_at };
        // Every offer for this time, locked in one order: concurrent acceptances queue here.
        const forSlot = await trx
          .selectFrom("waitlist_offers")
          .selectAll()
          .where("provider_id", "=", offer.provider_id)
          .where("starts_at", "=", offer.starts_at)
          .orderBy("id")
          .forUpdate()
          .execute();
        const mine = forSlot.find((o) => o.id === offerId);
        if (!mine) throw notFound("offer");
        if (mine.status === "taken" || mine.status === "accepted") throw offerTaken(mine.status === "accepted");
        if (mine.status === "declined") throw new DomainError("conflict", "You turned down this offer.");
        if (mine.status === "expired" || mine.expires_at <= now) {
          throw new DomainError("gone", "Sorry, this offer has expired. You keep your current appointment.");
        }
        const request = await trx
          .selectFrom("waitlist_requests")
          .select(["appointment_id", "kind"])
          .where("id", "=", mine.request_id)
          .executeTakeFirstOrThrow();
        await trx
          .updateTable("waitlist_offers")
          .set({ status: "accepted", resolved_at: now })
          .where("id", "=", mine.id)
          .execute();
        const others = forSlot.filter((o) => o.id !== mine.id && o.status === "open");
        if (others.length > 0) {
          await trx
            .updateTable("waitlist_offers")
            .set({ status: "taken", resolved_at: now })
            .where(
              "id",
              "in",
              others.map((o) => o.id),
            )
            .execute();
        }
        await trx.updateTable("waitlist_requests").set({ active: false }).where("id", "=", mine.request_id).execute();
        let appointment: Appointment;
        if (request.kind === "rebook") {
          // the clinic cancelled the visit: the new time is a booking, and the other times offered for it go back
          appointment = await this.#d.scheduling.book(patientId, {
            visitTypeId: mine.visit_type_id,
            providerId: mine.provider_id,
            start: mine.starts_at,
            locationId: mine.location_id,
          });
          await withdrawOpenOffers(this.#d, mine.request_id, now);
        } else {
          // the booking rules, the atomic swap, reminders and the freed later time all live here
          appointment = await this.#d.scheduling.reschedule(patientId, request.appointment_id, {
            start: mine.starts_at,
            providerId: mine.provider_id,
            locationId: mine.location_id,
          });
        }
        for (const other of others) await tellGone(this.#d, other.patient_id, now);
        return appointment;
      });
    } catch (error) {
      if (error instanceof DomainError && error.code === "slot_taken" && slot) {
        // booked by someone else outside the waitlist: this offer can no longer be honoured
        await this.#markSlotTaken(slot.providerId, slot.start, now, patientId);
        throw offerTaken(false);
      }
      throw error;
    }
  }

  async decline(patientId: string, offerId: string): Promise<WaitlistOffer> {
    const access = await this.#d.access.authorizePatient(patientId, {
      scope: "appointments",
      action: "write",
      resourceType: "waitlist_offer",
      resourceId: offerId,
      auditAction: "decline",
    });
    const offers = patientRows(access, "appointments", "write");
    const now = this.#d.clock.now();
    return inTransaction(this.#d.db, async (trx) => {
      const offer = await offers
        .selectFrom(trx, "waitlist_offers")
        .selectAll()
        .where("id", "=", offerId)
        .forUpdate()
        .executeTakeFirst();
      if (!offer) throw notFound("offer");
      if (offer.status === "open" && offer.expires_at > now) {
        await trx
          .updateTable("waitlist_offers")
          .set({ status: "declined", resolved_at: now })
          .where("id", "=", offerId)
          .execute();
        await reoffer(this.#d, offer);
      } else if (offer.status !== "declined") {
        throw new DomainError("conflict", "This offer is no longer open.", { status: offer.status });
      }
      const row = await offerQuery(trx, offers).where("o.id", "=", offerId).executeTakeFirstOrThrow();
      return presentOffer(row, now);
    });
  }

  /** The time was booked outside the waitlist: its open offers are closed and their patients told. */
  async #markSlotTaken(providerId: string, start: Date, now: Date, acceptingPatientId: string): Promise<void> {
    await runWithContext(systemContext("waitlist-matching"), () =>
      inTransaction(this.#d.db, async (trx) => {
        const taken = await trx
          .updateTable("waitlist_offers")
          .set({ status: "taken", resolved_at: now })
          .where("provider_id", "=", providerId)
          .where("starts_at", "=", start)
          .where("status", "=", "open")
          .returning("patient_id")
          .execute();
        for (const o of taken) if (o.patient_id !== acceptingPatientId) await tellGone(this.#d, o.patient_id, now);
      }),
    );
  }
}

function offerTaken(acceptedAlready: boolean): DomainError {
  return acceptedAlready
    ? new DomainError("conflict", "You have already accepted this offer.", { reason: "offer_accepted" })
    : new DomainError(
        "conflict",
        "Sorry, another patient accepted this time first. You keep your current appointment, and we will tell you if another earlier time opens up.",
        { reason: "offer_taken" },
      );
}
