import type { Referral, ReferralEvent, ReferralEventKind, ReferralQueueItem, ReferralStatus } from "@portico/contracts";
import type { PatientAccess } from "../../platform/access/patient-access.ts";
import { patientRows } from "../../platform/access/scoped-query.ts";
import { currentContext } from "../../platform/context.ts";
import { notFound } from "../../platform/errors.ts";
import { clinicToday } from "../../platform/time-zones.ts";
import { currentDb } from "../../platform/transaction.ts";
import { mayDecide } from "./practice.ts";
import {
  dateText,
  HOUR_MS,
  REFERRAL_QUEUE,
  REFERRAL_SUBJECT,
  type ReferralRow,
  type ReferralServiceDeps,
  selectReferrals,
} from "./referral-shared.ts";
import { referralDenialSeal, referralReasonSeal, referralVisitNoteSeal } from "./seals.ts";
import { transition } from "./state-machine.ts";

/** How a referral reads: one through the caller's access, a page of them, a queue's items. */

/** One referral of the access's patient (404 when it is not theirs). */
export async function oneReferral(
  d: ReferralServiceDeps,
  access: PatientAccess,
  referralId: string,
): Promise<Referral> {
  const row = await selectReferrals(currentDb(d.db), patientRows(access, "referrals", access.action))
    .where("r.id", "=", referralId)
    .executeTakeFirst();
  if (!row) throw notFound("referral");
  return (await presentReferrals(d, [row]))[0] as Referral;
}

