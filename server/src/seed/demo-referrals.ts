import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { Temporal } from "temporal-polyfill";
import type { ReferralStatusValue } from "../db/tables/referrals.ts";
import { referralDenialSeal, referralReasonSeal, referralVisitNoteSeal } from "../modules/referrals/seals.ts";
import { addBusinessDays } from "../platform/work-queue/work-queue.ts";
import type { DemoSeedContext } from "./demo-clinic.ts";

const DAY_MS = 86_400_000;
const day = (now: Date, offset: number) => new Date(now.getTime() + offset * DAY_MS).toISOString().slice(0, 10);

interface DemoReferral {
  patient: string;
  specialty: string;
  reason: string;
  urgency: "routine" | "soon" | "urgent";
  status: ReferralStatusValue;
  daysAgo: number;
  approve?: { provider: string | null; visits: number; expiresInDays: number };
  denialReason?: string;
  visitNote?: string;
  /** the visit booked with it: days from now (negative: it took place), at 07:30 in Brooklyn */
  visit?: { visitType: string; inDays: number };
}

/**
 * Referrals for the demo (SPEC §7), one in each state: Alex Rivera holds an approved
 * dermatology referral (two visits with Dr. Haddad) and a denied and an expired one; Sam's
 * cardiology request waits in Dr. Okafor's referral queue, Sam's dermatology referral was
 * completed by its visit 20 days ago and another was withdrawn (cancelled); Morgan's scalp
 * request asks for a visit first and Morgan's cardiology referral has its visit booked with
 * Dr. Lindqvist (scheduled). Alex may still ask for cardiology (the booking journey).
 */
