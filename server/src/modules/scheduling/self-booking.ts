import type { Database } from "../../db/database.ts";
import type { PatientAccess } from "../../platform/access/patient-access.ts";
import { DomainError, notFound } from "../../platform/errors.ts";
import { currentDb } from "../../platform/transaction.ts";
import { type EligibilityReason, noReferrals, type ReferralEligibility, selfBookingDecision } from "./policy.ts";
import * as repo from "./repo.ts";

/**
 * Whether a patient may book a visit type with a provider themselves (staff book for anyone):
 * the visit type's booking kind, the patient's registration, whether they are established with
 * the provider, whether the provider takes new patients, and a usable referral when one is needed.
 */
export class SelfBookingEligibility {
  readonly #db: Database;
  readonly #initial: ReferralEligibility | undefined;
  #plugged: ReferralEligibility | undefined;

  constructor(db: Database, referrals?: ReferralEligibility) {
    this.#db = db;
    this.#initial = referrals;
  }

  /** the referrals capability (tickets for referral visits), or none until it plugs itself in */
  get referrals(): ReferralEligibility {
    return this.#plugged ?? this.#initial ?? noReferrals;
  }

  /** The referrals capability plugs its tickets in once its services are built (it comes later in the registry). */
  useReferrals(referrals: ReferralEligibility): void {
    this.#plugged = referrals;
  }

  /**
   * Why this patient may not self-book this visit type with each provider (null: they may).
   * One query whatever the number of providers.
   */
  async blocks(
    access: PatientAccess,
    vt: { id: string; booking_kind: "established" | "new" | "referral" },
    providers: readonly { providerId: string; acceptingNewPatients: boolean }[],
  ): Promise<Map<string, EligibilityReason | null>> {
    const ids = [...new Set(providers.map((p) => p.providerId))];
    const patient = await repo.selfBookingFacts(currentDb(this.#db), access, ids);
    if (!patient) throw notFound("patient");
    const blocks = new Map<string, EligibilityReason | null>();
    for (const provider of providers) {
      if (blocks.has(provider.providerId)) continue;
      const decision = selfBookingDecision({
        bookingKind: vt.booking_kind,
        patientStatus: patient.status,
        establishedWithProvider: patient.established.has(provider.providerId),
        providerAcceptingNewPatients: provider.acceptingNewPatients,
        hasReferral:
          vt.booking_kind === "referral"
            ? await this.referrals.hasUsableReferral(access.patientId, vt.id, provider.providerId)
            : false,
      });
      blocks.set(provider.providerId, decision.allowed ? null : decision.reason);
    }
    return blocks;
  }

  /** Why this patient may not self-book this visit type with this provider, or null if they may. */
  async block(
    access: PatientAccess,
    vt: { id: string; booking_kind: "established" | "new" | "referral" },
    provider: { providerId: string; acceptingNewPatients: boolean },
  ): Promise<EligibilityReason | null> {
    return (await this.blocks(access, vt, [provider])).get(provider.providerId) ?? null;
  }

  /**
   * Refuses (403 with the reason) a patient who may not book this visit type with this provider
   * themselves. Returns the provider's places for this visit type, for the time check to reuse.
   */
  async assertMayBook(
    access: PatientAccess,
    vt: { id: string; specialty: string; booking_kind: "established" | "new" | "referral" },
    providerId: string,
  ): Promise<repo.ProviderAtLocation[]> {
    const places = await repo.providersForSpecialty(currentDb(this.#db), vt.specialty, { providerId });
    const place = places[0];
    if (!place) throw new DomainError("not_found", "That provider does not offer this type of visit.");
    const blocked = await this.block(access, vt, place);
    if (blocked) throw bookingRefused(blocked);
    return places;
  }
}

function bookingRefused(reason: EligibilityReason): DomainError {
  const messages: Record<EligibilityReason, string> = {
    not_established:
      "This type of visit is for established patients of this provider. Please choose a new-patient visit or send us a message.",
    provider_not_accepting_new_patients:
      "This provider is not taking new patients right now. Please choose another provider.",
    referral_required:
      "This type of visit needs an approved referral. You can request a referral from your primary care physician.",
    pending_verification:
      "Your registration is waiting to be verified by the clinic. Until then you can book new-patient visits.",
    record_merged: "This record has been merged into another. Please sign in again.",
  };
  return new DomainError("forbidden", messages[reason], { reason });
}
