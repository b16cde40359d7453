import { randomUUID } from "node:crypto";
import type { WorkItemAssignees } from "@portico/contracts";
import { beforeAll, describe, expect, it } from "vitest";
import { makeTestClinic, type TestClinic } from "../../modules/scheduling/test-clinic.ts";
import { apiCaller } from "../../test/api.ts";
import { useTestApp } from "../../test/app.ts";
import {
  assignLocations,
  makePatient,
  makeStaff,
  type SignedInClient,
  signIn,
  type TestUser,
} from "../../test/factories.ts";

/**
 * Giving a work item to a colleague: the list of people it may go to is the queue's own
 * visibility rule read for each colleague (a physician their provider's items, a nurse those of
 * providers at their locations, a pool its members, unowned referrals every clinician), active staff
 * of the queue's roles only; assigning to anyone else is 409 and changes nothing; an item the
 * caller may not see is 404, audited.
 */
const t = useTestApp();

let clinic: TestClinic;
let nurseHere: TestUser;
let nurseHere2: TestUser;
let nurseElsewhere: TestUser;
let disabledNurse: TestUser;
let otherPhysician: TestUser;
let poolNurse: TestUser;
let nurse: SignedInClient;
let refillItem: string;
let orphanItem: string;
let poolItem: string;

const call = apiCaller(t);

