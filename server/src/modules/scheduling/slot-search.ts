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
            ? firstSlots(
                await this.#freeSlotsByDay(db, vt, places, providerIds, { firstDay, lastDay }, stampOf),
                range,
                limit,
              )
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
   * Each provider's free slots on every UTC day from `firstDay` to `lastDay` (epoch days: those
   * the search's [earliest, latest) touches), before notice
   * and horizon: from the slot cache where the day's stamp (`stampOf`, read first) is
   * unchanged, else computed from the calendar read after it (slot-cache.ts).
   */
  async #freeSlotsByDay(
    db: ReturnType<typeof currentDb>,
    vt: BookableVisitType,
    places: readonly repo.ProviderAtLocation[],
    providerIds: readonly string[],
    { firstDay, lastDay }: { firstDay: number; lastDay: number },
    stampOf: (providerId: string, day: number) => string,
  ): Promise<{ providerId: string; here: repo.ProviderAtLocation[]; slots: CachedSlot[] }[]> {
    // the day's slots do not depend on who searches or when: no notice, a horizon past the day
    const dayRules: SlotRules = { ...rulesOf(vt, true), minimumNoticeMinutes: 0, horizonDays: 2 };
    const rulesKey = `${vt.id}|${vt.duration_minutes}|${vt.buffer_before_minutes}|${vt.buffer_after_minutes}`;
    const perProvider: { providerId: string; here: repo.ProviderAtLocation[]; days: CachedSlot[][] }[] = [];
    const missing: {
      day: number;
      key: string;
      stamp: string;
      days: CachedSlot[][];
      index: number;
      providerId: string;
    }[] = [];
    for (const providerId of providerIds) {
      const here = places.filter((p) => p.providerId === providerId);
      const placesKey = here
        .map((p) => `${p.locationId}:${p.timeZone}`)
        .sort()
        .join(",");
      const days: CachedSlot[][] = [];
      for (let day = firstDay; day <= lastDay; day++) {
        const key = `${providerId}|${day}|${rulesKey}|${placesKey}`;
        const stamp = stampOf(providerId, day);
        const cached = this.#slotCache.get(key, stamp);
        if (!cached) missing.push({ providerId, day, key, stamp, days, index: days.length });
        days.push(cached ?? []);
      }
      perProvider.push({ providerId, here, days });
    }
    if (missing.length > 0) {
      const ids = [...new Set(missing.map((m) => m.providerId))];
      const fromDay = Math.min(...missing.map((m) => m.day));
      const toDay = Math.max(...missing.map((m) => m.day));
      const calendars = await repo.loadCalendars(
        db,
        ids,
        vt.id,
        new Date((fromDay - 1) * DAY),
        new Date((toDay + 2) * DAY),
      );
      for (const m of missing) {
        const locationIds = new Set(places.filter((p) => p.providerId === m.providerId).map((p) => p.locationId));
        const dayStart = m.day * DAY;
        const free = findSlots(
          dayRules,
          calendars.templates.filter((t) => t.providerId === m.providerId && locationIds.has(t.locationId)),
          calendars.exceptions.filter(
            (e) => e.providerId === m.providerId && (e.kind !== "extra_hours" || locationIds.has(e.locationId ?? "")),
          ),
          calendars.busy.filter((b) => b.providerId === m.providerId),
          { from: dayStart, to: dayStart + DAY, now: dayStart },
        ).map((slot) => ({ ...slot, startIso: iso(slot.start), endIso: iso(slot.end) }));
        this.#slotCache.set(m.key, m.stamp, free);
        m.days[m.index] = free;
      }
    }
    return perProvider.map(({ providerId, here, days }) => ({ providerId, here, slots: days.flat() }));
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
