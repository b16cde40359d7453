import { type SqlBool, sql } from "kysely";
import { clinicToday } from "../../platform/time-zones.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { notifyPatient } from "./referral-notices.ts";
import { addDays, dateText, EXPIRY_REMINDER_DAYS, type ReferralServiceDeps, recordEvent } from "./referral-shared.ts";
import { completeWhenAllVisitsTookPlace, releaseBooking } from "./referral-tickets.ts";
import { transition } from "./state-machine.ts";

/** The daily job `referrals.expire` (referral-service.ts): visits settled, lapsed tickets expired, reminders sent. */

/**
 * The daily sweep's first part: a referral-linked visit cancelled some other way than the
 * patient's or desk's cancel (a provider's day off) gives its visit back; a referral whose
 * allowed visits have all taken place is completed. Returns what it did.
 */
export async function settleVisits(d: ReferralServiceDeps): Promise<{ released: number; completed: number }> {
  const db = d.db;
  const cancelled = await db
    .selectFrom("referral_appointments as ra")
    .innerJoin("appointments as a", "a.id", "ra.appointment_id")
    .select("ra.appointment_id")
    .where("ra.released_at", "is", null)
    .where("a.status", "=", "cancelled")
    .execute();
  for (const c of cancelled) {
    await inTransaction(db, () => releaseBooking(d, c.appointment_id));
  }
  const done = await db
    .selectFrom("referrals as r")
    .select(["r.id", "r.patient_id"])
    .where("r.status", "in", ["approved", "scheduled"])
    .where(
      sql<SqlBool>`(select count(*) from referral_appointments ra join appointments a on a.id = ra.appointment_id where ra.referral_id = r.id and ra.released_at is null and a.status = 'completed') >= r.visits_allowed`,
    )
    .execute();
  let completed = 0;
  for (const r of done) {
    const moved = await inTransaction(db, (trx) => completeWhenAllVisitsTookPlace(d, trx, r.id));
    if (moved) completed += 1;
  }
  return { released: cancelled.length, completed };
}

/**
 * The daily sweep: an approved ticket past its last day expires (the patient is told); one
 * lapsing within EXPIRY_REMINDER_DAYS gets one reminder. Returns what it did.
 */
export async function expireAndRemind(d: ReferralServiceDeps): Promise<{ expired: number; reminded: number }> {
  const now = d.clock.now();
  const today = await clinicToday(d.db, now);
  const lapsed = await d.db
    .selectFrom("referrals")
    .select(["id", "patient_id"])
    .where("status", "=", "approved")
    .where("expires_on", "<", today)
    .execute();
  let expired = 0;
  for (const r of lapsed) {
    const done = await inTransaction(d.db, async (trx) => {
      const row = await trx
        .selectFrom("referrals")
        .select(["status", "expires_on"])
        .where("id", "=", r.id)
        .forUpdate()
        .executeTakeFirst();
      if (row?.status !== "approved" || dateText(row.expires_on) >= today) return false;
      const moved = transition(row.status, "expire");
      if (!moved.ok) return false;
      await trx.updateTable("referrals").set({ status: moved.to, updated_at: now }).where("id", "=", r.id).execute();
      await recordEvent(d, trx, r.id, r.patient_id, "expired", moved.to, null);
      await d.audit.record({
        action: "expire",
        resourceType: "referral",
        resourceId: r.id,
        patientId: r.patient_id,
        actingAs: "system",
      });
      await notifyPatient(d, trx, r.patient_id, "expired");
      return true;
    });
    if (done) expired += 1;
  }
  const soon = await d.db
    .selectFrom("referrals")
    .select(["id", "patient_id"])
    .where("status", "=", "approved")
    .where("expires_on", ">=", today)
    .where("expires_on", "<=", addDays(today, EXPIRY_REMINDER_DAYS))
    .where("expiry_reminded_at", "is", null)
    .execute();
  let reminded = 0;
  for (const r of soon) {
    await inTransaction(d.db, async (trx) => {
      const updated = await trx
        .updateTable("referrals")
        .set({ expiry_reminded_at: now })
        .where("id", "=", r.id)
        .where("expiry_reminded_at", "is", null)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) return;
      await recordEvent(d, trx, r.id, r.patient_id, "expiry_reminder_sent", "approved", null);
      await notifyPatient(d, trx, r.patient_id, "expiring");
      reminded += 1;
    });
  }
  return { expired, reminded };
}
