import type { CreateAvailabilityException, CreateAvailabilityTemplate } from "@portico/contracts";
import type { Kysely, Transaction } from "kysely";
import type { Static } from "typebox";
import type { DB } from "../../db/schema.ts";
import { DomainError, notFound } from "../../platform/errors.ts";

type Db = Kysely<DB> | Transaction<DB>;

/** What the clinic's catalogue must say before a weekly time or an exception is saved. */

/** The provider (404 when there is none). */
export async function findProvider(db: Db, providerId: string) {
  const provider = await db
    .selectFrom("providers")
    .select(["id", "specialty"])
    .where("id", "=", providerId)
    .executeTakeFirst();
  if (!provider) throw notFound("provider");
  return provider;
}

/** Whether the provider works at the location. */
export async function worksAt(db: Db, providerId: string, locationId: string): Promise<boolean> {
  const atLocation = await db
    .selectFrom("provider_locations")
    .select("location_id")
    .where("provider_id", "=", providerId)
    .where("location_id", "=", locationId)
    .executeTakeFirst();
  return atLocation !== undefined;
}

/** A weekly time's visit types all exist and are of the provider's specialty. */
export async function checkVisitTypesOfSpecialty(db: Db, visitTypeIds: string[], specialty: string): Promise<void> {
  if (!visitTypeIds.length) return;
  const valid = await db
    .selectFrom("visit_types")
    .select("id")
    .where("id", "in", visitTypeIds)
    .where("specialty", "=", specialty)
    .execute();
  if (valid.length !== visitTypeIds.length)
    throw new DomainError("validation_failed", "Some visit types do not exist or are of another specialty.");
}

/** A new weekly time does not overlap another of the same provider on the same weekday and days. */
export async function checkNoOverlappingTemplate(
  db: Db,
  providerId: string,
  input: Static<typeof CreateAvailabilityTemplate>,
): Promise<void> {
  const overlapping = await db
    .selectFrom("availability_templates")
    .select("id")
    .where("provider_id", "=", providerId)
    .where("weekday", "=", input.weekday)
    .where("start_time", "<", input.endTime)
    .where("end_time", ">", input.startTime)
    .where((eb) => eb.or([eb("valid_until", "is", null), eb("valid_until", ">=", input.validFrom ?? "0001-01-01")]))
    .where((eb) => eb.or([eb("valid_from", "is", null), eb("valid_from", "<=", input.validUntil ?? "9999-12-31")]))
    .executeTakeFirst();
  if (overlapping) throw new DomainError("conflict", "This overlaps another weekly time for the same provider.");
}

/** An exception's times, checked: it ends after it starts, lasts at most a year, extra hours name a location. */
export function exceptionTimes(input: Static<typeof CreateAvailabilityException>): { start: Date; end: Date } {
  const start = new Date(input.start);
  const end = new Date(input.end);
  if (!(end > start)) throw new DomainError("validation_failed", "The end must be after the start.");
  if (end.getTime() - start.getTime() > 366 * 86_400_000)
    throw new DomainError("validation_failed", "An exception can last at most a year.");
  if (input.kind === "extra_hours" && !input.locationId)
    throw new DomainError("validation_failed", "Extra hours need a location.");
  return { start, end };
}
