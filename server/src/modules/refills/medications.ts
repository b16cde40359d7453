import { randomUUID } from "node:crypto";
import type {
  ControlledSchedule,
  CreateMedicationRequest,
  Medication,
  MedicationHistoryEntry,
  MedicationList,
  StopMedicationRequest,
  UpdateMedicationRequest,
} from "@portico/contracts";
import { sql } from "kysely";
import type { Database } from "../../db/database.ts";
import type { MedicationEventValue } from "../../db/tables/refills.ts";
import {
  type AccessService,
  ensurePatientScopedQuery,
  type PatientAccess,
} from "../../platform/access/patient-access.ts";
import { patientRows } from "../../platform/access/scoped-query.ts";
import type { AuditDetails, AuditLog } from "../../platform/audit/audit-log.ts";
import type { Clock } from "../../platform/clock.ts";
import { currentContext } from "../../platform/context.ts";
import type { FieldCipher } from "../../platform/crypto.ts";
import { DomainError, notFound } from "../../platform/errors.ts";
import { clinicToday } from "../../platform/time-zones.ts";
import { currentDb, inTransaction } from "../../platform/transaction.ts";
import { refillPossibleFrom } from "./protocol-engine.ts";
import type { RefillProtocolService } from "./protocols.ts";
import { eventReasonSeal, stopReasonSeal } from "./seals.ts";

type Db = ReturnType<typeof currentDb>;

export const CLINICAL_BASES = ["nurse", "physician", "system"] as const;
const isClinical = (access: PatientAccess) => (CLINICAL_BASES as readonly string[]).includes(access.basis);
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

/** The medication list: read by the patient, caregivers with `medications`, the care team; kept by clinicians. */
export class MedicationService {
  readonly #db: Database;
  readonly #clock: Clock;
  readonly #access: AccessService;
  readonly #audit: AuditLog;
  readonly #protocols: RefillProtocolService;
  readonly #cipher: FieldCipher;

  constructor(deps: {
    db: Database;
    clock: Clock;
    access: AccessService;
    audit: AuditLog;
    cipher: FieldCipher;
    protocols: RefillProtocolService;
  }) {
    this.#cipher = deps.cipher;
    this.#db = deps.db;
    this.#clock = deps.clock;
    this.#access = deps.access;
    this.#audit = deps.audit;
    this.#protocols = deps.protocols;
  }

