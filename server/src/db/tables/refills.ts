import type { DateString, Generated, Json, JsonWithDefault } from "./types.ts";

/** migrations/0021_refills.sql */

export type ControlledScheduleValue = "none" | "II" | "III" | "IV" | "V";
export type RefillRuleValue =
  | "refill_from_remaining"
  | "renewal_under_protocol"
  | "controlled_substance"
  | "too_early"
  | "renewal_needs_prescriber";
export type MedicationEventValue = "prescribed" | "changed" | "stopped" | "refill_sent" | "renewed" | "refill_denied";
export type DeliveryStatusValue = "pending" | "sent" | "failed";

export interface LabResultsTable {
  id: Generated<string>;
  patient_id: string;
  lab_code: string;
  resulted_on: DateString;
  created_at: Generated<Date>;
  /** migrations/0034_lab_result_entry.sql: the test's name when recorded, the sealed value (`labValueSeal(id)`), who recorded it */
  lab_name: string | null;
  value_sealed: string | null;
  recorded_by: string | null;
}

export interface RefillProtocolsTable {
  version: number;
  classes: JsonWithDefault;
  visit_window_days: number;
  lab_requirements: JsonWithDefault;
  early_refill_fraction: number;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface MedicationsTable {
  id: Generated<string>;
  patient_id: string;
  name: string;
  rxnorm_code: string | null;
  purpose: string | null;
  dose: string;
  directions: string;
  quantity: number;
  days_supply: number;
  refills_remaining: number;
  refills_authorized: Generated<number>;
  last_filled_on: DateString | null;
  prescriber_id: string | null;
  controlled_schedule: Generated<ControlledScheduleValue>;
  protocol_class: string | null;
  confidential: Generated<boolean>;
  status: Generated<"active" | "stopped">;
  stopped_on: DateString | null;
  /** sealed: `stopReasonSeal(id)` */
  stop_reason_sealed: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface MedicationEventsTable {
  id: Generated<string>;
  medication_id: string;
  patient_id: string;
  event: MedicationEventValue;
  by_user_id: string | null;
  changes: JsonWithDefault;
  /** sealed: `eventReasonSeal(id)` */
  reason_sealed: string | null;
  created_at: Generated<Date>;
}

export interface RefillRequestsTable {
  id: Generated<string>;
  patient_id: string;
  pharmacy_id: string;
  requested_by: string | null;
  via_proxy_grant_id: string | null;
  created_at: Generated<Date>;
}

export interface RefillRequestItemsTable {
  id: Generated<string>;
  request_id: string;
  patient_id: string;
  medication_id: string;
  status: "queued" | "approved" | "denied";
  rule: RefillRuleValue;
  protocol_version: number;
  possible_from: DateString | null;
  reasons: JsonWithDefault;
  automatic: boolean;
  requested_at: Date;
  decided_at: Date | null;
  decided_by: string | null;
  approved_quantity: number | null;
  approved_refills: number | null;
  /** sealed: `denialReasonSeal(id)` */
  denial_reason_sealed: string | null;
  delivery_status: DeliveryStatusValue | null;
  delivery_attempts: Generated<number>;
  sent_at: Date | null;
  failed_at: Date | null;
}

export interface PharmacyOutboxTable {
  id: Generated<string>;
  request_item_id: string;
  patient_id: string;
  pharmacy_id: string;
  adapter: string;
  resource: Json;
  status: Generated<DeliveryStatusValue>;
  attempts: Generated<number>;
  last_error: string | null;
  external_id: string | null;
  created_at: Generated<Date>;
  sent_at: Date | null;
}

export interface RefillTables {
  lab_results: LabResultsTable;
  refill_protocols: RefillProtocolsTable;
  medications: MedicationsTable;
  medication_events: MedicationEventsTable;
  refill_requests: RefillRequestsTable;
  refill_request_items: RefillRequestItemsTable;
  pharmacy_outbox: PharmacyOutboxTable;
}
