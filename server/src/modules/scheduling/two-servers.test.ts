import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../../test/app-servers.ts";
import { createTestDatabase, type TestDatabase } from "../../test/database.ts";
import {
  bookOneSlotFromAll,
  expectOneBookingForOneKey,
  liveAppointmentsAt,
  type RaceClinic,
  raceSlotStart,
  seedRaceClinic,
  signInFrontDeskOverHttp,
} from "../../test/race-clinic.ts";

const CONCURRENT = 200;

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
    const start = raceSlotStart().toISOString();
    const responses = await bookOneSlotFromAll(servers, clinic, headers, start);
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
    const live = await liveAppointmentsAt(database.db, start);
    expect(live).toHaveLength(1);
  }, 120_000);

  it("books once when the same request is retried with one Idempotency-Key on both servers", async () => {
    await expectOneBookingForOneKey(servers, database.db, clinic, headers, "retry-race-1");
  }, 60_000);
});
