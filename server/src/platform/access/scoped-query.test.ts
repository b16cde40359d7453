import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { StaffRole } from "../../db/tables/people.ts";
import { useTestApp } from "../../test/app.ts";
import { makePatient, makeProxyGrant, makeUser, type TestPatient, type TestUser } from "../../test/factories.ts";
import { type Actor, runWithContext } from "../context.ts";
import type { PatientAccess } from "./patient-access.ts";
import type { PatientScope } from "./policy.ts";
import { patientRows } from "./scoped-query.ts";

describe("patientRows: the scoped query builder", () => {
  const t = useTestApp();
  let alex: TestPatient;
  let other: TestPatient;
  let caregiver: TestUser;
  let grantId: string;

  const actorOf = (user: TestUser, grants: Actor["grants"] = []): Actor => ({
    kind: "user",
    userId: user.id,
    roles: user.roles as StaffRole[],
    patientId: user.patientId,
    providerId: user.providerId,
    grants,
  });

  async function accessFor(actor: Actor, patientId: string, scope: PatientScope, action: "read" | "write" = "read") {
    const ctx = { requestId: `req-${randomUUID()}`, ip: "198.51.100.7", userAgent: "Vitest", actor };
    return runWithContext(ctx, () =>
      t.app.services.access.authorizePatient(patientId, { scope, action, resourceType: "test_record" }),
    );
  }

  const medication = (patientId: string, name: string, confidential: boolean) => ({
    patient_id: patientId,
    name,
    dose: "10 mg",
    directions: "once a day",
    quantity: 30,
    days_supply: 30,
    refills_remaining: 1,
    confidential,
  });

  beforeAll(async () => {
    alex = await makePatient(t, { withLogin: true });
    other = await makePatient(t, { withLogin: true });
    caregiver = await makeUser(t, { displayName: "Sam Rivera" });
    grantId = await makeProxyGrant(t, {
      patientId: alex.id,
      proxyUserId: caregiver.id,
      relationship: "caregiver",
      scopes: ["medications", "records"],
    });
    await t.database.db
      .insertInto("medications")
      .values([
        medication(alex.id, "Lisinopril", false),
        medication(alex.id, "Sertraline", true),
        medication(other.id, "Metformin", false),
      ])
      .execute();
  });

  const caregiverActor = () =>
    actorOf(caregiver, [
      {
        grantId,
        patientId: alex.id,
        relationship: "caregiver",
        scopes: ["medications", "records"],
        startsAt: new Date(0),
        endsAt: null,
      },
    ]);

  it("reads only the patient's own rows, whatever else the table holds", async () => {
    const access = await accessFor(actorOf(alex.user as TestUser), alex.id, "medications");
    const names = await patientRows(access, "medications")
      .selectFrom(t.database.db, "medications")
      .select("name")
      .orderBy("name")
      .execute();
    expect(names.map((r) => r.name)).toEqual(["Lisinopril", "Sertraline"]);
    const chart = await patientRows(access, "medications").chart(t.database.db).select("p.id").execute();
    expect(chart).toEqual([{ id: alex.id }]);
  });

  it("leaves rows marked confidential out for a caregiver, in reads and in writes", async () => {
    const access = await accessFor(caregiverActor(), alex.id, "medications", "write");
    expect(access.includeConfidential).toBe(false);
    const rows = patientRows(access, "medications", "write");
    const names = await rows.selectFrom(t.database.db, "medications", "m").select("m.name").execute();
    expect(names.map((r) => r.name)).toEqual(["Lisinopril"]);
    const changed = await rows
      .updateTable(t.database.db, "medications")
      .set({ purpose: "blood pressure" })
      .executeTakeFirst();
    expect(Number(changed.numUpdatedRows)).toBe(1);
    const untouched = await t.database.db
      .selectFrom("medications")
      .select(["name", "purpose"])
      .where("patient_id", "in", [alex.id, other.id])
      .orderBy("name")
      .execute();
    expect(untouched).toEqual([
      { name: "Lisinopril", purpose: "blood pressure" },
      { name: "Metformin", purpose: null },
      { name: "Sertraline", purpose: null },
    ]);
  });

  it("refuses a forged access, another scope, and a read access used to write", async () => {
    const forged = { patientId: other.id, scope: "medications", action: "write" } as unknown as PatientAccess;
    expect(() => patientRows(forged, "medications")).toThrow(/without a PatientAccess/);
    const read = await accessFor(actorOf(alex.user as TestUser), alex.id, "medications");
    expect(() => patientRows(read, "messages")).toThrow(/was used for messages/);
    const rows = patientRows(read, "medications");
    expect(() => rows.updateChart(t.database.db)).toThrow(/read-only/);
    expect(() => rows.deleteFrom(t.database.db, "medications")).toThrow(/read-only/);
    expect(() => rows.stamp({ name: "x" })).toThrow(/read-only/);
  });
});
