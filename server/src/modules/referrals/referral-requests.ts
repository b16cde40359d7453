import { randomUUID } from "node:crypto";
import type { CreateReferralRequest, Referral, ReferralList, StaffCreateReferralRequest } from "@portico/contracts";
import { ensurePatientScopedQuery, type PatientAccess } from "../../platform/access/patient-access.ts";
import { patientRows } from "../../platform/access/scoped-query.ts";
import { currentContext } from "../../platform/context.ts";
import { DomainError, notFound } from "../../platform/errors.ts";
import { currentDb, inTransaction } from "../../platform/transaction.ts";
import { practiceOf, practiceOfReferral } from "./practice.ts";
import { approveInto } from "./referral-decisions.ts";
import {
  asPatientSide,
  assertSpecialty,
  type Db,
  moveReferral,
  PATIENT_NAME,
  REFERRAL_QUEUE,
  REFERRAL_SUBJECT,
  type ReferralServiceDeps,
  recordEvent,
  selectReferrals,
} from "./referral-shared.ts";
import { oneReferral, presentReferrals } from "./referral-view.ts";
import { referralReasonSeal } from "./seals.ts";

/**
 * A patient's referrals: reading them, asking for one (the patient or a caregiver), the
 * practice creating one on the patient's behalf, and withdrawing one nothing is booked with.
 */

const mayWrite = (d: ReferralServiceDeps, patientId: string) =>
  d.access.can(patientId, { scope: "referrals", action: "write" });

export async function listReferrals(d: ReferralServiceDeps, patientId: string): Promise<ReferralList> {
  // the primary care practice reads a patient's referrals as its queue's work (as staffCreate writes)
  const practice = await practiceOf(d, patientId);
  const access = await d.access.authorizePatient(patientId, {
    scope: "referrals",
    action: "read",
    resourceType: "referral",
    ...(practice ? { reason: { queue: "referral_queue", itemId: patientId } } : {}),
  });
  const db = currentDb(d.db);
  const own = patientRows(access, "referrals");
  const rows = await selectReferrals(db, own).orderBy("r.created_at", "desc").execute();
  const patient = await own
    .chart(db)
    .select(["p.id", PATIENT_NAME.as("name")])
    .executeTakeFirstOrThrow();
  const specialties = await db
    .selectFrom("providers")
    .select("specialty")
    .distinct()
    .where("active", "=", true)
    .orderBy("specialty")
    .execute();
  return {
    patient: { id: patient.id, displayName: patient.name },
    referrals: await presentReferrals(d, rows),
    abilities: {
      canRequest: asPatientSide(access) && (await mayWrite(d, patientId)),
      canCreateOnBehalf: !asPatientSide(access) && (practice || (await mayWrite(d, patientId))),
    },
    specialties: specialties.map((s) => s.specialty),
  };
}

export async function getReferral(d: ReferralServiceDeps, patientId: string, referralId: string): Promise<Referral> {
  const access = await d.access.authorizePatient(patientId, {
    scope: "referrals",
    action: "read",
    resourceType: "referral",
    resourceId: referralId,
  });
  return oneReferral(d, access, referralId);
}

/** A patient or caregiver asks the primary care practice for a referral. */
export async function requestReferral(
  d: ReferralServiceDeps,
  patientId: string,
  input: CreateReferralRequest,
): Promise<Referral> {
  const access = await d.access.authorizePatient(patientId, {
    scope: "referrals",
    action: "write",
    resourceType: "referral",
    auditAction: "create",
  });
  if (!asPatientSide(access)) {
    throw new DomainError(
      "forbidden",
      "Staff create referrals on a patient's behalf with POST /api/patients/:patientId/referrals/staff.",
    );
  }
  const id = await inTransaction(d.db, (trx) =>
    insertReferral(d, trx, access, input, access.basis === "proxy" ? "proxy" : "patient"),
  );
  return oneReferral(d, access, id);
}