/** Referrals as the API shows them, with history, linked visits and what the caller may do. */
export async function presentReferrals(d: ReferralServiceDeps, rows: readonly ReferralRow[]): Promise<Referral[]> {
  if (rows.length === 0) return [];
  const db = currentDb(d.db);
  const actor = currentContext().actor;
  const ids = rows.map((r) => r.id);
  const [events, visits, decidable, today] = await Promise.all([
    db
      .selectFrom("referral_events as e")
      .leftJoin("users as u", "u.id", "e.by_user_id")
      .select(["e.referral_id", "e.event", "e.status", "e.at", "u.display_name as by_name"])
      .where("e.referral_id", "in", ids)
      .orderBy("e.seq")
      .execute(),
    db
      .selectFrom("referral_appointments as ra")
      .innerJoin("appointments as a", "a.id", "ra.appointment_id")
      .innerJoin("providers as pr", "pr.id", "a.provider_id")
      .innerJoin("visit_types as vt", "vt.id", "a.visit_type_id")
      .select([
        "ra.referral_id",
        "ra.released_at",
        "a.id",
        "a.starts_at",
        "a.status",
        "pr.id as provider_id",
        "pr.display_name as provider_name",
        "vt.id as visit_type_id",
        "vt.name as visit_type_name",
      ])
      .where("ra.referral_id", "in", ids)
      .orderBy("a.starts_at")
      .execute(),
    mayDecide(d, ids),
    clinicToday(db, d.clock.now()),
  ]);
  const tickets = rows.filter((r) => r.status === "approved" || r.status === "scheduled");
  const bookable = new Map<string, { id: string; name: string; providerId: string }[]>();
  for (const t of tickets) {
    const specialty = t.approved_provider_specialty ?? t.approved_specialty ?? t.specialty;
    let q = db
      .selectFrom("visit_types as vt")
      .innerJoin("providers as pr", "pr.specialty", "vt.specialty")
      .select(["vt.id", "vt.name", "pr.id as provider_id"])
      .where("vt.booking_kind", "=", "referral")
      .where("vt.active", "=", true)
      .where("pr.active", "=", true)
      .where("vt.specialty", "=", specialty);
    if (t.approved_provider_id) q = q.where("pr.id", "=", t.approved_provider_id);
    const found = await q.orderBy("vt.name").orderBy("pr.display_name").execute();
    bookable.set(
      t.id,
      found.map((f) => ({ id: f.id, name: f.name, providerId: f.provider_id })),
    );
  }
  const patientSide = new Map<string, boolean>();
  for (const row of rows) {
    if (!patientSide.has(row.patient_id)) {
      const self = actor.patientId === row.patient_id;
      const proxy = actor.grants.some((g) => g.patientId === row.patient_id);
      patientSide.set(
        row.patient_id,
        (self || proxy) && (await d.access.can(row.patient_id, { scope: "referrals", action: "write" })),
      );
    }
  }
  const cipher = d.cipher;
  const open = (value: string | null, seal: (id: string) => string, id: string) =>
    value === null ? null : cipher.open(value, seal(id));
  return rows.map((row) => {
    const status = row.status as ReferralStatus;
    const visitNote = open(row.visit_note_sealed, referralVisitNoteSeal, row.id);
    const rowVisits = visits.filter((v) => v.referral_id === row.id);
    const booked = rowVisits.some((v) => !v.released_at);
    const mine = patientSide.get(row.patient_id) ?? false;
    const decider = decidable.has(row.id);
    const expiresOn = row.expires_on ? dateText(row.expires_on) : null;
    const history: ReferralEvent[] = events
      .filter((e) => e.referral_id === row.id)
      .map((e) => ({
        at: e.at.toISOString(),
        event: e.event as ReferralEventKind,
        by: e.by_name ?? null,
        status: e.status as ReferralStatus,
      }));
    return {
      id: row.id,
      patient: { id: row.patient_id, displayName: row.patient_name },
      status,
      specialty: row.specialty,
      reason: open(row.reason_sealed, referralReasonSeal, row.id) ?? "",
      urgency: row.urgency,
      preferredProvider: row.preferred_provider_id
        ? {
            id: row.preferred_provider_id,
            displayName: row.preferred_provider_name ?? "",
            specialty: row.preferred_provider_specialty ?? "",
          }
        : null,
      preferredLocation: row.preferred_location_id
        ? { id: row.preferred_location_id, name: row.preferred_location_name ?? "" }
        : null,
      pcp: row.pcp_id ? { id: row.pcp_id, displayName: row.pcp_name ?? "" } : null,
      requestedBy: { displayName: row.requested_by_name ?? "", kind: row.requested_by_kind },
      createdAt: row.created_at.toISOString(),
      decision:
        row.visits_allowed !== null && expiresOn && row.decided_at
          ? {
              provider: row.approved_provider_id
                ? {
                    id: row.approved_provider_id,
                    displayName: row.approved_provider_name ?? "",
                    specialty: row.approved_provider_specialty ?? "",
                  }
                : null,
              specialty: row.approved_specialty ?? row.specialty,
              visitsAllowed: row.visits_allowed,
              visitsUsed: row.visits_used,
              expiresOn,
              decidedBy: row.decided_by_name ?? "",
              decidedAt: row.decided_at.toISOString(),
            }
          : null,
      denialReason: status === "denied" ? open(row.denial_reason_sealed, referralDenialSeal, row.id) : null,
      visitRequest:
        status === "visit_requested" || row.visit_type_id || visitNote
          ? {
              visitType: row.visit_type_id ? { id: row.visit_type_id, name: row.visit_type_name ?? "" } : null,
              note: visitNote,
            }
          : null,
      bookableVisitTypes: bookable.get(row.id) ?? [],
      appointments: rowVisits
        .filter((v) => !v.released_at)
        .map((v) => ({
          id: v.id,
          startsAt: v.starts_at.toISOString(),
          status: v.status,
          provider: { id: v.provider_id, displayName: v.provider_name },
          visitType: { id: v.visit_type_id, name: v.visit_type_name },
        })),
      history,
      abilities: {
        canApprove: decider && transition(status, "approve").ok,
        canDeny: decider && transition(status, "deny").ok,
        canAskForVisit: decider && transition(status, "ask_for_visit").ok,
        canCancel: (mine || decider) && transition(status, "cancel", { hasBookedVisits: booked }).ok,
        canBook:
          mine &&
          status === "approved" &&
          expiresOn !== null &&
          expiresOn >= today &&
          row.visits_used < (row.visits_allowed ?? 0),
      },
    };
  });
}

/** Queue rows: each referral with its patient, its age and its work item. */
export async function queueItems(d: ReferralServiceDeps, rows: readonly ReferralRow[]): Promise<ReferralQueueItem[]> {
  const referrals = await presentReferrals(d, rows);
  const items = await d.workQueue.forSubjects(
    REFERRAL_QUEUE,
    REFERRAL_SUBJECT,
    rows.map((r) => r.id),
  );
  const now = d.clock.now().getTime();
  return rows.map((row, i) => {
    const w = items.get(row.id);
    return {
      referral: referrals[i] as Referral,
      patient: { id: row.patient_id, displayName: row.patient_name, dateOfBirth: dateText(row.date_of_birth) },
      ageHours: Math.max(0, Math.floor((now - row.created_at.getTime()) / HOUR_MS)),
      workItem: w ?? null,
    };
  });
}
