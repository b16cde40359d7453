import { randomUUID } from "node:crypto";
import type {
  ArrivalsBoard,
  ProviderSchedule,
  ScheduleEntry,
  SentQuestionnaire,
  VisitIntakeAnswers,
} from "@portico/contracts";
import type { Static } from "typebox";
import { beforeAll, describe, expect, it } from "vitest";
import { apiCaller, send } from "../../test/api.ts";
import { useTestApp } from "../../test/app.ts";
import { assignLocations, makeStaff, type SignedInClient, signIn, type TestUser } from "../../test/factories.ts";
import { addVisit, makeTestClinic, type TestClinic } from "./test-clinic.ts";

/**
 * The intake of each visit on the arrivals board and the schedule (issue 16): everyone who works
 * the visit sees which questionnaires are done; only a nurse or physician whom the access rules
 * let read the patient's health updates (care team, or the visit they work as the reason) sees
 * scores and flags, and may open the answers; the front desk never does. A visit the reader
 * does not work is not on their board, and its answers are "not found".
 */
const t = useTestApp();

type Board = Static<typeof ArrivalsBoard>;
type Schedule = Static<typeof ProviderSchedule>;

// Monday 2 March 2026, 08:00 in New York; the visits are on Tuesday 3 March
const MONDAY_8AM = "2026-03-02T13:00:00Z";
const TUESDAY = "2026-03-03";
const PHQ9_ITEM9 = [1, 1, 1, 1, 1, 1, 1, 1, 3];

let clinic: TestClinic;
let cardiologist: TestUser;
let nurse: TestUser;
let nurseElsewhere: TestUser;
/** the clinic physician's patient's check-up (PHQ-9 sent, flagged; GAD-7 not yet) */
let ownVisit: string;
/** the other patient's check-up with the cardiologist (nothing sent) */
let cardioVisit: string;
/** a video visit: its type asks for nothing */
let videoVisit: string;
const clients = new Map<string, SignedInClient>();
const call = apiCaller(t);

async function as(user: TestUser): Promise<SignedInClient> {
  let client = clients.get(user.id);
  if (!client) {
    client = await signIn(t, user);
    clients.set(user.id, client);
  }
  return client;
}

async function get(user: TestUser, url: string) {
  return call(await as(user), "GET", url);
}

const insertVisit = (patientId: string, providerId: string, visitTypeId: string, start: string) =>
  addVisit(t, clinic, { patientId, providerId, visitTypeId, start });

const entry = (entries: ScheduleEntry[], id: string) => entries.find((e) => e.appointmentId === id);

async function healthReads(userId: string, patientId: string) {
  return t.database.db
    .selectFrom("audit_log")
    .select(["outcome", "details"])
    .where("actor_user_id", "=", userId)
    .where("patient_id", "=", patientId)
    .where("action", "=", "read")
    .where("resource_type", "=", "health_update")
    .execute();
}

let phq9: SentQuestionnaire;

beforeAll(async () => {
  t.clock.set(MONDAY_8AM);
  clinic = await makeTestClinic(t);
  await t.database.db
    .updateTable("visit_types")
    .set({ intake_questionnaires: ["phq9", "gad7"] })
    .where("id", "=", clinic.visitTypes.established)
    .execute();
  cardiologist = await makeStaff(t, "physician");
  await t.database.db
    .insertInto("provider_locations")
    .values({ provider_id: cardiologist.providerId as string, location_id: clinic.locationId })
    .execute();
  nurse = await makeStaff(t, "nurse", { locationIds: [clinic.locationId] });
  nurseElsewhere = await makeStaff(t, "nurse");
  const elsewhere = await t.database.db
    .insertInto("locations")
    .values({ name: "Test Chicago", time_zone: "America/Chicago" })
    .returning("id")
    .executeTakeFirstOrThrow();
  await assignLocations(t, nurseElsewhere.id, [elsewhere.id]);

  ownVisit = await insertVisit(
    clinic.patient.id,
    clinic.providerId,
    clinic.visitTypes.established,
    "2026-03-03T14:00:00Z",
  );
  cardioVisit = await insertVisit(
    clinic.stranger.id,
    cardiologist.providerId as string,
    clinic.visitTypes.established,
    "2026-03-03T15:00:00Z",
  );
  videoVisit = await insertVisit(clinic.patient.id, clinic.providerId, clinic.visitTypes.video, "2026-03-03T16:00:00Z");

  const patient = await signIn(t, clinic.patient.user as TestUser);
  const sent = await send(t, patient, "POST", `/api/patients/${clinic.patient.id}/health-updates/questionnaires`, {
    kind: "phq9",
    answers: PHQ9_ITEM9,
    appointmentId: ownVisit,
  });
  expect(sent.statusCode, sent.body).toBe(201);
  phq9 = sent.json() as SentQuestionnaire;
  expect(phq9.response.flag).toBe("urgent");
});

