import type { PatientAccess } from "../../platform/access/patient-access.ts";
import { patientRows } from "../../platform/access/scoped-query.ts";
import type { Job } from "../../platform/jobs/index.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { type MedicationRow, recordMedicationEvent } from "./medications.ts";
import { buildMedicationRequest, PHARMACY_MAX_ATTEMPTS, PHARMACY_SEND_QUEUE } from "./pharmacy.ts";
import { type Db, json, PATIENT_NAME, type RefillServiceDeps } from "./refill-items.ts";

/**
 * A prescription's way to the pharmacy: an approval writes the new prescription onto the
 * medication and into the outbox (with its delivery job), and the job `refills.pharmacy-send`
 * hands each outbox row to the pharmacy adapter.
 */

/**
 * An approval: the medication takes the new prescription (a refill uses one of its refills; a
 * renewal or a clinician's approval sets quantity and refills), its history says so, and the
 * prescription goes to the outbox with a delivery job — all in the caller's transaction.
 */
export async function sendPrescription(
  d: RefillServiceDeps,
  trx: Db,
  access: PatientAccess,
  a: {
    itemId: string;
    medication: MedicationRow;
    quantity: number;
    refills: number;
    renewal: boolean;
    byUserId: string | null;
    pharmacyId: string;
    now: Date;
    today: string;
  },
): Promise<void> {
  const m = a.medication;
  await trx
    .updateTable("medications")
    .set(
      a.renewal
        ? {
            quantity: a.quantity,
            refills_remaining: a.refills,
            refills_authorized: a.refills,
            last_filled_on: a.today,
            updated_at: a.now,
          }
        : { refills_remaining: a.refills, last_filled_on: a.today, updated_at: a.now },
    )
    .where("id", "=", m.id)
    .execute();
  await recordMedicationEvent(
    trx,
    {
      medicationId: m.id,
      patientId: m.patient_id,
      event: a.renewal ? "renewed" : "refill_sent",
      byUserId: a.byUserId,
      changes: a.renewal
        ? [
            { field: "quantity", from: String(m.quantity), to: String(a.quantity) },
            { field: "refillsRemaining", from: String(m.refills_remaining), to: String(a.refills) },
          ]
        : [{ field: "refillsRemaining", from: String(m.refills_remaining), to: String(a.refills) }],
      at: a.now,
    },
    d.cipher,
  );
  const facts = await patientRows(access, "medications", "write")
    .chart(trx)
    .innerJoin("pharmacies as ph", (j) => j.on("ph.id", "=", a.pharmacyId))
    .leftJoin("providers as pr", (j) => j.on("pr.id", "=", m.prescriber_id ?? "00000000-0000-0000-0000-000000000000"))
    .select([
      PATIENT_NAME.as("patient_name"),
      "ph.name as pharmacy_name",
      "ph.ncpdp_id",
      "pr.id as prescriber_id",
      "pr.display_name as prescriber_name",
    ])
    .executeTakeFirstOrThrow();
  const resource = buildMedicationRequest({
    itemId: a.itemId,
    patient: { id: m.patient_id, name: facts.patient_name },
    medication: { name: m.name, rxnormCode: m.rxnorm_code, directions: m.directions, daysSupply: m.days_supply },
    prescriber:
      facts.prescriber_id && facts.prescriber_name ? { id: facts.prescriber_id, name: facts.prescriber_name } : null,
    pharmacy: { name: facts.pharmacy_name, ncpdpId: facts.ncpdp_id },
    quantity: a.quantity,
    refills: a.refills,
    authoredOn: a.now,
  });
  const outbox = await trx
    .insertInto("pharmacy_outbox")
    .values({
      request_item_id: a.itemId,
      patient_id: m.patient_id,
      pharmacy_id: a.pharmacyId,
      adapter: d.pharmacy.name,
      resource: JSON.stringify(resource),
      created_at: a.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await d.jobs.enqueue(
    PHARMACY_SEND_QUEUE,
    { outboxId: outbox.id },
    { dedupeKey: `pharmacy:${outbox.id}`, maxAttempts: PHARMACY_MAX_ATTEMPTS },
  );
}

/** Hands one outbox row to the pharmacy adapter; idempotent (a sent row is not sent again). */
export async function deliver(
  d: RefillServiceDeps,
  outboxId: string,
  job: Pick<Job, "attempt" | "maxAttempts">,
): Promise<void> {
  const db = d.db;
  const row = await db
    .selectFrom("pharmacy_outbox as o")
    .innerJoin("pharmacies as ph", "ph.id", "o.pharmacy_id")
    .select(["o.id", "o.request_item_id", "o.status", "o.resource", "ph.id as pharmacy_id", "ph.name", "ph.ncpdp_id"])
    .where("o.id", "=", outboxId)
    .executeTakeFirst();
  if (row?.status !== "pending") return;
  const attempt = job.attempt;
  try {
    const sent = await d.pharmacy.transmit({
      outboxId: row.id,
      pharmacy: { id: row.pharmacy_id, name: row.name, ncpdpId: row.ncpdp_id },
      resource: json(row.resource),
    });
    const now = d.clock.now();
    await inTransaction(db, async (trx) => {
      await trx
        .updateTable("pharmacy_outbox")
        .set({ status: "sent", attempts: attempt, sent_at: now, external_id: sent.externalId, last_error: null })
        .where("id", "=", row.id)
        .where("status", "=", "pending")
        .execute();
      await trx
        .updateTable("refill_request_items")
        .set({ delivery_status: "sent", delivery_attempts: attempt, sent_at: now })
        .where("id", "=", row.request_item_id)
        .execute();
    });
  } catch (error) {
    const final = attempt >= job.maxAttempts;
    const now = d.clock.now();
    const message = error instanceof Error ? error.message.slice(0, 300) : "transmission failed";
    await inTransaction(db, async (trx) => {
      await trx
        .updateTable("pharmacy_outbox")
        .set({ attempts: attempt, last_error: message, ...(final ? { status: "failed" as const } : {}) })
        .where("id", "=", row.id)
        .execute();
      await trx
        .updateTable("refill_request_items")
        .set({ delivery_attempts: attempt, ...(final ? { delivery_status: "failed" as const, failed_at: now } : {}) })
        .where("id", "=", row.request_item_id)
        .execute();
    });
    d.logger.warn({ outboxId: row.id, attempt, final }, "pharmacy transmission failed");
    throw error;
  }
}
