import { type SqlBool, sql } from "kysely";
import { DomainError } from "../../platform/errors.ts";
import { clinicToday } from "../../platform/time-zones.ts";
import { currentDb } from "../../platform/transaction.ts";
import type { ReferralEligibility } from "../scheduling/policy.ts";
import { type Db, dateText, type ReferralServiceDeps, recordEvent } from "./referral-shared.ts";
import { transition } from "./state-machine.ts";

/**
 * The ticket: an approved referral lets its patient book a specialist's `referral` visit types
 * (scheduling's `ReferralEligibility` seam) — counting, giving back and moving its visits —
 * and completes when all its allowed visits have taken place.
 */

/** The usable tickets of a patient for a provider's referral visit type (approved, unexpired, visits left). */
function tickets(db: Db, patientId: string, visitTypeId: string, providerId: string, today: string) {
  return db
    .selectFrom("referrals as r")
    .select(["r.id", "r.status", "r.visits_used", "r.visits_allowed"])
    .where("r.patient_id", "=", patientId)
    .where("r.status", "=", "approved")
    .where("r.expires_on", ">=", today)
    .where(sql<SqlBool>`r.visits_used < r.visits_allowed`)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("visit_types as tvt")
          .innerJoin("providers as tpr", (j) => j.on("tpr.id", "=", providerId))
          .select("tvt.id")
          .where("tvt.id", "=", visitTypeId)
          .where("tvt.booking_kind", "=", "referral")
          .whereRef("tvt.specialty", "=", "tpr.specialty")
          .whereRef("tvt.specialty", "=", "r.approved_specialty")
          .where((e) => e.or([e("r.approved_provider_id", "=", providerId), e("r.approved_provider_id", "is", null)])),
      ),
    )
    .orderBy("r.expires_on")
    .orderBy("r.created_at");
}

/** The referral an appointment is booked with, while the visit holds it. */
function heldBy(db: Db, appointmentId: string) {
  return db
    .selectFrom("referral_appointments")
    .select(["referral_id", "patient_id"])
    .where("appointment_id", "=", appointmentId)
    .where("released_at", "is", null)
    .executeTakeFirst();
}

export function referralEligibility(d: ReferralServiceDeps): Required<ReferralEligibility> {
  return {
    hasUsableReferral: async (patientId, visitTypeId, providerId) => {
      const db = currentDb(d.db);
      const today = await clinicToday(db, d.clock.now());
      return (await tickets(db, patientId, visitTypeId, providerId, today).executeTakeFirst()) !== undefined;
    },
    linkBooking: async (visit, options) => {
      const db = currentDb(d.db);
      const today = await clinicToday(db, d.clock.now());
      // locked: of two bookings racing for a ticket's last visit, the second waits, re-reads and finds none left
      const ticket = await tickets(db, visit.patientId, visit.visitTypeId, visit.providerId, today)
        .forUpdate()
        .executeTakeFirst();
      if (!ticket) {
        if (!options.required) return;
        throw new DomainError(
          "conflict",
          "This type of visit needs an approved referral, and yours has no visits left or has expired. You can request a referral from your primary care physician.",
          { reason: "referral_required" },
        );
      }
      const used = ticket.visits_used + 1;
      const moved = transition("approved", "book", { lastVisit: used >= (ticket.visits_allowed ?? 0) });
      if (!moved.ok) return;
      await db
        .updateTable("referrals")
        .set({ visits_used: used, status: moved.to, updated_at: d.clock.now() })
        .where("id", "=", ticket.id)
        .execute();
      await db
        .insertInto("referral_appointments")
        .values({ appointment_id: visit.appointmentId, referral_id: ticket.id, patient_id: visit.patientId })
        .execute();
      await recordEvent(d, db, ticket.id, visit.patientId, "visit_booked", moved.to);
    },
    releaseBooking: (appointmentId) => releaseBooking(d, appointmentId),
    moveBooking: async (fromAppointmentId, toAppointmentId) => {
      const db = currentDb(d.db);
      const link = await heldBy(db, fromAppointmentId);
      if (!link) return;
      await db
        .updateTable("referral_appointments")
        .set({ released_at: d.clock.now() })
        .where("appointment_id", "=", fromAppointmentId)
        .execute();
      await db
        .insertInto("referral_appointments")
        .values({ appointment_id: toAppointmentId, referral_id: link.referral_id, patient_id: link.patient_id })
        .execute();
    },
  };
}

/** Inside the cancelling transaction: a referral-linked visit gives its visit back. */
export async function releaseBooking(d: ReferralServiceDeps, appointmentId: string): Promise<void> {
  const db = currentDb(d.db);
  const link = await heldBy(db, appointmentId);
  if (!link) return;
  const now = d.clock.now();
  const referral = await db
    .selectFrom("referrals")
    .select(["status", "visits_used", "expires_on"])
    .where("id", "=", link.referral_id)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const today = await clinicToday(db, now);
  const expired = referral.expires_on !== null && dateText(referral.expires_on) < today;
  const moved = transition(referral.status, "release", { expired });
  await db
    .updateTable("referral_appointments")
    .set({ released_at: now })
    .where("appointment_id", "=", appointmentId)
    .execute();
  await db
    .updateTable("referrals")
    .set({
      visits_used: Math.max(0, referral.visits_used - 1),
      ...(moved.ok ? { status: moved.to } : {}),
      updated_at: now,
    })
    .where("id", "=", link.referral_id)
    .execute();
  await recordEvent(d, db, link.referral_id, link.patient_id, "visit_cancelled", moved.ok ? moved.to : referral.status);
}

/**
 * A visit was marked completed (scheduling's `whenVisitCompleted`, inside the transaction
 * that marks it): the referral it was booked with completes at once when all its allowed
 * visits have now taken place — not up to a day later with the daily sweep.
 */
export async function visitCompleted(d: ReferralServiceDeps, visit: { appointmentId: string }): Promise<void> {
  const trx = currentDb(d.db);
  const link = await heldBy(trx, visit.appointmentId);
  if (link) await completeWhenAllVisitsTookPlace(d, trx, link.referral_id);
}

/** Under the referral's row lock: approved/scheduled with every allowed visit completed → completed (history row). */
export async function completeWhenAllVisitsTookPlace(
  d: ReferralServiceDeps,
  trx: Db,
  referralId: string,
): Promise<boolean> {
  const row = await trx
    .selectFrom("referrals")
    .select(["status", "patient_id", "visits_allowed"])
    .where("id", "=", referralId)
    .forUpdate()
    .executeTakeFirst();
  if (!row || !(row.status === "approved" || row.status === "scheduled")) return false;
  const { n } = await trx
    .selectFrom("referral_appointments as ra")
    .innerJoin("appointments as a", "a.id", "ra.appointment_id")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("ra.referral_id", "=", referralId)
    .where("ra.released_at", "is", null)
    .where("a.status", "=", "completed")
    .executeTakeFirstOrThrow();
  if (Number(n) < (row.visits_allowed ?? 1)) return false;
  const result = transition(row.status, "complete", { lastVisit: true });
  if (!result.ok) return false;
  await trx
    .updateTable("referrals")
    .set({ status: result.to, updated_at: d.clock.now() })
    .where("id", "=", referralId)
    .execute();
  await recordEvent(d, trx, referralId, row.patient_id, "visit_completed", result.to, null);
  return true;
}
