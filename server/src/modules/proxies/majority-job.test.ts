import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { send } from "../../test/api.ts";
import { useTestApp } from "../../test/app.ts";
import {
  makePatient,
  makeUser,
  type SignedInClient,
  signIn,
  signInNewStaff,
  type TestUser,
} from "../../test/factories.ts";
import { END_PARENTAL_ACCESS_QUEUE } from "./service.ts";

/**
 * SPEC §2.2: a parent's access ends when the patient turns 18. The daily job does it, run the
 * way the worker runs it — queued by `scheduleDaily()`, claimed by `jobs.runDueJobs()`.
 */
const t = useTestApp();
const DAY_MS = 86_400_000;
let started: Date;

beforeAll(() => {
  started = t.clock.now();
});
afterAll(() => {
  t.clock.set(started);
});

describe("parent grants at the 18th birthday", () => {
  it("ends through the job queue the day after the birthday, and the parent then gets 404", async () => {
    const desk = await signInNewStaff(t, "front_desk");
    // 17 years old, 18 in ten days
    const birthday = new Date(t.clock.now().getTime() + 10 * DAY_MS);
    const dateOfBirth = `${birthday.getUTCFullYear() - 18}${birthday.toISOString().slice(4, 10)}`;
    const patient = await makePatient(t, { withLogin: true, dateOfBirth });
    const parent = await makeUser(t);
    const other = await makePatient(t); // an unrelated chart with its own parent grant: must be untouched
    const otherParent = await makeUser(t);

    const create = async (patientId: string, user: TestUser) => {
      const res = await send(t, desk, "POST", `/api/patients/${patientId}/proxies`, {
        proxyEmail: user.email,
        relationship: "parent",
        scopes: ["appointments", "medications"],
        reason: "Parent of a minor",
      });
      expect(res.statusCode).toBe(201);
      return res.json().id as string;
    };
    const grantId = await create(patient.id, parent);
    const otherGrantId = await create(other.id, otherParent);

    const readAppointments = (client: SignedInClient) =>
      send(t, client, "GET", `/api/patients/${patient.id}/appointments`);
    expect((await readAppointments(await signIn(t, parent))).statusCode).toBe(200);

    // the worker queues today's run when it starts (04:00 UTC); before the birthday it ends nothing
    await t.app.services.proxies.scheduleDaily();
    const queued = await t.database.db
      .selectFrom("jobs")
      .select(["status", "run_at"])
      .where("queue", "=", END_PARENTAL_ACCESS_QUEUE)
      .execute();
    expect(queued).toHaveLength(1);
    const firstRun = queued[0]?.run_at;
    if (!firstRun) throw new Error("the daily run was not queued");
    t.clock.set(new Date(firstRun.getTime() + 60_000));
    expect(await t.app.services.jobs.runDueJobs()).toBeGreaterThanOrEqual(1);
    expect(await endsAt(grantId)).toBeNull();

    // the day after the birthday (the worker queues a run every day): that run ends the grant
    const dayAfter = new Date(birthday.getTime() + DAY_MS);
    dayAfter.setUTCHours(12, 0, 0, 0);
    t.clock.set(dayAfter);
    await t.app.services.proxies.scheduleDaily();
    expect(await t.app.services.jobs.runDueJobs()).toBeGreaterThanOrEqual(1);
    const runs = await t.database.db
      .selectFrom("jobs")
      .select(["status", "dedupe_key"])
      .where("queue", "=", END_PARENTAL_ACCESS_QUEUE)
      .where("status", "=", "done")
      .execute();
    expect(runs.length).toBeGreaterThanOrEqual(2);

    const ended = await endsAt(grantId);
    expect(ended?.toISOString().slice(0, 10)).toBe(birthday.toISOString().slice(0, 10));
    expect(await endsAt(otherGrantId)).toBeNull();
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select(["action", "acting_as", "patient_id"])
      .where("resource_type", "=", "proxy_grant")
      .where("resource_id", "=", grantId)
      .where("action", "=", "end_at_majority")
      .execute();
    expect(audit).toEqual([{ action: "end_at_majority", acting_as: "system", patient_id: patient.id }]);

    const parentNow = await signIn(t, parent);
    const after = await readAppointments(parentNow);
    expect(after.statusCode).toBe(404);
    const me = await send(t, parentNow, "GET", "/api/me");
    expect(me.json().patients.map((p: { id: string }) => p.id)).not.toContain(patient.id);

    // the patient, now an adult, still sees the ended grant for a while, no longer in force
    const own = await signIn(t, patient.user as TestUser);
    const list = await send(t, own, "GET", `/api/patients/${patient.id}/proxies`);
    expect(list.statusCode).toBe(200);
    expect(list.json().canManage).toBe(true);
    expect(list.json().grants.find((g: { id: string }) => g.id === grantId)).toMatchObject({ inForce: false });

    // a second run the same day changes nothing (idempotent handler)
    expect(await t.app.services.proxies.endParentalAccessAtMajority()).toBe(0);
  });
});

async function endsAt(grantId: string): Promise<Date | null> {
  const row = await t.database.db
    .selectFrom("proxy_grants")
    .select("ends_at")
    .where("id", "=", grantId)
    .executeTakeFirstOrThrow();
  return row.ends_at;
}
