import type {
  CreateMedicationRequest,
  Medication,
  MedicationList,
  StopMedicationRequest,
  UpdateMedicationRequest,
} from "@portico/contracts";
import { sql } from "kysely";
import { ensurePatientScopedQuery, type PatientAccess } from "../../platform/access/patient-access.ts";
import { patientRows } from "../../platform/access/scoped-query.ts";
import type { AuditDetails } from "../../platform/audit/audit-log.ts";
import { currentContext } from "../../platform/context.ts";
import { DomainError, notFound } from "../../platform/errors.ts";
import { clinicToday } from "../../platform/time-zones.ts";
import { currentDb, inTransaction } from "../../platform/transaction.ts";
import {
  isClinical,
  mayRequestRefills,
  medicationChanges,
  presentMedications,
  recordMedicationEvent,
  selectMedications,
} from "./medication-rows.ts";
import type { ChartListDeps } from "./refill-items.ts";
import { stopReasonSeal } from "./seals.ts";

type Db = ReturnType<typeof currentDb>;

export {
  CLINICAL_BASES,
  type MedicationRow,
  mayRequestRefills,
  pendingRequests,
  presentMedications,
  recordMedicationEvent,
  selectMedications,
} from "./medication-rows.ts";

/** The medication list: read by the patient, caregivers with `medications`, the care team; kept by clinicians. */
export class MedicationService {
  readonly #d: ChartListDeps;
  constructor(deps: ChartListDeps) {
    this.#d = deps;
  }

  async list(patientId: string): Promise<MedicationList> {
    const access = await this.#d.access.authorizePatient(patientId, {
      scope: "medications",
      action: "read",
      resourceType: "medication",
    });
    const db = currentDb(this.#d.db);
    const [rows, protocol, patient, canWrite] = await Promise.all([
      selectMedications(db, access),
      this.#d.protocols.current(),
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
      this.#d.access.can(patientId, { scope: "medications", action: "write" }),
    ]);
    const canRequestRefills = mayRequestRefills(access) && canWrite;
    const canEdit = isClinical(access) && canWrite;
    return {
      patient: { id: patient.id, displayName: patient.name },
      medications: await presentMedications(db, rows, protocol, { canRequestRefills, canEdit }, this.#d.cipher),
      preferredPharmacy:
        patient.pharmacy_id && patient.pharmacy_name ? { id: patient.pharmacy_id, name: patient.pharmacy_name } : null,
      abilities: { canRequestRefills, canAddMedication: canEdit },
    };
  }

  async get(patientId: string, medicationId: string): Promise<Medication> {
    const access = await this.#d.access.authorizePatient(patientId, {
      scope: "medications",
      action: "read",
      resourceType: "medication",
      resourceId: medicationId,
    });
    return this.#one(access, medicationId);
  }

  async #one(access: PatientAccess, medicationId: string): Promise<Medication> {
    const db = currentDb(this.#d.db);
    const [row] = await selectMedications(db, access, [medicationId]);
    if (!row) throw notFound("medication");
    const canWrite =
      access.action === "write" ||
      (await this.#d.access.can(access.patientId, { scope: "medications", action: "write" }));
    const [medication] = await presentMedications(
      db,
      [row],
      await this.#d.protocols.current(),
      {
        canRequestRefills: mayRequestRefills(access) && canWrite,
        canEdit: isClinical(access) && canWrite,
      },
      this.#d.cipher,
    );
    return medication as Medication;
  }

  async #clinicalWrite(patientId: string, resourceId: string | null, auditAction: string): Promise<PatientAccess> {
    await this.#d.access.authorizeStaff(["nurse", "physician"], { resourceType: "medication", action: auditAction });
    const access = await this.#d.access.authorizePatient(patientId, {
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
    const db = currentDb(this.#d.db);
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
    await recordMedicationEvent(trx, event, this.#d.cipher);
    await this.#d.audit.record({
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
    const id = await inTransaction(this.#d.db, async (trx) => {
      const now = this.#d.clock.now();
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
    await inTransaction(this.#d.db, async (trx) => {
      const [row] = await selectMedications(trx, access, [medicationId]);
      if (!row) throw notFound("medication");
      if (row.status === "stopped") {
        throw new DomainError("medication_stopped", "This medication is stopped and can no longer be changed.");
      }
      const { set, changes } = medicationChanges(row, patch);
      if (changes.length === 0) return;
      const now = this.#d.clock.now();
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
    await inTransaction(this.#d.db, async (trx) => {
      const [row] = await selectMedications(trx, access, [medicationId]);
      if (!row) throw notFound("medication");
      if (row.status === "stopped") throw new DomainError("medication_stopped", "This medication is already stopped.");
      const now = this.#d.clock.now();
      await trx
        .updateTable("medications")
        .set({
          status: "stopped",
          stopped_on: await clinicToday(trx, now),
          stop_reason_sealed: this.#d.cipher.seal(input.reason, stopReasonSeal(medicationId)),
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
