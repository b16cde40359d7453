import type { DateString, Generated } from "./types.ts";

/** migrations/0026_referrals.sql */

export type ReferralStatusValue =
  | "requested"
  | "approved"
  | "denied"
  | "visit_requested"
  | "scheduled"
  | "completed"
  | "expired"
  | "cancelled";

export interface ReferralsTable {
  id: Generated<string>;
  patient_id: string;
  status: Generated<ReferralStatusValue>;
  specialty: string;
  /** migrations/0027: sealed (seals.ts) */
  reason_sealed: string | null;
  urgency: "routine" | "soon" | "urgent";
  preferred_provider_id: string | null;
  preferred_location_id: string | null;
  pcp_provider_id: string | null;
  requested_by: string | null;
  requested_by_kind: "patient" | "proxy" | "staff";
  via_proxy_grant_id: string | null;
  approved_provider_id: string | null;
  approved_specialty: string | null;
  visits_allowed: number | null;
  visits_used: Generated<number>;
  expires_on: DateString | null;
  decided_by: string | null;
  decided_at: Date | null;
  denial_reason_sealed: string | null;
  visit_type_id: string | null;
  visit_note_sealed: string | null;
  expiry_reminded_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ReferralEventsTable {
  id: Generated<string>;
  referral_id: string;
  patient_id: string;
  event: string;
  status: ReferralStatusValue;
  by_user_id: string | null;
  at: Generated<Date>;
  /** migrations/0027: the order steps were recorded in */
  seq: Generated<string>;
}

export interface ReferralAppointmentsTable {
  appointment_id: string;
  referral_id: string;
  patient_id: string;
  created_at: Generated<Date>;
  released_at: Date | null;
}

export interface ReferralTables {
  referrals: ReferralsTable;
  referral_events: ReferralEventsTable;
  referral_appointments: ReferralAppointmentsTable;
}