async function item(values: { queue: string; providerId: string | null; poolId?: string | null; patientId?: string }) {
  return (
    await t.database.db
      .insertInto("work_items")
      .values({
        queue: values.queue,
        patient_id: values.patientId ?? clinic.patient.id,
        subject_type: "test_subject",
        subject_id: randomUUID(),
        provider_id: values.providerId,
        pool_id: values.poolId ?? null,
        due_at: new Date(t.clock.now().getTime() + 86_400_000),
        assignee_user_id: null,
        claimed_at: null,
        completed_at: null,
        completed_by: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
}

const ids = (list: WorkItemAssignees) => list.assignees.map((a) => a.userId).sort();

beforeAll(async () => {
  clinic = await makeTestClinic(t);
  const db = t.database.db;
  const { id: elsewhere } = await db
    .insertInto("locations")
    .values({ name: "Test Elsewhere", time_zone: "America/Chicago", phone: "(555) 000-2222" })
    .returning("id")
    .executeTakeFirstOrThrow();
  nurseHere = await makeStaff(t, "nurse", { displayName: "Nurse Alvarez" });
  nurseHere2 = await makeStaff(t, "nurse", { displayName: "Nurse Brook" });
  nurseElsewhere = await makeStaff(t, "nurse", { displayName: "Nurse Elsewhere" });
  disabledNurse = await makeStaff(t, "nurse", { displayName: "Nurse Gone", status: "disabled" });
  otherPhysician = await makeStaff(t, "physician", { displayName: "Dr Other" });
  poolNurse = await makeStaff(t, "nurse", { displayName: "Nurse Pool" });
  for (const n of [nurseHere, nurseHere2, disabledNurse]) await assignLocations(t, n.id, [clinic.locationId]);
  await assignLocations(t, nurseElsewhere.id, [elsewhere]);
  // front desk at the same location never works the queue
  const { id: poolId } = await db
    .insertInto("message_pools")
    .values({
      name: "Test assign pool",
      readers_description: "nurses",
      readers_description_es: "enfermeras",
      location_id: clinic.locationId,
      response_target_hours: 8,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db.insertInto("message_pool_members").values({ pool_id: poolId, user_id: poolNurse.id }).execute();
  nurse = await signIn(t, nurseHere);
  refillItem = await item({ queue: "refills", providerId: clinic.providerId });
  orphanItem = await item({ queue: "referrals", providerId: null });
  poolItem = await item({ queue: "messages", providerId: null, poolId });
});

describe("assigning a work item to a colleague", () => {
  it("lists only active colleagues of the queue's roles who may see the item, never the caller", async () => {
    const list = await call(nurse, "GET", `/api/work-queue/items/${refillItem}/assignees`);
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    const body = list.body as WorkItemAssignees;
    expect(body.item).toMatchObject({ id: refillItem, queue: "refills", patient: { id: clinic.patient.id } });
    // the item's physician and the other nurse at the provider's location; not the nurse at
    // another location, a disabled nurse, another physician, the front desk, or the caller
    expect(ids(body)).toEqual([clinic.physician.id, nurseHere2.id].sort());
    expect(body.assignees.find((a) => a.userId === clinic.physician.id)).toMatchObject({
      displayName: clinic.physician.displayName,
      roles: ["physician"],
      current: false,
    });
    for (const absent of [nurseElsewhere, disabledNurse, otherPhysician, clinic.frontDesk, nurseHere]) {
      expect(ids(body)).not.toContain(absent.id);
    }
    // the read is audited against the patient
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select(["action", "patient_id"])
      .where("resource_type", "=", "work_item")
      .where("resource_id", "=", refillItem)
      .where("outcome", "=", "success")
      .execute();
    expect(audit).toContainEqual({ action: "read", patient_id: clinic.patient.id });
  });

  it("answers 404 (audited) to a clinician who may not see the item, 403 to other roles", async () => {
    const elsewhere = await signIn(t, nurseElsewhere);
    expect((await call(elsewhere, "GET", `/api/work-queue/items/${refillItem}/assignees`)).status).toBe(404);
    expect((await call(elsewhere, "GET", `/api/work-queue/items/${randomUUID()}/assignees`)).status).toBe(404);
    const denied = await t.database.db
      .selectFrom("audit_log")
      .select("action")
      .where("resource_id", "=", refillItem)
      .where("outcome", "=", "denied")
      .execute();
    expect(denied.map((d) => d.action)).toContain("read");
    expect(
      (await call(await signIn(t, clinic.frontDesk), "GET", `/api/work-queue/items/${refillItem}/assignees`)).status,
    ).toBe(403);
    expect(
      (
        await call(
          await signIn(t, clinic.patient.user as TestUser),
          "GET",
          `/api/work-queue/items/${refillItem}/assignees`,
        )
      ).status,
    ).toBe(403);
  });

  it("assigns only to someone on the list: anyone else is 409 and nothing changes", async () => {
    for (const userId of [nurseElsewhere.id, disabledNurse.id, otherPhysician.id, clinic.frontDesk.id, randomUUID()]) {
      const refused = await call(nurse, "POST", `/api/work-queue/items/${refillItem}/assign`, { userId });
      expect(refused.status).toBe(409);
      expect(refused.body.error).toMatchObject({ code: "conflict", details: [{ field: "userId" }] });
    }
    const row = await t.database.db
      .selectFrom("work_items")
      .select(["status", "assignee_user_id"])
      .where("id", "=", refillItem)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: "open", assignee_user_id: null });

    const given = await call(nurse, "POST", `/api/work-queue/items/${refillItem}/assign`, { userId: nurseHere2.id });
    expect(given.status).toBe(200);
    expect(given.body).toMatchObject({ status: "claimed", assignee: { userId: nurseHere2.id } });
    const after = (await call(nurse, "GET", `/api/work-queue/items/${refillItem}/assignees`)).body as WorkItemAssignees;
    expect(after.assignees.find((a) => a.userId === nurseHere2.id)?.current).toBe(true);
    expect(after.item.assignee?.userId).toBe(nurseHere2.id);
  });

  it("in the referrals queue, work no team owns is every clinician's; pool work only the pool's members'", async () => {
    const orphan = (await call(nurse, "GET", `/api/work-queue/items/${orphanItem}/assignees`))
      .body as WorkItemAssignees;
    expect(ids(orphan)).toEqual(
      [clinic.physician.id, nurseHere2.id, nurseElsewhere.id, otherPhysician.id, poolNurse.id].sort(),
    );
    // only in a queue that says so (referrals); an unowned refill item is nobody's but its assignee's
    const orphanRefill = await item({ queue: "refills", providerId: null });
    expect((await call(nurse, "GET", `/api/work-queue/items/${orphanRefill}/assignees`)).status).toBe(404);
    // the pool's work: a nurse outside the pool does not see it at all
    expect((await call(nurse, "GET", `/api/work-queue/items/${poolItem}/assignees`)).status).toBe(404);
    const member = await signIn(t, poolNurse);
    const pool = (await call(member, "GET", `/api/work-queue/items/${poolItem}/assignees`)).body as WorkItemAssignees;
    expect(pool.assignees).toEqual([]);
    expect(
      (await call(member, "POST", `/api/work-queue/items/${poolItem}/assign`, { userId: nurseHere.id })).status,
    ).toBe(409);
    // a patient of no-one's (other patient) keeps the same rule
    const stranger = await makePatient(t);
    const strangerItem = await item({
      queue: "refills",
      providerId: otherPhysician.providerId,
      patientId: stranger.id,
    });
    expect((await call(nurse, "GET", `/api/work-queue/items/${strangerItem}/assignees`)).status).toBe(404);
  });
});
