import type { ColumnType } from "kysely";
import type { ProxyRelationship, ProxyScope } from "./people.ts";
import type { Generated, Json, JsonWithDefault } from "./types.ts";

/** Columns added to `patients` by 0006_registration (joined into `PatientsTable` in schema.ts). */
export interface PatientRegistrationColumns {
  emergency_contact: Json | null;
  preferred_pharmacy_id: string | null;
  merged_into_id: string | null;
  merged_at: Date | null;
  registration_source: Generated<"staff" | "self" | "import">;
  possible_duplicate_ids: ColumnType<string[], string[] | undefined, string[]>;
  duplicate_override_reason: string | null;
  duplicate_override_by: string | null;
  verified_at: Date | null;
  verified_by: string | null;
  created_by: string | null;
  /** generated: normalised "given family preferred" (lower case, no accents or punctuation) */
  search_name: ColumnType<string, never, never>;
  /** generated: the last ten digits of `phone` */
  phone_digits: ColumnType<string | null, never, never>;
  /** generated: lower-case `email` */
  email_normalized: ColumnType<string | null, never, never>;
}

export interface PharmaciesTable {
  id: Generated<string>;
  name: string;
  address: JsonWithDefault;
  phone: string | null;
  fax: string | null;
  ncpdp_id: string | null;
  active: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export type StoredContentType = "image/jpeg" | "image/png" | "image/heic" | "application/pdf";

export interface FilesTable {
  id: Generated<string>;
  patient_id: string;
  kind: string;
  content_type: StoredContentType;
  size_bytes: number;
  sha256: string;
  sealed_content: string;
  uploaded_by: string | null;
  created_at: Generated<Date>;
}

export type CoverageRank = "primary" | "secondary";
export type SubscriberRelationship = "self" | "spouse" | "parent" | "other";

export interface InsuranceCoveragesTable {
  id: Generated<string>;
  patient_id: string;
  rank: CoverageRank;
  payer_name: string;
  member_id: string;
  group_number: string | null;
  subscriber_name: string;
  subscriber_relationship: SubscriberRelationship;
  card_front_file_id: string | null;
  card_back_file_id: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface IdentityChangeRequestsTable {
  id: Generated<string>;
  patient_id: string;
  requested_by: string;
  changes: Json;
  reason: string;
  status: Generated<"pending" | "approved" | "denied">;
  decided_by: string | null;
  decided_at: Date | null;
  decision_note: string | null;
  created_at: Generated<Date>;
}

export interface ProxyInvitationsTable {
  id: Generated<string>;
  patient_id: string;
  invited_by: string;
  email: string;
  relationship: ProxyRelationship;
  scopes: ProxyScope[];
  ends_at: Date | null;
  token_hash: string;
  expires_at: Date;
  accepted_at: Date | null;
  accepted_by: string | null;
  grant_id: string | null;
  revoked_at: Date | null;
  /** made by the front desk for someone without an account (migration 0018), not by the patient */
  from_clinic: Generated<boolean>;
  /** the front desk's recorded reason, carried onto the grant (migration 0018) */
  reason: string | null;
  /** the language the sender chose, for an invitee without an account (migration 0016) */
  locale: Generated<"en" | "es">;
  created_at: Generated<Date>;
}

export interface StaffInvitationsTable {
  id: Generated<string>;
  user_id: string;
  token_hash: string;
  invited_by: string | null;
  expires_at: Date;
  used_at: Date | null;
  created_at: Generated<Date>;
}

export interface PatientMergesTable {
  id: Generated<string>;
  source_patient_id: string;
  target_patient_id: string;
  merged_by: string | null;
  reason: string;
  moved: Json;
  created_at: Generated<Date>;
}

export interface RegistrationTables {
  pharmacies: PharmaciesTable;
  files: FilesTable;
  insurance_coverages: InsuranceCoveragesTable;
  identity_change_requests: IdentityChangeRequestsTable;
  proxy_invitations: ProxyInvitationsTable;
  staff_invitations: StaffInvitationsTable;
  patient_merges: PatientMergesTable;
}
