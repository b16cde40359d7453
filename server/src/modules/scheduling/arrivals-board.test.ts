import { ArrivalsBoard, type ProviderSchedule, type ScheduleEntry, type SentQuestionnaire } from "@portico/contracts";
import { sql } from "kysely";
import type { Static } from "typebox";
import { beforeAll, describe, expect, it } from "vitest";
import { apiCaller, expectOnlyContractFields, send } from "../../test/api.ts";
import { useTestApp } from "../../test/app.ts";
import { makePatient, makeStaff, type SignedInClient, signIn, type TestUser } from "../../test/factories.ts";
import { addVisit, makeTestClinic, type TestClinic } from "./test-clinic.ts";

/**
 * The arrivals board reads its own narrow rows (arrivals-board.ts) instead of the general
 * appointment rows; each of its entries must stay exactly what the general view of the same
 * visit gives — a provider's schedule, which presents the general rows — field for field and
 * in the same JSON: in-person and video visits (a patient in another zone), booked,
 * checked-in, arrived (waiting, with an undo), roomed, with and without intake, today and
 * another day, for the front desk, a nurse and a physician's own-visits board.
 */
const t = useTestApp();

type Board = Static<typeof ArrivalsBoard>;
type Schedule = Static<typeof ProviderSchedule>;

// Tuesday 3 March 2026, 10:30 in New York (EST, UTC−5): the board's day is under way
const TUESDAY_1030 = "2026-03-03T15:30:00Z";
const TUESDAY = "2026-03-03";
const WEDNESDAY = "2026-03-04";

let clinic: TestClinic;
let cardiologist: TestUser;
let nurse: TestUser;
const visits: Record<string, string> = {};
const clients = new Map<string, SignedInClient>();
const call = apiCaller(t);

async function get(user: TestUser, url: string) {
  let client = clients.get(user.id);
  if (!client) {
    client = await signIn(t, user);
    clients.set(user.id, client);
  }
  const answer = await call(client, "GET", url);
  expect(answer.status, answer.text).toBe(200);
  // written as built (front-desk-routes.ts): nothing in it that the schema would have dropped
  if (url.startsWith("/api/arrivals")) expectOnlyContractFields(ArrivalsBoard, answer.text);
  return answer.body;
}

