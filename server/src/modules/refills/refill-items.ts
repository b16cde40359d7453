import type { RefillDecision, RefillReason, RefillRequestItem, RefillTimelineEvent } from "@portico/contracts";
import { sql } from "kysely";
import type { Config } from "../../config.ts";
import type { Database } from "../../db/database.ts";
import type { AccessService } from "../../platform/access/patient-access.ts";
import type { AuditLog } from "../../platform/audit/audit-log.ts";
import type { Clock } from "../../platform/clock.ts";
import type { FieldCipher } from "../../platform/crypto.ts";
import type { JobQueue } from "../../platform/jobs/index.ts";
import type { Logger } from "../../platform/logging.ts";
import type { Mailer } from "../../platform/mail/mailer.ts";
import type { currentDb } from "../../platform/transaction.ts";
import type { WorkQueueService } from "../../platform/work-queue/work-queue.ts";
import type { PharmacyAdapter } from "./pharmacy.ts";
import type { RefillProtocolService } from "./protocols.ts";
import { denialReasonSeal } from "./seals.ts";

/** What the refill parts share: their dependencies, a request item's row and how it reads. */

export type Db = ReturnType<typeof currentDb>;

export const REFILL_QUEUE = "refills" as const;
export const REFILL_SUBJECT = "refill_request_item";
export const HOUR_MS = 3_600_000;

export const PATIENT_NAME = sql<string>`coalesce(p.preferred_name, p.legal_given_name) || ' ' || p.legal_family_name`;
export const json = <T>(value: unknown): T => (typeof value === "string" ? JSON.parse(value) : value) as T;

export interface RefillServiceDeps {
  db: Database;
  clock: Clock;
  access: AccessService;
  audit: AuditLog;
  jobs: JobQueue;
  mailer: Mailer;
  logger: Logger;
  config: Pick<Config, "publicUrl">;
  protocols: RefillProtocolService;
  workQueue: WorkQueueService;
  pharmacy: PharmacyAdapter;
  cipher: FieldCipher;
}

/** What the chart's medication and lab-result lists are built from. */
export type ChartListDeps = Pick<RefillServiceDeps, "db" | "clock" | "access" | "audit" | "cipher" | "protocols">;

export type ItemRow = {
  id: string;
  request_id: string;
  patient_id: string;
  medication_id: string;
  medication_name: string;
  status: "queued" | "approved" | "denied";
  rule: RefillDecision["rule"];
  protocol_version: number;
  possible_from: string | null;
  reasons: unknown;
  automatic: boolean;
  requested_at: Date;
  decided_at: Date | null;
  decided_by_name: string | null;
  approved_quantity: number | null;
  approved_refills: number | null;
  denial_reason_sealed: string | null;
  delivery_status: "pending" | "sent" | "failed" | null;
  delivery_attempts: number;
  sent_at: Date | null;
  failed_at: Date | null;
};

export function selectItems(db: Db) {
  return db
    .selectFrom("refill_request_items as i")
    .innerJoin("medications as m", "m.id", "i.medication_id")
    .leftJoin("users as du", "du.id", "i.decided_by")
    .select([
      "i.id",
      "i.request_id",
      "i.patient_id",
      "i.medication_id",
      "m.name as medication_name",
      "i.status",
      "i.rule",
      "i.protocol_version",
      "i.possible_from",
      "i.reasons",
      "i.automatic",
      "i.requested_at",
      "i.decided_at",
      "du.display_name as decided_by_name",
      "i.approved_quantity",
      "i.approved_refills",
      "i.denial_reason_sealed",
      "i.delivery_status",
      "i.delivery_attempts",
      "i.sent_at",
      "i.failed_at",
    ]);
}

function decisionOf(row: ItemRow): RefillDecision {
  const approvedByProtocol = row.rule === "refill_from_remaining" || row.rule === "renewal_under_protocol";
  return {
    outcome: approvedByProtocol ? "approved" : "queued",
    rule: row.rule,
    protocolVersion: row.protocol_version,
    possibleFrom: row.possible_from,
    reasons: json<RefillReason[]>(row.reasons) ?? [],
  };
}

function timelineOf(row: ItemRow): RefillTimelineEvent[] {
  const at = (d: Date) => d.toISOString();
  const events: RefillTimelineEvent[] = [{ at: at(row.requested_at), event: "requested", automatic: true }];
  if (decisionOf(row).outcome === "queued") events.push({ at: at(row.requested_at), event: "queued", automatic: true });
  if (row.status !== "queued" && row.decided_at) {
    events.push({ at: at(row.decided_at), event: row.status, automatic: row.automatic });
  }
  if (row.sent_at) events.push({ at: at(row.sent_at), event: "sent_to_pharmacy", automatic: true });
  if (row.failed_at) events.push({ at: at(row.failed_at), event: "delivery_failed", automatic: true });
  return events;
}

export function presentItem(row: ItemRow, cipher: FieldCipher): RefillRequestItem {
  return {
    id: row.id,
    medication: { id: row.medication_id, name: row.medication_name },
    status: row.status,
    decision: decisionOf(row),
    review:
      !row.automatic && row.decided_at
        ? {
            by: row.decided_by_name ?? "",
            at: row.decided_at.toISOString(),
            quantity: row.approved_quantity,
            refills: row.approved_refills,
            denialReason: row.denial_reason_sealed
              ? cipher.open(row.denial_reason_sealed, denialReasonSeal(row.id))
              : null,
          }
        : null,
    delivery: row.delivery_status
      ? {
          status: row.delivery_status,
          sentAt: row.sent_at ? row.sent_at.toISOString() : null,
          attempts: row.delivery_attempts,
        }
      : null,
    timeline: timelineOf(row),
  };
}
