import { SlotList } from "@portico/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../app.ts";
import { expectOnlyContractFields } from "../../test/api.ts";
import { buildTestApp, useTestApp } from "../../test/app.ts";
import { type SignedInClient, signIn } from "../../test/factories.ts";
import { makeTestClinic, type TestClinic } from "./test-clinic.ts";

// Monday 2 March 2026, 08:00 in New York (EST, UTC−5); the physician works 09:00–12:00 on weekdays
const MONDAY_8AM = "2026-03-02T13:00:00Z";
const TUESDAY_9AM = "2026-03-03T14:00:00.000Z";
const UNTIL_THURSDAY = "2026-03-05T05:00:00Z";

/**
 * The slot cache (slot-cache.ts) against a real database, with two app servers on it: each
 * keeps its own cache, and a change committed through either — or by any other writer — is
 * seen by the next search on both.
 */
describe("slot search cache", () => {
  const t = useTestApp();
  let other: App;
  let clinic: TestClinic;
  let patient: SignedInClient;
  let frontDesk: SignedInClient;

  beforeAll(async () => {
    t.clock.set(MONDAY_8AM);
    clinic = await makeTestClinic(t);
    patient = await signIn(t, clinic.patient.user!);
    frontDesk = await signIn(t, clinic.frontDesk);
    other = await buildTestApp(t.database, { config: t.config, clock: t.clock, cipher: t.cipher });
    await other.ready();
  });
  afterAll(async () => {
    await other?.close();
  });

  const cacheOf = (app: App) => app.services.scheduling.slotCache;
  const search = async (app: App, more = "") => {
    const res = await app.inject({
      url: `/api/slots?visitTypeId=${clinic.visitTypes.established}&patientId=${clinic.patient.id}&to=${UNTIL_THURSDAY}${more}`,
      headers: patient.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    expectOnlyContractFields(SlotList, res.body);
    return (res.json() as { slots: { start: string; providerId: string }[] }).slots.map((s) => s.start);
  };

  /** the front desk books (or cancels) through `app` */
  const book = async (app: App, start: string) => {
    const res = await app.inject({
      method: "POST",
      url: `/api/patients/${clinic.patient.id}/appointments`,
      headers: frontDesk.headers,
      payload: { visitTypeId: clinic.visitTypes.established, providerId: clinic.providerId, start },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string };
  };
  const cancel = async (app: App, id: string) => {
    const res = await app.inject({
      method: "POST",
      url: `/api/patients/${clinic.patient.id}/appointments/${id}/cancel`,
      headers: frontDesk.headers,
      payload: { reason: "test" },
    });
    expect(res.statusCode, res.body).toBe(200);
  };

  it("reuses each provider-day until a booking on it commits through another server, then never offers it again", async () => {
    cacheOf(t.app).clear();
    const first = await search(t.app);
    expect(first).toContain(TUESDAY_9AM);
    const cache = cacheOf(t.app);
    const computed = cache.misses;
    expect(computed).toBeGreaterThan(0);

    // the same search again: every provider-day comes from the cache
    expect(await search(t.app)).toEqual(first);
    expect(cache.misses).toBe(computed);

    // the front desk books Tuesday 9:00 for the patient through the OTHER server
    const booked = await book(other, TUESDAY_9AM);

    // the first server's next search never offers it: the days around the visit are computed again
    const after = await search(t.app);
    expect(after).not.toContain(TUESDAY_9AM);
    expect(after).toEqual(first.filter((s) => s !== TUESDAY_9AM));
    expect(cache.misses).toBeGreaterThan(computed);
    // and a search that changed nothing is served from the cache again
    const recomputed = cache.misses;
    expect(await search(t.app)).toEqual(after);
    expect(cache.misses).toBe(recomputed);

    // cancelling through the other server frees it on this one
    await cancel(other, booked.id);
    expect(await search(t.app)).toEqual(first);
  });

  it("sees time off and template changes written by any writer, in SQL, at once", async () => {
    const before = await search(t.app);
    expect(before.some((s) => s.startsWith("2026-03-03"))).toBe(true);
    const { id } = await t.database.db
      .insertInto("availability_exceptions")
      .values({
        provider_id: clinic.providerId,
        kind: "time_off",
        starts_at: new Date("2026-03-03T05:00:00Z"),
        ends_at: new Date("2026-03-04T05:00:00Z"),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const withTimeOff = await search(t.app);
    expect(withTimeOff.some((s) => s.startsWith("2026-03-03"))).toBe(false);
    expect(await search(other)).toEqual(withTimeOff);
    await t.database.db.deleteFrom("availability_exceptions").where("id", "=", id).execute();
    expect(await search(t.app)).toEqual(before);

    // Wednesday's hours end at 10:00 instead of 12:00
    await t.database.db
      .updateTable("availability_templates")
      .set({ end_time: "10:00" })
      .where("provider_id", "=", clinic.providerId)
      .where("weekday", "=", 3)
      .execute();
    const shorter = await search(t.app);
    expect(shorter.filter((s) => s.startsWith("2026-03-04"))).toEqual([
      "2026-03-04T14:00:00.000Z",
      "2026-03-04T14:30:00.000Z",
    ]);
    expect(await search(other)).toEqual(shorter);
  });

  it("answers exactly what the slot engine computes afresh, as time passes", async () => {
    // a warm cache on one server, an empty one on the other, ten minutes later (the notice window moves)
    const now = await search(t.app);
    expect(now[0]).toBe("2026-03-02T15:00:00.000Z");
    t.clock.set("2026-03-02T13:10:00Z");
    cacheOf(other).clear();
    const warm = await search(t.app);
    const cold = await search(other);
    expect(warm).toEqual(cold);
    expect(warm[0]).toBe("2026-03-02T15:30:00.000Z");
  });

  it("looks no further than the day that fills the limit, so a change to a later day waits for a search that reaches it", async () => {
    const cache = cacheOf(t.app);
    cache.clear();
    const everything = await search(t.app);
    const providerDays = cache.size;
    const days = new Set(everything.map((s) => s.slice(0, 10))).size;
    expect(days).toBeGreaterThanOrEqual(3);
    const looked = () => cache.hits + cache.misses;

    // warm: the first slot comes from the first day alone
    let before = { looked: looked(), misses: cache.misses };
    expect(await search(t.app, "&limit=1")).toEqual(everything.slice(0, 1));
    const perDay = looked() - before.looked;
    expect(perDay).toBeGreaterThan(0);
    expect(perDay * days).toBeLessThanOrEqual(providerDays);
    expect(cache.misses).toBe(before.misses);

    // Wednesday 10:00 booked through the other server: the one-slot search does not look at Wednesday
    const wednesday = everything.find((s) => s.startsWith("2026-03-04")) as string;
    const booked = await book(other, wednesday);
    before = { looked: looked(), misses: cache.misses };
    expect(await search(t.app, "&limit=1")).toEqual(everything.slice(0, 1));
    expect(looked() - before.looked).toBe(perDay);
    expect(cache.misses).toBe(before.misses);

    // the whole range does, and computes the days around the visit again
    const after = await search(t.app);
    expect(after).toEqual(everything.filter((s) => s !== wednesday));
    expect(cache.misses).toBeGreaterThan(before.misses);
    await cancel(other, booked.id);
  });
});
