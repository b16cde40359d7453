import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../app.ts";
import { buildTestApp, useTestApp } from "../../test/app.ts";
import { type SignedInClient, signIn } from "../../test/factories.ts";
import { makeTestClinic, type TestClinic } from "./test-clinic.ts";

// Monday 2 March 2026, 08:00 in New York; the physician works 09:00–12:00 on weekdays
const MONDAY_8AM = "2026-03-02T13:00:00Z";
const UNTIL_THURSDAY = "2026-03-05T05:00:00Z";

/**
 * Slot search's catalogue cache (catalogue-cache.ts) against a real database, with two app
 * servers on it: each keeps the visit type and its specialty's providers it read, and a change
 * to the catalogue committed by any writer — here plain SQL, as a script would — is seen by
 * the next search on both.
 */
describe("slot search catalogue cache", () => {
  const t = useTestApp();
  let other: App;
  let clinic: TestClinic;
  let patient: SignedInClient;

  beforeAll(async () => {
    t.clock.set(MONDAY_8AM);
    clinic = await makeTestClinic(t);
    patient = await signIn(t, clinic.patient.user!);
    other = await buildTestApp(t.database, { config: t.config, clock: t.clock, cipher: t.cipher });
    await other.ready();
  });
  afterAll(async () => {
    await other?.close();
  });

  const cacheOf = (app: App) => app.services.scheduling.catalogueCache;
  const slotsOn = async (app: App, visitTypeId = clinic.visitTypes.established) => {
    const res = await app.inject({
      url: `/api/slots?visitTypeId=${visitTypeId}&patientId=${clinic.patient.id}&to=${UNTIL_THURSDAY}`,
      headers: patient.headers,
    });
    return res;
  };
  const search = async (app: App) => {
    const res = await slotsOn(app);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { slots: { start: string; end: string; providerName: string; locationName: string }[] })
      .slots;
  };
  const minutes = (slot: { start: string; end: string }) => (Date.parse(slot.end) - Date.parse(slot.start)) / 60_000;

  it("reuses the visit type and providers until any writer changes them, on both servers at once", async () => {
    const first = await search(t.app);
    await search(other);
    expect(first.length).toBeGreaterThan(0);
    expect(first.every((s) => minutes(s) === 30)).toBe(true);
    const cache = cacheOf(t.app);
    const loads = cache.loads;
    const hits = cache.hits;

    // nothing changed: the catalogue is not read again
    expect(await search(t.app)).toEqual(first);
    expect(cache.loads).toBe(loads);
    expect(cache.hits).toBe(hits + 1);

    // the visit type becomes an hour long
    await t.database.db
      .updateTable("visit_types")
      .set({ duration_minutes: 60 })
      .where("id", "=", clinic.visitTypes.established)
      .execute();
    const longer = await search(t.app);
    expect(longer.length).toBeGreaterThan(0);
    expect(longer.every((s) => minutes(s) === 60)).toBe(true);
    expect(cache.loads).toBe(loads + 1);
    expect(await search(other)).toEqual(longer);
    // and is then reused again
    expect(await search(t.app)).toEqual(longer);
    expect(cache.loads).toBe(loads + 1);

    // the location is renamed, then the provider stops working there: no slots on either server
    await t.database.db
      .updateTable("locations")
      .set({ name: "Riverside Annex" })
      .where("id", "=", clinic.locationId)
      .execute();
    expect((await search(t.app)).every((s) => s.locationName === "Riverside Annex")).toBe(true);
    expect((await search(other)).every((s) => s.locationName === "Riverside Annex")).toBe(true);
    await t.database.db.updateTable("providers").set({ active: false }).where("id", "=", clinic.providerId).execute();
    expect(await search(t.app)).toEqual([]);
    expect(await search(other)).toEqual([]);
    await t.database.db.updateTable("providers").set({ active: true }).where("id", "=", clinic.providerId).execute();
    expect(await search(other)).toEqual(await search(t.app));
    expect((await search(t.app)).length).toBe(longer.length);
  });

  it("answers 404 on both servers once the visit type is withdrawn, and offers it again when it returns", async () => {
    await search(t.app);
    await search(other);
    await t.database.db
      .updateTable("visit_types")
      .set({ active: false })
      .where("id", "=", clinic.visitTypes.established)
      .execute();
    for (const app of [t.app, other]) {
      const res = await slotsOn(app);
      expect(res.statusCode, res.body).toBe(404);
      expect(res.json().error.code).toBe("not_found");
    }
    await t.database.db
      .updateTable("visit_types")
      .set({ active: true })
      .where("id", "=", clinic.visitTypes.established)
      .execute();
    expect((await search(t.app)).length).toBeGreaterThan(0);
    expect(await search(other)).toEqual(await search(t.app));
  });

  it("a provider who stops taking new patients is no longer offered for new-patient visits", async () => {
    // the test patient is established with the clinic's physician (their PCP); a stranger is not
    const stranger = await signIn(t, clinic.stranger.user!);
    const newPatientSlots = async (app: App) => {
      const res = await app.inject({
        url: `/api/slots?visitTypeId=${clinic.visitTypes.newPatient}&patientId=${clinic.stranger.id}&to=${UNTIL_THURSDAY}`,
        headers: stranger.headers,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { slots: unknown[]; eligibility: { canSelfBook: boolean; reason: string | null } };
    };
    expect((await newPatientSlots(t.app)).slots.length).toBeGreaterThan(0);
    expect((await newPatientSlots(other)).slots.length).toBeGreaterThan(0);
    await t.database.db
      .updateTable("providers")
      .set({ accepting_new_patients: false })
      .where("id", "=", clinic.providerId)
      .execute();
    for (const app of [t.app, other]) {
      const answer = await newPatientSlots(app);
      expect(answer.slots).toEqual([]);
      expect(answer.eligibility).toEqual({ canSelfBook: false, reason: "provider_not_accepting_new_patients" });
    }
    await t.database.db
      .updateTable("providers")
      .set({ accepting_new_patients: true })
      .where("id", "=", clinic.providerId)
      .execute();
    expect((await newPatientSlots(t.app)).slots.length).toBeGreaterThan(0);
  });
});
