import { randomUUID } from "node:crypto";
import type {
  Medication,
  MedicationList,
  RefillQueue,
  RefillQueueItem,
  RefillRequest,
  RefillRequestList,
} from "@portico/contracts";
import { beforeAll, describe, expect, it } from "vitest";
import { JobQueue } from "../../platform/jobs/index.ts";
import { apiCaller, countRows, queuedMails } from "../../test/api.ts";
import { useTestApp } from "../../test/app.ts";
import {
  makePatient,
  makeProxy,
  makeStaff,
  type SignedInClient,
  signIn,
  signInNewStaff,
  type TestPatient,
  type TestUser,
} from "../../test/factories.ts";
import { addVisit, makeTestClinic, type TestClinic } from "../scheduling/test-clinic.ts";
import { validateMedicationRequest } from "./fhir-validation.ts";
import { RefillService } from "./refill-service.ts";

/**
 * Refills through the HTTP API on a real database: clinicians keep the medication list, the
 * patient asks, the protocol decides each medication (every rule), the queue takes the rest,
 * the pharmacy outbox delivers a valid FHIR MedicationRequest, and bad input changes nothing.
 */
const t = useTestApp();
const DAY_MS = 86_400_000;

let clinic: TestClinic;
let patient: TestPatient;
let admin: SignedInClient;
let physician: SignedInClient;
let nurse: SignedInClient;
let nurseUser: TestUser;
let me: SignedInClient;
let otherPhysician: SignedInClient;
let pharmacyId: string;
const meds: Record<string, Medication> = {};

/** A day counted from the clinic's today (in its zone, as the protocol counts). */
let clinicZone = "UTC";
const day = (offset: number) => {
  // calendar days from the clinic's today (not 24-hour steps, which a DST change would shift)
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: clinicZone }).format(t.clock.now());
  return new Date(Date.parse(`${today}T00:00:00Z`) + offset * DAY_MS).toISOString().slice(0, 10);
};

const call = apiCaller(t);

const counts = async () => ({
  requests: await countRows(t, "refill_requests"),
  items: await countRows(t, "refill_request_items"),
});

