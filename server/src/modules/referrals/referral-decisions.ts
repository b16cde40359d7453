import type {
  ApproveReferralRequest,
  AskForVisitRequest,
  Referral,
  ReferralQueue,
  ReferralQueueQuery,
} from "@portico/contracts";
import type { Updateable } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { ReferralStatusValue } from "../../db/tables/referrals.ts";
import { currentContext } from "../../platform/context.ts";
import { DomainError, notFound } from "../../platform/errors.ts";
import { clinicToday } from "../../platform/time-zones.ts";
import { currentDb, inTransaction } from "../../platform/transaction.ts";
import { inPractice } from "./practice.ts";
import { notifyPatient } from "./referral-notices.ts";
import {
  addDays,
  assertSpecialty,
  type Db,
  moveReferral,
  REFERRAL_QUEUE,
  REFERRAL_SUBJECT,
  type ReferralServiceDeps,
  recordEvent,
  selectReferrals,
} from "./referral-shared.ts";
import { oneReferral, queueItems } from "./referral-view.ts";
import { referralDenialSeal, referralVisitNoteSeal } from "./seals.ts";
import { OPEN_STATUSES } from "./state-machine.ts";

/**
 * The primary care practice's queue (`referrals` on the shared work queue): the referrals
 * waiting for it, and its decisions on one — approve, deny, ask for a visit first.
 */

type ReferralUpdate = Updateable<DB["referrals"]>;

export async function practiceQueue(d: ReferralServiceDeps, query: ReferralQueueQuery): Promise<ReferralQueue> {
  const actor = currentContext().actor;
  const db = currentDb(d.db);
  const statuses = query.status ? [query.status] : OPEN_STATUSES;
  const rows = await selectReferrals(db)
    .where("r.status", "in", statuses as ReferralStatusValue[])
    .where(inPractice(actor))
    .where("p.status", "=", "active")
    .orderBy("r.created_at")
    .limit(query.limit ?? 100)
    .execute();
  return { items: await queueItems(d, rows) };
}

/** The practice's decision on one referral: load it (404 when not the caller's practice's), authorize, act. */
async function decide<T>(
  d: ReferralServiceDeps,
  referralId: string,
  auditAction: string,
  act: (trx: Db, row: { patient_id: string }) => Promise<T>,
): Promise<Referral> {
  const actor = currentContext().actor;
  const row = await currentDb(d.db)
    .selectFrom("referrals as r")
    .select(["r.id", "r.patient_id"])
    .where("r.id", "=", referralId)
    .where(inPractice(actor))
    .executeTakeFirst();
  if (!row) throw notFound("referral");
  const access = await d.access.authorizePatient(row.patient_id, {
    scope: "referrals",
    action: "write",
    resourceType: "referral",
    resourceId: referralId,
    auditAction,
    reason: { queue: "referral_queue", itemId: referralId },
  });
  await inTransaction(d.db, (trx) => act(trx, row));
  return oneReferral(d, access, referralId);
}

/**
 * A decision written: the referral's new status and fields, its history row, the queue's work
 * item done (approve, deny; asking for a visit keeps it open) and the patient told.
 */
async function recordDecision(
  d: ReferralServiceDeps,
  trx: Db,
  moved: { id: string; patient_id: string; to: ReferralStatusValue },
  decision: "approved" | "denied" | "visit_requested",
  set: ReferralUpdate,
): Promise<void> {
  await trx
    .updateTable("referrals")
    .set({ status: moved.to, ...set })
    .where("id", "=", moved.id)
    .execute();
  await recordEvent(d, trx, moved.id, moved.patient_id, decision, moved.to);
  if (decision !== "visit_requested") {
    await d.workQueue.complete(REFERRAL_QUEUE, { type: REFERRAL_SUBJECT, id: moved.id });
  }
  await notifyPatient(d, trx, moved.patient_id, decision);
}

export async function approveReferral(
  d: ReferralServiceDeps,
  referralId: string,
  input: ApproveReferralRequest,
): Promise<Referral> {
  return decide(d, referralId, "approve", async (trx) => {
    await approveInto(d, trx, referralId, {
      providerId: input.providerId ?? null,
      specialty: input.specialty,
      visits: input.visits,
      expiresOn: input.expiresOn,
    });
  });
}

/** The approval, in the caller's transaction (the queue's approve, or staff creation approving at once). */
export async function approveInto(
  d: ReferralServiceDeps,
  trx: Db,
  referralId: string,
  input: { providerId: string | null; specialty: string; visits: number; expiresOn: string },
): Promise<void> {
  const moved = await moveReferral(trx, referralId, "approve");
  await assertSpecialty(
    trx,
    input.specialty,
    "specialty",
    input.providerId ? { id: input.providerId, field: "providerId" } : undefined,
  );
  const now = d.clock.now();
  const today = await clinicToday(trx, now);
  if (input.expiresOn < today || input.expiresOn > addDays(today, 366)) {
    throw new DomainError("unprocessable", "The referral must expire between today and a year from now.", [
      { field: "expiresOn", problem: "invalid_expiry" },
    ]);
  }
  await recordDecision(d, trx, moved, "approved", {
    approved_provider_id: input.providerId,
    approved_specialty: input.specialty,
    visits_allowed: input.visits,
    visits_used: 0,
    expires_on: input.expiresOn,
    decided_by: currentContext().actor.userId,
    decided_at: now,
    updated_at: now,
  });
}

export async function denyReferral(d: ReferralServiceDeps, referralId: string, reason: string): Promise<Referral> {
  return decide(d, referralId, "deny", async (trx) => {
    const moved = await moveReferral(trx, referralId, "deny");
    const now = d.clock.now();
    await recordDecision(d, trx, moved, "denied", {
      denial_reason_sealed: d.cipher.seal(reason.trim(), referralDenialSeal(referralId)),
      decided_by: currentContext().actor.userId,
      decided_at: now,
      updated_at: now,
    });
  });
}

export async function askForVisit(
  d: ReferralServiceDeps,
  referralId: string,
  input: AskForVisitRequest,
): Promise<Referral> {
  return decide(d, referralId, "ask_for_visit", async (trx) => {
    const moved = await moveReferral(trx, referralId, "ask_for_visit");
    if (input.visitTypeId) {
      const vt = await trx
        .selectFrom("visit_types")
        .select("id")
        .where("id", "=", input.visitTypeId)
        .where("active", "=", true)
        .where("booking_kind", "<>", "referral")
        .executeTakeFirst();
      if (!vt) {
        throw new DomainError("unprocessable", "That type of visit was not found.", [
          { field: "visitTypeId", problem: "unknown_visit_type" },
        ]);
      }
    }
    await recordDecision(d, trx, moved, "visit_requested", {
      visit_type_id: input.visitTypeId ?? null,
      visit_note_sealed: input.note?.trim()
        ? d.cipher.seal(input.note.trim(), referralVisitNoteSeal(referralId))
        : null,
      updated_at: d.clock.now(),
    });
  });
}
