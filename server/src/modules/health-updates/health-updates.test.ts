import { randomUUID } from "node:crypto";
import type { FlagRanges, HealthFlagQueue, HealthUpdates, SentQuestionnaire, SentReading } from "@portico/contracts";
import { beforeAll, describe, expect, it } from "vitest";
import { runWithContext, systemContext } from "../../platform/context.ts";
import { apiCaller, countRows } from "../../test/api.ts";
import { useTestApp } from "../../test/app.ts";
import {
  makePatient,
  makeProxy,
  makeStaff,
  type SignedInClient,
  signIn,
  signInNewStaff,
  type TestUser,
} from "../../test/factories.ts";
import { makeTestClinic, type TestClinic } from "../scheduling/test-clinic.ts";

/**
 * Health updates through the HTTP API on a real database: readings and questionnaires from the
 * patient and a caregiver, bad input refused with nothing stored, flags on the care team's
 * queue (seen by the PCP's nurse, not by a nurse elsewhere), acknowledge and resolve audited,
 * the clinic's ranges edited by an admin, sealed notes, the record-download listing.
 */
const t = useTestApp();

let clinic: TestClinic;
let patient: SignedInClient;
let caregiver: SignedInClient;
let caregiverWithoutScope: SignedInClient;
let teenParent: SignedInClient;
let teenId: string;
let nurse: SignedInClient;
let farNurse: SignedInClient;
let pcp: SignedInClient;
let admin: SignedInClient;

const call = apiCaller(t);

const base = () => `/api/patients/${clinic.patient.id}/health-updates`;
const count = (table: "health_readings" | "questionnaire_responses" | "health_flags") => countRows(t, table);

beforeAll(async () => {
  clinic = await makeTestClinic(t);
  const nurseUser = await makeStaff(t, "nurse", { locationIds: [clinic.locationId] });
  const farNurseUser = await makeStaff(t, "nurse");
  const withScope = await makeProxy(
    t,
    { patientId: clinic.patient.id, scopes: ["health_updates"] },
    { displayName: "Casey Carer" },
  );
  const withoutScope = await makeProxy(t, { patientId: clinic.patient.id, scopes: ["medications"] });
  const year = t.clock.now().getUTCFullYear();
  const teen = await makePatient(t, {
    withLogin: true,
    dateOfBirth: `${year - 15}-01-01`,
    pcpProviderId: clinic.providerId,
  });
  teenId = teen.id;
  const parent = await makeProxy(t, {
    patientId: teen.id,
    relationship: "parent",
    scopes: ["appointments", "medications", "health_updates"],
  });
  patient = await signIn(t, clinic.patient.user as TestUser);
  caregiver = await signIn(t, withScope);
  caregiverWithoutScope = await signIn(t, withoutScope);
  teenParent = await signIn(t, parent);
  nurse = await signIn(t, nurseUser);
  farNurse = await signIn(t, farNurseUser);
  pcp = await signIn(t, clinic.physician);
  admin = await signInNewStaff(t, "admin");
});

