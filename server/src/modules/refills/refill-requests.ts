import type { CreateRefillRequest, RefillRequest, RefillRequestList } from "@portico/contracts";
import { ensurePatientScopedQuery, type PatientAccess } from "../../platform/access/patient-access.ts";
import { patientRows } from "../../platform/access/scoped-query.ts";
import { currentContext } from "../../platform/context.ts";
import { DomainError, notFound } from "../../platform/errors.ts";
import { currentDb, inTransaction } from "../../platform/transaction.ts";
import { type MedicationRow, mayRequestRefills, selectMedications } from "./medications.ts";
import { fileDecidedItem, protocolFacts } from "./refill-decision.ts";
import {
  type Db,
  type ItemRow,
  PATIENT_NAME,
  presentItem,
  type RefillServiceDeps,
  selectItems,
} from "./refill-items.ts";
import { notifyDecision } from "./refill-notices.ts";

/**
 * A patient's refill requests: asking (the patient or a caregiver; one request at a time per
 * medication, each decided by the protocol as it comes in) and reading them.
 */

export async function requestRefills(
  d: RefillServiceDeps,
  patientId: string,
  input: CreateRefillRequest,
): Promise<RefillRequest> {
  const access = await d.access.authorizePatient(patientId, {
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
    requestId = await inTransaction(d.db, (trx) => createRequest(d, trx, access, input));
  } catch (error) {
    // two submissions at once for the same medication: the one-in-progress index refuses the second
    if ((error as { code?: string }).code === "23505") throw pendingError();
    throw error;
  }
  return oneRequest(d, access, requestId);
}

function pendingError(details?: unknown): DomainError {
  return new DomainError(
    "refill_pending",
    "A refill request for this medication is already in progress. You will hear from us when it is answered.",
    details,
  );
}

async function createRequest(
  d: RefillServiceDeps,
  trx: Db,
  access: PatientAccess,
  input: CreateRefillRequest,
): Promise<string> {
  const patientId = ensurePatientScopedQuery(access, "medications", "write");
  const now = d.clock.now();
  const rows = await selectMedications(trx, access, input.medicationIds);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const missing = input.medicationIds.flatMap((id, i) =>
    byId.has(id) ? [] : [{ field: `medicationIds.${i}`, problem: "no such medication" }],
  );
  if (missing.length) throw new DomainError("not_found", "That medication was not found.", missing);
  const stopped = input.medicationIds.flatMap((id, i) =>
    byId.get(id)?.status === "stopped" ? [{ field: `medicationIds.${i}`, problem: "this medication is stopped" }] : [],
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
    throw pendingError(
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

  const facts = await protocolFacts(d, trx, access, rows, now);

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
    const decision = await facts.decide(medication);
    const approvedNow = await fileDecidedItem(d, trx, access, {
      requestId: request.id,
      patientId,
      medication,
      decision,
      pharmacyId: pharmacy.id,
      now,
      today: facts.today,
    });
    if (approvedNow) approved += 1;
  }
  if (approved > 0) {
    await notifyDecision(d, trx, patientId, "approved", { requestedBy: actor.userId, confidential });
  }
  return request.id;
}

export async function listRefillRequests(d: RefillServiceDeps, patientId: string): Promise<RefillRequestList> {
  const access = await d.access.authorizePatient(patientId, {
    scope: "medications",
    action: "read",
    resourceType: "refill_request",
  });
  const db = currentDb(d.db);
  const [requests, patient, canWrite] = await Promise.all([
    requestsOf(d, access),
    patientRows(access, "medications").chart(db).select(PATIENT_NAME.as("name")).executeTakeFirstOrThrow(),
    d.access.can(patientId, { scope: "medications", action: "write" }),
  ]);
  return {
    patient: { id: patientId, displayName: patient.name },
    requests,
    abilities: { canRequestRefills: mayRequestRefills(access) && canWrite },
  };
}

export async function getRefillRequest(
  d: RefillServiceDeps,
  patientId: string,
  requestId: string,
): Promise<RefillRequest> {
  const access = await d.access.authorizePatient(patientId, {
    scope: "medications",
    action: "read",
    resourceType: "refill_request",
    resourceId: requestId,
  });
  return oneRequest(d, access, requestId);
}

export async function oneRequest(
  d: RefillServiceDeps,
  access: PatientAccess,
  requestId: string,
): Promise<RefillRequest> {
  const [request] = await requestsOf(d, access, requestId);
  if (!request) throw notFound("refill request");
  return request;
}

async function requestsOf(d: RefillServiceDeps, access: PatientAccess, requestId?: string): Promise<RefillRequest[]> {
  const db = currentDb(d.db);
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
        items: own.map((i) => presentItem(i, d.cipher)),
      },
    ];
  });
}
