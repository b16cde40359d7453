import type {
  ApproveRefillRequest,
  BulkApproveRefillsResult,
  CreateRefillRequest,
  RefillDecision,
  RefillQueue,
  RefillQueueItem,
  RefillQueueQuery,
  RefillReason,
  RefillRequest,
  RefillRequestItem,
  RefillRequestList,
  RefillTimelineEvent,
} from "@portico/contracts";
import { sql } from "kysely";
import type { Config } from "../../config.ts";
import type { Database } from "../../db/database.ts";
import { whoMayBeTold } from "../../platform/access/notice-recipients.ts";
import {
  type AccessService,
  ensurePatientScopedQuery,
  type PatientAccess,
} from "../../platform/access/patient-access.ts";
import { patientRows } from "../../platform/access/scoped-query.ts";
import type { AuditLog } from "../../platform/audit/audit-log.ts";
import type { Clock } from "../../platform/clock.ts";
import { type Actor, currentContext } from "../../platform/context.ts";
import type { FieldCipher } from "../../platform/crypto.ts";
import { DomainError, notFound } from "../../platform/errors.ts";
import type { Job, JobQueue } from "../../platform/jobs/index.ts";
import type { Logger } from "../../platform/logging.ts";
import type { Mailer } from "../../platform/mail/mailer.ts";
import { clinicToday } from "../../platform/time-zones.ts";
import { currentDb, inTransaction } from "../../platform/transaction.ts";
import { visibleTo, type WorkQueueService } from "../../platform/work-queue/work-queue.ts";
import { latestLabDays } from "./lab-results.ts";
import { refillDecided } from "./mail-templates.ts";
import {
  type MedicationRow,
  mayRequestRefills,
  presentMedications,
  recordMedicationEvent,
  selectMedications,
} from "./medications.ts";
import {
  buildMedicationRequest,
  PHARMACY_MAX_ATTEMPTS,
  PHARMACY_SEND_QUEUE,
  type PharmacyAdapter,
} from "./pharmacy.ts";
import { daysBetween, decideRefill, labChecks } from "./protocol-engine.ts";
import type { RefillProtocolService } from "./protocols.ts";
import { denialReasonSeal } from "./seals.ts";

type Db = ReturnType<typeof currentDb>;

export const REFILL_QUEUE = "refills" as const;
export const REFILL_SUBJECT = "refill_request_item";
const HOUR_MS = 3_600_000;

const PATIENT_NAME = sql<string>`coalesce(p.preferred_name, p.legal_given_name) || ' ' || p.legal_family_name`;
const json = <T>(value: unknown): T => (typeof value === "string" ? JSON.parse(value) : value) as T;

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

