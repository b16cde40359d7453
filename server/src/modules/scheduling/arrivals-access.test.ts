import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { send } from "../../test/api.ts";
import { useTestApp } from "../../test/app.ts";
import { makePatient, makeStaff, type SignedInClient, signIn, type TestUser } from "../../test/factories.ts";
import { addVisit, makeTestClinic, type TestClinic } from "./test-clinic.ts";

/**
 * Who works which visit (issue: any nurse or physician could move any appointment, and read
 * any location's board). Front desk and nurses work the locations they are assigned to;
 * physicians their own provider's visits. Anyone else is answered exactly as for an unknown id.
 */
describe("arrivals boards and visit status: only the visits you work", () => {
  const t = useTestApp();
  let clinic: TestClinic;
  let otherLocationId: string;
  let cardiologist: TestUser;
  let nurseHere: TestUser;
  let nurseElsewhere: TestUser;
  let deskElsewhere: TestUser;
  let admin: TestUser;
  const clients = new Map<string, SignedInClient>();
  const as = async (user: TestUser) => {
    let client = clients.get(user.id);
    if (!client) {
      client = await signIn(t, user);
      clients.set(user.id, client);
    }
    return client;
  };

  let next = 0;
  const insertVisit = async (options: {
    patientId: string;
    providerId: string;
    locationId: string;
    status?: "booked" | "arrived" | "completed";
    startInMinutes?: number;
  }) => {
    next += 1;
    const start = new Date(t.clock.now().getTime() + (options.startInMinutes ?? 0) * 60_000 + next * 3_600_000);
    const { patientId, providerId, locationId, status } = options;
    return addVisit(t, clinic, { patientId, providerId, locationId, status, start });
  };

  const setStatus = async (user: TestUser, appointmentId: string, status: string) =>
    t.app.inject({
      method: "POST",
      url: `/api/appointments/${appointmentId}/status`,
      headers: (await as(user)).headers,
      payload: { status },
    });

  beforeAll(async () => {
    // 06:00 in Brooklyn: every visit below (up to ~13 hours later) falls on the same local day,
    // whatever the hour the suite runs at.
    t.clock.set("2026-03-03T11:00:00Z");
    clinic = await makeTestClinic(t);
    otherLocationId = (
      await t.database.db
        .insertInto("locations")
        .values({ name: "Test Chicago", time_zone: "America/Chicago" })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    cardiologist = await makeStaff(t, "physician");
    await t.database.db
      .insertInto("provider_locations")
      .values({ provider_id: cardiologist.providerId as string, location_id: clinic.locationId })
      .execute();
    nurseHere = await makeStaff(t, "nurse", { locationIds: [clinic.locationId] });
    nurseElsewhere = await makeStaff(t, "nurse", { locationIds: [otherLocationId] });
    deskElsewhere = await makeStaff(t, "front_desk", { locationIds: [otherLocationId] });
    admin = await makeStaff(t, "admin");
  });

  it("answers 404, exactly as for an unknown id, to a physician changing another physician's visit", async () => {
    const visit = await insertVisit({
      patientId: clinic.patient.id,
      providerId: clinic.providerId,
      locationId: clinic.locationId,
    });
    const unknown = await setStatus(cardiologist, randomUUID(), "arrived");
    const res = await setStatus(cardiologist, visit, "arrived");
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual(unknown.json());
    expect(res.body).not.toContain(clinic.patient.mrn);
    const row = await t.database.db
      .selectFrom("appointments")
      .select("status")
      .where("id", "=", visit)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe("booked");
    const denied = await t.database.db
      .selectFrom("audit_log")
      .select(["outcome", "details"])
      .where("resource_id", "=", visit)
      .where("outcome", "=", "denied")
      .execute();
    expect(denied.length).toBeGreaterThan(0);
  });

  it("never answers 409 before the access check (a completed visit looks like an unknown id)", async () => {
    const visit = await insertVisit({
      patientId: clinic.patient.id,
      providerId: clinic.providerId,
      locationId: clinic.locationId,
      status: "completed",
      startInMinutes: -120,
    });
    for (const user of [cardiologist, nurseElsewhere, deskElsewhere]) {
      const res = await setStatus(user, visit, "completed");
      expect(res.statusCode, `${user.roles[0]}`).toBe(404);
      expect(res.json().error.message).toBe("That appointment was not found.");
    }
    // the one who works it gets the real answer
    expect((await setStatus(clinic.physician, visit, "completed")).statusCode).toBe(409);
  });

  it("lets a nurse or the desk of the visit's location, and its own physician, move it along", async () => {
    const visit = await insertVisit({
      patientId: clinic.stranger.id,
      providerId: clinic.providerId,
      locationId: clinic.locationId,
    });
    expect((await setStatus(nurseElsewhere, visit, "arrived")).statusCode).toBe(404);
    const arrived = await setStatus(clinic.frontDesk, visit, "arrived");
    expect(arrived.statusCode, arrived.body).toBe(200);
    expect(arrived.json()).toMatchObject({ appointmentId: visit, status: "arrived", mrn: clinic.stranger.mrn });
    expect((await setStatus(nurseHere, visit, "roomed")).statusCode).toBe(200);
    expect((await setStatus(clinic.physician, visit, "in_visit")).statusCode).toBe(200);
  });

  it("refuses the admin and patients with 403 whatever the id", async () => {
    const visit = await insertVisit({
      patientId: clinic.patient.id,
      providerId: clinic.providerId,
      locationId: clinic.locationId,
      startInMinutes: 300,
    });
    for (const user of [admin, clinic.patient.user as TestUser]) {
      const known = await setStatus(user, visit, "arrived");
      const unknown = await setStatus(user, randomUUID(), "arrived");
      expect(known.statusCode).toBe(403);
      expect(known.json()).toEqual(unknown.json());
    }
  });

  it("shows a location's board only to the staff who work it, and a physician only their own visits", async () => {
    const other = await makePatient(t);
    await insertVisit({
      patientId: other.id,
      providerId: cardiologist.providerId as string,
      locationId: clinic.locationId,
      startInMinutes: 400,
    });
    const board = async (user: TestUser, locationId = clinic.locationId) =>
      t.app.inject({ method: "GET", url: `/api/arrivals?locationId=${locationId}`, headers: (await as(user)).headers });

    const unknown = await board(nurseElsewhere, randomUUID());
    const refused = await board(nurseElsewhere);
    expect(refused.statusCode).toBe(404);
    expect(refused.json()).toEqual(unknown.json());
    expect((await board(deskElsewhere)).statusCode).toBe(404);
    expect((await board(admin)).statusCode).toBe(403);

    const desk = await board(clinic.frontDesk);
    expect(desk.statusCode).toBe(200);
    const names = desk.json().entries.map((e: { patientId: string }) => e.patientId);
    expect(names).toContain(other.id);
    expect(names).toContain(clinic.patient.id);

    const own = await board(cardiologist);
    expect(own.statusCode).toBe(200);
    const ids = own.json().entries.map((e: { patientId: string; providerId: string }) => e.providerId);
    expect(new Set(ids)).toEqual(new Set([cardiologist.providerId]));
  });

  it("tells each user which boards and schedules they may open (the web offers only these)", async () => {
    const workplace = async (user: TestUser) =>
      (await t.app.inject({ method: "GET", url: "/api/workplace", headers: (await as(user)).headers })).json();
    expect((await workplace(nurseHere)).locations).toEqual([
      { id: clinic.locationId, name: "Test Brooklyn", timeZone: "America/New_York", ownVisitsOnly: false },
    ]);
    expect((await workplace(nurseElsewhere)).locations.map((l: { id: string }) => l.id)).toEqual([otherLocationId]);
    expect((await workplace(nurseElsewhere)).providers).toEqual([]);
    const mine = await workplace(cardiologist);
    expect(mine.locations).toEqual([
      { id: clinic.locationId, name: "Test Brooklyn", timeZone: "America/New_York", ownVisitsOnly: true },
    ]);
    expect(mine.providers.map((p: { id: string }) => p.id)).toEqual([cardiologist.providerId]);
    const desk = await workplace(clinic.frontDesk);
    expect(desk.providers.map((p: { id: string }) => p.id).sort()).toEqual(
      [clinic.providerId, cardiologist.providerId].sort(),
    );
    const res = await t.app.inject({ method: "GET", url: "/api/workplace", headers: (await as(admin)).headers });
    expect(res.statusCode).toBe(403);
  });

  it("shows a provider's schedule only to their physician and the staff of their locations", async () => {
    const schedule = async (user: TestUser, providerId: string) =>
      t.app.inject({
        method: "GET",
        url: `/api/schedule?providerId=${providerId}&days=7`,
        headers: (await as(user)).headers,
      });
    expect((await schedule(cardiologist, clinic.providerId)).statusCode).toBe(403);
    expect((await schedule(nurseElsewhere, clinic.providerId)).statusCode).toBe(403);
    expect((await schedule(nurseHere, clinic.providerId)).statusCode).toBe(200);
    expect((await schedule(clinic.physician, clinic.providerId)).statusCode).toBe(200);
  });

  it("takes a new location assignment into account at once (admin staff API)", async () => {
    const adminClient = await as(admin);
    const res = await send(t, adminClient, "PATCH", `/api/admin/staff/${nurseElsewhere.id}`, {
      locationIds: [otherLocationId, clinic.locationId],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().locationIds.sort()).toEqual([otherLocationId, clinic.locationId].sort());
    const list = await send(t, adminClient, "GET", "/api/admin/staff");
    const listed = list.json().staff.find((s: { id: string }) => s.id === nurseElsewhere.id);
    expect(listed.locationIds.sort()).toEqual([otherLocationId, clinic.locationId].sort());
    const board = await t.app.inject({
      method: "GET",
      url: `/api/arrivals?locationId=${clinic.locationId}`,
      headers: (await as(nurseElsewhere)).headers,
    });
    expect(board.statusCode).toBe(200);
    const unknown = await send(t, adminClient, "PATCH", `/api/admin/staff/${nurseElsewhere.id}`, {
      locationIds: [randomUUID()],
    });
    expect(unknown.statusCode).toBe(400);
  });
});
