import type { Generated } from "./types.ts";

/** migrations/0042_smart_apps.sql: apps registered by an administrator */
export interface SmartClientsTable {
  client_id: string;
  name: string;
  confidential: boolean;
  /** FieldCipher-sealed secret (confidential clients only) */
  secret_sealed: string | null;
  redirect_uris: string[];
  created_at: Generated<Date>;
  created_by: string | null;
  disabled_at: Date | null;
}

/** oidc-provider's stored models (modules/smart/adapter.ts) */
export interface OauthPayloadsTable {
  model: string;
  id: string;
  payload: unknown;
  grant_id: string | null;
  uid: string | null;
  expires_at: Date | null;
  consumed_at: Date | null;
}

/** one app's access to one patient, given by a user */
export interface SmartGrantsTable {
  grant_id: string;
  client_id: string;
  user_id: string;
  patient_id: string;
  scopes: string[];
  created_at: Date;
  revoked_at: Date | null;
}

export interface SmartKeysTable {
  kid: string;
  jwk_sealed: string;
  created_at: Generated<Date>;
}

export interface SmartTables {
  smart_clients: SmartClientsTable;
  oauth_payloads: OauthPayloadsTable;
  smart_grants: SmartGrantsTable;
  smart_keys: SmartKeysTable;
}
