import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FieldCipher, parseKeyRing } from "../../platform/crypto.ts";
import { hashPassword } from "../../platform/passwords.ts";
import { TEST_KEYS } from "../../test/app.ts";
import { type AppServer, startAppServer } from "../../test/app-servers.ts";
import { createTestDatabase, type TestDatabase } from "../../test/database.ts";
import { TEST_PASSWORD } from "../../test/factories.ts";
import { seedRaceClinic, signInOverHttp } from "../../test/race-clinic.ts";
import { referralReasonSeal } from "./seals.ts";

const CONCURRENT = 20;

/** The `i`-th half hour from 08:00 UTC on the next weekday at least two days ahead. */
function slotStart(i: number): Date {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + 2);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + 1);
  d.setUTCHours(8, 0, 0, 0);
  return new Date(d.getTime() + i * 30 * 60_000);
}

/**
 * Issue 15: a referral with one visit left, and one patient booking 20 different times at once
 * through two app server processes sharing one PostgreSQL database: the ticket is locked inside
 * each booking's transaction, so exactly one booking wins and the ticket counts one visit.
 */
describe.runIf(process.env.PORTICO_TEST_DB === "postgres")("two app servers racing for a referral's last visit", () => {
  let database: TestDatabase;
  const servers: AppServer[] = [];
  let headers: Record<string, string>;
  const ids = { providerId: "", visitTypeId: "", patientId: "", referralId: "" };

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = database.db;
    const clinic = await seedRaceClinic(db, {
      name: "Race",
      specialty: "cardiology",
      visitType: { name: "Cardiology consultation", bookingKind: "referral" },
    });
    ids.providerId = clinic.providerId;
    ids.visitTypeId = clinic.visitTypeId;
    const { id: userId } = await db
      .insertInto("users")
      .values({
        email: "pat@race.test",
        email_normalized: "pat@race.test",
        display_name: "Pat Racer",
        password_hash: await hashPassword(TEST_PASSWORD),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    ids.patientId = (
      await db
        .insertInto("patients")
        .values({
          mrn: "R1",
          user_id: userId,
          legal_given_name: "Pat",
          legal_family_name: "Racer",
          date_of_birth: "1980-01-01",
          sex: "unknown",
          email: "pat@race.test",
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    ids.referralId = randomUUID();
    await db
      .insertInto("referrals")
      .values({
        id: ids.referralId,
        patient_id: ids.patientId,
        status: "approved",
        specialty: "cardiology",
        reason_sealed: new FieldCipher(parseKeyRing(TEST_KEYS)).seal(
          "Chest tightness",
          referralReasonSeal(ids.referralId),
        ),
        urgency: "soon",
        requested_by_kind: "patient",
        approved_provider_id: ids.providerId,
        approved_specialty: "cardiology",
        visits_allowed: 1,
        expires_on: new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10),
        decided_at: new Date(),
      })
      .execute();

    servers.push(await startAppServer(database.url as string), await startAppServer(database.url as string));
    headers = await signInOverHttp(servers[0]!.url, "pat@race.test");
  }, 120_000);

  afterAll(async () => {
    for (const s of servers) s.child.kill("SIGTERM");
    await database?.close();
  });

  it(`books one of ${CONCURRENT} simultaneous bookings with a one-visit referral`, async () => {
    const responses = await Promise.all(
      Array.from({ length: CONCURRENT }, (_, i) =>
        fetch(`${servers[i % 2]!.url}/api/patients/${ids.patientId}/appointments`, {
          method: "POST",
          headers,
          body: JSON.stringify({
            visitTypeId: ids.visitTypeId,
            providerId: ids.providerId,
            start: slotStart(i).toISOString(),
          }),
        }),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(
      statuses.filter((s) => s === 201),
      JSON.stringify(statuses),
    ).toHaveLength(1);
    expect(statuses.filter((s) => s !== 201 && s !== 403 && s !== 409)).toEqual([]);
    const referral = await database.db
      .selectFrom("referrals")
      .select(["status", "visits_used"])
      .where("id", "=", ids.referralId)
      .executeTakeFirstOrThrow();
    expect(referral).toEqual({ status: "scheduled", visits_used: 1 });
    const links = await database.db
      .selectFrom("referral_appointments")
      .select("appointment_id")
      .where("referral_id", "=", ids.referralId)
      .execute();
    expect(links).toHaveLength(1);
    const booked = await database.db
      .selectFrom("appointments")
      .select("id")
      .where("patient_id", "=", ids.patientId)
      .where("status", "<>", "cancelled")
      .execute();
    expect(booked).toHaveLength(1);
  });
});
