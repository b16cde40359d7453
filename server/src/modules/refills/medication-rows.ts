import { randomUUID } from "node:crypto";
import type {
  ControlledSchedule,
  Medication,
  MedicationHistoryEntry,
  UpdateMedicationRequest,
} from "@portico/contracts";
import { sql } from "kysely";
import type { MedicationEventValue } from "../../db/tables/refills.ts";
import type { PatientAccess } from "../../platform/access/patient-access.ts";
import { patientRows } from "../../platform/access/scoped-query.ts";
import type { FieldCipher } from "../../platform/crypto.ts";
import type { currentDb } from "../../platform/transaction.ts";
import { refillPossibleFrom } from "./protocol-engine.ts";
import { eventReasonSeal, stopReasonSeal } from "./seals.ts";

type Db = ReturnType<typeof currentDb>;

/** Medication rows: who may do what with them, reading them, how the API shows them, their history. */

export const CLINICAL_BASES = ["nurse", "physician", "system"] as const;
export const isClinical = (access: PatientAccess) => (CLINICAL_BASES as readonly string[]).includes(access.basis);
/** The patient and caregivers ask for refills; clinicians decide them. */
export const mayRequestRefills = (access: PatientAccess) => access.basis === "patient" || access.basis === "proxy";

export type MedicationRow = Awaited<ReturnType<typeof selectMedications>>[number];

/** The patient's medications (all, or these ids), confidential ones only when the access allows. */
export function selectMedications(db: Db, access: PatientAccess, ids?: readonly string[]) {
  return patientRows(access, "medications", access.action)
    .selectFrom(db, "medications", "m")
    .leftJoin("providers as pr", "pr.id", "m.prescriber_id")
    .selectAll("m")
    .select("pr.display_name as prescriber_name")
    .$if(ids !== undefined, (q) => q.where("m.id", "in", ids?.length ? ids : ["00000000-0000-0000-0000-000000000000"]))
    .orderBy(sql`m.status = 'active'`, "desc")
    .orderBy("m.name")
    .execute();
}

