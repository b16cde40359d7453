import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../../test/app-servers.ts";
import { createTestDatabase, type TestDatabase } from "../../test/database.ts";
import { type RaceClinic, seedRaceClinic, signInFrontDeskOverHttp } from "../../test/race-clinic.ts";

const CONCURRENT = 200;

/** The next weekday at least two days ahead, 15:00 UTC. */
function slotStart(): Date {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + 2);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + 1);
  d.setUTCHours(15, 0, 0, 0);
  return d;
}

/**
 * SPEC §2.3: double booking is impossible whatever the concurrency and the number of app
 * servers. Two real server processes share one PostgreSQL database; 200 requests for one
 * slot race through both. Only PostgreSQL can be shared by two processes, so this runs in
 * the postgres test project.
 */
describe.runIf(process.env.PORTICO_TEST_DB === "postgres")("two app servers racing for one slot", () => {
  let database: TestDatabase;
  const servers: AppServer[] = [];
  let headers: Record<string, string>;
  let clinic: RaceClinic;

  beforeAll(async () => {
    database = await createTestDatabase();
    clinic = await seedRaceClinic(database.db, { name: "Race", patients: CONCURRENT });
    servers.push(await startAppServer(database.url as string), await startAppServer(database.url as string));
    headers = await signInFrontDeskOverHttp(servers[0]!.url, clinic.frontDeskEmail);
  }, 120_000);

  afterAll(async () => {
    for (const s of servers) s.child.kill("SIGTERM");
    await database?.close();
  });

  it(`answers exactly one 201 and ${CONCURRENT - 1} × 409 for ${CONCURRENT} simultaneous bookings of one slot`, async () => {
    const start = slotStart().toISOString();
    const responses = await Promise.all(
      clinic.patients.map((patientId, i) =>
        fetch(`${servers[i % 2]!.url}/api/patients/${patientId}/appointments`, {
          method: "POST",
          headers,
          body: JSON.stringify({ visitTypeId: clinic.visitTypeId, providerId: clinic.providerId, start }),
        }),
      ),
    );
    const statuses = responses.map((r) => r.status);
    const count = (s: number) => statuses.filter((x) => x === s).length;
    expect(count(201)).toBe(1);
    expect(count(409)).toBe(CONCURRENT - 1);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    const loser = (await responses.find((r) => r.status === 409)!.json()) as {
      error: { code: string; details: { alternatives: unknown[] } };
    };
    expect(loser.error.code).toBe("slot_taken");
    expect(loser.error.details.alternatives.length).toBeGreaterThan(0);
    const live = await database.db
      .selectFrom("appointments")
      .select("id")
      .where("status", "<>", "cancelled")
      .where("starts_at", "=", new Date(start))
      .execute();
    expect(live).toHaveLength(1);
  }, 120_000);

  it("books once when the same request is retried with one Idempotency-Key on both servers", async () => {
    const start = new Date(slotStart().getTime() + 60 * 60_000).toISOString();
    const body = JSON.stringify({ visitTypeId: clinic.visitTypeId, providerId: clinic.providerId, start });
    const send = (i: number) =>
      fetch(`${servers[i % 2]!.url}/api/patients/${clinic.patients[0]}/appointments`, {
        method: "POST",
        headers: { ...headers, "idempotency-key": "retry-race-1" },
        body,
      });
    const first = await Promise.all([send(0), send(1), send(2), send(3)]);
    expect(first.map((r) => r.status).every((s) => s === 201 || s === 409)).toBe(true);
    const again = await send(5);
    expect(again.status).toBe(201);
    const live = await database.db
      .selectFrom("appointments")
      .select("id")
      .where("status", "<>", "cancelled")
      .where("starts_at", "=", new Date(start))
      .execute();
    expect(live).toHaveLength(1);
    expect(((await again.json()) as { id: string }).id).toBe(live[0]!.id);
  }, 60_000);
});
