import type { Slot } from "@portico/contracts";
import type { Transaction } from "kysely";
import { type Database, onReadReplica } from "../../db/database.ts";
import type { DB } from "../../db/schema.ts";
import type { AccessService } from "../../platform/access/patient-access.ts";
import type { Clock } from "../../platform/clock.ts";
import { currentContext } from "../../platform/context.ts";
import { DomainError } from "../../platform/errors.ts";
import { displayTimeZone } from "../../platform/time-zones.ts";
import { currentDb } from "../../platform/transaction.ts";
import { type BookableVisitType, DAY, iso, isStaff, MINUTE, rulesOf } from "./booking-rules.ts";
import { CatalogueCache, placesOf } from "./catalogue-cache.ts";
import * as repo from "./repo.ts";
import type { SelfBookingEligibility } from "./self-booking.ts";
import { type CachedSlot, SlotCache } from "./slot-cache.ts";
import { findSlots, type SlotRules } from "./slot-engine.ts";

export interface SlotSearch {
  visitTypeId: string;
  providerId?: string;
  locationId?: string;
  from?: Date;
  to?: Date;
  patientId?: string;
  limit?: number;
  /**
   * "replica": the calendar may be read from the read replica (`readReplica`, DATABASE_READ_URL),
   * which may lag the primary by a moment — for showing free times only (the slot search
   * route). Anything that decides (booking, alternatives after a refusal, the waitlist) leaves
   * it unset and reads the primary, or its own transaction.
   */
  reads?: "primary" | "replica";
}

/**
 * The free times of a visit type: templates, exceptions, bookings, buffers, notice, horizon and
 * (for a patient) self-booking eligibility, each provider-day's slots from the slot cache when
 * nothing changed since they were computed.
 */
export class SlotFinder {
  readonly #deps: { db: Database; clock: Clock; access: AccessService; eligibility: SelfBookingEligibility };
  readonly #slotCache: SlotCache;
  readonly #catalogue = new CatalogueCache();

  constructor(
    deps: { db: Database; clock: Clock; access: AccessService; eligibility: SelfBookingEligibility },
    slotCache?: SlotCache,
  ) {
    this.#deps = deps;
    this.#slotCache = slotCache ?? new SlotCache();
  }