type ItemRow = {
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

function selectItems(db: Db) {
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

function presentItem(row: ItemRow, cipher: FieldCipher): RefillRequestItem {
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

/** Request items with their patient, pharmacy and work item, limited to the work items the actor may see. */
function queueSelect(db: Db, actor: Actor) {
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

type QueueRow = Awaited<ReturnType<ReturnType<typeof queueSelect>["execute"]>>[number];

/** Refill requests (patients, caregivers), the refill queue (clinicians), pharmacy delivery (job). */
export class RefillService {
  readonly #d: RefillServiceDeps;

  constructor(deps: RefillServiceDeps) {
    this.#d = deps;
    deps.workQueue.define({ name: REFILL_QUEUE, roles: ["nurse", "physician"], responseBusinessDays: 2 });
    deps.jobs.register<{ outboxId: string }>(PHARMACY_SEND_QUEUE, (payload, job) =>
      this.deliver(payload.outboxId, job),
    );
  }

  // ---- patients and caregivers ----

  async create(patientId: string, input: CreateRefillRequest): Promise<RefillRequest> {
    const access = await this.#d.access.authorizePatient(patientId, {
      scope: "medications",
      action: "write",
      resourceType: "refill_request",
      auditAction: "create",
    });
    if (!mayRequestRefills(access)) {
      throw new DomainError("forbidden", "Refills are requested by the patient or a caregiver.");
    }
    let requestId: string;
    try {
      requestId = await inTransaction(this.#d.db, (trx) => this.#create(trx, access, input));
    } catch (error) {
      // two submissions at once for the same medication: the one-in-progress index refuses the second
      if ((error as { code?: string }).code === "23505") throw this.#pending();
      throw error;
    }
    return this.#request(access, requestId);
  }

  #pending(details?: unknown): DomainError {
    return new DomainError(
      "refill_pending",
      "A refill request for this medication is already in progress. You will hear from us when it is answered.",
      details,
    );
  }

  async #create(trx: Db, access: PatientAccess, input: CreateRefillRequest): Promise<string> {
    const patientId = ensurePatientScopedQuery(access, "medications", "write");
    const now = this.#d.clock.now();
    const rows = await selectMedications(trx, access, input.medicationIds);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const missing = input.medicationIds.flatMap((id, i) =>
      byId.has(id) ? [] : [{ field: `medicationIds.${i}`, problem: "no such medication" }],
    );
    if (missing.length) throw new DomainError("not_found", "That medication was not found.", missing);
    const stopped = input.medicationIds.flatMap((id, i) =>
      byId.get(id)?.status === "stopped"
        ? [{ field: `medicationIds.${i}`, problem: "this medication is stopped" }]
        : [],
    );
    if (stopped.length) {
      throw new DomainError(
        "medication_stopped",
        "A stopped medication cannot be refilled. Ask your care team if you still need it.",
        stopped,
      );
    }
    // the medications are locked for the rest of the transaction: one request at a time per medication
    await trx.selectFrom("medications").select("id").where("id", "in", input.medicationIds).forUpdate().execute();
    const pending = await trx
      .selectFrom("refill_request_items")
      .select("medication_id")
      .where("medication_id", "in", input.medicationIds)
      .where((eb) => eb.or([eb("status", "=", "queued"), eb("delivery_status", "=", "pending")]))
      .execute();
    if (pending.length) {
      const ids = new Set(pending.map((p) => p.medication_id));
      throw this.#pending(
        input.medicationIds.flatMap((id, i) =>
          ids.has(id) ? [{ field: `medicationIds.${i}`, problem: "a request is already in progress" }] : [],
        ),
      );
    }
    const patient = await patientRows(access, "medications", "write")
      .chart(trx)
      .select("p.preferred_pharmacy_id")
      .executeTakeFirstOrThrow();
    const pharmacyId = input.pharmacyId ?? patient.preferred_pharmacy_id;
    const pharmacy = pharmacyId
      ? await trx
          .selectFrom("pharmacies")
          .select("id")
          .where("id", "=", pharmacyId)
          .where("active", "=", true)
          .executeTakeFirst()
      : undefined;
    if (!pharmacy) {
      throw new DomainError(
        "validation_failed",
        pharmacyId ? "That pharmacy was not found." : "Choose a pharmacy for this request.",
        [{ field: "pharmacyId", problem: pharmacyId ? "unknown pharmacy" : "no preferred pharmacy: choose one" }],
      );
    }

    const protocol = await this.#d.protocols.current();
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
    const zoneDay = async (d: Date | string | null | undefined) =>
      d ? clinicToday(trx, d instanceof Date ? d : new Date(d)) : null;

    const actor = currentContext().actor;
    const request = await trx
      .insertInto("refill_requests")
      .values({
        patient_id: patientId,
        pharmacy_id: pharmacy.id,
        requested_by: actor.userId,
        via_proxy_grant_id: access.viaProxyGrantId,
        created_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    let approved = 0;
    let confidential = false;
    for (const id of input.medicationIds) {
      const medication = byId.get(id) as MedicationRow;
      confidential ||= medication.confidential;
      const decision = decideRefill(
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
      );
      const isApproved = decision.outcome === "approved";
      const item = await trx
        .insertInto("refill_request_items")
        .values({
          request_id: request.id,
          patient_id: patientId,
          medication_id: id,
          status: isApproved ? "approved" : "queued",
          rule: decision.rule,
          protocol_version: decision.protocolVersion,
          possible_from: decision.possibleFrom,
          reasons: JSON.stringify(decision.reasons),
          automatic: isApproved,
          requested_at: now,
          decided_at: isApproved ? now : null,
          approved_quantity: isApproved ? medication.quantity : null,
          approved_refills: isApproved
            ? decision.rule === "renewal_under_protocol"
              ? medication.refills_authorized
              : medication.refills_remaining - 1
            : null,
          delivery_status: isApproved ? "pending" : null,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await this.#d.audit.record({
        action: "decide",
        resourceType: "refill_request_item",
        resourceId: item.id,
        patientId,
        actingAs: "system",
        details: { rule: decision.rule, outcome: decision.outcome, protocolVersion: decision.protocolVersion },
      });
      if (isApproved) {
        approved += 1;
        await this.#approveInto(trx, access, {
          itemId: item.id,
          medication,
          quantity: medication.quantity,
          refills:
            decision.rule === "renewal_under_protocol"
              ? medication.refills_authorized
              : medication.refills_remaining - 1,
          renewal: decision.rule === "renewal_under_protocol",
          byUserId: null,
          pharmacyId: pharmacy.id,
          now,
          today,
        });
      } else {
        await this.#d.workQueue.add({
          queue: REFILL_QUEUE,
          patientId,
          subject: { type: REFILL_SUBJECT, id: item.id },
          providerId: medication.prescriber_id,
        });
      }
    }
    if (approved > 0) {
      await this.#notify(trx, patientId, "approved", { requestedBy: actor.userId, confidential });
    }
    return request.id;
  }

  /**
   * An approval: the medication takes the new prescription (a refill uses one of its refills; a
   * renewal or a clinician's approval sets quantity and refills), its history says so, and the
   * prescription goes to the outbox with a delivery job — all in the caller's transaction.
   */
  async #approveInto(
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
      this.#d.cipher,
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
        adapter: this.#d.pharmacy.name,
        resource: JSON.stringify(resource),
        created_at: a.now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await this.#d.jobs.enqueue(
      PHARMACY_SEND_QUEUE,
      { outboxId: outbox.id },
      { dedupeKey: `pharmacy:${outbox.id}`, maxAttempts: PHARMACY_MAX_ATTEMPTS },
    );
  }

  async list(patientId: string): Promise<RefillRequestList> {
    const access = await this.#d.access.authorizePatient(patientId, {
      scope: "medications",
      action: "read",
      resourceType: "refill_request",
    });
    const db = currentDb(this.#d.db);
    const [requests, patient, canWrite] = await Promise.all([
      this.#requests(access),
      patientRows(access, "medications").chart(db).select(PATIENT_NAME.as("name")).executeTakeFirstOrThrow(),
      this.#d.access.can(patientId, { scope: "medications", action: "write" }),
    ]);
    return {
      patient: { id: patientId, displayName: patient.name },
      requests,
      abilities: { canRequestRefills: mayRequestRefills(access) && canWrite },
    };
  }

  async get(patientId: string, requestId: string): Promise<RefillRequest> {
    const access = await this.#d.access.authorizePatient(patientId, {
      scope: "medications",
      action: "read",
      resourceType: "refill_request",
      resourceId: requestId,
    });
    return this.#request(access, requestId);
  }

  async #request(access: PatientAccess, requestId: string): Promise<RefillRequest> {
    const [request] = await this.#requests(access, requestId);
    if (!request) throw notFound("refill request");
    return request;
  }

  async #requests(access: PatientAccess, requestId?: string): Promise<RefillRequest[]> {
    const db = currentDb(this.#d.db);
    const requests = await patientRows(access, "medications", access.action)
      .selectFrom(db, "refill_requests", "r")
      .innerJoin("pharmacies as ph", "ph.id", "r.pharmacy_id")
      .leftJoin("users as u", "u.id", "r.requested_by")
      .select([
        "r.id",
        "r.patient_id",
        "r.created_at",
        "r.via_proxy_grant_id",
        "ph.id as pharmacy_id",
        "ph.name as pharmacy_name",
        "u.display_name as requested_by_name",
      ])
      .$if(requestId !== undefined, (q) => q.where("r.id", "=", requestId as string))
      .orderBy("r.created_at", "desc")
      .limit(100)
      .execute();
    if (requests.length === 0) return [];
    const items = await selectItems(db)
      .where(
        "i.request_id",
        "in",
        requests.map((r) => r.id),
      )
      .$if(!access.includeConfidential, (q) => q.where("m.confidential", "=", false))
      .orderBy("m.name")
      .execute();
    return requests.flatMap((r) => {
      const own = items.filter((i) => i.request_id === r.id) as ItemRow[];
      // a request only about confidential medications does not exist for a proxy
      if (own.length === 0) return [];
      const open = own.some((i) => i.status === "queued" || i.delivery_status === "pending");
      return [
        {
          id: r.id,
          patientId: r.patient_id,
          createdAt: r.created_at.toISOString(),
          pharmacy: { id: r.pharmacy_id, name: r.pharmacy_name },
          requestedBy: { displayName: r.requested_by_name ?? "", isProxy: r.via_proxy_grant_id !== null },
          status: open ? "open" : "closed",
          items: own.map((i) => presentItem(i, this.#d.cipher)),
        },
      ];
    });
  }

  // ---- the clinicians' refill queue ----

  async queue(query: RefillQueueQuery): Promise<RefillQueue> {
    await this.#d.access.authorizeStaff(["nurse", "physician"], { resourceType: "refill_queue", action: "read" });
    const db = currentDb(this.#d.db);
    const now = this.#d.clock.now();
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
        items.push(await this.#queueItem(row));
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

  async #queueItem(row: QueueRow): Promise<RefillQueueItem> {
    // each item is read as queue work: the patient check with the queue as the reason (audited)
    const access = await this.#d.access.authorizePatient(row.patient_id, {
      scope: "medications",
      action: "read",
      resourceType: "refill_request_item",
      resourceId: row.id,
      reason: { queue: REFILL_QUEUE, itemId: row.id },
    });
    const db = currentDb(this.#d.db);
    const [medicationRow] = await selectMedications(db, access, [row.medication_id]);
    const protocol = await this.#d.protocols.current();
    const [medication] = await presentMedications(
      db,
      medicationRow ? [medicationRow] : [],
      protocol,
      {
        canRequestRefills: false,
        // while the item is open the clinician works it (and may change the medication)
        canEdit: row.status === "queued",
      },
      this.#d.cipher,
    );
    const work = (await this.#d.workQueue.forSubjects(REFILL_QUEUE, REFILL_SUBJECT, [row.id])).get(row.id) ?? null;
    const item = row as unknown as ItemRow;
    const presented = presentItem(item, this.#d.cipher);
    const queued = row.status === "queued";
    const now = this.#d.clock.now();
    const today = await clinicToday(db, now);
    const early = row.possible_from !== null && daysBetween(today, row.possible_from) > 0;
    const covered = row.protocol_class !== null && protocol.classes.some((c) => c.code === row.protocol_class);
    // the lab rule as the version that decided reads it today (a result recorded since shows)
    const labs = labChecks(
      row.protocol_class,
      await latestLabDays(db, access),
      await this.#d.protocols.rulesAt(presented.decision.protocolVersion),
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

  async #loadForDecision(trx: Db, itemId: string, action: string) {
    const row = await queueSelect(trx, currentContext().actor).where("i.id", "=", itemId).executeTakeFirst();
    if (!row) {
      await this.#d.audit.recordIndependent({
        action,
        resourceType: "refill_request_item",
        resourceId: itemId,
        outcome: "denied",
        details: { reason: "not_in_their_queue" },
      });
      throw notFound("refill request");
    }
    const access = await this.#d.access.authorizePatient(row.patient_id, {
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

  async approve(itemId: string, input: ApproveRefillRequest): Promise<RefillQueueItem> {
    await this.#d.access.authorizeStaff(["nurse", "physician"], {
      resourceType: "refill_request_item",
      action: "approve",
    });
    await inTransaction(this.#d.db, (trx) => this.#approveQueued(trx, itemId, input));
    return this.#afterDecision(itemId);
  }

  async #approveQueued(trx: Db, itemId: string, input: ApproveRefillRequest): Promise<void> {
    const { row, access } = await this.#loadForDecision(trx, itemId, "approve");
    const [medication] = await selectMedications(trx, access, [row.medication_id]);
    if (!medication || medication.status === "stopped") {
      throw new DomainError("medication_stopped", "This medication has been stopped: deny the request instead.");
    }
    const now = this.#d.clock.now();
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
    await this.#approveInto(trx, access, {
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
    await this.#d.workQueue.complete(REFILL_QUEUE, { type: REFILL_SUBJECT, id: itemId });
    await this.#d.audit.record({
      action: "approve",
      resourceType: "refill_request_item",
      resourceId: itemId,
      patientId: row.patient_id,
      actingAs: access.basis,
      details: { quantity: input.quantity, refills: input.refills, rule: row.rule },
    });
    await this.#notify(
      trx,
      row.patient_id,
      "approved",
      await this.#requestFacts(trx, row.request_id, row.medication_id),
    );
  }

  async deny(itemId: string, reason: string): Promise<RefillQueueItem> {
    await this.#d.access.authorizeStaff(["nurse", "physician"], {
      resourceType: "refill_request_item",
      action: "deny",
    });
    await inTransaction(this.#d.db, async (trx) => {
      const { row, access } = await this.#loadForDecision(trx, itemId, "deny");
      const now = this.#d.clock.now();
      const actor = currentContext().actor;
      await trx
        .updateTable("refill_request_items")
        .set({
          status: "denied",
          automatic: false,
          decided_at: now,
          decided_by: actor.userId,
          denial_reason_sealed: this.#d.cipher.seal(reason, denialReasonSeal(itemId)),
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
        this.#d.cipher,
      );
      await this.#d.workQueue.complete(REFILL_QUEUE, { type: REFILL_SUBJECT, id: itemId });
      await this.#d.audit.record({
        action: "deny",
        resourceType: "refill_request_item",
        resourceId: itemId,
        patientId: row.patient_id,
        actingAs: access.basis,
        details: { rule: row.rule },
      });
      await this.#notify(
        trx,
        row.patient_id,
        "denied",
        await this.#requestFacts(trx, row.request_id, row.medication_id),
      );
    });
    return this.#afterDecision(itemId);
  }

  async bulkApprove(itemIds: readonly string[]): Promise<BulkApproveRefillsResult> {
    await this.#d.access.authorizeStaff(["nurse", "physician"], {
      resourceType: "refill_request_item",
      action: "bulk_approve",
    });
    const result: BulkApproveRefillsResult = { approved: [], skipped: [] };
    for (const id of itemIds) {
      const row = await queueSelect(currentDb(this.#d.db), currentContext().actor)
        .where("i.id", "=", id)
        .executeTakeFirst();
      if (row?.status !== "queued") {
        result.skipped.push({ id, reason: "not_found" });
        continue;
      }
      let item: RefillQueueItem;
      try {
        item = await this.#queueItem(row);
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
        await inTransaction(this.#d.db, (trx) => this.#approveQueued(trx, id, item.suggested));
        result.approved.push(id);
      } catch (error) {
        if (error instanceof DomainError && error.status < 500) result.skipped.push({ id, reason: "not_found" });
        else throw error;
      }
    }
    return result;
  }

  async #afterDecision(itemId: string): Promise<RefillQueueItem> {
    const row = await queueSelect(currentDb(this.#d.db), currentContext().actor)
      .where("i.id", "=", itemId)
      .executeTakeFirst();
    if (!row) throw notFound("refill request");
    return this.#queueItem(row);
  }

  async #requestFacts(trx: Db, requestId: string, medicationId: string) {
    const r = await trx
      .selectFrom("refill_requests as r")
      .innerJoin("medications as m", (j) => j.on("m.id", "=", medicationId))
      .select(["r.requested_by", "m.confidential"])
      .where("r.id", "=", requestId)
      .executeTakeFirstOrThrow();
    return { requestedBy: r.requested_by, confidential: r.confidential };
  }

  /**
   * The decision email (no health information), in each reader's language: the patient at
   * their own address; the caregiver who asked, while their grant covers medications; for a
   * patient with no address (a young child), every caregiver whose grant covers medications.
   * A confidential medication's decision goes to the patient only.
   */
  async #notify(
    trx: Db,
    patientId: string,
    outcome: "approved" | "denied",
    facts: { requestedBy: string | null; confidential: boolean },
  ): Promise<void> {
    const recipients = await whoMayBeTold(trx, patientId, {
      scope: "medications",
      now: this.#d.clock.now(),
      ages: this.#d.access.ageBounds,
      caregivers: facts.confidential ? "none" : "when_patient_has_no_address",
      alsoCaregiverUserId: facts.requestedBy,
    });
    for (const to of recipients) {
      await this.#d.mailer.send({
        to: to.email,
        locale: to.locale,
        template: refillDecided,
        params: { outcome, forName: to.forName ?? "", refillsUrl: `/refills?patient=${patientId}` },
      });
    }
  }

  // ---- pharmacy delivery (job) ----

  /** Hands one outbox row to the pharmacy adapter; idempotent (a sent row is not sent again). */
  async deliver(outboxId: string, job: Pick<Job, "attempt" | "maxAttempts">): Promise<void> {
    const db = this.#d.db;
    const row = await db
      .selectFrom("pharmacy_outbox as o")
      .innerJoin("pharmacies as ph", "ph.id", "o.pharmacy_id")
      .select(["o.id", "o.request_item_id", "o.status", "o.resource", "ph.id as pharmacy_id", "ph.name", "ph.ncpdp_id"])
      .where("o.id", "=", outboxId)
      .executeTakeFirst();
    if (row?.status !== "pending") return;
    const attempt = job.attempt;
    try {
      const sent = await this.#d.pharmacy.transmit({
        outboxId: row.id,
        pharmacy: { id: row.pharmacy_id, name: row.name, ncpdpId: row.ncpdp_id },
        resource: json(row.resource),
      });
      const now = this.#d.clock.now();
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
      const now = this.#d.clock.now();
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
      this.#d.logger.warn({ outboxId: row.id, attempt, final }, "pharmacy transmission failed");
      throw error;
    }
  }
}
