import type { Appointment, Slot, WaitlistOffer } from "@portico/contracts";
import { sql } from "kysely";
import type { Config } from "../../config.ts";
import type { Database } from "../../db/database.ts";
import type { AccessService } from "../../platform/access/patient-access.ts";
import { type PatientRows, patientRows } from "../../platform/access/scoped-query.ts";
import type { Clock } from "../../platform/clock.ts";
import { runWithContext, systemContext } from "../../platform/context.ts";
import { DomainError, notFound } from "../../platform/errors.ts";
import type { JobQueue } from "../../platform/jobs/index.ts";
import type { Logger } from "../../platform/logging.ts";
import type { Mailer } from "../../platform/mail/mailer.ts";
import { displayTimeZone, patientTimeZoneSql } from "../../platform/time-zones.ts";
import { currentDb, inTransaction } from "../../platform/transaction.ts";
import { appointmentProviderUnavailable, waitlistOffer, waitlistOfferGone } from "./mail-templates.ts";
import * as repo from "./repo.ts";
import {
  appointmentForNotice,
  appointmentRecipients,
  calendarAttachment,
  SLOT_FREED_QUEUE,
  type SlotFreedPayload,
} from "./scheduling-events.ts";
import { presentAppointment, type SchedulingService } from "./service.ts";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export const EXPIRE_OFFERS_QUEUE = "scheduling.expire-offers";
const EXPIRY_SWEEP_MINUTES = 5;
/** offers are listed for this long after they were made, so the patient sees what happened */
const OFFER_HISTORY_DAYS = 14;
/** a visit the clinic cancelled is offered this many of the nearest free times… */
const REBOOK_OFFERS = 3;
/** …searched up to this many days after the cancelled time… */
const REBOOK_SEARCH_DAYS = 28;
/** …each held open for the patient this long at most (never past the visit type's booking notice) */
const REBOOK_TTL_MINUTES = 48 * 60;

export interface WaitlistDeps {
  db: Database;
  clock: Clock;
  access: AccessService;
  jobs: JobQueue;
  mailer: Mailer;
  logger: Logger;
  config: Pick<Config, "publicUrl">;
  scheduling: SchedulingService;
  /** how many patients are offered one freed time at once (default 3) */
  offersPerSlot?: number;
  /** how long an offer stays open at most (default 2 hours); never past the visit type's booking notice */
  offerTtlMinutes?: number;
}

const LIVE = ["booked", "confirmed"] as const;

type OfferRow = {
  id: string;
  appointmentId: string;
  kind: WaitlistOffer["kind"];
  startsAt: Date;
  endsAt: Date;
  providerName: string;
  locationName: string;
  timeZone: string;
  status: WaitlistOffer["status"];
  expiresAt: Date;
};

function presentOffer(row: OfferRow, now: Date): WaitlistOffer {
  const lapsed = row.status === "open" && row.expiresAt <= now;
  return {
    id: row.id,
    appointmentId: row.appointmentId,
    kind: row.kind,
    start: row.startsAt.toISOString(),
    end: row.endsAt.toISOString(),
    providerName: row.providerName,
    locationName: row.locationName,
    timeZone: row.timeZone,
    status: lapsed ? "expired" : row.status,
    expiresAt: row.expiresAt.toISOString(),
  };
}

/**
 * Earlier-appointment offers (SPEC §2.3). A patient with a booked appointment asks for an
 * earlier one; when a time of the same provider and visit type frees up, the first few
 * patients in request order who could book it are offered it by email. The first to accept
 * gets it — accepting is one transaction that locks every offer for that time, so two
 * acceptances can never both win — and the others are told it is gone. Declined and expired
 * offers pass the time on to the next patients in line.
 */
export class WaitlistService {
  readonly #d: WaitlistDeps;
  readonly #perSlot: number;
  readonly #ttlMinutes: number;

  constructor(deps: WaitlistDeps) {
    this.#d = deps;
    this.#perSlot = deps.offersPerSlot ?? 3;
    this.#ttlMinutes = deps.offerTtlMinutes ?? 120;
    deps.jobs.register<SlotFreedPayload>(SLOT_FREED_QUEUE, async (payload) => {
      await this.offerFreedSlot(payload);
    });
    deps.jobs.register(EXPIRE_OFFERS_QUEUE, async () => {
      await this.expireOffers();
      await this.scheduleExpirySweep(new Date(this.#d.clock.now().getTime() + EXPIRY_SWEEP_MINUTES * MINUTE));
    });
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
      return this.#present(access, appointmentId);
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
      if (request) await this.#withdrawOpenOffers(request.id, now);
      return this.#present(access, appointmentId);
    });
  }

