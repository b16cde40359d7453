import type { ApproveRefillRequest, BulkApproveRefillsResult, RefillQueueItem } from "@portico/contracts";
import type { PatientAccess } from "../../platform/access/patient-access.ts";
import type { AuditDetails } from "../../platform/audit/audit-log.ts";
import { currentContext } from "../../platform/context.ts";
import { DomainError, notFound } from "../../platform/errors.ts";
import { clinicToday } from "../../platform/time-zones.ts";
import { currentDb, inTransaction } from "../../platform/transaction.ts";
import { recordMedicationEvent, selectMedications } from "./medications.ts";
import { sendPrescription } from "./pharmacy-delivery.ts";
import { type Db, REFILL_QUEUE, REFILL_SUBJECT, type RefillServiceDeps } from "./refill-items.ts";
import { notifyDecision, requestFacts } from "./refill-notices.ts";
import { afterDecision, type QueueRow, queueItem, queueSelect } from "./refill-queue.ts";
import { denialReasonSeal } from "./seals.ts";

/**
 * A clinician's decisions on the refill queue: approve (a new prescription: quantity and
 * refills), deny (with the reason the patient sees), bulk approve what the protocol covers.
 * Each locks the item (two clinicians deciding at once decide once), completes its work
 * item, is audited and tells the patient.
 */

async function loadForDecision(d: RefillServiceDeps, trx: Db, itemId: string, action: string) {
  const row = await queueSelect(trx, currentContext().actor).where("i.id", "=", itemId).executeTakeFirst();
  if (!row) {
    await d.audit.recordIndependent({
      action,
      resourceType: "refill_request_item",
      resourceId: itemId,
      outcome: "denied",
      details: { reason: "not_in_their_queue" },
    });
    throw notFound("refill request");
  }
  const access = await d.access.authorizePatient(row.patient_id, {
    scope: "medications",
    action: "write",
    resourceType: "refill_request_item",
    resourceId: itemId,
    auditAction: action,
    reason: { queue: REFILL_QUEUE, itemId },
  });
  // the row, locked: two clinicians deciding at once decide once
  await trx.selectFrom("refill_request_items").select("id").where("id", "=", itemId).forUpdate().execute();
  const fresh = await trx
    .selectFrom("refill_request_items")
    .select("status")
    .where("id", "=", itemId)
    .executeTakeFirstOrThrow();
  if (fresh.status !== "queued") {
    throw new DomainError("refill_already_decided", "This request has already been decided.");
  }
  return { row, access };
}

/** A decision's end: the work item done, the audit row, the decision email. */
async function closeDecision(
  d: RefillServiceDeps,
  trx: Db,
  decided: { row: QueueRow; access: PatientAccess; itemId: string },
  outcome: "approve" | "deny",
  details: AuditDetails,
): Promise<void> {
  const { row, access, itemId } = decided;
  await d.workQueue.complete(REFILL_QUEUE, { type: REFILL_SUBJECT, id: itemId });
  await d.audit.record({
    action: outcome,
    resourceType: "refill_request_item",
    resourceId: itemId,
    patientId: row.patient_id,
    actingAs: access.basis,
    details,
  });
  await notifyDecision(
    d,
    trx,
    row.patient_id,
    outcome === "approve" ? "approved" : "denied",
    await requestFacts(trx, row.request_id, row.medication_id),
  );
}

export async function approveRefill(
  d: RefillServiceDeps,
  itemId: string,
  input: ApproveRefillRequest,
): Promise<RefillQueueItem> {
  await d.access.authorizeStaff(["nurse", "physician"], {
    resourceType: "refill_request_item",
    action: "approve",
  });
  await inTransaction(d.db, (trx) => approveQueued(d, trx, itemId, input));
  return afterDecision(d, itemId);
}

async function approveQueued(
  d: RefillServiceDeps,
  trx: Db,
  itemId: string,
  input: ApproveRefillRequest,
): Promise<void> {
  const { row, access } = await loadForDecision(d, trx, itemId, "approve");
  const [medication] = await selectMedications(trx, access, [row.medication_id]);
  if (!medication || medication.status === "stopped") {
    throw new DomainError("medication_stopped", "This medication has been stopped: deny the request instead.");
  }
  const now = d.clock.now();
  const actor = currentContext().actor;
  await trx
    .updateTable("refill_request_items")
    .set({
      status: "approved",
      automatic: false,
      decided_at: now,
      decided_by: actor.userId,
      approved_quantity: input.quantity,
      approved_refills: input.refills,
      delivery_status: "pending",
    })
    .where("id", "=", itemId)
    .execute();
  await sendPrescription(d, trx, access, {
    itemId,
    medication,
    quantity: input.quantity,
    refills: input.refills,
    renewal: true,
    byUserId: actor.userId,
    pharmacyId: row.pharmacy_id,
    now,
    today: await clinicToday(trx, now),
  });
  await closeDecision(d, trx, { row, access, itemId }, "approve", {
    quantity: input.quantity,
    refills: input.refills,
    rule: row.rule,
  });
}

export async function denyRefill(d: RefillServiceDeps, itemId: string, reason: string): Promise<RefillQueueItem> {
  await d.access.authorizeStaff(["nurse", "physician"], {
    resourceType: "refill_request_item",
    action: "deny",
  });
  await inTransaction(d.db, async (trx) => {
    const { row, access } = await loadForDecision(d, trx, itemId, "deny");
    const now = d.clock.now();
    const actor = currentContext().actor;
    await trx
      .updateTable("refill_request_items")
      .set({
        status: "denied",
        automatic: false,
        decided_at: now,
        decided_by: actor.userId,
        denial_reason_sealed: d.cipher.seal(reason, denialReasonSeal(itemId)),
      })
      .where("id", "=", itemId)
      .execute();
    await recordMedicationEvent(
      trx,
      {
        medicationId: row.medication_id,
        patientId: row.patient_id,
        event: "refill_denied",
        byUserId: actor.userId,
        reason,
        at: now,
      },
      d.cipher,
    );
    await closeDecision(d, trx, { row, access, itemId }, "deny", { rule: row.rule });
  });
  return afterDecision(d, itemId);
}

export async function bulkApproveRefills(
  d: RefillServiceDeps,
  itemIds: readonly string[],
): Promise<BulkApproveRefillsResult> {
  await d.access.authorizeStaff(["nurse", "physician"], {
    resourceType: "refill_request_item",
    action: "bulk_approve",
  });
  const result: BulkApproveRefillsResult = { approved: [], skipped: [] };
  for (const id of itemIds) {
    const row = await queueSelect(currentDb(d.db), currentContext().actor).where("i.id", "=", id).executeTakeFirst();
    if (row?.status !== "queued") {
      result.skipped.push({ id, reason: "not_found" });
      continue;
    }
    let item: RefillQueueItem;
    try {
      item = await queueItem(d, row);
    } catch (error) {
      // a chart no longer reachable (merged, not active): skipped like a missing one
      if (error instanceof DomainError && error.status < 500) {
        result.skipped.push({ id, reason: "not_found" });
        continue;
      }
      throw error;
    }
    if (!item.abilities.canBulkApprove) {
      result.skipped.push({ id, reason: "not_bulk_approvable" });
      continue;
    }
    try {
      await inTransaction(d.db, (trx) => approveQueued(d, trx, id, item.suggested));
      result.approved.push(id);
    } catch (error) {
      if (error instanceof DomainError && error.status < 500) result.skipped.push({ id, reason: "not_found" });
      else throw error;
    }
  }
  return result;
}
