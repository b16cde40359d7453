import type { Slot } from "@portico/contracts";
import { DomainError } from "../../platform/errors.ts";
import { displayTimeZone } from "../../platform/time-zones.ts";
import { currentDb } from "../../platform/transaction.ts";
import type { RebookOffers } from "./availability-service.ts";
import { DAY, MINUTE } from "./booking-rules.ts";
import { appointmentProviderUnavailable } from "./mail-templates.ts";
import * as repo from "./repo.ts";
import { appointmentForNotice, appointmentRecipients, calendarAttachment } from "./scheduling-events.ts";
import { hasVisitDuring, type WaitlistDeps } from "./waitlist-common.ts";

/** a visit the clinic cancelled is offered this many of the nearest free times… */
const REBOOK_OFFERS = 3;
/** …searched up to this many days after the cancelled time… */
const REBOOK_SEARCH_DAYS = 28;
/** …each held open for the patient this long at most (never past the visit type's booking notice) */
const REBOOK_TTL_MINUTES = 48 * 60;

/** New times for a visit the clinic cancelled (time off or a block over booked visits). */
export class ClinicCancellationOffers implements RebookOffers {
  readonly #d: WaitlistDeps;

  constructor(deps: WaitlistDeps) {
    this.#d = deps;
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
}