  /** Free slots for a visit type, honouring templates, exceptions, bookings, buffers, notice, horizon and eligibility. */
  async searchSlots(
    search: SlotSearch,
  ): Promise<{ slots: Slot[]; eligibility: { canSelfBook: boolean; reason: string | null } }> {
    const actor = currentContext().actor;
    const staff = isStaff();
    const patientId = search.patientId ?? (staff ? undefined : (actor.patientId ?? undefined));
    if (!staff && !patientId)
      throw new DomainError("validation_failed", "Say which patient the appointment is for (patientId).");
    const patientAccess = patientId
      ? await this.#deps.access.authorizePatient(patientId, {
          scope: "appointments",
          action: "read",
          resourceType: "slots",
        })
      : null;
    const now = this.#deps.clock.now().getTime();
    const from = Math.max(search.from?.getTime() ?? now, now);
    const to = search.to?.getTime() ?? from + 14 * DAY;
    const limit = search.limit ?? 200;

    // what to show may come from the read replica (and from the primary when it cannot be reached)
    const searchOn = async (db: Database | Transaction<DB>) => {
      let catalogue = await this.#catalogue.get(db, search.visitTypeId);
      if (to <= from) throw new DomainError("validation_failed", "The end of the date range must be after its start.");
      if (to - from > 62 * DAY) throw new DomainError("validation_failed", "Search at most 62 days at a time.");
      // the kept catalogue holds while the version read with the calendar stamps is its own;
      // else it is read again (twice at most: a catalogue changing under every search is used as read)
      for (let attempt = 1; ; attempt++) {
        const vt = catalogue.visitType;
        let places = placesOf(catalogue, search);
        let eligibility: { canSelfBook: boolean; reason: string | null } = { canSelfBook: true, reason: null };
        if (!staff && patientAccess) {
          const blocks = await this.#deps.eligibility.blocks(patientAccess, vt, places);
          const allowed = places.filter((p) => blocks.get(p.providerId) === null);
          if (allowed.length === 0 && places.length > 0) {
            eligibility = { canSelfBook: false, reason: [...blocks.values()].find((r) => r !== null) ?? null };
          }
          places = allowed;
        }
        const providerIds = [...new Set(places.map((p) => p.providerId))];
        const rules = rulesOf(vt, staff);
        const range = {
          earliest: Math.max(from, now + rules.minimumNoticeMinutes * MINUTE),
          latest: Math.min(to, now + rules.horizonDays * DAY),
        };
        const firstDay = Math.floor(range.earliest / DAY);
        const lastDay = Math.max(firstDay, Math.floor((range.latest - 1) / DAY));
        const { catalogueVersion, stampOf } = await this.#slotCache.stamps(db, providerIds, firstDay, lastDay);
        if (catalogueVersion !== catalogue.version && attempt < 3) {
          catalogue = await this.#catalogue.load(db, search.visitTypeId);
          continue;
        }
        const found =
          range.earliest < range.latest
            ? await this.#firstFree(db, vt, places, providerIds, { firstDay, lastDay }, stampOf, range, limit)
            : [];
        // video visits: every time in the patient's own zone, so a provider's week never changes zone by day
        const ownZone =
          vt.modality === "video"
            ? patientAccess
              ? await repo.patientTimeZone(db, patientAccess)
              : await repo.clinicTimeZone(db)
            : "";
        const slots: Slot[] = found.map(({ slot, place }) => ({
          start: slot.startIso,
          end: slot.endIso,
          providerId: place.providerId,
          providerName: place.providerName,
          locationId: place.locationId,
          locationName: place.locationName,
          timeZone: slot.timeZone,
          displayTimeZone: displayTimeZone(vt.modality, slot.timeZone, ownZone),
        }));
        return { slots, eligibility };
      }
    };
    const current = currentDb(this.#deps.db);
    return search.reads === "replica" ? onReadReplica(current, searchOn) : searchOn(current);
  }

  /** for tests: how the catalogue cache is used */
  get catalogueCache(): CatalogueCache {
    return this.#catalogue;
  }

  /** for tests and the bench: how the slot cache is used */
  get slotCache(): SlotCache {
    return this.#slotCache;
  }

  /**
   * The first `limit` free slots in [earliest, latest) of these providers, a UTC day at a time
   * from `firstDay` to `lastDay` (epoch days), stopping after the day that fills `limit`. Each
   * provider-day's slots (before notice and horizon) come from the slot cache where the day's
   * stamp (`stampOf`, read first) is unchanged, else are computed from the calendar read after
   * it (slot-cache.ts). At the first stale provider-day, every later one is looked up too, so
   * that one calendar read computes all that are stale.
   */
  async #firstFree(
    db: ReturnType<typeof currentDb>,
    vt: BookableVisitType,
    places: readonly repo.ProviderAtLocation[],
    providerIds: readonly string[],
    { firstDay, lastDay }: { firstDay: number; lastDay: number },
    stampOf: (providerId: string, day: number) => string,
    range: { earliest: number; latest: number },
    limit: number,
  ): Promise<{ slot: CachedSlot; place: repo.ProviderAtLocation }[]> {
    const rulesKey = `${vt.id}|${vt.duration_minutes}|${vt.buffer_before_minutes}|${vt.buffer_after_minutes}`;
    const providers = providerIds.map((providerId) => {
      const here = places.filter((p) => p.providerId === providerId);
      const placesKey = here
        .map((p) => `${p.locationId}:${p.timeZone}`)
        .sort()
        .join(",");
      return { providerId, here, keyOf: (day: number) => `${providerId}|${day}|${rulesKey}|${placesKey}` };
    });
    /** provider-days looked up ahead of their turn, by cache key */
    const ahead = new Map<string, CachedSlot[]>();
    const found: { slot: CachedSlot; place: repo.ProviderAtLocation }[] = [];
    for (let day = firstDay; day <= lastDay && found.length < limit; day++) {
      const lists: { here: repo.ProviderAtLocation[]; slots: CachedSlot[] }[] = [];
      for (let i = 0; i < providers.length; i++) {
        const provider = providers[i] as (typeof providers)[number];
        const key = provider.keyOf(day);
        let slots = ahead.get(key) ?? this.#slotCache.get(key, stampOf(provider.providerId, day));
        if (!slots) {
          await this.#computeStale(db, vt, providers, { day, provider: i, lastDay }, stampOf, ahead);
          slots = ahead.get(key) ?? [];
        }
        lists.push({ here: provider.here, slots });
      }
      found.push(...firstSlots(lists, range, limit - found.length));
    }
    return found;
  }

  /**
   * From a stale provider-day (`from`) to the last day: looks up every provider-day not yet
   * looked up, and computes the stale ones (this one included) from one read of their providers'
   * calendars, keeping them in the cache and in `ahead`.
   */
  async #computeStale(
    db: ReturnType<typeof currentDb>,
    vt: BookableVisitType,
    providers: readonly {
      providerId: string;
      here: readonly repo.ProviderAtLocation[];
      keyOf: (day: number) => string;
    }[],
    from: { day: number; provider: number; lastDay: number },
    stampOf: (providerId: string, day: number) => string,
    ahead: Map<string, CachedSlot[]>,
  ): Promise<void> {
    const stale: { provider: (typeof providers)[number]; day: number; key: string; stamp: string }[] = [];
    for (let day = from.day; day <= from.lastDay; day++) {
      // on the stale provider's own day, the providers before it were looked up already
      for (let i = day === from.day ? from.provider : 0; i < providers.length; i++) {
        const provider = providers[i] as (typeof providers)[number];
        const key = provider.keyOf(day);
        const stamp = stampOf(provider.providerId, day);
        const cached = day === from.day && i === from.provider ? undefined : this.#slotCache.get(key, stamp);
        if (cached) ahead.set(key, cached);
        else stale.push({ provider, day, key, stamp });
      }
    }
    const ids = [...new Set(stale.map((m) => m.provider.providerId))];
    const fromDay = Math.min(...stale.map((m) => m.day));
    const toDay = Math.max(...stale.map((m) => m.day));
    const calendars = await repo.loadCalendars(
      db,
      ids,
      vt.id,
      new Date((fromDay - 1) * DAY),
      new Date((toDay + 2) * DAY),
    );
    // the day's slots do not depend on who searches or when: no notice, a horizon past the day
    const dayRules: SlotRules = { ...rulesOf(vt, true), minimumNoticeMinutes: 0, horizonDays: 2 };
    for (const m of stale) {
      const { providerId, here } = m.provider;
      const locationIds = new Set(here.map((p) => p.locationId));
      const dayStart = m.day * DAY;
      const free = findSlots(
        dayRules,
        calendars.templates.filter((t) => t.providerId === providerId && locationIds.has(t.locationId)),
        calendars.exceptions.filter(
          (e) => e.providerId === providerId && (e.kind !== "extra_hours" || locationIds.has(e.locationId ?? "")),
        ),
        calendars.busy.filter((b) => b.providerId === providerId),
        { from: dayStart, to: dayStart + DAY, now: dayStart },
      ).map((slot) => ({ ...slot, startIso: iso(slot.start), endIso: iso(slot.end) }));
      this.#slotCache.set(m.key, m.stamp, free);
      ahead.set(m.key, free);
    }
  }
}