async function addMedication(key: string, body: Record<string, unknown>, patientId = patient.id, client = physician) {
  const response = await call(client, "POST", `/api/patients/${patientId}/medications`, {
    dose: "10 mg",
    directions: "Take 1 tablet by mouth once a day",
    quantity: 30,
    daysSupply: 30,
    prescriberId: clinic.providerId,
    controlledSchedule: "none",
    ...body,
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  meds[key] = response.body as Medication;
  return response.body as Medication;
}

const mailsTo = async (email: string) => (await queuedMails(t)).filter((p) => p.to === email);

beforeAll(async () => {
  clinic = await makeTestClinic(t);
  patient = clinic.patient;
  const db = t.database.db;
  clinicZone = (await db.selectFrom("locations").select("time_zone").orderBy("created_at").executeTakeFirstOrThrow())
    .time_zone;
  pharmacyId = (
    await db
      .insertInto("pharmacies")
      .values({ name: "Test Corner Pharmacy", ncpdp_id: "1234567" })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
  await db.updateTable("patients").set({ preferred_pharmacy_id: pharmacyId }).where("id", "=", patient.id).execute();
  // a completed visit with the prescriber 100 days ago, and a TSH 400 days ago
  const start = new Date(t.clock.now().getTime() - 100 * DAY_MS);
  const completedAt = new Date(start.getTime() + 30 * 60_000);
  await addVisit(t, clinic, { patientId: patient.id, start, status: "completed", completedAt });
  await db
    .insertInto("lab_results")
    .values({ patient_id: patient.id, lab_code: "tsh", resulted_on: day(-400) })
    .execute();
  admin = await signInNewStaff(t, "admin");
  physician = await signIn(t, clinic.physician);
  nurseUser = await makeStaff(t, "nurse", { locationIds: [clinic.locationId] });
  nurse = await signIn(t, nurseUser);
  otherPhysician = await signInNewStaff(t, "physician");
  me = await signIn(t, patient.user as TestUser);
});

describe("the refill protocol (admins)", () => {
  it("saves each edit as a new version; clinicians read it, only admins edit", async () => {
    const protocol = {
      classes: [
        { code: "antihypertensive", label: "Blood pressure" },
        { code: "thyroid", label: "Thyroid" },
      ],
      visitWindowDays: 365,
      labRequirements: [{ classCode: "thyroid", labCode: "tsh", labName: "TSH", maxAgeDays: 365 }],
      earlyRefillFraction: 2 / 3,
    };
    const saved = await call(admin, "PUT", "/api/refill-protocol", protocol);
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ version: 2, visitWindowDays: 365, classes: protocol.classes });
    expect((await call(nurse, "PUT", "/api/refill-protocol", protocol)).status).toBe(403);
    expect((await call(me, "GET", "/api/refill-protocol")).status).toBe(403);
    const view = await call(nurse, "GET", "/api/refill-protocol");
    expect(view.body.current.version).toBe(2);
    expect(view.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(view.body.abilities.canEdit).toBe(false);
    expect((await call(admin, "GET", "/api/refill-protocol")).body.abilities.canEdit).toBe(true);
    expect((await call(admin, "GET", "/api/refill-protocol/versions/1")).body.classes).toEqual([]);
    const bad = await call(admin, "PUT", "/api/refill-protocol", {
      ...protocol,
      labRequirements: [{ classCode: "statin", labCode: "lipids", labName: "Lipids", maxAgeDays: 365 }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([{ field: "labRequirements.0.classCode", problem: expect.any(String) }]);
    expect((await call(admin, "GET", "/api/refill-protocol")).body.current.version).toBe(2);
  });
});

describe("the medication list (clinicians keep it)", () => {
  it("adds, changes and stops medications, each in the history and the audit log", async () => {
    // each medication as the protocol will meet it: [key, name, refills remaining, last filled (day), and the rest]
    const prescriptions: [string, string, number, number, Record<string, unknown>][] = [
      [
        "refill",
        "Lisinopril 10 mg tablet",
        3,
        -25,
        { purpose: "Blood pressure", protocolClass: "antihypertensive", rxnormCode: "314076" },
      ],
      ["renewal", "Amlodipine 5 mg tablet", 0, -21, { protocolClass: "antihypertensive" }],
      ["early", "Losartan 50 mg tablet", 2, -19, { protocolClass: "antihypertensive" }],
      ["controlled", "Alprazolam 0.25 mg tablet", 1, -28, { controlledSchedule: "IV" }],
      ["lab", "Levothyroxine 50 mcg tablet", 0, -25, { protocolClass: "thyroid" }],
      ["notCovered", "Sertraline 50 mg tablet", 0, -25, { protocolClass: "antidepressant" }],
      ["stopped", "Amoxicillin 500 mg capsule", 0, -60, {}],
    ];
    for (const [key, name, refillsRemaining, lastFilled, rest] of prescriptions) {
      await addMedication(key, { name, refillsRemaining, lastFilledOn: day(lastFilled), ...rest });
    }
    expect(meds.refill?.history).toEqual([expect.objectContaining({ event: "prescribed", by: expect.any(String) })]);

    const changed = await call(physician, "PATCH", `/api/patients/${patient.id}/medications/${meds.renewal?.id}`, {
      directions: "Take 1 tablet by mouth every evening",
    });
    expect(changed.status).toBe(200);
    expect(changed.body.directions).toBe("Take 1 tablet by mouth every evening");
    expect(changed.body.history.at(-1)).toMatchObject({
      event: "changed",
      changes: [
        { field: "directions", from: "Take 1 tablet by mouth once a day", to: "Take 1 tablet by mouth every evening" },
      ],
    });
    const stopped = await call(physician, "POST", `/api/patients/${patient.id}/medications/${meds.stopped?.id}/stop`, {
      reason: "Course finished",
    });
    expect(stopped.body).toMatchObject({
      status: "stopped",
      stopReason: "Course finished",
      abilities: { canEdit: false },
    });
    expect(
      (
        await call(physician, "POST", `/api/patients/${patient.id}/medications/${meds.stopped?.id}/stop`, {
          reason: "again",
        })
      ).status,
    ).toBe(409);

    const audit = await t.database.db
      .selectFrom("audit_log")
      .select(["action", "resource_id"])
      .where("resource_type", "=", "medication")
      .where("outcome", "=", "success")
      .where("resource_id", "in", [meds.renewal?.id as string, meds.stopped?.id as string])
      .execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["update", "stop"]));
  });

  it("refuses people off the care team and patients, changing nothing", async () => {
    const body = {
      name: "X",
      dose: "1",
      directions: "d",
      quantity: 1,
      daysSupply: 1,
      refillsRemaining: 0,
      prescriberId: clinic.providerId,
      controlledSchedule: "none",
    };
    expect((await call(otherPhysician, "POST", `/api/patients/${patient.id}/medications`, body)).status).toBe(404);
    expect((await call(me, "POST", `/api/patients/${patient.id}/medications`, body)).status).toBe(403);
    expect((await call(otherPhysician, "GET", `/api/patients/${patient.id}/medications`)).status).toBe(404);
    const unknownPrescriber = await call(physician, "POST", `/api/patients/${patient.id}/medications`, {
      ...body,
      prescriberId: randomUUID(),
    });
    expect(unknownPrescriber.status).toBe(400);
    const list = (await call(physician, "GET", `/api/patients/${patient.id}/medications`)).body as MedicationList;
    expect(list.medications).toHaveLength(7);
  });

  it("shows the patient their list in plain language, with what they may do", async () => {
    const list = (await call(me, "GET", `/api/patients/${patient.id}/medications`)).body as MedicationList;
    expect(list.patient).toEqual({ id: patient.id, displayName: patient.name });
    expect(list.preferredPharmacy).toEqual({ id: pharmacyId, name: "Test Corner Pharmacy" });
    expect(list.abilities).toEqual({ canRequestRefills: true, canAddMedication: false });
    const lisinopril = list.medications.find((m) => m.id === meds.refill?.id);
    expect(lisinopril).toMatchObject({
      purpose: "Blood pressure",
      refillsRemaining: 3,
      lastFilledOn: day(-25),
      prescriber: { id: clinic.providerId },
      protocolClass: { code: "antihypertensive", label: "Blood pressure" },
      refillPossibleFrom: day(-5),
      abilities: { canRequestRefill: true, canEdit: false },
    });
    expect(list.medications.at(-1)).toMatchObject({ status: "stopped", abilities: { canRequestRefill: false } });
  });
});

describe("refill requests: every rule of the protocol", () => {
  let request: RefillRequest;

  it("decides each medication on its own and records the rule and protocol version", async () => {
    const ids = ["refill", "renewal", "early", "controlled", "lab", "notCovered"].map((k) => meds[k]?.id);
    const response = await call(me, "POST", `/api/patients/${patient.id}/refill-requests`, { medicationIds: ids });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    request = response.body as RefillRequest;
    expect(request.pharmacy).toEqual({ id: pharmacyId, name: "Test Corner Pharmacy" });
    const byMed = (key: string) => request.items.find((i) => i.medication.id === meds[key]?.id);
    expect(byMed("refill")).toMatchObject({
      status: "approved",
      decision: { outcome: "approved", rule: "refill_from_remaining", protocolVersion: 2 },
      delivery: { status: "pending" },
    });
    expect(byMed("renewal")).toMatchObject({ status: "approved", decision: { rule: "renewal_under_protocol" } });
    expect(byMed("early")).toMatchObject({ status: "queued", decision: { rule: "too_early", possibleFrom: day(1) } });
    expect(byMed("controlled")).toMatchObject({ status: "queued", decision: { rule: "controlled_substance" } });
    expect(byMed("lab")).toMatchObject({
      status: "queued",
      decision: { rule: "renewal_needs_prescriber", reasons: [{ code: "lab_too_old" }] },
    });
    expect(byMed("notCovered")).toMatchObject({
      status: "queued",
      decision: { rule: "renewal_needs_prescriber", reasons: [{ code: "class_not_covered" }] },
    });
    expect(byMed("refill")?.timeline.map((e) => e.event)).toEqual(["requested", "approved"]);
    expect(byMed("controlled")?.timeline.map((e) => e.event)).toEqual(["requested", "queued"]);

    // the turnaround: requested and decided at once, automatically
    const stored = await t.database.db
      .selectFrom("refill_request_items")
      .selectAll()
      .where("request_id", "=", request.id)
      .execute();
    const auto = stored.find((s) => s.medication_id === meds.refill?.id);
    expect(auto).toMatchObject({ automatic: true, approved_quantity: 30, approved_refills: 2 });
    expect(auto?.decided_at?.getTime()).toBe(auto?.requested_at.getTime());
    // the medication used one refill; the renewal got a new prescription
    const list = (await call(me, "GET", `/api/patients/${patient.id}/medications`)).body as MedicationList;
    expect(list.medications.find((m) => m.id === meds.refill?.id)).toMatchObject({
      refillsRemaining: 2,
      lastFilledOn: day(0),
      pendingRefillRequestId: request.id,
      abilities: { canRequestRefill: false },
    });
    expect(list.medications.find((m) => m.id === meds.refill?.id)?.history.at(-1)?.event).toBe("refill_sent");
    // one email, no health information
    const mails = await mailsTo(patient.user?.email as string);
    expect(mails).toEqual([
      expect.objectContaining({
        template: "refill.decided",
        params: expect.objectContaining({ outcome: "approved", forName: "" }),
      }),
    ]);
    // a work item for each queued medication, for the prescriber's team
    const work = await t.database.db
      .selectFrom("work_items")
      .selectAll()
      .where("patient_id", "=", patient.id)
      .execute();
    expect(work).toHaveLength(4);
    expect(work.every((w) => w.provider_id === clinic.providerId && w.status === "open")).toBe(true);
  });

  it("refuses a duplicate while a request is in progress, creating nothing", async () => {
    const before = await counts();
    const again = await call(me, "POST", `/api/patients/${patient.id}/refill-requests`, {
      medicationIds: [meds.controlled?.id],
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("refill_pending");
    expect(await counts()).toEqual(before);
  });

  it("answers bad input with a clear 4xx and creates nothing", async () => {
    const stranger = await makePatient(t, { withLogin: true, pcpProviderId: clinic.providerId });
    const theirs = await addMedication("theirs", { name: "Theirs 1 mg", refillsRemaining: 2 }, stranger.id);
    const newMed = await addMedication("fresh", { name: "Fresh 1 mg", refillsRemaining: 2 });
    const before = await counts();
    const url = `/api/patients/${patient.id}/refill-requests`;
    const stopped = await call(me, "POST", url, { medicationIds: [meds.stopped?.id] });
    expect([stopped.status, stopped.body.error.code]).toEqual([409, "medication_stopped"]);
    const unknown = await call(me, "POST", url, { medicationIds: [newMed.id, randomUUID()] });
    expect([unknown.status, unknown.body.error.details]).toEqual([
      404,
      [{ field: "medicationIds.1", problem: "no such medication" }],
    ]);
    // another patient's medication answers exactly like an unknown one
    const other = await call(me, "POST", url, { medicationIds: [newMed.id, theirs.id] });
    expect(other).toEqual({ ...unknown, body: { error: { ...unknown.body.error } } });
    expect(JSON.stringify(other.body)).not.toContain("Theirs");
    const pharmacy = await call(me, "POST", url, { medicationIds: [newMed.id], pharmacyId: randomUUID() });
    expect([pharmacy.status, pharmacy.body.error.details[0].field]).toEqual([400, "pharmacyId"]);
    expect((await call(me, "POST", url, { medicationIds: [] })).status).toBe(400);
    expect((await call(me, "POST", url, { medicationIds: ["not-a-uuid"] })).status).toBe(400);
    // someone else's chart, and a caregiver without the medications scope
    expect(
      (await call(me, "POST", `/api/patients/${stranger.id}/refill-requests`, { medicationIds: [theirs.id] })).status,
    ).toBe(404);
    const helper = await makeProxy(t, { patientId: patient.id, scopes: ["appointments"] });
    const helperClient = await signIn(t, helper);
    expect((await call(helperClient, "POST", url, { medicationIds: [newMed.id] })).status).toBe(404);
    expect((await call(helperClient, "GET", `/api/patients/${patient.id}/medications`)).status).toBe(404);
    // clinicians decide refills, they do not request them
    expect((await call(physician, "POST", url, { medicationIds: [newMed.id] })).status).toBe(403);
    expect(await counts()).toEqual(before);
  });
});

describe("the clinicians' refill queue", () => {
  let queue: RefillQueue;
  const item = (key: string) => queue.items.find((i) => i.medication.id === meds[key]?.id) as RefillQueueItem;

  it("shows the prescriber's team the queued medications with history and the protocol's reasons", async () => {
    const response = await call(nurse, "GET", "/api/refill-queue");
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    queue = response.body;
    expect(queue.items.map((i) => i.medication.name).sort()).toEqual([
      "Alprazolam 0.25 mg tablet",
      "Levothyroxine 50 mcg tablet",
      "Losartan 50 mg tablet",
      "Sertraline 50 mg tablet",
    ]);
    expect(item("lab")).toMatchObject({
      patient: { id: patient.id, displayName: patient.name },
      decision: { reasons: [{ code: "lab_too_old" }] },
      medication: { history: [expect.objectContaining({ event: "prescribed" })] },
      suggested: { quantity: 30, refills: 0 },
      workItem: { status: "open", assignee: null },
      abilities: { canApprove: true, canDeny: true, canBulkApprove: true },
    });
    expect(item("controlled").abilities.canBulkApprove).toBe(false);
    expect(item("early").abilities.canBulkApprove).toBe(false);
    expect(item("notCovered").abilities.canBulkApprove).toBe(false);
    expect(queue.prescribers).toEqual([{ id: clinic.providerId, displayName: expect.any(String) }]);
    // the physician's own items; another physician, front desk and patients see none
    expect((await call(physician, "GET", "/api/refill-queue")).body.items).toHaveLength(4);
    expect((await call(otherPhysician, "GET", "/api/refill-queue")).body.items).toHaveLength(0);
    expect((await call(await signIn(t, clinic.frontDesk), "GET", "/api/refill-queue")).status).toBe(403);
    expect((await call(me, "GET", "/api/refill-queue")).status).toBe(403);
    // filters
    expect((await call(nurse, "GET", `/api/refill-queue?prescriberId=${randomUUID()}`)).body.items).toHaveLength(0);
    expect((await call(nurse, "GET", "/api/refill-queue?minAgeHours=1")).body.items).toHaveLength(0);
    expect((await call(nurse, "GET", "/api/refill-queue?status=approved")).body.items).toHaveLength(0);
  });

  it("counts the work per queue for what each person may see; claim, release and assign are audited", async () => {
    // (other capabilities' queues may be listed too: only the refills one is looked at)
    const refillCount = async (client: SignedInClient) =>
      ((await call(client, "GET", "/api/work-queue/counts")).body.queues as { queue: string }[]).find(
        (q) => q.queue === "refills",
      );
    expect(await refillCount(nurse)).toEqual({ queue: "refills", open: 4, overdue: 0, mine: 0, unassigned: 4 });
    expect(await refillCount(otherPhysician)).toMatchObject({ open: 0 });
    expect((await call(me, "GET", "/api/work-queue/counts")).body).toEqual({ queues: [] });
    const workId = item("controlled").workItem?.id as string;
    const claimed = await call(nurse, "POST", `/api/work-queue/items/${workId}/claim`);
    expect(claimed.body).toMatchObject({
      status: "claimed",
      assignee: { userId: nurseUser.id },
      abilities: { canRelease: true },
    });
    expect((await call(physician, "POST", `/api/work-queue/items/${workId}/claim`)).body.error.code).toBe(
      "already_claimed",
    );
    expect((await call(otherPhysician, "POST", `/api/work-queue/items/${workId}/claim`)).status).toBe(404);
    expect(await refillCount(nurse)).toMatchObject({
      mine: 1,
      unassigned: 3,
    });
    expect((await call(nurse, "POST", `/api/work-queue/items/${workId}/release`)).body.status).toBe("open");
    const assigned = await call(nurse, "POST", `/api/work-queue/items/${workId}/assign`, {
      userId: clinic.physician.id,
    });
    expect(assigned.body).toMatchObject({ status: "claimed", assignee: { userId: clinic.physician.id } });
    expect(
      (await call(nurse, "POST", `/api/work-queue/items/${workId}/assign`, { userId: patient.user?.id })).status,
    ).toBe(409);
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select("action")
      .where("resource_type", "=", "work_item")
      .where("resource_id", "=", workId)
      .where("outcome", "=", "success")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["create", "claim", "release", "assign"]));
    // the nurse working the queue may read the patient's medications (queue reason)
    expect((await call(nurse, "GET", `/api/patients/${patient.id}/medications`)).status).toBe(200);
  });

  it("approves with quantity and refills, denies with a reason the patient sees, and audits both", async () => {
    const approved = await call(physician, "POST", `/api/refill-queue/${item("controlled").id}/approve`, {
      quantity: 20,
      refills: 0,
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body).toMatchObject({
      status: "approved",
      review: { quantity: 20, refills: 0 },
      workItem: { status: "done" },
      abilities: { canApprove: false },
    });
    const again = await call(nurse, "POST", `/api/refill-queue/${item("controlled").id}/approve`, {
      quantity: 20,
      refills: 0,
    });
    expect([again.status, again.body.error.code]).toEqual([409, "refill_already_decided"]);
    const denied = await call(nurse, "POST", `/api/refill-queue/${item("notCovered").id}/deny`, {
      reason: "Please book a visit to review this medication.",
    });
    expect(denied.body).toMatchObject({
      status: "denied",
      review: { denialReason: "Please book a visit to review this medication." },
    });
    // the reason is stored sealed, not as plain text
    const stored = await t.database.db
      .selectFrom("refill_request_items")
      .select("denial_reason_sealed")
      .where("id", "=", item("notCovered").id)
      .executeTakeFirstOrThrow();
    expect(stored.denial_reason_sealed).toBeTruthy();
    expect(stored.denial_reason_sealed).not.toContain("book a visit");
    expect(
      (await call(otherPhysician, "POST", `/api/refill-queue/${item("early").id}/deny`, { reason: "Not mine" })).status,
    ).toBe(404);
    expect((await call(nurse, "POST", `/api/refill-queue/${randomUUID()}/deny`, { reason: "Nope" })).status).toBe(404);

    const audit = await t.database.db
      .selectFrom("audit_log")
      .select(["action", "resource_id", "acting_as"])
      .where("resource_type", "=", "refill_request_item")
      .where("outcome", "=", "success")
      .where("action", "in", ["approve", "deny"])
      .execute();
    expect(audit).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: "approve", resource_id: item("controlled").id, acting_as: "physician" }),
        expect.objectContaining({ action: "deny", resource_id: item("notCovered").id, acting_as: "nurse" }),
      ]),
    );
    // the patient sees both decisions on the timeline, and an email for each
    const list = (await call(me, "GET", `/api/patients/${patient.id}/refill-requests`)).body as RefillRequestList;
    const items = list.requests[0]?.items ?? [];
    const controlled = items.find((i) => i.medication.id === meds.controlled?.id);
    expect(controlled?.timeline.map((e) => [e.event, e.automatic])).toEqual([
      ["requested", true],
      ["queued", true],
      ["approved", false],
    ]);
    expect(items.find((i) => i.medication.id === meds.notCovered?.id)?.review?.denialReason).toBe(
      "Please book a visit to review this medication.",
    );
    const mails = await mailsTo(patient.user?.email as string);
    expect(mails.map((m) => m.params.outcome)).toEqual(["approved", "approved", "denied"]);
  });

  it("bulk-approves only what the protocol allows", async () => {
    const result = await call(nurse, "POST", "/api/refill-queue/bulk-approve", {
      itemIds: [item("lab").id, item("early").id, randomUUID()],
    });
    expect(result.status).toBe(200);
    expect(result.body.approved).toEqual([item("lab").id]);
    expect(result.body.skipped).toEqual([
      { id: item("early").id, reason: "not_bulk_approvable" },
      { id: expect.any(String), reason: "not_found" },
    ]);
    const remaining = (await call(nurse, "GET", "/api/refill-queue")).body as RefillQueue;
    expect(remaining.items.map((i) => i.id)).toEqual([item("early").id]);
  });
});

