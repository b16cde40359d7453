import type { RefillQueue, RefillQueueItem, RefillQueueQuery } from "@portico/contracts";
import type { Actor } from "../../platform/context.ts";
import { currentContext } from "../../platform/context.ts";
import { DomainError, notFound } from "../../platform/errors.ts";
import { clinicToday } from "../../platform/time-zones.ts";
import { currentDb } from "../../platform/transaction.ts";
import { visibleTo } from "../../platform/work-queue/visibility.ts";
import { latestLabDays } from "./lab-results.ts";
import { presentMedications, selectMedications } from "./medications.ts";
import { daysBetween, labChecks } from "./protocol-engine.ts";
import {
  type Db,
  HOUR_MS,
  type ItemRow,
  PATIENT_NAME,
  presentItem,
  REFILL_QUEUE,
  REFILL_SUBJECT,
  type RefillServiceDeps,
  selectItems,
} from "./refill-items.ts";

/**
 * The clinicians' refill queue (`refills` on the shared work queue): the items the caller may
 * see, each read as queue work (audited with the queue as the reason) with what the protocol
 * found, the labs as they stand today and what may be done with it.
 */

/** Request items with their patient, pharmacy and work item, limited to the work items the actor may see. */
export function queueSelect(db: Db, actor: Actor) {
  return selectItems(db)
    .innerJoin("refill_requests as r", "r.id", "i.request_id")
    .innerJoin("patients as p", "p.id", "i.patient_id")
    .innerJoin("pharmacies as ph", "ph.id", "r.pharmacy_id")
    .innerJoin("work_items as w", (j) =>
      j.onRef("w.subject_id", "=", "i.id").on("w.subject_type", "=", REFILL_SUBJECT).on("w.queue", "=", REFILL_QUEUE),
    )
    .where(visibleTo(actor, "w"))
    .select([
      PATIENT_NAME.as("patient_name"),
      "p.date_of_birth",
      "ph.id as pharmacy_id",
      "ph.name as pharmacy_name",
      "m.prescriber_id",
      "m.controlled_schedule",
      "m.protocol_class",
      "m.quantity as medication_quantity",
      "m.refills_remaining as medication_refills",
      "m.refills_authorized",
      "m.status as medication_status",
    ]);
}

export type QueueRow = Awaited<ReturnType<ReturnType<typeof queueSelect>["execute"]>>[number];

export async function refillQueue(d: RefillServiceDeps, query: RefillQueueQuery): Promise<RefillQueue> {
  await d.access.authorizeStaff(["nurse", "physician"], { resourceType: "refill_queue", action: "read" });
  const db = currentDb(d.db);
  const now = d.clock.now();
  const status = query.status ?? "queued";
  const rows = await queueSelect(db, currentContext().actor)
    .where("i.status", "=", status)
    .$if(query.prescriberId !== undefined, (q) => q.where("m.prescriber_id", "=", query.prescriberId as string))
    .$if(query.minAgeHours !== undefined, (q) =>
      q.where("i.requested_at", "<=", new Date(now.getTime() - (query.minAgeHours as number) * HOUR_MS)),
    )
    .orderBy("i.requested_at", status === "queued" ? "asc" : "desc")
    .limit(query.limit ?? 100)
    .execute();
  const items: RefillQueueItem[] = [];
  for (const row of rows) {
    try {
      items.push(await queueItem(d, row));
    } catch (error) {
      // a chart no longer reachable (not active) leaves the list rather than failing it
      if (!(error instanceof DomainError && error.status < 500)) throw error;
    }
  }
  const prescribers = await db
    .selectFrom("work_items as w")
    .innerJoin("providers as pr", "pr.id", "w.provider_id")
    .where("w.queue", "=", REFILL_QUEUE)
    .where(visibleTo(currentContext().actor, "w"))
    .select(["pr.id", "pr.display_name"])
    .distinct()
    .orderBy("pr.display_name")
    .execute();
  return { items, prescribers: prescribers.map((p) => ({ id: p.id, displayName: p.display_name })) };
}

export async function queueItem(d: RefillServiceDeps, row: QueueRow): Promise<RefillQueueItem> {
  // each item is read as queue work: the patient check with the queue as the reason (audited)
  const access = await d.access.authorizePatient(row.patient_id, {
    scope: "medications",
    action: "read",
    resourceType: "refill_request_item",
    resourceId: row.id,
    reason: { queue: REFILL_QUEUE, itemId: row.id },
  });
  const db = currentDb(d.db);
  const [medicationRow] = await selectMedications(db, access, [row.medication_id]);
  const protocol = await d.protocols.current();
  const [medication] = await presentMedications(
    db,
    medicationRow ? [medicationRow] : [],
    protocol,
    {
      canRequestRefills: false,
      // while the item is open the clinician works it (and may change the medication)
      canEdit: row.status === "queued",
    },
    d.cipher,
  );
  const work = (await d.workQueue.forSubjects(REFILL_QUEUE, REFILL_SUBJECT, [row.id])).get(row.id) ?? null;
  const item = row as unknown as ItemRow;
  const presented = presentItem(item, d.cipher);
  const queued = row.status === "queued";
  const now = d.clock.now();
  const today = await clinicToday(db, now);
  const early = row.possible_from !== null && daysBetween(today, row.possible_from) > 0;
  const covered = row.protocol_class !== null && protocol.classes.some((c) => c.code === row.protocol_class);
  // the lab rule as the version that decided reads it today (a result recorded since shows)
  const labs = labChecks(
    row.protocol_class,
    await latestLabDays(db, access),
    await d.protocols.rulesAt(presented.decision.protocolVersion),
    today,
  );
  return {
    id: row.id,
    requestId: row.request_id,
    requestedAt: row.requested_at.toISOString(),
    ageHours: Math.max(0, Math.floor((now.getTime() - row.requested_at.getTime()) / HOUR_MS)),
    patient: { id: row.patient_id, displayName: row.patient_name, dateOfBirth: row.date_of_birth },
    pharmacy: { id: row.pharmacy_id, name: row.pharmacy_name },
    medication: medication as RefillQueueItem["medication"],
    status: row.status,
    decision: presented.decision,
    review: presented.review,
    delivery: presented.delivery,
    suggested: {
      quantity: row.medication_quantity,
      refills: row.medication_refills > 0 ? row.medication_refills - 1 : row.refills_authorized,
    },
    workItem: work ?? null,
    labs,
    abilities: {
      canApprove: queued,
      canDeny: queued,
      canBulkApprove:
        queued && row.controlled_schedule === "none" && covered && !early && row.medication_status === "active",
    },
  } satisfies RefillQueueItem;
}

/** An item as the queue shows it once decided (the answer to approve and deny). */
export async function afterDecision(d: RefillServiceDeps, itemId: string): Promise<RefillQueueItem> {
  const row = await queueSelect(currentDb(d.db), currentContext().actor).where("i.id", "=", itemId).executeTakeFirst();
  if (!row) throw notFound("refill request");
  return queueItem(d, row);
}
