import { sql } from "kysely";
import { runWithContext, systemContext } from "../../platform/context.ts";
import { DomainError } from "../../platform/errors.ts";
import { displayTimeZone } from "../../platform/time-zones.ts";
import { currentDb, inTransaction } from "../../platform/transaction.ts";
import { MINUTE } from "./booking-rules.ts";
import { waitlistOffer } from "./mail-templates.ts";
import * as repo from "./repo.ts";
import { appointmentRecipients, SLOT_FREED_QUEUE, type SlotFreedPayload } from "./scheduling-events.ts";
import { hasVisitDuring, LIVE, patientZoneOf, reoffer, type WaitlistDeps } from "./waitlist-common.ts";

export const EXPIRE_OFFERS_QUEUE = "scheduling.expire-offers";
const EXPIRY_SWEEP_MINUTES = 5;

/**
 * The waitlist's jobs: a freed time (`scheduling.slot-freed`) is offered by email to the first
 * few patients in request order who could book it, and a periodic sweep expires open offers
 * past their time, passing the time on to the next patients in line.
 */
export class WaitlistMatching {
  /** queues an expiry sweep at `at` (default now; one per 5-minute bucket across all workers) */
  readonly scheduleExpirySweep: (at?: Date) => Promise<void>;
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
    this.scheduleExpirySweep = deps.jobs.periodic(EXPIRE_OFFERS_QUEUE, EXPIRY_SWEEP_MINUTES * MINUTE, () =>
      this.expireOffers(),
    );
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
        for (const o of slots.values()) await reoffer(this.#d, o);
        return expired.length;
      }),
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
    const patientZone = await patientZoneOf(db, patientId);
    const zone = displayTimeZone(
      visitType?.modality ?? "in_person",
      location?.time_zone ?? "UTC",
      patientZone ?? location?.time_zone ?? "UTC",
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
}