describe("pharmacy transmission", () => {
  it("delivers each approval as a valid FHIR R4 MedicationRequest and shows it on the timeline", async () => {
    await t.app.services.jobs.runDueJobs();
    const outbox = await t.database.db
      .selectFrom("pharmacy_outbox")
      .selectAll()
      .where("patient_id", "=", patient.id)
      .execute();
    expect(outbox.length).toBe(4);
    for (const row of outbox) {
      expect(row.status).toBe("sent");
      const resource = typeof row.resource === "string" ? JSON.parse(row.resource) : row.resource;
      expect(validateMedicationRequest(resource)).toEqual([]);
    }
    const lisinopril = outbox
      .map((o) => (typeof o.resource === "string" ? JSON.parse(o.resource) : o.resource))
      .find((r) => r.medicationCodeableConcept.text === "Lisinopril 10 mg tablet");
    expect(lisinopril).toMatchObject({
      resourceType: "MedicationRequest",
      status: "active",
      intent: "order",
      subject: { reference: `Patient/${patient.id}` },
      medicationCodeableConcept: { coding: [{ code: "314076" }] },
      dispenseRequest: {
        numberOfRepeatsAllowed: 2,
        quantity: { value: 30 },
        performer: { display: "Test Corner Pharmacy" },
      },
    });
    const list = (await call(me, "GET", `/api/patients/${patient.id}/refill-requests`)).body as RefillRequestList;
    const refill = list.requests[0]?.items.find((i) => i.medication.id === meds.refill?.id);
    expect(refill?.delivery).toMatchObject({ status: "sent", attempts: 1 });
    expect(refill?.timeline.map((e) => e.event)).toEqual(["requested", "approved", "sent_to_pharmacy"]);
    // a medication whose refill was sent may be asked for again
    expect(
      (await call(me, "GET", `/api/patients/${patient.id}/medications/${meds.refill?.id}`)).body.pendingRefillRequestId,
    ).toBeNull();
  });

  it("the validator catches a broken MedicationRequest", () => {
    expect(
      validateMedicationRequest({ resourceType: "MedicationRequest", status: "bogus", intent: "order" }).length,
    ).toBeGreaterThan(0);
  });

  it("retries a failed transmission and, after the last attempt, marks it failed", async () => {
    let calls = 0;
    const failing = new RefillService({
      ...t.app.services.deps,
      access: t.app.services.access,
      audit: t.app.services.audit,
      mailer: t.app.services.mailer,
      jobs: new JobQueue({ db: t.database.db, clock: t.clock, logger: t.app.services.deps.logger }),
      protocols: t.app.services.refillProtocols,
      workQueue: t.app.services.workQueue,
      pharmacy: {
        name: "failing",
        transmit: async () => {
          calls += 1;
          throw new Error("pharmacy unreachable");
        },
      },
    });
    // a fresh approval with an outbox row waiting
    const response = await call(me, "POST", `/api/patients/${patient.id}/refill-requests`, {
      medicationIds: [meds.fresh?.id],
    });
    expect(response.body.items[0].status).toBe("approved");
    const row = await t.database.db
      .selectFrom("pharmacy_outbox")
      .select(["id", "request_item_id"])
      .where("request_item_id", "=", response.body.items[0].id)
      .executeTakeFirstOrThrow();
    await expect(failing.deliver(row.id, { attempt: 1, maxAttempts: 2 })).rejects.toThrow("pharmacy unreachable");
    let stored = await t.database.db
      .selectFrom("pharmacy_outbox")
      .selectAll()
      .where("id", "=", row.id)
      .executeTakeFirstOrThrow();
    expect([stored.status, stored.attempts]).toEqual(["pending", 1]);
    await expect(failing.deliver(row.id, { attempt: 2, maxAttempts: 2 })).rejects.toThrow();
    stored = await t.database.db
      .selectFrom("pharmacy_outbox")
      .selectAll()
      .where("id", "=", row.id)
      .executeTakeFirstOrThrow();
    expect([stored.status, stored.attempts, calls]).toEqual(["failed", 2, 2]);
    const request = (await call(me, "GET", `/api/patients/${patient.id}/refill-requests/${response.body.id}`))
      .body as RefillRequest;
    expect(request.items[0]?.delivery?.status).toBe("failed");
    expect(request.items[0]?.timeline.at(-1)?.event).toBe("delivery_failed");
    // the outbox delivery job is registered with the real queue, with retries
    const job = await t.database.db
      .selectFrom("jobs")
      .select(["max_attempts"])
      .where("queue", "=", "refills.pharmacy-send")
      .where("dedupe_key", "=", `pharmacy:${row.id}`)
      .executeTakeFirstOrThrow();
    expect(job.max_attempts).toBe(8);
  });
});

