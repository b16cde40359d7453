import type {
  ApproveReferralRequest,
  AskForVisitRequest,
  CreateReferralRequest,
  IncomingReferrals,
  Referral,
  ReferralList,
  ReferralQueue,
  ReferralQueueQuery,
  StaffCreateReferralRequest,
} from "@portico/contracts";
import type { ReferralEligibility } from "../scheduling/policy.ts";
import { approveReferral, askForVisit, denyReferral, practiceQueue } from "./referral-decisions.ts";
import { expireAndRemind, settleVisits } from "./referral-expiry.ts";
import { incomingReferrals } from "./referral-incoming.ts";
import {
  cancelReferral,
  getReferral,
  listReferrals,
  requestReferral,
  staffCreateReferral,
} from "./referral-requests.ts";
import { DAY_MS, REFERRAL_EXPIRY_QUEUE, REFERRAL_QUEUE, type ReferralServiceDeps } from "./referral-shared.ts";
import { referralEligibility, visitCompleted } from "./referral-tickets.ts";

export {
  EXPIRY_REMINDER_DAYS,
  REFERRAL_EXPIRY_QUEUE,
  REFERRAL_QUEUE,
  REFERRAL_SUBJECT,
  type ReferralServiceDeps,
} from "./referral-shared.ts";

/**
 * Referrals: requests from patients and caregivers, the primary care practice's queue
 * (approve, deny, ask for a visit), staff creation, a specialist's incoming list, and the
 * ticket that lets a patient book a specialist's `referral` visit types (`eligibility`).
 * Each part lives in its own file; this class is what the module, its routes and scheduling see.
 */
export class ReferralService {
  readonly #d: ReferralServiceDeps;
  readonly #scheduleExpiry: (at?: Date) => Promise<void>;
  /** the scheduling seam: an approved referral is a ticket for a specialist's `referral` visit types */
  readonly eligibility: ReferralEligibility;

  constructor(deps: ReferralServiceDeps) {
    this.#d = deps;
    this.eligibility = referralEligibility(deps);
    deps.workQueue.define({
      name: REFERRAL_QUEUE,
      roles: ["nurse", "physician"],
      responseBusinessDays: 3,
      // a patient without a primary care physician: any physician or nurse may take it (as `inPractice`)
      unownedForEveryClinician: true,
    });
    this.#scheduleExpiry = deps.jobs.periodic(REFERRAL_EXPIRY_QUEUE, DAY_MS, async () => {
      await this.settleVisits();
      await this.expireAndRemind();
    });
  }

  // ---- the patient's referrals (referral-requests.ts) ----

  list(patientId: string): Promise<ReferralList> {
    return listReferrals(this.#d, patientId);
  }

  get(patientId: string, referralId: string): Promise<Referral> {
    return getReferral(this.#d, patientId, referralId);
  }

  /** A patient or caregiver asks the primary care practice for a referral. */
  create(patientId: string, input: CreateReferralRequest): Promise<Referral> {
    return requestReferral(this.#d, patientId, input);
  }

  /** A physician or nurse of the patient's primary care practice creates one (and may approve it at once). */
  staffCreate(patientId: string, input: StaffCreateReferralRequest): Promise<Referral> {
    return staffCreateReferral(this.#d, patientId, input);
  }

  /** The patient, a caregiver with the scope, or the practice withdraws a referral nothing is booked with. */
  cancel(patientId: string, referralId: string): Promise<Referral> {
    return cancelReferral(this.#d, patientId, referralId);
  }

  // ---- the primary care practice's queue (referral-decisions.ts) ----

  queue(query: ReferralQueueQuery): Promise<ReferralQueue> {
    return practiceQueue(this.#d, query);
  }

  approve(referralId: string, input: ApproveReferralRequest): Promise<Referral> {
    return approveReferral(this.#d, referralId, input);
  }

  deny(referralId: string, reason: string): Promise<Referral> {
    return denyReferral(this.#d, referralId, reason);
  }

  askForVisit(referralId: string, input: AskForVisitRequest): Promise<Referral> {
    return askForVisit(this.#d, referralId, input);
  }

  // ---- the specialist (referral-incoming.ts) ----

  /** Referrals approved to the caller's provider, or to their specialty with no provider named. */
  incoming(): Promise<IncomingReferrals> {
    return incomingReferrals(this.#d);
  }

  // ---- visits and the daily job (referral-tickets.ts, referral-expiry.ts) ----

  /** A visit booked with a referral was marked completed (inside that transaction). */
  visitCompleted(visit: { appointmentId: string }): Promise<void> {
    return visitCompleted(this.#d, visit);
  }

  scheduleExpiry(at?: Date): Promise<void> {
    return this.#scheduleExpiry(at);
  }

  /** Released visits cancelled elsewhere, referrals whose visits all took place completed. */
  settleVisits(): Promise<{ released: number; completed: number }> {
    return settleVisits(this.#d);
  }

  /** Lapsed tickets expired (the patient told), tickets lapsing soon reminded once. */
  expireAndRemind(): Promise<{ expired: number; reminded: number }> {
    return expireAndRemind(this.#d);
  }
}
