import { randomUUID } from "node:crypto";
import type { ControlledScheduleValue } from "../db/tables/refills.ts";
import { eventReasonSeal, stopReasonSeal } from "../modules/refills/seals.ts";
import { addBusinessDays } from "../platform/work-queue/work-queue.ts";
import type { DemoSeedContext } from "./demo-clinic.ts";

const DAY_MS = 86_400_000;
const day = (now: Date, offset: number) => new Date(now.getTime() + offset * DAY_MS).toISOString().slice(0, 10);

interface DemoMedication {
  key: string;
  patient: string;
  name: string;
  rxnorm: string;
  purpose: string;
  dose: string;
  directions: string;
  quantity: number;
  daysSupply: number;
  refills: number;
  filledDaysAgo: number;
  schedule?: ControlledScheduleValue;
  protocolClass: string | null;
  confidential?: boolean;
  stopped?: string;
}

/**
 * Refills for the demo (SPEC §7): a protocol covering common chronic classes, and medications
 * for Alex Rivera that exercise every rule of the refill protocol — refills left (Lisinopril),
 * renewable under protocol (Atorvastatin: visit with Dr. Okafor 90 days ago), too early
 * (Metformin), controlled (Alprazolam, schedule IV), needing a recent lab (Levothyroxine: the
 * last TSH is 500 days old), queued for the prescriber (Sertraline: class not covered). Sam has
 * a request already waiting in the refill queue; Taylor (15) has a confidential medication her
 * parent never sees.
 */
