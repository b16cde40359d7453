import type { ReferralEventKind, ReferralStatus } from "@portico/contracts";
import { sql } from "kysely";
import type { Config } from "../../config.ts";
import type { Database } from "../../db/database.ts";
import type { ReferralStatusValue } from "../../db/tables/referrals.ts";
import type { AccessService, PatientAccess } from "../../platform/access/patient-access.ts";
import type { PatientRows } from "../../platform/access/scoped-query.ts";
import type { AuditLog } from "../../platform/audit/audit-log.ts";
import type { Clock } from "../../platform/clock.ts";
import { currentContext } from "../../platform/context.ts";
import type { FieldCipher } from "../../platform/crypto.ts";
import { DomainError, notFound } from "../../platform/errors.ts";
import type { JobQueue } from "../../platform/jobs/index.ts";
import type { Mailer } from "../../platform/mail/mailer.ts";
import type { currentDb } from "../../platform/transaction.ts";
import type { WorkQueueService } from "../../platform/work-queue/work-queue.ts";
import { type ReferralAction, type TransitionFacts, transition } from "./state-machine.ts";

/** What every part of the referrals capability shares: its dependencies, the rows it reads, its history. */

export type Db = ReturnType<typeof currentDb>;

export const REFERRAL_QUEUE = "referrals" as const;
export const REFERRAL_SUBJECT = "referral";
export const REFERRAL_EXPIRY_QUEUE = "referrals.expire";
/** the expiry reminder goes this many days before the last day */
export const EXPIRY_REMINDER_DAYS = 3;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

export const PATIENT_NAME = sql<string>`coalesce(p.preferred_name, p.legal_given_name) || ' ' || p.legal_family_name`;

export interface ReferralServiceDeps {
  db: Database;
  clock: Clock;
  access: AccessService;
  audit: AuditLog;
  jobs: JobQueue;
  mailer: Mailer;
  config: Pick<Config, "publicUrl">;
  workQueue: WorkQueueService;
  cipher: FieldCipher;
}

/** Referrals with what the pages show of them: all of them, or (given its scoped rows) one patient's. */
export function selectReferrals(db: Db, of?: PatientRows) {
  return (of ? of.selectFrom(db, "referrals", "r") : db.selectFrom("referrals as r"))
    .innerJoin("patients as p", "p.id", "r.patient_id")
    .leftJoin("providers as pp", "pp.id", "r.preferred_provider_id")
    .leftJoin("locations as pl", "pl.id", "r.preferred_location_id")
    .leftJoin("providers as pcp", "pcp.id", "r.pcp_provider_id")
    .leftJoin("providers as ap", "ap.id", "r.approved_provider_id")
    .leftJoin("users as ru", "ru.id", "r.requested_by")
    .leftJoin("users as du", "du.id", "r.decided_by")
    .leftJoin("visit_types as vt", "vt.id", "r.visit_type_id")
    .select([
      "r.id",
      "r.patient_id",
      PATIENT_NAME.as("patient_name"),
      "p.date_of_birth",
      "r.status",
      "r.specialty",
      "r.reason_sealed",
      "r.urgency",
      "pp.id as preferred_provider_id",
      "pp.display_name as preferred_provider_name",
      "pp.specialty as preferred_provider_specialty",
      "pl.id as preferred_location_id",
      "pl.name as preferred_location_name",
      "pcp.id as pcp_id",
      "pcp.display_name as pcp_name",
      "ru.display_name as requested_by_name",
      "r.requested_by_kind",
      "ap.id as approved_provider_id",
      "ap.display_name as approved_provider_name",
      "ap.specialty as approved_provider_specialty",
      "r.approved_specialty",
      "r.visits_allowed",
      "r.visits_used",
      "r.expires_on",
      "du.display_name as decided_by_name",
      "r.decided_at",
      "r.denial_reason_sealed",
      "vt.id as visit_type_id",
      "vt.name as visit_type_name",
      "r.visit_note_sealed",
      "r.created_at",
    ]);
}
export type ReferralRow = Awaited<ReturnType<ReturnType<typeof selectReferrals>["execute"]>>[number];

export const dateText = (d: unknown): string =>
  d instanceof Date ? d.toISOString().slice(0, 10) : String(d ?? "").slice(0, 10);

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The patient or one of their caregivers (not staff). */
export function asPatientSide(access: PatientAccess): boolean {
  return access.basis === "patient" || access.basis === "proxy";
}

/** A history row of the referral (`referral_events`). */
export async function recordEvent(
  d: Pick<ReferralServiceDeps, "clock">,
  trx: Db,
  referralId: string,
  patientId: string,
  event: ReferralEventKind,
  status: ReferralStatus,
  byUserId: string | null = currentContext().actor.userId,
): Promise<void> {
  await trx
    .insertInto("referral_events")
    .values({
      referral_id: referralId,
      patient_id: patientId,
      event,
      status,
      by_user_id: byUserId,
      at: d.clock.now(),
    })
    .execute();
}

/** Locks the referral and checks the move; a refused move is a 409 and changes nothing. */
export async function moveReferral(
  trx: Db,
  referralId: string,
  action: ReferralAction,
  facts: TransitionFacts = {},
): Promise<{ id: string; patient_id: string; status: ReferralStatusValue; to: ReferralStatusValue }> {
  const row = await trx
    .selectFrom("referrals")
    .select(["id", "patient_id", "status"])
    .where("id", "=", referralId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound("referral");
  const result = transition(row.status, action, facts);
  if (!result.ok) {
    throw new DomainError(
      "conflict",
      `This referral is ${row.status.replace("_", " ")}: it cannot be changed that way.`,
      {
        reason: "referral_status",
        status: row.status,
      },
    );
  }
  return { ...row, to: result.to };
}

/**
 * A specialty some active provider works (else 422 on `field`); with a provider named, that
 * provider must be active and of that specialty (else 422 on the provider's field).
 */
export async function assertSpecialty(
  trx: Db,
  specialty: string,
  field: string,
  provider?: { id: string; field: string },
): Promise<void> {
  const any = await trx
    .selectFrom("providers")
    .select("id")
    .where("specialty", "=", specialty)
    .where("active", "=", true)
    .executeTakeFirst();
  if (!any) {
    throw new DomainError("unprocessable", "No specialist of that kind works at the clinic.", [
      { field, problem: "unknown_specialty" },
    ]);
  }
  if (!provider) return;
  const named = await trx
    .selectFrom("providers")
    .select(["id", "specialty"])
    .where("id", "=", provider.id)
    .where("active", "=", true)
    .executeTakeFirst();
  if (named?.specialty !== specialty) {
    throw new DomainError("unprocessable", "That specialist was not found for this specialty.", [
      { field: provider.field, problem: "unknown_provider" },
    ]);
  }
}
