import { describe, expect, it } from "vitest";
import type { ProviderAtLocation } from "./repo.ts";
import type { CachedSlot } from "./slot-cache.ts";
import { firstSlots } from "./slot-search.ts";

const MINUTE = 60_000;

/** A small deterministic generator, so a failure names its seed. */
function random(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state % n;
  };
}

function providers(seed: number) {
  const pick = random(seed);
  const names = ["Dr. Adams", "Dr. Baker", "Dr. Baker", "Dr. Chen", "Dr. Díaz"];
  return Array.from({ length: 1 + pick(6) }, (_, i) => {
    const here: ProviderAtLocation[] = ["loc-a", "loc-b"].slice(0, 1 + pick(2)).map((locationId) => ({
      providerId: `p${i}`,
      providerName: names[pick(names.length)] as string,
      specialty: "family_medicine",
      acceptingNewPatients: true,
      locationId,
      locationName: locationId,
      timeZone: "America/New_York",
    }));
    const starts = new Set<number>();
    for (let k = pick(40); k > 0; k--) starts.add(pick(96) * 15 * MINUTE);
    const slots: CachedSlot[] = [...starts]
      .sort((a, b) => a - b)
      .map((start) => {
        const place = here[pick(here.length)] as ProviderAtLocation;
        return {
          start,
          end: start + 15 * MINUTE,
          startIso: new Date(start).toISOString(),
          endIso: new Date(start + 15 * MINUTE).toISOString(),
          locationId: place.locationId,
          timeZone: place.timeZone,
        };
      });
    // every place of a provider carries the provider's one name
    for (const p of here) p.providerName = (here[0] as ProviderAtLocation).providerName;
    return { here, slots };
  });
}

/** What slot search returned before: every slot in range, stably sorted by start, then provider name. */
function sortedReference(
  perProvider: ReturnType<typeof providers>,
  range: { earliest: number; latest: number },
  limit: number,
) {
  const all = perProvider.flatMap(({ here, slots }) =>
    slots
      .filter((slot) => slot.start >= range.earliest && slot.start < range.latest)
      .map((slot) => ({ slot, place: here.find((p) => p.locationId === slot.locationId) as ProviderAtLocation })),
  );
  all.sort(
    (a, b) =>
      a.slot.start - b.slot.start ||
      (a.place.providerName < b.place.providerName ? -1 : a.place.providerName > b.place.providerName ? 1 : 0),
  );
  return all.slice(0, limit);
}

describe("slot search's order (firstSlots)", () => {
  it("gives the first slots by start and provider name, as sorting every free slot would, on 500 random calendars", () => {
    for (let seed = 1; seed <= 500; seed++) {
      const pick = random(seed * 7);
      const perProvider = providers(seed);
      const earliest = pick(48) * 15 * MINUTE;
      const range = { earliest, latest: earliest + (1 + pick(96)) * 15 * MINUTE };
      const limit = 1 + pick(60);
      const got = firstSlots(perProvider, range, limit);
      const want = sortedReference(perProvider, range, limit);
      expect(
        got.map(({ slot, place }) => `${slot.start} ${place.providerId} ${place.locationId}`),
        `seed ${seed}`,
      ).toEqual(want.map(({ slot, place }) => `${slot.start} ${place.providerId} ${place.locationId}`));
    }
  });

  it("returns nothing when no slot is in range", () => {
    const perProvider = providers(3);
    expect(firstSlots(perProvider, { earliest: 200 * 15 * MINUTE, latest: 300 * 15 * MINUTE }, 10)).toEqual([]);
  });
});