export async function seedDemoRefills(ctx: DemoSeedContext): Promise<void> {
  const { trx, now, ids } = ctx;
  const okafor = ids["provider:okafor"] as string;
  await trx
    .insertInto("refill_protocols")
    .values({
      version: 2,
      classes: JSON.stringify([
        { code: "antihypertensive", label: "Blood pressure" },
        { code: "statin", label: "Cholesterol" },
        { code: "diabetes", label: "Diabetes" },
        { code: "thyroid", label: "Thyroid" },
      ]),
      visit_window_days: 365,
      lab_requirements: JSON.stringify([
        { classCode: "thyroid", labCode: "tsh", labName: "TSH (thyroid test)", maxAgeDays: 365 },
        { classCode: "diabetes", labCode: "a1c", labName: "Hemoglobin A1c", maxAgeDays: 180 },
      ]),
      early_refill_fraction: 2 / 3,
      created_by: ids["user:admin"] ?? null,
      created_at: new Date(now.getTime() - 30 * DAY_MS),
    })
    .execute();

  const meds: DemoMedication[] = [
    {
      key: "lisinopril",
      patient: "alex",
      name: "Lisinopril 10 mg tablet",
      rxnorm: "314076",
      purpose: "Blood pressure",
      dose: "10 mg",
      directions: "Take 1 tablet by mouth once a day",
      quantity: 30,
      daysSupply: 30,
      refills: 3,
      filledDaysAgo: 25,
      protocolClass: "antihypertensive",
    },
    {
      key: "atorvastatin",
      patient: "alex",
      name: "Atorvastatin 20 mg tablet",
      rxnorm: "617310",
      purpose: "Cholesterol",
      dose: "20 mg",
      directions: "Take 1 tablet by mouth at bedtime",
      quantity: 90,
      daysSupply: 90,
      refills: 0,
      filledDaysAgo: 80,
      protocolClass: "statin",
    },
    {
      key: "metformin",
      patient: "alex",
      name: "Metformin 500 mg tablet",
      rxnorm: "861007",
      purpose: "Blood sugar (diabetes)",
      dose: "500 mg",
      directions: "Take 1 tablet by mouth twice a day with meals",
      quantity: 60,
      daysSupply: 30,
      refills: 2,
      filledDaysAgo: 5,
      protocolClass: "diabetes",
    },
    {
      key: "alprazolam",
      patient: "alex",
      name: "Alprazolam 0.25 mg tablet",
      rxnorm: "308047",
      purpose: "Anxiety",
      dose: "0.25 mg",
      directions: "Take 1 tablet by mouth up to twice a day when needed for anxiety",
      quantity: 30,
      daysSupply: 30,
      refills: 1,
      filledDaysAgo: 28,
      schedule: "IV",
      protocolClass: null,
    },
    {
      key: "levothyroxine",
      patient: "alex",
      name: "Levothyroxine 50 mcg tablet",
      rxnorm: "966222",
      purpose: "Thyroid",
      dose: "50 mcg",
      directions: "Take 1 tablet by mouth every morning on an empty stomach",
      quantity: 90,
      daysSupply: 90,
      refills: 0,
      filledDaysAgo: 70,
      protocolClass: "thyroid",
    },
    {
      key: "sertraline",
      patient: "alex",
      name: "Sertraline 50 mg tablet",
      rxnorm: "312941",
      purpose: "Mood",
      dose: "50 mg",
      directions: "Take 1 tablet by mouth once a day",
      quantity: 30,
      daysSupply: 30,
      refills: 0,
      filledDaysAgo: 25,
      protocolClass: "antidepressant",
    },
    {
      key: "amoxicillin",
      patient: "alex",
      name: "Amoxicillin 500 mg capsule",
      rxnorm: "308191",
      purpose: "Infection",
      dose: "500 mg",
      directions: "Take 1 capsule by mouth three times a day for 10 days",
      quantity: 30,
      daysSupply: 10,
      refills: 0,
      filledDaysAgo: 120,
      protocolClass: null,
      stopped: "Course finished",
    },
    {
      key: "hctz",
      patient: "sam",
      name: "Hydrochlorothiazide 25 mg tablet",
      rxnorm: "310798",
      purpose: "Blood pressure",
      dose: "25 mg",
      directions: "Take 1 tablet by mouth every morning",
      quantity: 30,
      daysSupply: 30,
      refills: 0,
      filledDaysAgo: 26,
      protocolClass: "diuretic",
    },
    {
      key: "cetirizine",
      patient: "jamie",
      name: "Cetirizine 5 mg/5 mL oral solution",
      rxnorm: "1014678",
      purpose: "Allergies",
      dose: "5 mL",
      directions: "Take 5 mL by mouth once a day",
      quantity: 150,
      daysSupply: 30,
      refills: 2,
      filledDaysAgo: 24,
      protocolClass: null,
    },
    {
      key: "albuterol",
      patient: "taylor",
      name: "Albuterol 90 mcg inhaler",
      rxnorm: "745679",
      purpose: "Asthma",
      dose: "2 puffs",
      directions: "Inhale 2 puffs every 4 to 6 hours when needed for wheezing",
      quantity: 1,
      daysSupply: 30,
      refills: 1,
      filledDaysAgo: 40,
      protocolClass: null,
    },
    {
      key: "norethindrone",
      patient: "taylor",
      name: "Norethindrone 0.35 mg tablet",
      rxnorm: "198042",
      purpose: "Birth control",
      dose: "0.35 mg",
      directions: "Take 1 tablet by mouth at the same time every day",
      quantity: 28,
      daysSupply: 28,
      refills: 2,
      filledDaysAgo: 20,
      protocolClass: null,
      confidential: true,
    },
  ];
  const medicationIds: Record<string, string> = {};
  for (const m of meds) {
    const patientId = ids[`patient:${m.patient}`];
    if (!patientId) continue;
    const created = new Date(now.getTime() - (m.filledDaysAgo + 200) * DAY_MS);
    const { id } = await trx
      .insertInto("medications")
      .values({
        patient_id: patientId,
        name: m.name,
        rxnorm_code: m.rxnorm,
        purpose: m.purpose,
        dose: m.dose,
        directions: m.directions,
        quantity: m.quantity,
        days_supply: m.daysSupply,
        refills_remaining: m.refills,
        refills_authorized: Math.max(m.refills, 3),
        last_filled_on: day(now, -m.filledDaysAgo),
        prescriber_id: okafor,
        controlled_schedule: m.schedule ?? "none",
        protocol_class: m.protocolClass,
        confidential: m.confidential ?? false,
        status: m.stopped ? "stopped" : "active",
        stopped_on: m.stopped ? day(now, -m.filledDaysAgo + m.daysSupply) : null,

        created_at: created,
        updated_at: created,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (m.stopped) {
      await trx
        .updateTable("medications")
        .set({ stop_reason_sealed: ctx.cipher.seal(m.stopped, stopReasonSeal(id)) })
        .where("id", "=", id)
        .execute();
    }
    medicationIds[m.key] = id;
    ids[`medication:${m.key}`] = id;
    await trx
      .insertInto("medication_events")
      .values({
        medication_id: id,
        patient_id: patientId,
        event: "prescribed",
        by_user_id: ids["user:okafor"] ?? null,
        created_at: created,
      })
      .execute();
    if (m.stopped) {
      const eventId = randomUUID();
      await trx
        .insertInto("medication_events")
        .values({
          id: eventId,
          medication_id: id,
          patient_id: patientId,
          event: "stopped",
          by_user_id: ids["user:okafor"] ?? null,
          reason_sealed: ctx.cipher.seal(m.stopped, eventReasonSeal(eventId)),
          created_at: new Date(now.getTime() - (m.filledDaysAgo - m.daysSupply) * DAY_MS),
        })
        .execute();
    }
  }
  if (ids["patient:alex"]) {
    await trx
      .insertInto("lab_results")
      .values([
        { patient_id: ids["patient:alex"], lab_code: "tsh", resulted_on: day(now, -500) },
        { patient_id: ids["patient:alex"], lab_code: "a1c", resulted_on: day(now, -60) },
      ])
      .execute();
  }

  // Sam's renewal waits in the refill queue (its class is not in the protocol)
  const sam = ids["patient:sam"];
  const pharmacy = ids["pharmacy:atlantic"];
  const hctz = medicationIds.hctz;
  if (sam && pharmacy && hctz) {
    const requestedAt = new Date(now.getTime() - 26 * 3_600_000);
    const request = await trx
      .insertInto("refill_requests")
      .values({
        patient_id: sam,
        pharmacy_id: pharmacy,
        requested_by: ids["user:sam"] ?? null,
        created_at: requestedAt,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const item = await trx
      .insertInto("refill_request_items")
      .values({
        request_id: request.id,
        patient_id: sam,
        medication_id: hctz,
        status: "queued",
        rule: "renewal_needs_prescriber",
        protocol_version: 2,
        reasons: JSON.stringify([
          { code: "class_not_covered", detail: 'The protocol does not cover the class "diuretic".' },
        ]),
        automatic: false,
        requested_at: requestedAt,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("work_items")
      .values({
        queue: "refills",
        patient_id: sam,
        subject_type: "refill_request_item",
        subject_id: item.id,
        provider_id: okafor,
        due_at: addBusinessDays(requestedAt, 2),
        created_at: requestedAt,
      })
      .execute();
  }
  ctx.notes.push(
    "Refills: Alex Rivera's medications show every protocol rule; Sam's renewal waits in the refill queue (nurse@, dr.okafor@)",
  );
}