export async function seedDemoReferrals(ctx: DemoSeedContext): Promise<void> {
  const { trx, now, ids } = ctx;
  const okafor = ids["provider:okafor"] as string;
  const okaforUser = ids["user:okafor"] ?? null;
  const referrals: DemoReferral[] = [
    {
      patient: "patient:alex",
      specialty: "dermatology",
      reason: "A mole on my shoulder has changed shape.",
      urgency: "soon",
      status: "approved",
      daysAgo: 6,
      approve: { provider: "provider:haddad", visits: 2, expiresInDays: 60 },
    },
    {
      patient: "patient:alex",
      specialty: "cardiology",
      reason: "Checking my heart before running a marathon.",
      urgency: "routine",
      status: "denied",
      daysAgo: 40,
      denialReason: "Your recent check-up and ECG were normal; a cardiology visit is not needed now.",
    },
    {
      patient: "patient:alex",
      specialty: "dermatology",
      reason: "Rash on both hands.",
      urgency: "routine",
      status: "expired",
      daysAgo: 200,
      approve: { provider: null, visits: 1, expiresInDays: -110 },
    },
    {
      patient: "patient:sam",
      specialty: "cardiology",
      reason: "Short of breath climbing stairs for a month.",
      urgency: "soon",
      status: "requested",
      daysAgo: 1,
    },
    {
      patient: "patient:morgan",
      specialty: "dermatology",
      reason: "Itchy patches on my scalp.",
      urgency: "routine",
      status: "visit_requested",
      daysAgo: 3,
      visitNote: "Let's look at it together first; please book a visit with me.",
    },
    {
      patient: "patient:morgan",
      specialty: "cardiology",
      reason: "Heart racing after coffee, for a few weeks.",
      urgency: "soon",
      status: "scheduled",
      daysAgo: 8,
      approve: { provider: "provider:lindqvist", visits: 1, expiresInDays: 45 },
      visit: { visitType: "cardio-consult", inDays: 9 },
    },
    {
      patient: "patient:sam",
      specialty: "dermatology",
      reason: "A wart on my thumb that keeps coming back.",
      urgency: "routine",
      status: "completed",
      daysAgo: 50,
      approve: { provider: "provider:haddad", visits: 1, expiresInDays: 10 },
      visit: { visitType: "derm-consult", inDays: -20 },
    },
    {
      patient: "patient:sam",
      specialty: "dermatology",
      reason: "Dry skin on my elbows.",
      urgency: "routine",
      status: "cancelled",
      daysAgo: 15,
    },
  ];
  for (const r of referrals) {
    const patientId = ids[r.patient];
    if (!patientId) continue;
    const pcp = await trx
      .selectFrom("patients")
      .select(["pcp_provider_id", "user_id"])
      .where("id", "=", patientId)
      .executeTakeFirstOrThrow();
    const createdAt = new Date(now.getTime() - r.daysAgo * DAY_MS);
    const decidedAt = new Date(createdAt.getTime() + DAY_MS);
    const id = randomUUID();
    const row = await trx
      .insertInto("referrals")
      .values({
        id,
        patient_id: patientId,
        status: r.status,
        specialty: r.specialty,
        reason_sealed: ctx.cipher.seal(r.reason, referralReasonSeal(id)),
        urgency: r.urgency,
        pcp_provider_id: pcp.pcp_provider_id,
        requested_by: pcp.user_id,
        requested_by_kind: "patient",
        approved_provider_id: r.approve?.provider ? (ids[r.approve.provider] ?? null) : null,
        approved_specialty: r.approve ? r.specialty : null,
        visits_allowed: r.approve?.visits ?? null,
        expires_on: r.approve ? day(now, r.approve.expiresInDays) : null,
        decided_by: r.approve || r.denialReason ? okaforUser : null,
        decided_at: r.approve || r.denialReason ? decidedAt : null,
        denial_reason_sealed: r.denialReason ? ctx.cipher.seal(r.denialReason, referralDenialSeal(id)) : null,
        visit_note_sealed: r.visitNote ? ctx.cipher.seal(r.visitNote, referralVisitNoteSeal(id)) : null,
        created_at: createdAt,
        updated_at: decidedAt,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const events: { event: string; status: ReferralStatusValue; at: Date; by: string | null }[] = [
      { event: "requested", status: "requested", at: createdAt, by: pcp.user_id },
    ];
    if (r.approve) events.push({ event: "approved", status: "approved", at: decidedAt, by: okaforUser });
    if (r.denialReason) events.push({ event: "denied", status: "denied", at: decidedAt, by: okaforUser });
    if (r.visitNote)
      events.push({ event: "visit_requested", status: "visit_requested", at: decidedAt, by: okaforUser });
    if (r.status === "expired") {
      events.push({ event: "expired", status: "expired", at: new Date(now.getTime() - 109 * DAY_MS), by: null });
    }
    if (r.status === "cancelled") {
      events.push({ event: "cancelled", status: "cancelled", at: decidedAt, by: pcp.user_id });
    }
    if (r.visit && r.approve) {
      // the visit booked with the ticket (07:30 in Brooklyn, before the day's bookable times)
      const zone = "America/New_York";
      const date = Temporal.Instant.fromEpochMilliseconds(now.getTime() + r.visit.inDays * DAY_MS)
        .toZonedDateTimeISO(zone)
        .toPlainDate();
      const start = new Date(
        date.toZonedDateTime({ timeZone: zone, plainTime: Temporal.PlainTime.from("07:30") }).epochMilliseconds,
      );
      const end = new Date(start.getTime() + 45 * 60_000);
      const done = r.visit.inDays < 0;
      const { id: appointmentId } = await trx
        .insertInto("appointments")
        .values({
          patient_id: patientId,
          provider_id: ids[r.approve.provider ?? ""] as string,
          location_id: ids["location:brooklyn"] as string,
          visit_type_id: ids[`visit-type:${r.visit.visitType}`] as string,
          starts_at: start,
          ends_at: end,
          blocked: sql<string>`tstzrange(${start}, ${end})`,
          status: done ? "completed" : "booked",
          ...(done ? { arrived_at: new Date(start.getTime() - 10 * 60_000), completed_at: end } : {}),
          booked_by: pcp.user_id,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("referral_appointments")
        .values({ appointment_id: appointmentId, referral_id: row.id, patient_id: patientId, released_at: null })
        .execute();
      await trx.updateTable("referrals").set({ visits_used: 1 }).where("id", "=", row.id).execute();
      const bookedAt = new Date(decidedAt.getTime() + DAY_MS);
      events.push({ event: "visit_booked", status: "scheduled", at: bookedAt, by: pcp.user_id });
      if (done) events.push({ event: "visit_completed", status: "completed", at: end, by: null });
    }
    await trx
      .insertInto("referral_events")
      .values(
        events.map((e) => ({
          referral_id: row.id,
          patient_id: patientId,
          event: e.event,
          status: e.status,
          by_user_id: e.by,
          at: e.at,
        })),
      )
      .execute();
    if (r.status === "requested" || r.status === "visit_requested") {
      await trx
        .insertInto("work_items")
        .values({
          queue: "referrals",
          patient_id: patientId,
          subject_type: "referral",
          subject_id: row.id,
          provider_id: pcp.pcp_provider_id ?? okafor,
          due_at: addBusinessDays(createdAt, 3),
          created_at: createdAt,
        })
        .execute();
    }
  }
  ctx.notes.push(
    "Referrals: Alex Rivera holds an approved dermatology referral (book Dr. Haddad), a denied and an expired one; Sam's cardiology request waits in Dr. Okafor's referral queue (dr.okafor@, nurse@), Sam has a completed and a cancelled one; Morgan's cardiology visit with Dr. Lindqvist is booked (scheduled)",
  );
}