/**
 * The first `limit` slots in [earliest, latest) of all providers, by start and then provider
 * name (as a stable sort of them all would give them: equal keys in the providers' order). Each
 * provider's slots are already in time order (one day after another, each day sorted), so this
 * merges them and builds a response row only for the slots returned, instead of sorting every
 * free slot of every provider.
 */
export function firstSlots(
  perProvider: readonly { here: repo.ProviderAtLocation[]; slots: CachedSlot[] }[],
  range: { earliest: number; latest: number },
  limit: number,
): { slot: CachedSlot; place: repo.ProviderAtLocation }[] {
  const lists = perProvider
    .filter((p) => p.here.length > 0)
    .map(({ here, slots }) => ({ here, slots, name: (here[0] as repo.ProviderAtLocation).providerName, next: 0 }));
  const found: { slot: CachedSlot; place: repo.ProviderAtLocation }[] = [];
  while (found.length < limit) {
    let best: (typeof lists)[number] | undefined;
    let bestStart = Number.POSITIVE_INFINITY;
    for (const list of lists) {
      while (list.next < list.slots.length && (list.slots[list.next] as CachedSlot).start < range.earliest) list.next++;
      const slot = list.slots[list.next];
      if (!slot || slot.start >= range.latest) continue;
      if (slot.start < bestStart || (slot.start === bestStart && best !== undefined && list.name < best.name)) {
        best = list;
        bestStart = slot.start;
      }
    }
    if (!best) break;
    const slot = best.slots[best.next++] as CachedSlot;
    found.push({ slot, place: best.here.find((p) => p.locationId === slot.locationId) as repo.ProviderAtLocation });
  }
  return found;
}