/** A physician or nurse of the patient's primary care practice creates one (and may approve it at once). */
export async function staffCreateReferral(
  d: ReferralServiceDeps,
  patientId: string,
  input: StaffCreateReferralRequest,
): Promise<Referral> {
  const practice = await practiceOf(d, patientId);
  const access = await d.access.authorizePatient(patientId, {
    scope: "referrals",
    action: "write",
    resourceType: "referral",
    auditAction: "create",
    ...(practice ? { reason: { queue: "referral_queue", itemId: patientId } } : {}),
  });
  const { approve, ...request } = input;
  const id = await inTransaction(d.db, async (trx) => {
    const referralId = await insertReferral(d, trx, access, request, "staff", approve === undefined);
    if (approve) {
      await approveInto(d, trx, referralId, {
        providerId: approve.providerId ?? null,
        specialty: request.specialty,
        visits: approve.visits,
        expiresOn: approve.expiresOn,
      });
    }
    return referralId;
  });
  return oneReferral(d, access, id);
}

async function insertReferral(
  d: ReferralServiceDeps,
  trx: Db,
  access: PatientAccess,
  input: CreateReferralRequest,
  kind: "patient" | "proxy" | "staff",
  queue = true,
): Promise<string> {
  const patientId = ensurePatientScopedQuery(access, "referrals", "write");
  await assertSpecialty(
    trx,
    input.specialty,
    "specialty",
    input.preferredProviderId ? { id: input.preferredProviderId, field: "preferredProviderId" } : undefined,
  );
  if (input.preferredLocationId) {
    const location = await trx
      .selectFrom("locations")
      .select("id")
      .where("id", "=", input.preferredLocationId)
      .where("active", "=", true)
      .executeTakeFirst();
    if (!location) {
      throw new DomainError("unprocessable", "That location was not found.", [
        { field: "preferredLocationId", problem: "unknown_location" },
      ]);
    }
  }
  const patient = await patientRows(access, "referrals", "write")
    .chart(trx)
    .select("p.pcp_provider_id")
    .executeTakeFirstOrThrow();
  const now = d.clock.now();
  const actor = currentContext().actor;
  const id = randomUUID();
  const row = await trx
    .insertInto("referrals")
    .values({
      id,
      patient_id: patientId,
      specialty: input.specialty,
      reason_sealed: d.cipher.seal(input.reason.trim(), referralReasonSeal(id)),
      urgency: input.urgency,
      preferred_provider_id: input.preferredProviderId ?? null,
      preferred_location_id: input.preferredLocationId ?? null,
      pcp_provider_id: patient.pcp_provider_id,
      requested_by: actor.userId,
      requested_by_kind: kind,
      via_proxy_grant_id: access.viaProxyGrantId,
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await recordEvent(d, trx, row.id, patientId, kind === "staff" ? "created_by_staff" : "requested", "requested");
  if (queue) {
    await d.workQueue.add({
      queue: REFERRAL_QUEUE,
      patientId,
      subject: { type: REFERRAL_SUBJECT, id: row.id },
      providerId: patient.pcp_provider_id,
    });
  }
  return row.id;
}

/** The patient, a caregiver with the scope, or the practice withdraws a referral nothing is booked with. */
export async function cancelReferral(d: ReferralServiceDeps, patientId: string, referralId: string): Promise<Referral> {
  const practice = await practiceOfReferral(d, patientId, referralId);
  const access = await d.access.authorizePatient(patientId, {
    scope: "referrals",
    action: "write",
    resourceType: "referral",
    resourceId: referralId,
    auditAction: "cancel",
    ...(practice ? { reason: { queue: "referral_queue", itemId: referralId } } : {}),
  });
  if (!asPatientSide(access) && !practice) throw notFound("referral");
  const own = patientRows(access, "referrals", "write");
  await inTransaction(d.db, async (trx) => {
    const owned = await own.selectFrom(trx, "referrals").select("id").where("id", "=", referralId).executeTakeFirst();
    if (!owned) throw notFound("referral");
    const booked = await trx
      .selectFrom("referral_appointments")
      .select("appointment_id")
      .where("referral_id", "=", referralId)
      .where("released_at", "is", null)
      .executeTakeFirst();
    const moved = await moveReferral(trx, referralId, "cancel", { hasBookedVisits: booked !== undefined });
    await trx
      .updateTable("referrals")
      .set({ status: moved.to, updated_at: d.clock.now() })
      .where("id", "=", referralId)
      .execute();
    await recordEvent(d, trx, referralId, own.patientId, "cancelled", moved.to);
    await d.workQueue.cancel(REFERRAL_QUEUE, { type: REFERRAL_SUBJECT, id: referralId });
  });
  return oneReferral(d, access, referralId);
}