describe("caregivers and a teen's confidential medication", () => {
  it("a parent sees and requests the teen's ordinary medications, never the confidential one; the caregiver's email says so", async () => {
    const dob = new Date(t.clock.now().getTime() - 15.5 * 365 * DAY_MS).toISOString().slice(0, 10);
    const teen = await makePatient(t, { withLogin: true, dateOfBirth: dob, pcpProviderId: clinic.providerId });
    await t.database.db
      .updateTable("patients")
      .set({ preferred_pharmacy_id: pharmacyId })
      .where("id", "=", teen.id)
      .execute();
    const parentUser = await makeProxy(
      t,
      { patientId: teen.id, relationship: "parent", scopes: ["appointments", "medications"] },
      { locale: "es" },
    );
    const parent = await signIn(t, parentUser);
    const inhaler = await addMedication(
      "inhaler",
      { name: "Albuterol inhaler", refillsRemaining: 2, lastFilledOn: day(-40) },
      teen.id,
    );
    const secret = await addMedication(
      "secret",
      { name: "Norethindrone 0.35 mg tablet", refillsRemaining: 2, lastFilledOn: day(-30), confidential: true },
      teen.id,
    );

    const parentList = (await call(parent, "GET", `/api/patients/${teen.id}/medications`)).body as MedicationList;
    expect(parentList.medications.map((m) => m.id)).toEqual([inhaler.id]);
    expect(parentList.abilities.canRequestRefills).toBe(true);
    expect((await call(parent, "GET", `/api/patients/${teen.id}/medications/${secret.id}`)).status).toBe(404);
    const before = await counts();
    const refused = await call(parent, "POST", `/api/patients/${teen.id}/refill-requests`, {
      medicationIds: [inhaler.id, secret.id],
    });
    expect(refused.status).toBe(404);
    expect(await counts()).toEqual(before);

    const teenClient = await signIn(t, teen.user as TestUser);
    expect((await call(teenClient, "GET", `/api/patients/${teen.id}/medications`)).body.medications).toHaveLength(2);
    // the teen's own confidential request: the parent never learns of it
    const own = await call(teenClient, "POST", `/api/patients/${teen.id}/refill-requests`, {
      medicationIds: [secret.id],
    });
    expect(own.status).toBe(201);
    expect((await call(parent, "GET", `/api/patients/${teen.id}/refill-requests`)).body.requests).toEqual([]);
    expect(await mailsTo(parentUser.email)).toEqual([]);
    // the parent's request: the parent is told in Spanish, as a caregiver
    const asked = await call(parent, "POST", `/api/patients/${teen.id}/refill-requests`, {
      medicationIds: [inhaler.id],
    });
    expect(asked.status).toBe(201);
    expect(asked.body.requestedBy).toMatchObject({ isProxy: true });
    expect(await mailsTo(parentUser.email)).toEqual([
      expect.objectContaining({
        locale: "es",
        params: expect.objectContaining({ forName: "Jordan", outcome: "approved" }),
      }),
    ]);
  });
});

