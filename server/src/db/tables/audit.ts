import type { ColumnType } from "kysely";
import type { Generated, JsonWithDefault } from "./types.ts";

export type AuditOutcome = "success" | "denied" | "failure";
export type AuditActorKind = "anonymous" | "user" | "system";

/** Append-only: the database refuses UPDATE/DELETE/TRUNCATE (see migrations/0004_audit.sql). */
export interface AuditLogTable {
  id: Generated<number>;
  at: Date;
  actor_user_id: string | null;
  actor_kind: AuditActorKind;
  actor_system_name: string | null;
  actor_roles: ColumnType<string[], string[] | undefined, never>;
  acting_as: string | null;
  patient_id: string | null;
  proxy_grant_id: string | null;
  action: string;
  resource_type: string;
  resource_id: string | null;
  outcome: AuditOutcome;
  ip: string | null;
  user_agent: string | null;
  request_id: string | null;
  details: JsonWithDefault;
  /** filled at commit by the chain trigger */
  seq: ColumnType<number | null, never, never>;
  prev_hash: ColumnType<string | null, never, never>;
  hash: ColumnType<string | null, never, never>;
}

export interface AuditChainHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface AuditTables {
  audit_log: AuditLogTable;
  audit_chain_head: AuditChainHeadTable;
}