describe("the intake on the arrivals board", () => {
  it("the front desk sees which questionnaires are done, never a score or flag, and reads no health updates", async () => {
    const res = await get(clinic.frontDesk, `/api/arrivals?locationId=${clinic.locationId}&date=${TUESDAY}`);
    expect(res.status, res.text).toBe(200);
    const board = res.body as Board;
    expect(entry(board.entries, ownVisit)?.intake).toEqual({
      status: "partly_done",
      items: [
        {
          questionnaire: "phq9",
          done: true,
          completedAt: phq9.response.createdAt,
          score: null,
          maxScore: null,
          severity: null,
          flag: null,
        },
        {
          questionnaire: "gad7",
          done: false,
          completedAt: null,
          score: null,
          maxScore: null,
          severity: null,
          flag: null,
        },
      ],
      resultsShown: false,
      flagged: null,
      canOpenAnswers: false,
    });
    expect(entry(board.entries, cardioVisit)?.intake?.status).toBe("not_done");
    expect(entry(board.entries, videoVisit)?.intake).toBeNull();
    // nothing of the results in the response at all
    expect(res.text).not.toContain("urgent");
    expect(res.text).not.toContain(`"score":${phq9.response.score}`);
    // and no look at the patient's health updates, allowed or denied, is recorded for the desk
    expect(await healthReads(clinic.frontDesk.id, clinic.patient.id)).toEqual([]);
    // the desk may not open the answers
    const answers = await get(clinic.frontDesk, `/api/appointments/${ownVisit}/intake`);
    expect(answers.status).toBe(403);
  });

  it("a nurse working the board sees scores and flags (audited as reading the patient's health updates)", async () => {
    const res = await get(nurse, `/api/arrivals?locationId=${clinic.locationId}&date=${TUESDAY}`);
    expect(res.status, res.text).toBe(200);
    const intake = entry((res.body as Board).entries, ownVisit)?.intake;
    expect(intake).toMatchObject({
      status: "partly_done",
      resultsShown: true,
      flagged: "urgent",
      canOpenAnswers: true,
    });
    expect(intake?.items[0]).toMatchObject({
      questionnaire: "phq9",
      done: true,
      score: phq9.response.score,
      maxScore: 27,
      severity: phq9.response.severity,
      flag: "urgent",
    });
    expect(intake?.items[1]).toMatchObject({ questionnaire: "gad7", done: false, score: null, flag: null });
    // nothing sent for the cardiologist's visit: not done, nothing flagged, no look recorded
    expect(entry((res.body as Board).entries, cardioVisit)?.intake).toMatchObject({
      status: "not_done",
      resultsShown: true,
      flagged: null,
    });
    expect(await healthReads(nurse.id, clinic.stranger.id)).toEqual([]);
    const reads = await healthReads(nurse.id, clinic.patient.id);
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every((r) => r.outcome === "success")).toBe(true);
    expect(reads[0]?.details).toMatchObject({ scope: "health_updates", queue: "arrivals", queueItemId: ownVisit });
  });

  it("a physician's board holds only their own visits: another physician's patient is not exposed", async () => {
    const own = await get(clinic.physician, `/api/arrivals?locationId=${clinic.locationId}&date=${TUESDAY}`);
    expect(own.status, own.text).toBe(200);
    const ownBoard = own.body as Board;
    expect(entry(ownBoard.entries, ownVisit)?.intake).toMatchObject({ flagged: "urgent", canOpenAnswers: true });
    expect(entry(ownBoard.entries, cardioVisit)).toBeUndefined();
    expect(own.text).not.toContain(clinic.stranger.id);

    const cardio = await get(cardiologist, `/api/arrivals?locationId=${clinic.locationId}&date=${TUESDAY}`);
    expect(cardio.status, cardio.text).toBe(200);
    const cardioBoard = cardio.body as Board;
    expect(entry(cardioBoard.entries, ownVisit)).toBeUndefined();
    expect(cardio.text).not.toContain(clinic.patient.id);
    expect(entry(cardioBoard.entries, cardioVisit)?.intake).toMatchObject({ status: "not_done", canOpenAnswers: true });
  });

  it("the physician's schedule carries the same intake; another physician's schedule is refused", async () => {
    const res = await get(clinic.physician, `/api/schedule?date=${TUESDAY}`);
    expect(res.status, res.text).toBe(200);
    expect(entry((res.body as Schedule).entries, ownVisit)?.intake).toMatchObject({
      status: "partly_done",
      flagged: "urgent",
    });
    const other = await get(cardiologist, `/api/schedule?providerId=${clinic.providerId}&date=${TUESDAY}`);
    expect(other.status).toBe(403);
    expect(other.text).not.toContain(clinic.patient.id);
  });
});

