import type { RefillDecision } from "@portico/contracts";
import type { PatientAccess } from "../../platform/access/patient-access.ts";
import { patientRows } from "../../platform/access/scoped-query.ts";
import { clinicToday } from "../../platform/time-zones.ts";
import { latestLabDays } from "./lab-results.ts";
import type { MedicationRow } from "./medications.ts";
import { sendPrescription } from "./pharmacy-delivery.ts";
import { decideRefill } from "./protocol-engine.ts";
import { type Db, REFILL_QUEUE, REFILL_SUBJECT, type RefillServiceDeps } from "./refill-items.ts";

/**
 * The protocol's decision when a request comes in: for each medication, the clinic's current
 * protocol (protocol-engine.ts) reads the prescription, the last visit with its prescriber and
 * the latest labs; approved at once (the prescription goes to the pharmacy) or queued for a
 * clinician on the refill queue. Every decision is audited as the system's.
 */

/** What the protocol reads of the patient, gathered once for a request; `decide` for each medication. */
export async function protocolFacts(
  d: RefillServiceDeps,
  trx: Db,
  access: PatientAccess,
  rows: readonly MedicationRow[],
  now: Date,
) {
  const protocol = await d.protocols.current();
  const today = await clinicToday(trx, now);
  const prescribers = [...new Set(rows.map((r) => r.prescriber_id).filter((p): p is string => p !== null))];
  const visits = prescribers.length
    ? await patientRows(access, "medications", "write")
        .selectFrom(trx, "appointments")
        .select(["provider_id", (eb) => eb.fn.max(eb.fn.coalesce("completed_at", "ends_at")).as("last")])
        .where("provider_id", "in", prescribers)
        .where("status", "=", "completed")
        .groupBy("provider_id")
        .execute()
    : [];
  const lastVisit = new Map(visits.map((v) => [v.provider_id, v.last]));
  const latestLabOn = await latestLabDays(trx, access);
  const zoneDay = async (day: Date | string | null | undefined) =>
    day ? clinicToday(trx, day instanceof Date ? day : new Date(day)) : null;
  return {
    today,
    decide: async (medication: MedicationRow): Promise<RefillDecision> =>
      decideRefill(
        {
          refillsRemaining: medication.refills_remaining,
          daysSupply: medication.days_supply,
          lastFilledOn: medication.last_filled_on,
          controlledSchedule: medication.controlled_schedule,
          protocolClass: medication.protocol_class,
          prescriberId: medication.prescriber_id,
        },
        {
          lastVisitWithPrescriberOn: medication.prescriber_id
            ? await zoneDay(lastVisit.get(medication.prescriber_id))
            : null,
          latestLabOn,
        },
        protocol,
        today,
      ),
  };
}

/**
 * One medication's item of a request, as decided: written with the decision and audited; an
 * approval sends the prescription, a queued one goes on the refill queue (to the prescriber).
 * Returns whether it was approved.
 */
export async function fileDecidedItem(
  d: RefillServiceDeps,
  trx: Db,
  access: PatientAccess,
  item: {
    requestId: string;
    patientId: string;
    medication: MedicationRow;
    decision: RefillDecision;
    pharmacyId: string;
    now: Date;
    today: string;
  },
): Promise<boolean> {
  const { medication, decision, patientId, now } = item;
  const isApproved = decision.outcome === "approved";
  const renewal = decision.rule === "renewal_under_protocol";
  const refills = renewal ? medication.refills_authorized : medication.refills_remaining - 1;
  const row = await trx
    .insertInto("refill_request_items")
    .values({
      request_id: item.requestId,
      patient_id: patientId,
      medication_id: medication.id,
      status: isApproved ? "approved" : "queued",
      rule: decision.rule,
      protocol_version: decision.protocolVersion,
      possible_from: decision.possibleFrom,
      reasons: JSON.stringify(decision.reasons),
      automatic: isApproved,
      requested_at: now,
      decided_at: isApproved ? now : null,
      approved_quantity: isApproved ? medication.quantity : null,
      approved_refills: isApproved ? refills : null,
      delivery_status: isApproved ? "pending" : null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await d.audit.record({
    action: "decide",
    resourceType: "refill_request_item",
    resourceId: row.id,
    patientId,
    actingAs: "system",
    details: { rule: decision.rule, outcome: decision.outcome, protocolVersion: decision.protocolVersion },
  });
  if (isApproved) {
    await sendPrescription(d, trx, access, {
      itemId: row.id,
      medication,
      quantity: medication.quantity,
      refills,
      renewal,
      byUserId: null,
      pharmacyId: item.pharmacyId,
      now,
      today: item.today,
    });
  } else {
    await d.workQueue.add({
      queue: REFILL_QUEUE,
      patientId,
      subject: { type: REFILL_SUBJECT, id: row.id },
      providerId: medication.prescriber_id,
    });
  }
  return isApproved;
}