/** The request in progress for each of these medications (waiting for a decision or the pharmacy). */
export async function pendingRequests(db: Db, medicationIds: readonly string[]): Promise<Map<string, string>> {
  if (medicationIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("refill_request_items")
    .select(["medication_id", "request_id"])
    .where("medication_id", "in", medicationIds)
    .where((eb) => eb.or([eb("status", "=", "queued"), eb("delivery_status", "=", "pending")]))
    .execute();
  return new Map(rows.map((r) => [r.medication_id, r.request_id]));
}

async function histories(
  db: Db,
  medicationIds: readonly string[],
  cipher: FieldCipher,
): Promise<Map<string, MedicationHistoryEntry[]>> {
  const map = new Map<string, MedicationHistoryEntry[]>();
  if (medicationIds.length === 0) return map;
  const rows = await db
    .selectFrom("medication_events as e")
    .leftJoin("users as u", "u.id", "e.by_user_id")
    .select(["e.id", "e.medication_id", "e.event", "e.changes", "e.reason_sealed", "e.created_at", "u.display_name"])
    .where("e.medication_id", "in", medicationIds)
    .orderBy("e.created_at")
    // events of the same instant: the prescription before what followed it
    .orderBy(sql`case e.event when 'prescribed' then 0 when 'changed' then 1 else 2 end`)
    .execute();
  for (const r of rows) {
    const list = map.get(r.medication_id) ?? [];
    list.push({
      at: r.created_at.toISOString(),
      event: r.event,
      by: r.display_name ?? null,
      changes: (typeof r.changes === "string" ? JSON.parse(r.changes) : r.changes) as MedicationHistoryEntry["changes"],
      reason: r.reason_sealed ? cipher.open(r.reason_sealed, eventReasonSeal(r.id)) : null,
    });
    map.set(r.medication_id, list);
  }
  return map;
}

/** Medications as the API shows them, with history, the request in progress and abilities. */
export async function presentMedications(
  db: Db,
  rows: readonly MedicationRow[],
  protocol: { classes: readonly { code: string; label: string }[]; earlyRefillFraction: number },
  abilities: { canRequestRefills: boolean; canEdit: boolean },
  cipher: FieldCipher,
): Promise<Medication[]> {
  const ids = rows.map((r) => r.id);
  const [history, pending] = await Promise.all([histories(db, ids, cipher), pendingRequests(db, ids)]);
  return rows.map((r) => {
    const pendingId = pending.get(r.id) ?? null;
    return {
      id: r.id,
      patientId: r.patient_id,
      name: r.name,
      rxnormCode: r.rxnorm_code,
      purpose: r.purpose,
      dose: r.dose,
      directions: r.directions,
      quantity: r.quantity,
      daysSupply: r.days_supply,
      refillsRemaining: r.refills_remaining,
      lastFilledOn: r.last_filled_on,
      prescriber: r.prescriber_id && r.prescriber_name ? { id: r.prescriber_id, displayName: r.prescriber_name } : null,
      controlledSchedule: r.controlled_schedule as ControlledSchedule,
      status: r.status,
      protocolClass: r.protocol_class
        ? {
            code: r.protocol_class,
            label: protocol.classes.find((c) => c.code === r.protocol_class)?.label ?? r.protocol_class,
          }
        : null,
      confidential: r.confidential,
      stoppedOn: r.stopped_on,
      stopReason: r.stop_reason_sealed ? cipher.open(r.stop_reason_sealed, stopReasonSeal(r.id)) : null,
      pendingRefillRequestId: pendingId,
      refillPossibleFrom:
        r.status === "active"
          ? refillPossibleFrom(
              { daysSupply: r.days_supply, lastFilledOn: r.last_filled_on },
              protocol.earlyRefillFraction,
            )
          : null,
      history: history.get(r.id) ?? [],
      abilities: {
        canRequestRefill: abilities.canRequestRefills && r.status === "active" && pendingId === null,
        canEdit: abilities.canEdit && r.status === "active",
      },
    };
  });
}

/** One row of a medication's history (joins the caller's transaction). */
export async function recordMedicationEvent(
  db: Db,
  event: {
    medicationId: string;
    patientId: string;
    event: MedicationEventValue;
    byUserId: string | null;
    changes?: { field: string; from: string; to: string }[];
    reason?: string | null;
    at: Date;
  },
  cipher: FieldCipher,
): Promise<void> {
  const id = randomUUID();
  await db
    .insertInto("medication_events")
    .values({
      id,
      medication_id: event.medicationId,
      patient_id: event.patientId,
      event: event.event,
      by_user_id: event.byUserId,
      changes: JSON.stringify(event.changes ?? []),
      reason_sealed: event.reason ? cipher.seal(event.reason, eventReasonSeal(id)) : null,
      created_at: event.at,
    })
    .execute();
}

const FIELD_COLUMNS = {
  name: "name",
  rxnormCode: "rxnorm_code",
  purpose: "purpose",
  dose: "dose",
  directions: "directions",
  quantity: "quantity",
  daysSupply: "days_supply",
  refillsRemaining: "refills_remaining",
  lastFilledOn: "last_filled_on",
  prescriberId: "prescriber_id",
  controlledSchedule: "controlled_schedule",
  protocolClass: "protocol_class",
  confidential: "confidential",
} as const;
type Field = keyof typeof FIELD_COLUMNS;

const text = (value: unknown): string => (value === null || value === undefined ? "" : String(value));

/** What a clinician's edit changes of a medication: the columns to set and each field's before and after. */
export function medicationChanges(
  row: MedicationRow,
  patch: UpdateMedicationRequest,
): { set: Record<string, unknown>; changes: { field: string; from: string; to: string }[] } {
  const set: Record<string, unknown> = {};
  const changes: { field: string; from: string; to: string }[] = [];
  for (const [field, column] of Object.entries(FIELD_COLUMNS) as [Field, (typeof FIELD_COLUMNS)[Field]][]) {
    if (!(field in patch)) continue;
    const next = patch[field] ?? null;
    const before = (row as Record<string, unknown>)[column] ?? null;
    if (text(before) === text(next)) continue;
    set[column] = next;
    changes.push({ field, from: text(before), to: text(next) });
  }
  return { set, changes };
}
