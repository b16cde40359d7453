import type { Generated } from "./types.ts";

/** migrations/0028_health_updates.sql */

export type FlagValue = "urgent" | "attention" | "normal";
export type EnteredByKind = "patient" | "proxy" | "staff" | "system";

export interface HealthFlagRangesTable {
  key: string;
  urgent_below: number | null;
  attention_below: number | null;
  attention_at_or_above: number | null;
  urgent_at_or_above: number | null;
  updated_by: string | null;
  updated_at: Date | null;
}

export interface HealthReadingsTable {
  id: Generated<string>;
  patient_id: string;
  measure: string;
  unit: string;
  value_entered: number | null;
  value: number | null;
  systolic: number | null;
  diastolic: number | null;
  taken_at: Date;
  note_sealed: string | null;
  flag: FlagValue;
  flag_reasons: Generated<string[]>;
  entered_by: string | null;
  entered_by_kind: EnteredByKind;
  via_proxy_grant_id: string | null;
  created_at: Generated<Date>;
}

export interface QuestionnaireResponsesTable {
  id: Generated<string>;
  patient_id: string;
  kind: "phq9" | "gad7";
  answers: number[];
  score: number;
  severity: string;
  flag: FlagValue;
  flag_reasons: Generated<string[]>;
  entered_by: string | null;
  entered_by_kind: EnteredByKind;
  via_proxy_grant_id: string | null;
  created_at: Generated<Date>;
  /** migrations/0038: the appointment this response was the intake for */
  intake_appointment_id: Generated<string | null>;
}

export interface HealthFlagsTable {
  id: Generated<string>;
  patient_id: string;
  reading_id: string | null;
  questionnaire_response_id: string | null;
  level: "urgent" | "attention";
  status: Generated<"open" | "acknowledged" | "resolved">;
  acknowledged_by: string | null;
  acknowledged_at: Date | null;
  resolved_by: string | null;
  resolved_at: Date | null;
  created_at: Generated<Date>;
}

export interface HealthUpdateTables {
  health_flag_ranges: HealthFlagRangesTable;
  health_readings: HealthReadingsTable;
  questionnaire_responses: QuestionnaireResponsesTable;
  health_flags: HealthFlagsTable;
}
