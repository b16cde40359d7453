import type { Appointment, WaitlistOffer } from "@portico/contracts";
import type { SlotFreedPayload } from "./scheduling-events.ts";
import type { WaitlistDeps } from "./waitlist-common.ts";
import { WaitlistMatching } from "./waitlist-matching.ts";
import { ClinicCancellationOffers } from "./waitlist-rebook.ts";
import { WaitlistRequests } from "./waitlist-requests.ts";

/**
 * Earlier-appointment offers (SPEC §2.3). A patient with a booked appointment asks for an
 * earlier one; when a time of the same provider and visit type frees up, the first few
 * patients in request order who could book it are offered it by email. The first to accept
 * gets it — accepting is one transaction that locks every offer for that time, so two
 * acceptances can never both win — and the others are told it is gone. Declined and expired
 * offers pass the time on to the next patients in line.
 *
 * The patient's side is waitlist-requests.ts, the matching and expiry jobs waitlist-matching.ts,
 * the new times offered for a visit the clinic cancelled waitlist-rebook.ts.
 */
export class WaitlistService {
  readonly #requests: WaitlistRequests;
  readonly #matching: WaitlistMatching;
  readonly #rebook: ClinicCancellationOffers;

  constructor(deps: WaitlistDeps) {
    this.#requests = new WaitlistRequests(deps);
    this.#matching = new WaitlistMatching(deps);
    this.#rebook = new ClinicCancellationOffers(deps);
  }

  /** Opt in: "tell me if an earlier time opens up" for this appointment. */
  join(patientId: string, appointmentId: string): Promise<Appointment> {
    return this.#requests.join(patientId, appointmentId);
  }

  /** Opt out; any open offers for this appointment are withdrawn. */
  leave(patientId: string, appointmentId: string): Promise<Appointment> {
    return this.#requests.leave(patientId, appointmentId);
  }

  listOffers(patientId: string): Promise<{ offers: WaitlistOffer[] }> {
    return this.#requests.listOffers(patientId);
  }

  /** Takes the offered time (lost race → 409, the patient keeps their appointment; expired → 410). */
  accept(patientId: string, offerId: string): Promise<Appointment> {
    return this.#requests.accept(patientId, offerId);
  }

  decline(patientId: string, offerId: string): Promise<WaitlistOffer> {
    return this.#requests.decline(patientId, offerId);
  }

  /** The `scheduling.slot-freed` job: offers a freed time to the next patients in line; how many were offered. */
  offerFreedSlot(slot: SlotFreedPayload): Promise<number> {
    return this.#matching.offerFreedSlot(slot);
  }

  /** New times for a visit the clinic cancelled (inside the cancelling transaction); how many were offered. */
  offerNewTimes(appointmentId: string): Promise<number> {
    return this.#rebook.offerNewTimes(appointmentId);
  }

  /** The periodic job: open offers past their time become `expired`, and the time passes on. */
  expireOffers(): Promise<number> {
    return this.#matching.expireOffers();
  }

  /** Queues the next expiry sweep (one per 5-minute bucket across all workers). */
  scheduleExpirySweep(at?: Date): Promise<void> {
    return this.#matching.scheduleExpirySweep(at);
  }
}