describe("readings", () => {
  it("a normal reading is stored as entered and in canonical units, and goes on no queue", async () => {
    const flagsBefore = await count("health_flags");
    const res = await call(patient, "POST", `${base()}/readings`, { measure: "weight", unit: "lb", value: 180 });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const sent = res.body as SentReading;
    expect(sent.guidance).toBeNull();
    expect(sent.reading).toMatchObject({
      measure: "weight",
      flag: "normal",
      entered: { unit: "lb", value: 180 },
      canonical: { unit: "kg", value: 81.65 },
      enteredBy: { kind: "patient" },
    });
    expect(await count("health_flags")).toBe(flagsBefore);
  });

  it("BP ≥ 180/120 saves, flags urgent with emergency guidance, and puts a work item due within the hour on the PCP's queue", async () => {
    const res = await call(patient, "POST", `${base()}/readings`, {
      measure: "blood_pressure",
      unit: "mmHg",
      systolic: 186,
      diastolic: 104,
      note: "Pounding headache",
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const sent = res.body as SentReading;
    expect(sent).toMatchObject({ guidance: "emergency", reading: { flag: "urgent", note: "Pounding headache" } });
    expect(sent.reading.flagReasons).toEqual(["systolic_high", "diastolic_high"]);
    const stored = await t.database.db
      .selectFrom("health_readings")
      .select("note_sealed")
      .where("id", "=", sent.reading.id)
      .executeTakeFirstOrThrow();
    expect(stored.note_sealed).toMatch(/^v1\./);
    expect(stored.note_sealed).not.toContain("headache");
    const flag = await t.database.db
      .selectFrom("health_flags")
      .selectAll()
      .where("reading_id", "=", sent.reading.id)
      .executeTakeFirstOrThrow();
    const item = await t.database.db
      .selectFrom("work_items")
      .selectAll()
      .where("subject_id", "=", flag.id)
      .executeTakeFirstOrThrow();
    expect(item).toMatchObject({ queue: "health_updates", provider_id: clinic.providerId, status: "open" });
    expect(item.due_at.getTime() - t.clock.now().getTime()).toBeLessThanOrEqual(3_600_000);
  });

  it.each([
    [{ measure: "weight", unit: "kg", value: -70 }, "value"],
    [{ measure: "blood_pressure", unit: "mmHg", systolic: 80, diastolic: 90 }, "systolic"],
    [{ measure: "blood_pressure", unit: "mmHg", systolic: 120 }, "diastolic"],
    [{ measure: "temperature", unit: "kg", value: 37 }, "unit"],
    [{ measure: "temperature", unit: "C", value: 98.6 }, "value"],
    [{ measure: "spo2", unit: "%", value: 120 }, "value"],
    [{ measure: "glucose", unit: "mmol/L", value: 100 }, "value"],
    [{ measure: "heart_rate", unit: "bpm", value: 70, takenAt: "2099-01-01T00:00:00Z" }, "takenAt"],
  ])("%j → 400 naming %s, nothing stored", async (payload, field) => {
    const before = await count("health_readings");
    const res = await call(patient, "POST", `${base()}/readings`, payload);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("validation_failed");
    expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
    expect(await count("health_readings")).toBe(before);
  });

  it("schema-level nonsense (unknown measure, text for a number, extra fields) is a 400", async () => {
    for (const payload of [
      { measure: "cholesterol", unit: "mg/dL", value: 180 },
      { measure: "weight", unit: "kg", value: "heavy" },
      { measure: "weight", unit: "kg", value: 70, patientId: randomUUID() },
    ]) {
      expect((await call(patient, "POST", `${base()}/readings`, payload)).status).toBe(400);
    }
  });

  it("a caregiver with health_updates sends for the patient; without it, or a teen's parent: 404", async () => {
    const res = await call(caregiver, "POST", `${base()}/readings`, { measure: "temperature", unit: "F", value: 98.6 });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect((res.body as SentReading).reading).toMatchObject({
      canonical: { value: 37, unit: "C" },
      enteredBy: { kind: "proxy", displayName: "Casey Carer" },
    });
    const before = await count("health_readings");
    expect(
      (await call(caregiverWithoutScope, "POST", `${base()}/readings`, { measure: "spo2", unit: "%", value: 97 }))
        .status,
    ).toBe(404);
    expect((await call(caregiverWithoutScope, "GET", base())).status).toBe(404);
    // the parent of a 15-year-old: the restricted default leaves health updates out, whatever the grant says
    expect(
      (
        await call(teenParent, "POST", `/api/patients/${teenId}/health-updates/readings`, {
          measure: "spo2",
          unit: "%",
          value: 97,
        })
      ).status,
    ).toBe(404);
    expect((await call(teenParent, "GET", `/api/patients/${teenId}/health-updates`)).status).toBe(404);
    expect(await count("health_readings")).toBe(before);
  });

  it("staff on the care team read the trends but do not send readings as the patient", async () => {
    const res = await call(pcp, "GET", base());
    expect(res.status).toBe(200);
    expect((res.body as HealthUpdates).readerIsPatient).toBe(false);
    expect((res.body as HealthUpdates).abilities.canSend).toBe(false);
    expect(
      (await call(pcp, "POST", `${base()}/readings`, { measure: "heart_rate", unit: "bpm", value: 70 })).status,
    ).toBe(403);
    expect((await call(farNurse, "GET", base())).status).toBe(404);
  });

  it("the overview has a trend per measure in the unit of the latest reading, with the facts for a summary", async () => {
    for (const [value, hoursAgo] of [
      [82, 72],
      [81, 48],
      [78.5, 24],
    ] as const) {
      const takenAt = new Date(t.clock.now().getTime() - hoursAgo * 3_600_000).toISOString();
      expect(
        (await call(patient, "POST", `${base()}/readings`, { measure: "weight", unit: "kg", value, takenAt })).status,
      ).toBe(201);
    }
    const res = await call(patient, "GET", base());
    expect(res.status).toBe(200);
    const body = res.body as HealthUpdates;
    expect(body).toMatchObject({ readerIsPatient: true, abilities: { canSend: true } });
    const weight = body.trends.find((x) => x.measure === "weight");
    // the lb reading sent first (now) is the latest by time taken
    expect(weight?.unit).toBe("lb");
    expect(weight?.summary).toMatchObject({ count: 4, trend: "steady", latest: { value: 180 } });
    expect(weight?.summary.min).toBeCloseTo(173.1, 1);
    const bp = body.trends.find((x) => x.measure === "blood_pressure");
    expect(bp?.summary).toMatchObject({ count: 1, trend: "single", latest: { value: 186, value2: 104 }, flagged: 1 });
    expect(bp?.points[0]?.flag).toBe("urgent");
  });
});

describe("questionnaires", () => {
  it("PHQ-9 scored with its band; item 9 above 0 → crisis guidance and an urgent flag", async () => {
    const res = await call(patient, "POST", `${base()}/questionnaires`, {
      kind: "phq9",
      answers: [2, 2, 1, 1, 2, 1, 1, 0, 1],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body as SentQuestionnaire).toMatchObject({
      guidance: "crisis",
      response: { score: 11, maxScore: 27, severity: "moderate", flag: "urgent", flagReasons: ["phq9_item9"] },
    });
  });

  it("GAD-7 scored with its band; 15 or more needs attention", async () => {
    const res = await call(caregiver, "POST", `${base()}/questionnaires`, {
      kind: "gad7",
      answers: [3, 3, 2, 2, 2, 2, 1],
    });
    expect(res.status).toBe(201);
    expect(res.body as SentQuestionnaire).toMatchObject({
      guidance: null,
      response: { score: 15, severity: "severe", flag: "attention" },
    });
  });

  it.each([
    [{ kind: "phq9", answers: [0, 0, 0] }, "answers"],
    [{ kind: "phq9", answers: [0, 0, 0, 0, null, 0, 0, 0, 0] }, "answers.4"],
    [{ kind: "gad7", answers: [0, 0, 0, 0, 0, 0, 0, 0, 0] }, "answers"],
  ])("incomplete %j → 400 naming %s, nothing stored", async (payload, field) => {
    const before = await count("questionnaire_responses");
    const res = await call(patient, "POST", `${base()}/questionnaires`, payload);
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
    expect(await count("questionnaire_responses")).toBe(before);
  });

  it("an answer out of 0–3 is a 400", async () => {
    expect(
      (await call(patient, "POST", `${base()}/questionnaires`, { kind: "gad7", answers: [4, 0, 0, 0, 0, 0, 0] }))
        .status,
    ).toBe(400);
  });
});

describe("the flagged-updates queue", () => {
  it("the PCP's nurse sees the flags (urgent first) and their counts; a nurse elsewhere sees none", async () => {
    const queue = await call(nurse, "GET", "/api/health-flags");
    expect(queue.status).toBe(200);
    const items = (queue.body as HealthFlagQueue).items.filter((i) => i.patient.id === clinic.patient.id);
    expect(items.length).toBe(3);
    expect(items.map((i) => i.level)).toEqual(["urgent", "urgent", "attention"]);
    const bp = items.find((i) => i.reading !== null);
    expect(bp?.reading?.canonical).toMatchObject({ systolic: 186, diastolic: 104 });
    expect(bp?.reading?.note).toBe("Pounding headache");
    expect(items.find((i) => i.questionnaire?.kind === "phq9")?.level).toBe("urgent");
    expect(bp?.abilities).toEqual({ canAcknowledge: true, canResolve: true });
    const counts = await call(nurse, "GET", "/api/work-queue/counts");
    expect(counts.body.queues).toContainEqual(expect.objectContaining({ queue: "health_updates", open: 3 }));
    expect((await call(farNurse, "GET", "/api/health-flags")).body.items).toEqual([]);
    expect((await call(patient, "GET", "/api/health-flags")).status).toBe(403);
  });

  it("acknowledge takes the item; resolve completes it; both audited; a nurse elsewhere gets 404", async () => {
    const items = (await call(pcp, "GET", "/api/health-flags")).body.items as HealthFlagQueue["items"];
    const flag = items.find((i) => i.reading?.canonical.systolic === 186);
    if (!flag) throw new Error("no flag");
    expect((await call(farNurse, "POST", `/api/health-flags/${flag.id}/acknowledge`)).status).toBe(404);
    const ack = await call(nurse, "POST", `/api/health-flags/${flag.id}/acknowledge`);
    expect(ack.status, JSON.stringify(ack.body)).toBe(200);
    expect(ack.body).toMatchObject({ status: "acknowledged", abilities: { canAcknowledge: false, canResolve: true } });
    expect((await call(nurse, "POST", `/api/health-flags/${flag.id}/acknowledge`)).status).toBe(409);
    const item = await t.database.db
      .selectFrom("work_items")
      .select(["status", "assignee_user_id"])
      .where("id", "=", flag.workItemId as string)
      .executeTakeFirstOrThrow();
    expect(item.status).toBe("claimed");
    const resolved = await call(nurse, "POST", `/api/health-flags/${flag.id}/resolve`);
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ status: "resolved", dueAt: null, abilities: { canResolve: false } });
    expect((await call(nurse, "POST", `/api/health-flags/${flag.id}/resolve`)).status).toBe(409);
    const done = await t.database.db
      .selectFrom("work_items")
      .select("status")
      .where("id", "=", flag.workItemId as string)
      .executeTakeFirstOrThrow();
    expect(done.status).toBe("done");
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select(["action", "outcome"])
      .where("resource_type", "=", "health_flag")
      .where("resource_id", "=", flag.id)
      .execute();
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: "acknowledge", outcome: "success" },
        { action: "resolve", outcome: "success" },
        { action: "acknowledge", outcome: "denied" },
      ]),
    );
    const resolvedList = await call(nurse, "GET", "/api/health-flags?status=resolved");
    expect(resolvedList.body.items.map((i: { id: string }) => i.id)).toContain(flag.id);
    const counts = await call(nurse, "GET", "/api/work-queue/counts");
    expect(counts.body.queues).toContainEqual(expect.objectContaining({ queue: "health_updates", open: 2 }));
  });

  it("an unknown flag is a 404", async () => {
    expect((await call(nurse, "POST", `/api/health-flags/${randomUUID()}/resolve`)).status).toBe(404);
  });
});

