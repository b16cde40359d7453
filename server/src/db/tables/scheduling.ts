import type { Generated, Json, JsonWithDefault } from "./types.ts";

export type AppointmentStatus =
  | "booked"
  | "confirmed"
  | "checked_in"
  | "arrived"
  | "roomed"
  | "in_visit"
  | "completed"
  | "no_show"
  | "cancelled";

export interface VisitTypesTable {
  id: Generated<string>;
  name: string;
  name_es: string | null;
  description: string | null;
  description_es: string | null;
  duration_minutes: number;
  modality: "in_person" | "video";
  specialty: string;
  booking_kind: "established" | "new" | "referral";
  minimum_notice_minutes: Generated<number>;
  horizon_days: Generated<number>;
  buffer_before_minutes: Generated<number>;
  buffer_after_minutes: Generated<number>;
  cancellation_notice_minutes: Generated<number>;
  questionnaire: JsonWithDefault;
  /** migrations/0038: the scored questionnaires asked for before the visit */
  intake_questionnaires: Generated<("phq9" | "gad7")[]>;
  active: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface AvailabilityTemplatesTable {
  id: Generated<string>;
  provider_id: string;
  location_id: string;
  weekday: number;
  /** "HH:MM:SS" */
  start_time: string;
  end_time: string;
  valid_from: string | null;
  valid_until: string | null;
  visit_type_ids: Generated<string[]>;
  created_at: Generated<Date>;
}

export interface AvailabilityExceptionsTable {
  id: Generated<string>;
  provider_id: string;
  kind: "time_off" | "block" | "extra_hours";
  starts_at: Date;
  ends_at: Date;
  location_id: string | null;
  note: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface AppointmentsTable {
  id: Generated<string>;
  patient_id: string;
  provider_id: string;
  location_id: string;
  visit_type_id: string;
  starts_at: Date;
  ends_at: Date;
  /** tstzrange literal, e.g. "[2026-03-03T14:00:00Z,2026-03-03T14:40:00Z)" */
  blocked: string;
  status: Generated<AppointmentStatus>;
  reason_for_visit: string | null;
  booked_by: string | null;
  rescheduled_from_id: string | null;
  confirmed_at: Date | null;
  checked_in_at: Date | null;
  arrived_at: Date | null;
  roomed_at: Date | null;
  visit_started_at: Date | null;
  completed_at: Date | null;
  cancelled_at: Date | null;
  cancelled_by: string | null;
  cancel_reason: string | null;
  /** the status before the last staff step (arrived … no-show), while that step can be undone */
  status_before_step: AppointmentStatus | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface AppointmentCheckInsTable {
  appointment_id: string;
  confirmed: Json;
  answers_sealed: string | null;
  submitted_by: string | null;
  submitted_at: Generated<Date>;
}

export interface WaitlistRequestsTable {
  id: Generated<string>;
  appointment_id: string;
  patient_id: string;
  requested_at: Generated<Date>;
  active: Generated<boolean>;
  /** earlier: the patient asked for an earlier time; rebook: the clinic cancelled the visit and offers new times */
  kind: Generated<"earlier" | "rebook">;
}

export interface WaitlistOffersTable {
  id: Generated<string>;
  request_id: string;
  patient_id: string;
  provider_id: string;
  location_id: string;
  visit_type_id: string;
  starts_at: Date;
  ends_at: Date;
  status: Generated<"open" | "accepted" | "taken" | "expired" | "declined">;
  expires_at: Date;
  created_at: Generated<Date>;
  resolved_at: Date | null;
}

export interface AppointmentConfirmTokensTable {
  token_hash: string;
  appointment_id: string;
  expires_at: Date;
  used_at: Date | null;
}

/** Appended by triggers on every change to a provider's free slots (migration 0037; read by the slot cache). */
export interface CalendarChangesTable {
  provider_id: string;
  /** "YYYY-MM-DD" (UTC), or null: every day */
  day: string | null;
  at: Generated<Date>;
  /** how many changes the row stands for: 1, or more once folded (modules/scheduling/calendar-fold.ts) */
  n: Generated<number>;
}

/** One row: how many catalogue changes (visit types, providers, locations) have committed (migration 0046; read by slot search). */
export interface CatalogueVersionTable {
  id: Generated<boolean>;
  n: Generated<number>;
}

export interface SchedulingTables {
  visit_types: VisitTypesTable;
  availability_templates: AvailabilityTemplatesTable;
  availability_exceptions: AvailabilityExceptionsTable;
  appointments: AppointmentsTable;
  appointment_check_ins: AppointmentCheckInsTable;
  waitlist_requests: WaitlistRequestsTable;
  waitlist_offers: WaitlistOffersTable;
  appointment_confirm_tokens: AppointmentConfirmTokensTable;
  calendar_changes: CalendarChangesTable;
  catalogue_version: CatalogueVersionTable;
}