describe("concurrent duplicate submissions", () => {
  it("create one request: one 201, the others 409, nothing half-made", async () => {
    const med = await addMedication("race", {
      name: "Race 5 mg tablet",
      refillsRemaining: 0,
      lastFilledOn: day(-25),
      protocolClass: "unknown_class",
    });
    const url = `/api/patients/${patient.id}/refill-requests`;
    const before = await counts();
    const results = await Promise.all(
      Array.from({ length: 8 }, () => call(me, "POST", url, { medicationIds: [med.id] })),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.error.code === "refill_pending")).toBe(true);
    expect(await counts()).toEqual({ requests: before.requests + 1, items: before.items + 1 });
    const work = await t.database.db
      .selectFrom("work_items")
      .select("id")
      .where("patient_id", "=", patient.id)
      .where("status", "=", "open")
      .execute();
    expect(work.length).toBeGreaterThan(0);
  });
});

describe("the decision email", () => {
  const ctx = (locale: "en" | "es") => ({
    locale,
    clinicName: "Test Clinic",
    clinicPhone: "(555) 000-1111",
    publicUrl: "http://x.test",
  });
  it("names the patient to a caregiver, in the reader's language, and says nothing clinical", async () => {
    const { refillDecided } = await import("./mail-templates.ts");
    const caregiver = { outcome: "denied" as const, forName: "Taylor", refillsUrl: "/refills" };
    expect(refillDecided.en.text(caregiver, ctx("en"))).toContain(
      "Taylor's refill request at Test Clinic was not approved",
    );
    expect(refillDecided.es.text(caregiver, ctx("es"))).toContain(
      "La solicitud de resurtido de Taylor en Test Clinic no fue aprobada",
    );
    const own = { outcome: "approved" as const, forName: "", refillsUrl: "/refills" };
    expect(refillDecided.en.text(own, ctx("en"))).toMatch(
      /^Your refill request at Test Clinic has been approved and sent to the pharmacy\./,
    );
    expect(typeof refillDecided.es.subject === "function" && refillDecided.es.subject(own, ctx("es"))).toBe(
      "Su solicitud de resurtido tiene respuesta",
    );
  });
});