beforeAll(async () => {
  // the questionnaire is sent the day before, while the visit is still ahead
  t.clock.set("2026-03-02T13:00:00Z");
  clinic = await makeTestClinic(t);
  const db = t.database.db;
  await db
    .updateTable("visit_types")
    .set({ intake_questionnaires: ["phq9", "gad7"] })
    .where("id", "=", clinic.visitTypes.established)
    .execute();
  cardiologist = await makeStaff(t, "physician");
  const cardiologistId = cardiologist.providerId as string;
  await db
    .insertInto("provider_locations")
    .values({ provider_id: cardiologistId, location_id: clinic.locationId })
    .execute();
  nurse = await makeStaff(t, "nurse", { locationIds: [clinic.locationId] });
  const elsewhere = await db
    .insertInto("locations")
    .values({ name: "Test Chicago", time_zone: "America/Chicago" })
    .returning("id")
    .executeTakeFirstOrThrow();
  // a patient who goes by another name and lives in Los Angeles (their video visit is shown in their zone elsewhere)
  const traveller = await makePatient(t, { given: "Dolores", preferred: "Lola", family: "Núñez" });
  await db.updateTable("patients").set({ time_zone: "America/Los_Angeles" }).where("id", "=", traveller.id).execute();

  const add = (name: string, start: string, options: Parameters<typeof addVisit>[2] = { start }) =>
    addVisit(t, clinic, { ...options, start }).then((id) => {
      visits[name] = id;
      return id;
    });
  // started and not here yet: arrived and no-show are both offered; PHQ-9 and GAD-7 asked
  await add("bookedStarted", "2026-03-03T14:00:00Z");
  // e-checked-in, later today, the cardiologist's (no-show not offered yet)
  const checkedIn = await add("checkedIn", "2026-03-03T17:00:00Z", {
    start: "",
    patientId: clinic.stranger.id,
    providerId: cardiologistId,
    visitTypeId: clinic.visitTypes.newPatient,
  });
  await db
    .updateTable("appointments")
    .set({ status: "checked_in", checked_in_at: new Date("2026-03-02T20:00:00Z") })
    .where("id", "=", checkedIn)
    .execute();
  // arrived (an instant with microseconds) after checking in: waiting, and the step can be undone
  const arrived = await add("arrived", "2026-03-03T16:00:00Z", { start: "", patientId: traveller.id });
  await db
    .updateTable("appointments")
    .set({
      status: "arrived",
      checked_in_at: new Date("2026-03-02T21:00:00Z"),
      arrived_at: sql<Date>`'2026-03-03 15:07:12.345678+00'::timestamptz`,
      status_before_step: "checked_in",
    })
    .where("id", "=", arrived)
    .execute();
  const roomed = await add("roomed", "2026-03-03T15:00:00Z", {
    start: "",
    patientId: clinic.stranger.id,
    providerId: cardiologistId,
  });
  await db
    .updateTable("appointments")
    .set({
      status: "roomed",
      arrived_at: new Date("2026-03-03T14:50:00Z"),
      roomed_at: sql<Date>`'2026-03-03 15:12:00.999999+00'::timestamptz`,
      status_before_step: "arrived",
    })
    .where("id", "=", roomed)
    .execute();
  // a video visit of the patient in another zone (its time is shown in theirs elsewhere; the board keeps the location's)
  await add("video", "2026-03-03T18:00:00Z", {
    start: "",
    patientId: traveller.id,
    visitTypeId: clinic.visitTypes.video,
  });
  const confirmed = await add("confirmed", "2026-03-03T19:00:00Z", {
    start: "",
    patientId: clinic.stranger.id,
    visitTypeId: clinic.visitTypes.referral,
  });
  await db
    .updateTable("appointments")
    .set({ status: "confirmed", confirmed_at: new Date("2026-03-01T12:00:00Z") })
    .where("id", "=", confirmed)
    .execute();
  await add("cancelled", "2026-03-03T20:00:00Z", { start: "", status: "cancelled" });
  // another location's visit the same day: on no board of this location
  await add("elsewhere", "2026-03-03T16:30:00Z", { start: "", locationId: elsewhere.id });
  // tomorrow: no step, no undo (not the visit's day)
  const tomorrow = await add("tomorrowArrived", "2026-03-04T15:00:00Z", { start: "", patientId: traveller.id });
  await db
    .updateTable("appointments")
    .set({ status: "arrived", arrived_at: new Date("2026-03-03T15:00:00Z"), status_before_step: "booked" })
    .where("id", "=", tomorrow)
    .execute();
  await add("tomorrowBooked", "2026-03-04T16:00:00Z", { start: "", visitTypeId: clinic.visitTypes.video });

  // the PHQ-9 of the first visit is sent: its intake is partly done, and flagged for those who may see it
  const patient = await signIn(t, clinic.patient.user as TestUser);
  const sent = await send(t, patient, "POST", `/api/patients/${clinic.patient.id}/health-updates/questionnaires`, {
    kind: "phq9",
    answers: [1, 1, 1, 1, 1, 1, 1, 1, 3],
    appointmentId: visits.bookedStarted,
  });
  expect(sent.statusCode, sent.body).toBe(201);
  expect((sent.json() as SentQuestionnaire).response.flag).toBe("urgent");
  t.clock.set(TUESDAY_1030);
});

/**
 * The board of `date` as `user` sees it, beside the same visits as the general view gives them:
 * the schedules of the location's providers, each entry as JSON.
 */
async function boardAndGeneral(user: TestUser, date: string, providerIds: string[]) {
  const board = (await get(user, `/api/arrivals?locationId=${clinic.locationId}&date=${date}`)) as Board;
  const general = new Map<string, string>();
  for (const providerId of providerIds) {
    const schedule = (await get(user, `/api/schedule?providerId=${providerId}&date=${date}`)) as Schedule;
    for (const e of schedule.entries) {
      if (e.locationId === clinic.locationId) general.set(e.appointmentId, JSON.stringify(e));
    }
  }
  return { board, general };
}