  async listOffers(patientId: string): Promise<{ offers: WaitlistOffer[] }> {
    const access = await this.#d.access.authorizePatient(patientId, {
      scope: "appointments",
      action: "read",
      resourceType: "waitlist_offer",
    });
    const now = this.#d.clock.now();
    const rows = await this.#offerQuery(currentDb(this.#d.db), patientRows(access, "appointments"))
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
          await this.#withdrawOpenOffers(mine.request_id, now);
        } else {
          // the booking rules, the atomic swap, reminders and the freed later time all live here
          appointment = await this.#d.scheduling.reschedule(patientId, request.appointment_id, {
            start: mine.starts_at,
            providerId: mine.provider_id,
            locationId: mine.location_id,
          });
        }
        for (const other of others) await this.#tellGone(other.patient_id, now);
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
        await this.#reoffer(offer);
      } else if (offer.status !== "declined") {
        throw new DomainError("conflict", "This offer is no longer open.", { status: offer.status });
      }
      const row = await this.#offerQuery(trx, offers).where("o.id", "=", offerId).executeTakeFirstOrThrow();
      return presentOffer(row, now);
    });
  }

  /**
   * The `scheduling.slot-freed` job: offers the time to the first patients in request order
   * whose appointment with this provider and visit type is later, who could book the time
   * themselves, and who are still free to move. Idempotent: a time is offered to a request at
   * most once, and no more than `offersPerSlot` offers are open for one time.
   * Returns how many offers were made.
   */
  async offerFreedSlot(slot: SlotFreedPayload): Promise<number> {
    const now = this.#d.clock.now();
    const start = new Date(slot.start);
    const end = new Date(slot.end);
    if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()) || start <= now) return 0;
    const db = this.#d.db;
    const vt = await repo.findVisitType(db, slot.visitTypeId);
    if (!vt?.active) return 0;
    const latestExpiry = start.getTime() - vt.minimum_notice_minutes * MINUTE;
    const expiresAt = new Date(Math.min(now.getTime() + this.#ttlMinutes * MINUTE, latestExpiry));
    if (expiresAt.getTime() - now.getTime() < 5 * MINUTE) return 0; // too late to be useful
    const blockedFrom = new Date(start.getTime() - vt.buffer_before_minutes * MINUTE);
    const blockedTo = new Date(end.getTime() + vt.buffer_after_minutes * MINUTE);

    return runWithContext(systemContext("waitlist-matching"), () =>
      inTransaction(db, async (trx) => {
        const occupied = await trx
          .selectFrom("appointments")
          .select("id")
          .where("provider_id", "=", slot.providerId)
          .where("status", "<>", "cancelled")
          .where(sql<boolean>`blocked && tstzrange(${blockedFrom}, ${blockedTo})`)
          .executeTakeFirst();
        if (occupied) return 0;
        const open = await trx
          .selectFrom("waitlist_offers")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("provider_id", "=", slot.providerId)
          .where("starts_at", "=", start)
          .where("status", "=", "open")
          .where("expires_at", ">", now)
          .executeTakeFirstOrThrow();
        let wanted = this.#perSlot - Number(open.n);
        if (wanted <= 0) return 0;
        const candidates = await trx
          .selectFrom("waitlist_requests as r")
          .innerJoin("appointments as a", "a.id", "r.appointment_id")
          .innerJoin("visit_types as vt", "vt.id", "a.visit_type_id")
          .select([
            "r.id as requestId",
            "r.patient_id as patientId",
            "a.starts_at as appointmentStart",
            "vt.cancellation_notice_minutes as cancellationNotice",
          ])
          .where("r.active", "=", true)
          .where("a.status", "in", LIVE)
          .where("a.provider_id", "=", slot.providerId)
          .where("a.visit_type_id", "=", slot.visitTypeId)
          .where("a.starts_at", ">", start)
          .where((eb) =>
            eb.not(
              eb.exists(
                eb
                  .selectFrom("waitlist_offers as o")
                  .select("o.id")
                  .whereRef("o.request_id", "=", "r.id")
                  .where("o.provider_id", "=", slot.providerId)
                  .where("o.starts_at", "=", start),
              ),
            ),
          )
          .orderBy("r.requested_at")
          .orderBy("r.id")
          .limit(100)
          .execute();
        let made = 0;
        for (const c of candidates) {
          if (wanted <= 0) break;
          // a patient who could not move their appointment online now could not accept
          if (now.getTime() > c.appointmentStart.getTime() - c.cancellationNotice * MINUTE) continue;
          if (!(await this.#couldBook(c.patientId, slot, start))) continue;
          const inserted = await trx
            .insertInto("waitlist_offers")
            .values({
              request_id: c.requestId,
              patient_id: c.patientId,
              provider_id: slot.providerId,
              location_id: slot.locationId,
              visit_type_id: slot.visitTypeId,
              starts_at: start,
              ends_at: end,
              expires_at: expiresAt,
              created_at: now,
            })
            .onConflict((oc) => oc.columns(["request_id", "provider_id", "starts_at"]).doNothing())
            .returning("id")
            .executeTakeFirst();
          if (!inserted) continue;
          await this.#tellOffered(c.patientId, inserted.id, expiresAt, slot, now);
          wanted--;
          made++;
        }
        return made;
      }),
    );
  }

  /**
   * A visit the clinic cancelled because its provider is unavailable (inside the transaction that
   * cancelled it): a rebook request, offers of the nearest free times the patient could book
   * (same provider and visit type, as close to the cancelled time as possible, not offered to
   * another rebooked patient already), and one email per recipient saying so, with the calendar
   * cancellation. Accepting an offer books it (`accept`). Returns how many times were offered.
   */
  async offerNewTimes(appointmentId: string): Promise<number> {
    const db = currentDb(this.#d.db);
    const now = this.#d.clock.now();
    const a = await appointmentForNotice(db, appointmentId);
    if (!a) return 0;
    const vt = await repo.findVisitType(db, a.visitTypeId);
    const request = await db
      .insertInto("waitlist_requests")
      .values({
        appointment_id: appointmentId,
        patient_id: a.patientId,
        requested_at: now,
        active: true,
        kind: "rebook",
      })
      .onConflict((oc) => oc.column("appointment_id").doUpdateSet({ active: true, kind: "rebook", requested_at: now }))
      .returning("id")
      .executeTakeFirstOrThrow();
    const chosen: { start: Date; end: Date; locationId: string }[] = [];
    if (vt?.active) {
      // inside the cancelling transaction (so the new time off is seen), as the staff member saving it;
      // the patient's booking notice applies here, their eligibility again when they accept
      let candidates: Slot[] = [];
      try {
        ({ slots: candidates } = await this.#d.scheduling.searchSlots({
          visitTypeId: a.visitTypeId,
          providerId: a.providerId,
          from: new Date(now.getTime() + vt.minimum_notice_minutes * MINUTE),
          to: new Date(Math.max(a.startsAt.getTime(), now.getTime()) + REBOOK_SEARCH_DAYS * DAY),
          limit: 500,
        }));
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
      }
      const target = a.startsAt.getTime();
      candidates.sort(
        (x, y) =>
          Math.abs(Date.parse(x.start) - target) - Math.abs(Date.parse(y.start) - target) ||
          x.start.localeCompare(y.start),
      );
      for (const slot of candidates) {
        if (chosen.length >= REBOOK_OFFERS) break;
        const start = new Date(slot.start);
        const end = new Date(slot.end);
        // a time already held for another patient whose visit was cancelled stays theirs
        const held = await db
          .selectFrom("waitlist_offers as o")
          .innerJoin("waitlist_requests as r", "r.id", "o.request_id")
          .select("o.id")
          .where("o.provider_id", "=", a.providerId)
          .where("o.starts_at", "=", start)
          .where("o.status", "=", "open")
          .where("o.expires_at", ">", now)
          .where("r.kind", "=", "rebook")
          .executeTakeFirst();
        if (held) continue;
        if (await hasVisitDuring(db, a.patientId, start, end)) continue;
        chosen.push({ start, end, locationId: slot.locationId });
      }
    }
    let offered = 0;
    for (const slot of chosen) {
      const latest = slot.start.getTime() - (vt?.minimum_notice_minutes ?? 0) * MINUTE;
      const expiresAt = new Date(Math.min(now.getTime() + REBOOK_TTL_MINUTES * MINUTE, latest));
      if (expiresAt.getTime() - now.getTime() < 5 * MINUTE) continue;
      const inserted = await db
        .insertInto("waitlist_offers")
        .values({
          request_id: request.id,
          patient_id: a.patientId,
          provider_id: a.providerId,
          location_id: slot.locationId,
          visit_type_id: a.visitTypeId,
          starts_at: slot.start,
          ends_at: slot.end,
          expires_at: expiresAt,
          created_at: now,
        })
        .onConflict((oc) => oc.columns(["request_id", "provider_id", "starts_at"]).doNothing())
        .returning("id")
        .executeTakeFirst();
      if (inserted) offered++;
    }
    const publicUrl = this.#d.config.publicUrl;
    const attachment = calendarAttachment(a, publicUrl, now, { cancelled: true });
    for (const to of await appointmentRecipients(db, a.patientId, now)) {
      await this.#d.mailer.send({
        to: to.email,
        locale: to.locale,
        template: appointmentProviderUnavailable,
        params: {
          start: a.startsAt.toISOString(),
          timeZone: displayTimeZone(a.modality, a.timeZone, a.patientTimeZone),
          offers: offered,
          offersUrl: `${publicUrl}/appointments/offers`,
        },
        attachments: [attachment],
        dedupeKey: `appointment-provider-unavailable:${appointmentId}:${to.email.toLowerCase()}`,
      });
    }
    return offered;
  }

  /** The periodic job: open offers past their time become `expired`, and the time passes on. */
  async expireOffers(): Promise<number> {
    const now = this.#d.clock.now();
    return runWithContext(systemContext("waitlist-expiry"), () =>
      inTransaction(this.#d.db, async (trx) => {
        const expired = await trx
          .updateTable("waitlist_offers")
          .set({ status: "expired", resolved_at: now })
          .where("status", "=", "open")
          .where("expires_at", "<=", now)
          .returning(["provider_id", "visit_type_id", "location_id", "starts_at", "ends_at"])
          .execute();
        const slots = new Map<string, (typeof expired)[number]>();
        for (const o of expired) slots.set(`${o.provider_id}:${o.starts_at.toISOString()}`, o);
        for (const o of slots.values()) await this.#reoffer(o);
        return expired.length;
      }),
    );
  }

  /** Queues the next expiry sweep (one per 5-minute bucket across all workers). */
  async scheduleExpirySweep(at: Date = this.#d.clock.now()): Promise<void> {
    const bucket = Math.floor(at.getTime() / (EXPIRY_SWEEP_MINUTES * MINUTE));
    await this.#d.jobs.enqueue(
      EXPIRE_OFFERS_QUEUE,
      {},
      { runAt: at, dedupeKey: `${EXPIRE_OFFERS_QUEUE}:${bucket}`, maxAttempts: 3 },
    );
  }

  async #couldBook(patientId: string, slot: SlotFreedPayload, start: Date): Promise<boolean> {
    if (await hasVisitDuring(currentDb(this.#d.db), patientId, start, new Date(slot.end))) return false;
    try {
      // the same rules as booking online: hours, exceptions, notice, horizon, eligibility
      const { slots } = await this.#d.scheduling.searchSlots({
        visitTypeId: slot.visitTypeId,
        providerId: slot.providerId,
        locationId: slot.locationId,
        from: start,
        to: new Date(start.getTime() + 1),
        patientId,
        limit: 1,
      });
      return slots.some((s) => s.start === start.toISOString());
    } catch (error) {
      if (error instanceof DomainError) return false;
      throw error;
    }
  }

  async #reoffer(o: {
    provider_id: string;
    visit_type_id: string;
    location_id: string;
    starts_at: Date;
    ends_at: Date;
  }): Promise<void> {
    if (o.starts_at <= this.#d.clock.now()) return;
    const payload: SlotFreedPayload = {
      providerId: o.provider_id,
      visitTypeId: o.visit_type_id,
      locationId: o.location_id,
      start: o.starts_at.toISOString(),
      end: o.ends_at.toISOString(),
    };
    await this.#d.jobs.enqueue(SLOT_FREED_QUEUE, payload);
  }

  async #withdrawOpenOffers(requestId: string, now: Date): Promise<void> {
    const withdrawn = await currentDb(this.#d.db)
      .updateTable("waitlist_offers")
      .set({ status: "declined", resolved_at: now })
      .where("request_id", "=", requestId)
      .where("status", "=", "open")
      .returning(["provider_id", "visit_type_id", "location_id", "starts_at", "ends_at"])
      .execute();
    for (const o of withdrawn) await this.#reoffer(o);
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
        for (const o of taken) if (o.patient_id !== acceptingPatientId) await this.#tellGone(o.patient_id, now);
      }),
    );
  }

  async #tellOffered(patientId: string, offerId: string, expiresAt: Date, slot: SlotFreedPayload, now: Date) {
    const db = currentDb(this.#d.db);
    const location = await db
      .selectFrom("locations")
      .select("time_zone")
      .where("id", "=", slot.locationId)
      .executeTakeFirst();
    const visitType = await db
      .selectFrom("visit_types")
      .select("modality")
      .where("id", "=", slot.visitTypeId)
      .executeTakeFirst();
    const patient = await db
      .selectFrom("patients as p")
      .select(patientTimeZoneSql("p").as("timeZone"))
      .where("p.id", "=", patientId)
      .executeTakeFirst();
    const zone = displayTimeZone(
      visitType?.modality ?? "in_person",
      location?.time_zone ?? "UTC",
      patient?.timeZone ?? location?.time_zone ?? "UTC",
    );
    const publicUrl = this.#d.config.publicUrl;
    for (const to of await appointmentRecipients(db, patientId, now)) {
      await this.#d.mailer.send({
        to: to.email,
        locale: to.locale,
        template: waitlistOffer,
        params: {
          expiresAt: expiresAt.toISOString(),
          timeZone: zone,
          offersUrl: `${publicUrl}/appointments/offers`,
        },
        dedupeKey: `waitlist-offer:${offerId}:${to.email.toLowerCase()}`,
      });
    }
  }

  async #tellGone(patientId: string, now: Date) {
    const db = currentDb(this.#d.db);
    for (const to of await appointmentRecipients(db, patientId, now)) {
      await this.#d.mailer.send({
        to: to.email,
        locale: to.locale,
        template: waitlistOfferGone,
        params: { appointmentsUrl: `${this.#d.config.publicUrl}/appointments` },
      });
    }
  }

  async #present(access: Parameters<typeof repo.appointmentOfPatient>[1], appointmentId: string) {
    const row = await repo.appointmentOfPatient(currentDb(this.#d.db), access, appointmentId);
    if (!row) throw notFound("appointment");
    return presentAppointment(row, this.#d.clock.now());
  }

  /** The patient's offers (of `rows`), with what the offers page shows of each. */
  #offerQuery(db: ReturnType<typeof currentDb>, rows: PatientRows) {
    return rows
      .selectFrom(db, "waitlist_offers", "o")
      .innerJoin("waitlist_requests as r", "r.id", "o.request_id")
      .innerJoin("providers as p", "p.id", "o.provider_id")
      .innerJoin("locations as l", "l.id", "o.location_id")
      .innerJoin("visit_types as vt", "vt.id", "o.visit_type_id")
      .innerJoin("patients as pt", "pt.id", "o.patient_id")
      .select([
        "o.id",
        "r.appointment_id as appointmentId",
        "r.kind",
        "o.starts_at as startsAt",
        "o.ends_at as endsAt",
        "p.display_name as providerName",
        "l.name as locationName",
        // shown in: the location's zone (in person) or the patient's own (video)
        sql<string>`case when ${sql.ref("vt.modality")} = 'video' then ${patientTimeZoneSql("pt")} else ${sql.ref("l.time_zone")} end`.as(
          "timeZone",
        ),
        "o.status",
        "o.expires_at as expiresAt",
      ]);
  }
}

/**
 * Whether the patient has a visit (not cancelled) overlapping [start, end): asked by the
 * waitlist's matching job and by a clinic's cancellation before offering a time, for a patient
 * found through the provider's calendar (not through an access to one patient).
 */
async function hasVisitDuring(
  db: ReturnType<typeof currentDb>,
  patientId: string,
  start: Date,
  end: Date,
): Promise<boolean> {
  const clash = await db
    .selectFrom("appointments")
    .select("id")
    .where("patient_id", "=", patientId)
    .where("status", "<>", "cancelled")
    .where("starts_at", "<", end)
    .where("ends_at", ">", start)
    .executeTakeFirst();
  return clash !== undefined;
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
