import type { Config } from "../../config.ts";
import type { Database } from "../../db/database.ts";
import type { AccessService } from "../../platform/access/patient-access.ts";
import type { Clock } from "../../platform/clock.ts";
import type { JobQueue } from "../../platform/jobs/index.ts";
import type { Logger } from "../../platform/logging.ts";
import type { Mailer } from "../../platform/mail/mailer.ts";
import { patientTimeZoneSql } from "../../platform/time-zones.ts";
import { currentDb } from "../../platform/transaction.ts";
import { waitlistOfferGone } from "./mail-templates.ts";
import { appointmentRecipients, SLOT_FREED_QUEUE, type SlotFreedPayload } from "./scheduling-events.ts";
import type { SchedulingService } from "./service.ts";

export interface WaitlistDeps {
  db: Database;
  clock: Clock;
  access: AccessService;
  jobs: JobQueue;
  mailer: Mailer;
  logger: Logger;
  config: Pick<Config, "publicUrl">;
  scheduling: SchedulingService;
  /** how many patients are offered one freed time at once (default 3) */
  offersPerSlot?: number;
  /** how long an offer stays open at most (default 2 hours); never past the visit type's booking notice */
  offerTtlMinutes?: number;
}

export const LIVE = ["booked", "confirmed"] as const;

/** A time offered to waitlisted patients: the columns an offer row keeps of it. */
export interface OfferedTime {
  provider_id: string;
  visit_type_id: string;
  location_id: string;
  starts_at: Date;
  ends_at: Date;
}

/** A time that goes back to the waitlist: the `scheduling.slot-freed` job offers it to the next patients in line. */
export async function reoffer(deps: Pick<WaitlistDeps, "clock" | "jobs">, o: OfferedTime): Promise<void> {
  if (o.starts_at <= deps.clock.now()) return;
  const payload: SlotFreedPayload = {
    providerId: o.provider_id,
    visitTypeId: o.visit_type_id,
    locationId: o.location_id,
    start: o.starts_at.toISOString(),
    end: o.ends_at.toISOString(),
  };
  await deps.jobs.enqueue(SLOT_FREED_QUEUE, payload);
}

/** A request's open offers are withdrawn, and their times go back to the waitlist. */
export async function withdrawOpenOffers(
  deps: Pick<WaitlistDeps, "db" | "clock" | "jobs">,
  requestId: string,
  now: Date,
): Promise<void> {
  const withdrawn = await currentDb(deps.db)
    .updateTable("waitlist_offers")
    .set({ status: "declined", resolved_at: now })
    .where("request_id", "=", requestId)
    .where("status", "=", "open")
    .returning(["provider_id", "visit_type_id", "location_id", "starts_at", "ends_at"])
    .execute();
  for (const o of withdrawn) await reoffer(deps, o);
}

/** The patient is told (by email) that a time offered to them was taken by someone else. */
export async function tellGone(
  deps: Pick<WaitlistDeps, "db" | "mailer" | "config">,
  patientId: string,
  now: Date,
): Promise<void> {
  const db = currentDb(deps.db);
  for (const to of await appointmentRecipients(db, patientId, now)) {
    await deps.mailer.send({
      to: to.email,
      locale: to.locale,
      template: waitlistOfferGone,
      params: { appointmentsUrl: `${deps.config.publicUrl}/appointments` },
    });
  }
}

/**
 * Whether the patient has a visit (not cancelled) overlapping [start, end): asked by the
 * waitlist's matching job and by a clinic's cancellation before offering a time, for a patient
 * found through the provider's calendar (not through an access to one patient).
 */
export async function hasVisitDuring(
  db: ReturnType<typeof currentDb>,
  patientId: string,
  start: Date,
  end: Date,
): Promise<boolean> {
  const clash = await db
    .selectFrom("appointments")
    .select("id")
    .where("patient_id", "=", patientId)
    .where("status", "<>", "cancelled")
    .where("starts_at", "<", end)
    .where("ends_at", ">", start)
    .executeTakeFirst();
  return clash !== undefined;
}

/** The zone a patient found through a provider's calendar sees times in (for the offer's email). */
export async function patientZoneOf(db: ReturnType<typeof currentDb>, patientId: string): Promise<string | undefined> {
  const patient = await db
    .selectFrom("patients as p")
    .select(patientTimeZoneSql("p").as("timeZone"))
    .where("p.id", "=", patientId)
    .executeTakeFirst();
  return patient?.timeZone;
}
