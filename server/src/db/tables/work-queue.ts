import type { Generated } from "./types.ts";

/** migrations/0022_work_queue.sql: the shared staff work queue. */
export interface WorkItemsTable {
  id: Generated<string>;
  queue: string;
  patient_id: string;
  subject_type: string;
  subject_id: string;
  provider_id: string | null;
  status: Generated<"open" | "claimed" | "done" | "cancelled">;
  assignee_user_id: string | null;
  due_at: Date;
  created_at: Generated<Date>;
  claimed_at: Date | null;
  completed_at: Date | null;
  completed_by: string | null;
  /** migrations/0025_messaging.sql: the message pool whose members work it (messages only) */
  pool_id: Generated<string | null>;
}

export interface WorkQueueTables {
  work_items: WorkItemsTable;
}
