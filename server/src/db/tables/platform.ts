import type { Generated, Json, JsonWithDefault } from "./types.ts";

export interface JobsTable {
  id: Generated<number>;
  queue: string;
  payload: Json;
  status: Generated<"pending" | "running" | "done" | "failed">;
  run_at: Generated<Date>;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  locked_until: Date | null;
  last_error: string | null;
  dedupe_key: string | null;
  created_at: Generated<Date>;
  finished_at: Date | null;
}

export interface IdempotencyKeysTable {
  scope: string;
  key: string;
  method: string;
  path: string;
  request_hash: string;
  status_code: number | null;
  response_body: string | null;
  created_at: Generated<Date>;
  completed_at: Date | null;
}

export interface DevMailboxTable {
  id: Generated<number>;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  attachments: JsonWithDefault;
  created_at: Generated<Date>;
}

export interface SettingsTable {
  key: string;
  value: Json;
  updated_at: Generated<Date>;
}

export interface PlatformTables {
  jobs: JobsTable;
  idempotency_keys: IdempotencyKeysTable;
  dev_mailbox: DevMailboxTable;
  settings: SettingsTable;
}