  async list(patientId: string): Promise<MedicationList> {
    const access = await this.#access.authorizePatient(patientId, {
      scope: "medications",
      action: "read",
      resourceType: "medication",
    });
    const db = currentDb(this.#db);
    const [rows, protocol, patient, canWrite] = await Promise.all([
      selectMedications(db, access),
      this.#protocols.current(),
      patientRows(access, "medications")
        .chart(db)
        .leftJoin("pharmacies as ph", (j) =>
          j.onRef("ph.id", "=", "p.preferred_pharmacy_id").on("ph.active", "=", true),
        )
        .select([
          "p.id",
          sql<string>`coalesce(p.preferred_name, p.legal_given_name) || ' ' || p.legal_family_name`.as("name"),
          "ph.id as pharmacy_id",
          "ph.name as pharmacy_name",
        ])
        .executeTakeFirstOrThrow(),
      this.#access.can(patientId, { scope: "medications", action: "write" }),
    ]);
    const canRequestRefills = mayRequestRefills(access) && canWrite;
    const canEdit = isClinical(access) && canWrite;
    return {
      patient: { id: patient.id, displayName: patient.name },
      medications: await presentMedications(db, rows, protocol, { canRequestRefills, canEdit }, this.#cipher),
      preferredPharmacy:
        patient.pharmacy_id && patient.pharmacy_name ? { id: patient.pharmacy_id, name: patient.pharmacy_name } : null,
      abilities: { canRequestRefills, canAddMedication: canEdit },
    };
  }

  async get(patientId: string, medicationId: string): Promise<Medication> {
    const access = await this.#access.authorizePatient(patientId, {
      scope: "medications",
      action: "read",
      resourceType: "medication",
      resourceId: medicationId,
    });
    return this.#one(access, medicationId);
  }

  async #one(access: PatientAccess, medicationId: string): Promise<Medication> {
    const db = currentDb(this.#db);
    const [row] = await selectMedications(db, access, [medicationId]);
    if (!row) throw notFound("medication");
    const canWrite =
      access.action === "write" ||
      (await this.#access.can(access.patientId, { scope: "medications", action: "write" }));
    const [medication] = await presentMedications(
      db,
      [row],
      await this.#protocols.current(),
      {
        canRequestRefills: mayRequestRefills(access) && canWrite,
        canEdit: isClinical(access) && canWrite,
      },
      this.#cipher,
    );
    return medication as Medication;
  }

  async #clinicalWrite(patientId: string, resourceId: string | null, auditAction: string): Promise<PatientAccess> {
    await this.#access.authorizeStaff(["nurse", "physician"], { resourceType: "medication", action: auditAction });
    const access = await this.#access.authorizePatient(patientId, {
      scope: "medications",
      action: "write",
      resourceType: "medication",
      resourceId,
      auditAction,
    });
    if (!isClinical(access)) throw new DomainError("forbidden", "Only the care team can change the medication list.");
    return access;
  }

  async #checkReferences(input: { prescriberId?: string; protocolClass?: string | null }): Promise<void> {
    const db = currentDb(this.#db);
    if (input.prescriberId) {
      const provider = await db
        .selectFrom("providers")
        .select("id")
        .where("id", "=", input.prescriberId)
        .executeTakeFirst();
      if (!provider) {
        throw new DomainError("validation_failed", "That prescriber was not found.", [
          { field: "prescriberId", problem: "unknown provider" },
        ]);
      }
    }
  }

  /** A clinician's change to the list: its history row and its audit row (in the caller's transaction). */
  async #recordChange(
    trx: Db,
    access: PatientAccess,
    event: Parameters<typeof recordMedicationEvent>[1],
    action: "create" | "update" | "stop",
    details?: AuditDetails,
  ): Promise<void> {
    await recordMedicationEvent(trx, event, this.#cipher);
    await this.#audit.record({
      action,
      resourceType: "medication",
      resourceId: event.medicationId,
      patientId: event.patientId,
      actingAs: access.basis,
      ...(details ? { details } : {}),
    });
  }

  async create(patientId: string, input: CreateMedicationRequest): Promise<Medication> {
    const access = await this.#clinicalWrite(patientId, null, "create");
    await this.#checkReferences(input);
    const actor = currentContext().actor;
    const id = await inTransaction(this.#db, async (trx) => {
      const now = this.#clock.now();
      const row = await trx
        .insertInto("medications")
        .values({
          patient_id: ensurePatientScopedQuery(access, "medications", "write"),
          name: input.name,
          rxnorm_code: input.rxnormCode ?? null,
          purpose: input.purpose ?? null,
          dose: input.dose,
          directions: input.directions,
          quantity: input.quantity,
          days_supply: input.daysSupply,
          refills_remaining: input.refillsRemaining,
          refills_authorized: input.refillsRemaining,
          last_filled_on: input.lastFilledOn ?? null,
          prescriber_id: input.prescriberId,
          controlled_schedule: input.controlledSchedule,
          protocol_class: input.protocolClass ?? null,
          confidential: input.confidential ?? false,
          created_at: now,
          updated_at: now,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await this.#recordChange(
        trx,
        access,
        { medicationId: row.id, patientId, event: "prescribed", byUserId: actor.userId, at: now },
        "create",
        { controlledSchedule: input.controlledSchedule },
      );
      return row.id;
    });
    return this.#one(access, id);
  }

  async update(patientId: string, medicationId: string, patch: UpdateMedicationRequest): Promise<Medication> {
    const access = await this.#clinicalWrite(patientId, medicationId, "update");
    await this.#checkReferences({ prescriberId: patch.prescriberId });
    const actor = currentContext().actor;
    await inTransaction(this.#db, async (trx) => {
      const [row] = await selectMedications(trx, access, [medicationId]);
      if (!row) throw notFound("medication");
      if (row.status === "stopped") {
        throw new DomainError("medication_stopped", "This medication is stopped and can no longer be changed.");
      }
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
      if (changes.length === 0) return;
      const now = this.#clock.now();
      if ("refillsRemaining" in set) set.refills_authorized = set.refills_remaining;
      await trx
        .updateTable("medications")
        .set({ ...set, updated_at: now })
        .where("id", "=", medicationId)
        .execute();
      await this.#recordChange(
        trx,
        access,
        { medicationId, patientId, event: "changed", byUserId: actor.userId, changes, at: now },
        "update",
        { fields: changes.map((c) => c.field) },
      );
    });
    return this.#one(access, medicationId);
  }

  async stop(patientId: string, medicationId: string, input: StopMedicationRequest): Promise<Medication> {
    const access = await this.#clinicalWrite(patientId, medicationId, "stop");
    const actor = currentContext().actor;
    await inTransaction(this.#db, async (trx) => {
      const [row] = await selectMedications(trx, access, [medicationId]);
      if (!row) throw notFound("medication");
      if (row.status === "stopped") throw new DomainError("medication_stopped", "This medication is already stopped.");
      const now = this.#clock.now();
      await trx
        .updateTable("medications")
        .set({
          status: "stopped",
          stopped_on: await clinicToday(trx, now),
          stop_reason_sealed: this.#cipher.seal(input.reason, stopReasonSeal(medicationId)),
          updated_at: now,
        })
        .where("id", "=", medicationId)
        .execute();
      await this.#recordChange(
        trx,
        access,
        { medicationId, patientId, event: "stopped", byUserId: actor.userId, reason: input.reason, at: now },
        "stop",
      );
    });
    return this.#one(access, medicationId);
  }
}
