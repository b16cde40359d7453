import type { Generated } from "./types.ts";

/** migrations/0030_visit_surveys.sql: one post-visit survey per completed visit */
export interface VisitSurveysTable {
  id: Generated<string>;
  appointment_id: string;
  patient_id: string;
  provider_id: string;
  location_id: string;
  /** SHA-256 hex of the link's random part */
  token_hash: string;
  sent_to_user_id: string | null;
  sent_at: Generated<Date>;
  expires_at: Date;
  answered_at: Date | null;
  /** 0–10, set with answered_at */
  score: number | null;
  /** sealed (modules/surveys/seals.ts) */
  comment_sealed: string | null;
  created_at: Generated<Date>;
}

export interface SurveyTables {
  visit_surveys: VisitSurveysTable;
}
