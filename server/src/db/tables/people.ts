import type { DateString, Generated, JsonWithDefault } from "./types.ts";

export type StaffRole = "front_desk" | "nurse" | "physician" | "admin";
export type ProxyScope = "appointments" | "messages" | "medications" | "referrals" | "health_updates" | "records";
export type ProxyRelationship =
  | "parent"
  | "guardian"
  | "spouse"
  | "child"
  | "caregiver"
  | "legal_representative"
  | "other";

export interface LocationsTable {
  id: Generated<string>;
  name: string;
  address: JsonWithDefault;
  phone: string | null;
  time_zone: string;
  hours: JsonWithDefault;
  active: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  email_normalized: string;
  display_name: string;
  password_hash: string | null;
  locale: Generated<"en" | "es">;
  status: Generated<"active" | "disabled">;
  mfa_secret: string | null;
  mfa_enabled_at: Date | null;
  password_changed_at: Date | null;
  last_login_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface UserRolesTable {
  user_id: string;
  role: StaffRole;
}

export interface ProvidersTable {
  id: Generated<string>;
  user_id: string | null;
  display_name: string;
  specialty: string;
  accepting_new_patients: Generated<boolean>;
  active: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface ProviderLocationsTable {
  provider_id: string;
  location_id: string;
}

/** Why front desk rejected a self-registration; the applicant's email says it in their language. */
export type RegistrationRejectionReason =
  | "duplicate_record"
  | "details_not_confirmed"
  | "not_accepting_patients"
  | "other";

export interface PatientsTable {
  id: Generated<string>;
  mrn: string;
  user_id: string | null;
  legal_given_name: string;
  legal_family_name: string;
  preferred_name: string | null;
  date_of_birth: DateString;
  sex: "female" | "male" | "other" | "unknown";
  gender_identity: string | null;
  phone: string | null;
  email: string | null;
  address: JsonWithDefault;
  preferred_language: Generated<string>;
  /** IANA zone video visits are shown in (migration 0017); null: the clinic's first location's */
  time_zone: Generated<string | null>;
  status: Generated<"active" | "pending_verification" | "merged" | "rejected">;
  /** a self-registration front desk rejected (migration 0016) */
  rejected_at: Date | null;
  rejected_by: string | null;
  rejection_reason: RegistrationRejectionReason | null;
  rejection_note: string | null;
  pcp_provider_id: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ProxyGrantsTable {
  id: Generated<string>;
  patient_id: string;
  proxy_user_id: string;
  relationship: ProxyRelationship;
  scopes: ProxyScope[];
  starts_at: Generated<Date>;
  ends_at: Date | null;
  granted_by: string | null;
  reason: string | null;
  revoked_at: Date | null;
  revoked_by: string | null;
  created_at: Generated<Date>;
}

export interface PeopleTables {
  locations: LocationsTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  providers: ProvidersTable;
  provider_locations: ProviderLocationsTable;
  patients: PatientsTable;
  proxy_grants: ProxyGrantsTable;
}