describe("the clinic's flag ranges", () => {
  it("admins change them (limits in order), and new readings are flagged by them; nurses read, never save", async () => {
    const current = (await call(admin, "GET", "/api/health-flag-ranges")).body as FlagRanges;
    expect(current.abilities.canEdit).toBe(true);
    const ranges = current.ranges.map(({ unit: _unit, ...r }) => r);
    const broken = ranges.map((r) => (r.key === "heart_rate" ? { ...r, attentionAtOrAbove: 140 } : r));
    const refused = await call(admin, "PUT", "/api/health-flag-ranges", { ranges: broken });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details[0].field).toBe("ranges.2.urgentAtOrAbove");
    const stricter = ranges.map((r) => (r.key === "heart_rate" ? { ...r, attentionAtOrAbove: 90 } : r));
    expect((await call(nurse, "PUT", "/api/health-flag-ranges", { ranges: stricter })).status).toBe(403);
    const saved = await call(admin, "PUT", "/api/health-flag-ranges", { ranges: stricter });
    expect(saved.status).toBe(200);
    expect((saved.body as FlagRanges).updatedBy).toBeTruthy();
    expect((await call(nurse, "GET", "/api/health-flag-ranges")).body.abilities.canEdit).toBe(false);
    const res = await call(patient, "POST", `${base()}/readings`, { measure: "heart_rate", unit: "bpm", value: 95 });
    expect((res.body as SentReading).reading.flag).toBe("attention");
  });
});

describe("the record download's listing", () => {
  it("lists every reading and questionnaire of the patient, oldest first, through a PatientAccess", async () => {
    const listed = await runWithContext(systemContext("test"), async () => {
      const access = await t.app.services.access.authorizePatient(clinic.patient.id, {
        scope: "records",
        action: "read",
        resourceType: "record_download",
      });
      return t.app.services.healthUpdates.listForRecord(access);
    });
    const readings = await t.database.db
      .selectFrom("health_readings")
      .select("id")
      .where("patient_id", "=", clinic.patient.id)
      .execute();
    expect(listed.readings.map((r) => r.id).sort()).toEqual(readings.map((r) => r.id).sort());
    expect(listed.questionnaires.length).toBe(2);
    const times = listed.readings.map((r) => r.takenAt);
    expect([...times].sort()).toEqual(times);
  });
});