describe("a clinician opens a visit's intake answers", () => {
  it("the physician and the nurse read the answers, score and flag of the visit they work", async () => {
    for (const user of [clinic.physician, nurse]) {
      const res = await get(user, `/api/appointments/${ownVisit}/intake`);
      expect(res.status, res.text).toBe(200);
      const body = res.body as VisitIntakeAnswers;
      expect(body).toMatchObject({
        appointmentId: ownVisit,
        patientId: clinic.patient.id,
        start: "2026-03-03T14:00:00.000Z",
        timeZone: "America/New_York",
        visitTypeName: "Follow-up",
      });
      expect(body.items.map((i) => [i.questionnaire, i.done, i.flag])).toEqual([
        ["phq9", true, "urgent"],
        ["gad7", false, null],
      ]);
      expect(body.responses).toHaveLength(1);
      expect(body.responses[0]).toMatchObject({
        id: phq9.response.id,
        kind: "phq9",
        answers: PHQ9_ITEM9,
        score: phq9.response.score,
        flag: "urgent",
        intakeFor: { appointmentId: ownVisit },
      });
      expect(body.responses[0]?.flagReasons).toContain("phq9_item9");
    }
  });

  it("a visit the clinician does not work answers exactly as an unknown one, and the refusal is audited", async () => {
    const unknown = await get(cardiologist, `/api/appointments/${randomUUID()}/intake`);
    expect(unknown.status).toBe(404);
    for (const user of [cardiologist, nurseElsewhere]) {
      const res = await get(user, `/api/appointments/${ownVisit}/intake`);
      expect(res.status).toBe(404);
      expect(res.body).toEqual(unknown.body);
      const reads = await healthReads(user.id, clinic.patient.id);
      expect(reads.map((r) => r.outcome)).toEqual(["denied"]);
    }
    // the cardiologist opens their own patient's visit (nothing sent yet)
    const own = await get(cardiologist, `/api/appointments/${cardioVisit}/intake`);
    expect(own.status, own.text).toBe(200);
    expect((own.body as VisitIntakeAnswers).responses).toEqual([]);
    expect((own.body as VisitIntakeAnswers).items.map((i) => i.done)).toEqual([false, false]);
  });
});