describe("lab results: recorded on the chart, read by the protocol's lab rule", () => {
  const url = () => `/api/patients/${patient.id}/lab-results`;
  const labCount = async () =>
    Number(
      (
        await t.database.db
          .selectFrom("lab_results")
          .select((eb) => eb.fn.countAll().as("n"))
          .where("patient_id", "=", patient.id)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("a renewal waiting for a recent TSH shows the lab's date in the queue; recording one makes the next renewal automatic", async () => {
    const thyroid = await addMedication("thyroidLab", {
      name: "Levothyroxine 50 mcg tablet",
      refillsRemaining: 0,
      lastFilledOn: day(-25),
      protocolClass: "thyroid",
    });
    const asked = await call(me, "POST", `/api/patients/${patient.id}/refill-requests`, {
      medicationIds: [thyroid.id],
    });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    expect((asked.body as RefillRequest).items[0]).toMatchObject({
      status: "queued",
      decision: { reasons: [{ code: "lab_too_old" }] },
    });
    const queued = async () =>
      ((await call(nurse, "GET", "/api/refill-queue")).body as RefillQueue).items.find(
        (i) => i.medication.id === thyroid.id,
      ) as RefillQueueItem;
    expect((await queued()).labs).toEqual([
      { labCode: "tsh", labName: "TSH", maxAgeDays: 365, latestOn: day(-400), ageDays: 400, recentEnough: false },
    ]);

    // the chart: the tests the protocol names, the results so far
    const list = await call(nurse, "GET", url());
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    expect(list.body).toMatchObject({
      patient: { id: patient.id },
      tests: [{ labCode: "tsh", labName: "TSH", maxAgeDays: 365 }],
      abilities: { canRecord: true },
    });
    expect(list.body.results).toEqual([
      expect.objectContaining({ labCode: "tsh", resultedOn: day(-400), value: null }),
    ]);

    const recorded = await call(nurse, "POST", url(), { labCode: "tsh", resultedOn: day(-3), value: "2.1 mIU/L" });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    expect(recorded.body).toMatchObject({
      labCode: "tsh",
      labName: "TSH",
      resultedOn: day(-3),
      value: "2.1 mIU/L",
      recordedBy: nurseUser.displayName,
    });
    // the value is sealed at rest; the record and the reading are audited against the patient
    const row = await t.database.db
      .selectFrom("lab_results")
      .select(["value_sealed", "recorded_by"])
      .where("id", "=", recorded.body.id)
      .executeTakeFirstOrThrow();
    expect(row.value_sealed).not.toContain("mIU");
    expect(row.recorded_by).toBe(nurseUser.id);
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select(["action", "patient_id"])
      .where("resource_type", "=", "lab_result")
      .where("outcome", "=", "success")
      .execute();
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: "read", patient_id: patient.id },
        { action: "create", patient_id: patient.id },
      ]),
    );
    expect((await call(nurse, "GET", url())).body.results[0]).toMatchObject({ resultedOn: day(-3) });

    // the queue now reads the new result: recent enough, with its date
    expect((await queued()).labs).toEqual([
      { labCode: "tsh", labName: "TSH", maxAgeDays: 365, latestOn: day(-3), ageDays: 3, recentEnough: true },
    ]);
    // and the protocol engine approves the next thyroid renewal on its own
    const second = await addMedication("thyroidLab2", {
      name: "Liothyronine 5 mcg tablet",
      refillsRemaining: 0,
      lastFilledOn: day(-25),
      protocolClass: "thyroid",
    });
    const auto = await call(me, "POST", `/api/patients/${patient.id}/refill-requests`, { medicationIds: [second.id] });
    expect(auto.status, JSON.stringify(auto.body)).toBe(201);
    expect((auto.body as RefillRequest).items[0]).toMatchObject({
      status: "approved",
      decision: { outcome: "approved", rule: "renewal_under_protocol" },
    });
  });

  it("refuses a test the protocol does not name, a day after today, bad shapes, patients and people off the care team, recording nothing", async () => {
    const before = await labCount();
    const bad = async (body: unknown, field: string) => {
      const response = await call(nurse, "POST", url(), body);
      expect(response.status, JSON.stringify(response.body)).toBe(400);
      expect(JSON.stringify(response.body.error.details)).toContain(field);
    };
    await bad({ labCode: "lipids", resultedOn: day(-1) }, "labCode");
    await bad({ labCode: "tsh", resultedOn: day(1) }, "resultedOn");
    await bad({ labCode: "tsh", resultedOn: "yesterday" }, "resultedOn");
    await bad({ labCode: "TSH!", resultedOn: day(-1) }, "labCode");
    await bad({ labCode: "tsh", resultedOn: day(-1), value: "x".repeat(101) }, "value");
    await bad({ labCode: "tsh", resultedOn: day(-1), extra: 1 }, "additional properties");
    expect((await call(me, "POST", url(), { labCode: "tsh", resultedOn: day(-1) })).status).toBe(403);
    expect((await call(me, "GET", url())).status).toBe(403);
    expect((await call(otherPhysician, "POST", url(), { labCode: "tsh", resultedOn: day(-1) })).status).toBe(404);
    expect((await call(otherPhysician, "GET", url())).status).toBe(404);
    expect(
      (await call(nurse, "POST", `/api/patients/${randomUUID()}/lab-results`, { labCode: "tsh", resultedOn: day(-1) }))
        .status,
    ).toBe(404);
    expect((await call(null, "GET", url())).status).toBe(401);
    expect(await labCount()).toBe(before);
  });
});
