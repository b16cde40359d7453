import type { BookingKind } from "@portico/contracts";

/**
 * Who may SELF-book a visit type (patients and proxies). Staff book any kind on a patient's
 * behalf; these rules do not apply to them.
 */
export interface EligibilityFacts {
  bookingKind: BookingKind;
  patientStatus: "active" | "pending_verification" | "merged" | "rejected";
  /** the provider is the patient's PCP or has seen them */
  establishedWithProvider: boolean;
  providerAcceptingNewPatients: boolean;
  /** an approved, unexpired, unused referral covers this visit type (the referrals capability answers) */
  hasReferral: boolean;
}

export type EligibilityReason =
  | "not_established"
  | "provider_not_accepting_new_patients"
  | "referral_required"
  | "pending_verification"
  | "record_merged";

export function selfBookingDecision(
  f: EligibilityFacts,
): { allowed: true } | { allowed: false; reason: EligibilityReason } {
  if (f.patientStatus === "merged" || f.patientStatus === "rejected")
    return { allowed: false, reason: "record_merged" };
  if (f.bookingKind === "referral") {
    if (f.patientStatus === "pending_verification") return { allowed: false, reason: "pending_verification" };
    return f.hasReferral ? { allowed: true } : { allowed: false, reason: "referral_required" };
  }
  if (f.bookingKind === "established") {
    if (f.patientStatus === "pending_verification") return { allowed: false, reason: "pending_verification" };
    return f.establishedWithProvider ? { allowed: true } : { allowed: false, reason: "not_established" };
  }
  // "new": anyone may book, a new patient only with a provider who takes new patients
  if (!f.establishedWithProvider && !f.providerAcceptingNewPatients) {
    return { allowed: false, reason: "provider_not_accepting_new_patients" };
  }
  return { allowed: true };
}

/** The seam where the referrals capability plugs in: until then nobody holds a referral. */
export interface ReferralEligibility {
  hasUsableReferral(patientId: string, visitTypeId: string, providerId: string): Promise<boolean>;
  /**
   * Inside the booking transaction, for a `referral` visit type: links the appointment to a
   * usable referral and counts the visit (the referral row is locked, so two bookings racing
   * for the last visit give one winner). `required` (self-booking): refuse when none is left.
   */
  linkBooking?(
    visit: { appointmentId: string; patientId: string; visitTypeId: string; providerId: string },
    options: { required: boolean },
  ): Promise<void>;
  /** Inside the cancelling transaction: a referral-linked visit gives its visit back. */
  releaseBooking?(appointmentId: string): Promise<void>;
  /** Inside the rescheduling transaction: the new appointment keeps the old one's referral. */
  moveBooking?(fromAppointmentId: string, toAppointmentId: string): Promise<void>;
}

export const noReferrals: ReferralEligibility = { hasUsableReferral: async () => false };

export const STAFF_ROLES = ["front_desk", "nurse", "physician", "admin"] as const;