function expectSameEntries(board: Board, general: Map<string, string>) {
  // the general view (a schedule) leaves cancelled visits out; the board shows them
  const shown = board.entries.filter((e) => e.status !== "cancelled");
  expect(shown.map((e) => e.appointmentId).sort()).toEqual([...general.keys()].sort());
  for (const e of shown) expect(JSON.stringify(e)).toBe(general.get(e.appointmentId));
  const starts = board.entries.map((e) => e.start);
  expect(starts).toEqual([...starts].sort());
}

const entryOf = (board: Board, name: string): ScheduleEntry | undefined =>
  board.entries.find((e) => e.appointmentId === visits[name]);

describe("the arrivals board's narrow rows give what the general appointment view gives", () => {
  it("today, for a nurse: intake with results, steps, waiting, undo, e-check-in, video, another zone", async () => {
    const { board, general } = await boardAndGeneral(nurse, TUESDAY, [clinic.providerId, cardiologist.providerId!]);
    expectSameEntries(board, general);
    expect(board.entries.map((e) => e.appointmentId)).not.toContain(visits.elsewhere);
    expect(board.entries).toHaveLength(7);
    expect(board.counts).toEqual({ booked: 2, checked_in: 1, arrived: 1, roomed: 1, confirmed: 1, cancelled: 1 });
    // what the comparison rests on, spelled out
    expect(entryOf(board, "bookedStarted")).toMatchObject({
      nextStatuses: ["arrived", "no_show"],
      undoTo: null,
      eCheckInDone: false,
      intake: { status: "partly_done", resultsShown: true, flagged: "urgent" },
    });
    expect(entryOf(board, "checkedIn")).toMatchObject({
      status: "checked_in",
      eCheckInDone: true,
      nextStatuses: ["arrived"],
      intake: null,
    });
    expect(entryOf(board, "arrived")).toMatchObject({
      patientName: "Lola Núñez",
      arrivedAt: "2026-03-03T15:07:12.345Z",
      minutesWaiting: 22,
      nextStatuses: ["roomed", "in_visit", "completed"],
      undoTo: "checked_in",
      timeZone: "America/New_York",
      intake: { status: "not_done" },
    });
    expect(entryOf(board, "roomed")).toMatchObject({
      roomedAt: "2026-03-03T15:12:00.999Z",
      minutesWaiting: null,
      undoTo: "arrived",
    });
    expect(entryOf(board, "video")).toMatchObject({
      modality: "video",
      timeZone: "America/New_York",
      start: "2026-03-03T18:00:00.000Z",
      end: "2026-03-03T18:30:00.000Z",
      nextStatuses: ["arrived"],
      intake: null,
    });
    expect(entryOf(board, "cancelled")).toMatchObject({
      status: "cancelled",
      nextStatuses: [],
      undoTo: null,
      locationName: "Test Brooklyn",
      timeZone: "America/New_York",
    });
  });

  it("today, for the front desk: intake without results, the same entries", async () => {
    const { board, general } = await boardAndGeneral(clinic.frontDesk, TUESDAY, [
      clinic.providerId,
      cardiologist.providerId!,
    ]);
    expectSameEntries(board, general);
    expect(entryOf(board, "bookedStarted")?.intake).toMatchObject({ resultsShown: false, canOpenAnswers: false });
  });

  it("a physician's own-visits board: only theirs, the same entries", async () => {
    const { board, general } = await boardAndGeneral(clinic.physician, TUESDAY, [clinic.providerId]);
    expectSameEntries(board, general);
    expect(new Set(board.entries.map((e) => e.providerId))).toEqual(new Set([clinic.providerId]));
  });

  it("another day: no steps and no undo, the same entries", async () => {
    const { board, general } = await boardAndGeneral(nurse, WEDNESDAY, [clinic.providerId, cardiologist.providerId!]);
    expectSameEntries(board, general);
    expect(board.entries).toHaveLength(2);
    expect(entryOf(board, "tomorrowArrived")).toMatchObject({ nextStatuses: [], undoTo: null, minutesWaiting: 30 });
  });
});
