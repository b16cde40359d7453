import { beforeAll, describe, expect, it } from "vitest";
import { send } from "../../test/api.ts";
import { useTestApp } from "../../test/app.ts";
import { type SignedInClient, signIn } from "../../test/factories.ts";
import { addVisit, makeTestClinic, setVisitStatus, type TestClinic } from "./test-clinic.ts";
import { nextSteps, stepRefusal, undoTarget, type VisitFacts } from "./visit-flow.ts";

// Tuesday 3 March 2026, 08:00 in New York (EST, UTC−5)
const TUESDAY_8AM = "2026-03-03T13:00:00Z";
const NY = "America/New_York";

describe("the visit flow (pure)", () => {
  const now = new Date(TUESDAY_8AM);
  const visit = (
    startsAt: string,
    status: VisitFacts["status"] = "booked",
    before: VisitFacts["status"] | null = null,
  ) => ({
    status,
    startsAt: new Date(startsAt),
    timeZone: NY,
    statusBeforeStep: before,
  });

  it.each([
    ["later today", "2026-03-03T20:00:00Z", ["arrived"]],
    ["started today", "2026-03-03T12:30:00Z", ["arrived", "no_show"]],
    ["tomorrow", "2026-03-04T14:00:00Z", []],
    ["four days ahead", "2026-03-07T14:00:00Z", []],
    // 23:30 in New York on Tuesday is already Wednesday in UTC: still the visit's day
    ["late tonight, local time", "2026-03-04T04:30:00Z", ["arrived"]],
    ["yesterday", "2026-03-02T15:00:00Z", []],
  ])("a booked visit %s may take %j", (_label, startsAt, expected) => {
    expect(nextSteps(visit(startsAt), now)).toEqual(expected);
  });

  it("follows the flow: an arrived visit is roomed, seen or completed, never arrived again", () => {
    const arrived = visit("2026-03-03T14:00:00Z", "arrived", "booked");
    expect(nextSteps(arrived, now)).toEqual(["roomed", "in_visit", "completed"]);
    expect(stepRefusal(arrived, "arrived", now)).toBe("flow");
    expect(stepRefusal(visit("2026-03-03T20:00:00Z"), "no_show", now)).toBe("not_started");
  });

  it("undoes the last step only on the visit's day, back to the status before it", () => {
    expect(undoTarget(visit("2026-03-03T14:00:00Z", "arrived", "checked_in"), now)).toBe("checked_in");
    expect(undoTarget(visit("2026-03-03T14:00:00Z", "arrived", null), now)).toBeNull();
    expect(undoTarget(visit("2026-03-02T14:00:00Z", "completed", "in_visit"), now)).toBeNull();
    expect(undoTarget(visit("2026-03-03T14:00:00Z", "booked", "arrived"), now)).toBeNull();
  });
});

describe("visit status on the arrivals board", () => {
  const t = useTestApp();
  let clinic: TestClinic;
  let desk: SignedInClient;

  beforeAll(async () => {
    t.clock.set(TUESDAY_8AM);
    clinic = await makeTestClinic(t);
    desk = await signIn(t, clinic.frontDesk);
  });

  const insertVisit = (start: string) => addVisit(t, clinic, { start });
  const move = (id: string, status: string) => setVisitStatus(t, desk, id, status);
  const undo = (id: string) => send(t, desk, "POST", `/api/appointments/${id}/status/undo`);
  const row = (id: string) =>
    t.database.db
      .selectFrom("appointments")
      .select(["status", "arrived_at", "status_before_step"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();

  it("refuses to mark a visit four days ahead as arrived, and offers no step for it", async () => {
    const id = await insertVisit("2026-03-07T15:00:00Z");
    const res = await move(id, "arrived");
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().error.details).toEqual({ reason: "not_today" });
    expect((await row(id)).status).toBe("booked");

    const board = await t.app.inject({
      url: `/api/arrivals?locationId=${clinic.locationId}&date=2026-03-07`,
      headers: desk.headers,
    });
    expect(board.statusCode, board.body).toBe(200);
    const entry = board.json().entries.find((e: { appointmentId: string }) => e.appointmentId === id);
    expect(entry).toMatchObject({ status: "booked", nextStatuses: [], undoTo: null });
  });

  it("marks today's visit arrived, then undoes it: back to booked, arrival time cleared", async () => {
    const id = await insertVisit("2026-03-03T15:00:00Z");
    const arrived = await move(id, "arrived");
    expect(arrived.statusCode, arrived.body).toBe(200);
    expect(arrived.json()).toMatchObject({
      status: "arrived",
      nextStatuses: ["roomed", "in_visit", "completed"],
      undoTo: "booked",
    });

    const undone = await undo(id);
    expect(undone.statusCode, undone.body).toBe(200);
    expect(undone.json()).toMatchObject({ status: "booked", nextStatuses: ["arrived"], undoTo: null });
    expect(await row(id)).toEqual({ status: "booked", arrived_at: null, status_before_step: null });

    // one step of undo: nothing more to undo now
    const again = await undo(id);
    expect(again.statusCode).toBe(409);
    expect((await row(id)).status).toBe("booked");
  });

  it("undoes roomed back to arrived, keeping the arrival time", async () => {
    const id = await insertVisit("2026-03-03T16:00:00Z");
    expect((await move(id, "arrived")).statusCode).toBe(200);
    const arrivedAt = (await row(id)).arrived_at;
    expect((await move(id, "roomed")).statusCode).toBe(200);
    const undone = await undo(id);
    expect(undone.statusCode, undone.body).toBe(200);
    expect(undone.json()).toMatchObject({ status: "arrived", undoTo: null });
    expect(await row(id)).toEqual({ status: "arrived", arrived_at: arrivedAt, status_before_step: null });
  });
});
