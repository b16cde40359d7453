import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { totpCodeAt } from "../../platform/auth/totp.ts";
import { FieldCipher, parseKeyRing } from "../../platform/crypto.ts";
import { hashPassword } from "../../platform/passwords.ts";
import { TEST_KEYS } from "../../test/app.ts";
import { type AppServer, startAppServer } from "../../test/app-servers.ts";
import { createTestDatabase, type TestDatabase } from "../../test/database.ts";
import { TEST_PASSWORD, TEST_TOTP_SECRET } from "../../test/factories.ts";

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
  const ids: { providerId: string; visitTypeId: string; patients: string[] } = {
    providerId: "",
    visitTypeId: "",
    patients: [],
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = database.db;
    const cipher = new FieldCipher(parseKeyRing(TEST_KEYS));
    const { id: locationId } = await db
      .insertInto("locations")
      .values({ name: "Race Clinic", time_zone: "UTC" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const { id: userId } = await db
      .insertInto("users")
      .values({
        email: "desk@race.test",
        email_normalized: "desk@race.test",
        display_name: "Desk",
        password_hash: await hashPassword(TEST_PASSWORD),
        mfa_secret: cipher.seal(TEST_TOTP_SECRET, "mfa"),
        mfa_enabled_at: new Date(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db.insertInto("user_roles").values({ user_id: userId, role: "front_desk" }).execute();
    ids.providerId = (
      await db
        .insertInto("providers")
        .values({ display_name: "Dr. Race", specialty: "family_medicine" })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    await db
      .insertInto("provider_locations")
      .values({ provider_id: ids.providerId, location_id: locationId })
      .execute();
    await db
      .insertInto("availability_templates")
      .values(
        [1, 2, 3, 4, 5].map((weekday) => ({
          provider_id: ids.providerId,
          location_id: locationId,
          weekday,
          start_time: "08:00",
          end_time: "18:00",
        })),
      )
      .execute();
    ids.visitTypeId = (
      await db
        .insertInto("visit_types")
        .values({
          name: "Visit",
          specialty: "family_medicine",
          duration_minutes: 30,
          modality: "in_person",
          booking_kind: "new",
          minimum_notice_minutes: 0,
          horizon_days: 30,
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    const patients = await db
      .insertInto("patients")
      .values(
        Array.from({ length: CONCURRENT }, (_, i) => ({
          mrn: `R${i}`,
          legal_given_name: "Pat",
          legal_family_name: `Racer${i}`,
          date_of_birth: "1980-01-01",
          sex: "unknown" as const,
        })),
      )
      .returning("id")
      .execute();
    ids.patients = patients.map((p) => p.id);

    servers.push(await startAppServer(database.url as string), await startAppServer(database.url as string));
    const login = await fetch(`${servers[0]!.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "desk@race.test", password: TEST_PASSWORD }),
    });
    let cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] as string;
    const mfa = await fetch(`${servers[0]!.url}/api/auth/mfa`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        cookie,
        "x-csrf-token": ((await login.json()) as { csrfToken: string }).csrfToken,
      },
      body: JSON.stringify({ code: totpCodeAt(TEST_TOTP_SECRET, new Date()) }),
    });
    expect(mfa.status).toBe(200);
    cookie = (mfa.headers.get("set-cookie") ?? cookie).split(";")[0] as string;
    headers = {
      "content-type": "application/json",
      cookie,
      "x-csrf-token": ((await mfa.json()) as { csrfToken: string }).csrfToken,
    };
  }, 120_000);

  afterAll(async () => {
    for (const s of servers) s.child.kill("SIGTERM");
    await database?.close();
  });

  it(`answers exactly one 201 and ${CONCURRENT - 1} × 409 for ${CONCURRENT} simultaneous bookings of one slot`, async () => {
    const start = slotStart().toISOString();
    const responses = await Promise.all(
      ids.patients.map((patientId, i) =>
        fetch(`${servers[i % 2]!.url}/api/patients/${patientId}/appointments`, {
          method: "POST",
          headers,
          body: JSON.stringify({ visitTypeId: ids.visitTypeId, providerId: ids.providerId, start }),
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
    const body = JSON.stringify({ visitTypeId: ids.visitTypeId, providerId: ids.providerId, start });
    const send = (i: number) =>
      fetch(`${servers[i % 2]!.url}/api/patients/${ids.patients[0]}/appointments`, {
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
