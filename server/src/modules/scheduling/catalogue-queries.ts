import type { Compilable, Kysely, Transaction } from "kysely";
import { compiledQuery } from "../../db/compiled-query.ts";
import type { DB } from "../../db/schema.ts";

type Db = Kysely<DB> | Transaction<DB>;

/** Scheduling's catalogue: visit types, the providers of a specialty and where they work, the clinic's zone. */

export function listVisitTypes(db: Db, options: { activeOnly: boolean }) {
  let query = db.selectFrom("visit_types").selectAll().orderBy("specialty").orderBy("name");
  if (options.activeOnly) query = query.where("active", "=", true);
  return query.execute();
}

const visitTypeQuery = compiledQuery("portico_visit_type", (db, { id }: { id: string }) =>
  db.selectFrom("visit_types").selectAll().where("id", "=", id),
);

export async function findVisitType(db: Db, id: string) {
  return (await visitTypeQuery(db, { id }))[0];
}

export interface ProviderAtLocation {
  providerId: string;
  providerName: string;
  specialty: string;
  acceptingNewPatients: boolean;
  locationId: string;
  locationName: string;
  timeZone: string;
}

/** Active providers of a specialty with their active locations, optionally narrowed. */
export function providersForSpecialty(
  db: Db,
  specialty: string,
  filter: { providerId?: string; locationId?: string },
): Promise<ProviderAtLocation[]> {
  // the two shapes of every slot search and booking: compiled once, prepared
  if (!filter.locationId) {
    return filter.providerId
      ? providersOfSpecialtyByIdQuery(db, { specialty, providerId: filter.providerId })
      : providersOfSpecialtyQuery(db, { specialty });
  }
  return providersForSpecialtyQuery(db, specialty, filter).execute() as Promise<ProviderAtLocation[]>;
}

const providersOfSpecialtyQuery = compiledQuery(
  "portico_providers_of_specialty",
  (db, { specialty }: { specialty: string }) =>
    providersForSpecialtyQuery(db, specialty, {}) as unknown as Compilable<ProviderAtLocation>,
);
const providersOfSpecialtyByIdQuery = compiledQuery(
  "portico_provider_of_specialty",
  (db, { specialty, providerId }: { specialty: string; providerId: string }) =>
    providersForSpecialtyQuery(db, specialty, { providerId }) as unknown as Compilable<ProviderAtLocation>,
);

function providersForSpecialtyQuery(db: Db, specialty: string, filter: { providerId?: string; locationId?: string }) {
  let query = db
    .selectFrom("providers as p")
    .innerJoin("provider_locations as pl", "pl.provider_id", "p.id")
    .innerJoin("locations as l", "l.id", "pl.location_id")
    .select([
      "p.id as providerId",
      "p.display_name as providerName",
      "p.specialty as specialty",
      "p.accepting_new_patients as acceptingNewPatients",
      "l.id as locationId",
      "l.name as locationName",
      "l.time_zone as timeZone",
    ])
    .where("p.active", "=", true)
    .where("l.active", "=", true)
    .where("p.specialty", "=", specialty);
  if (filter.providerId) query = query.where("p.id", "=", filter.providerId);
  if (filter.locationId) query = query.where("l.id", "=", filter.locationId);
  return query;
}
/** The zone of the clinic's first location: the stand-in when no patient is named (staff searching). */
export async function clinicTimeZone(db: Db): Promise<string> {
  const row = await db
    .selectFrom("locations")
    .select("time_zone")
    .orderBy("created_at")
    .orderBy("name")
    .orderBy("id")
    .limit(1)
    .executeTakeFirst();
  return row?.time_zone ?? "UTC";
}
