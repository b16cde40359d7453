import type { Kysely, Transaction } from "kysely";
import { compiledQuery } from "../../db/compiled-query.ts";
import type { DB } from "../../db/schema.ts";
import { activeVisitType, type BookableVisitType } from "./booking-rules.ts";
import { type ProviderAtLocation, providersForSpecialty } from "./catalogue-queries.ts";

type Db = Kysely<DB> | Transaction<DB>;

/** What slot search needs of the catalogue for one visit type, and the catalogue version it was read under. */
export interface Catalogue {
  version: number;
  visitType: BookableVisitType;
  /** the active providers of the visit type's specialty at their active locations */
  places: readonly ProviderAtLocation[];
}

const versionQuery = compiledQuery("portico_catalogue_version", (db, _args: Record<string, never>) =>
  db.selectFrom("catalogue_version").select("n"),
);

/** The committed catalogue changes so far (migration 0046). */
export async function catalogueVersion(db: Db): Promise<number> {
  return (await versionQuery(db, {}))[0]?.n ?? 0;
}

/**
 * A visit type and the providers of its specialty, read once and reused while the catalogue
 * does not change (SPEC §6: slot search). Every write to visit types, providers, where they
 * work or locations adds one to `catalogue_version.n` by trigger (migration 0046). An entry
 * keeps the version read BEFORE its rows, so it is never older than its version; slot search
 * reads the current version in the same statement as the calendar stamps and reloads the entry
 * when they differ. Every app server keeps its own entries; none is announced between servers.
 * Booking never uses these entries: it reads the visit type and provider in its own transaction.
 */
export class CatalogueCache {
  readonly #entries = new Map<string, Catalogue>();
  readonly #maxEntries: number;
  hits = 0;
  loads = 0;

  constructor(options: { maxEntries?: number } = {}) {
    this.#maxEntries = options.maxEntries ?? 500;
  }

  /** The catalogue of a visit type: the kept entry, or one read now. 404 for a visit type that is not there or not active. */
  async get(db: Db, visitTypeId: string): Promise<Catalogue> {
    const kept = this.#entries.get(visitTypeId);
    if (kept) {
      this.hits++;
      return kept;
    }
    return this.load(db, visitTypeId);
  }

  /** Reads the version, then the visit type and its providers, and keeps them (an inactive visit type is not kept). */
  async load(db: Db, visitTypeId: string): Promise<Catalogue> {
    this.loads++;
    this.#entries.delete(visitTypeId);
    const version = await catalogueVersion(db);
    const visitType = await activeVisitType(db, visitTypeId);
    const places = await providersForSpecialty(db, visitType.specialty, {});
    const entry = { version, visitType, places };
    if (this.#entries.size >= this.#maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    this.#entries.set(visitTypeId, entry);
    return entry;
  }

  get size(): number {
    return this.#entries.size;
  }

  clear(): void {
    this.#entries.clear();
  }
}

/** The places of a catalogue a search narrows to (as `providersForSpecialty`'s filter would). */
export function placesOf(
  catalogue: Catalogue,
  filter: { providerId?: string; locationId?: string },
): ProviderAtLocation[] {
  return catalogue.places.filter(
    (p) =>
      (filter.providerId === undefined || p.providerId === filter.providerId) &&
      (filter.locationId === undefined || p.locationId === filter.locationId),
  );
}
