import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../test/app.ts";
import { type SignedInClient, signIn } from "../../test/factories.ts";
import { addVisit, bookVisit, makeTestClinic, type TestClinic } from "./test-clinic.ts";

// Monday 2 March 2026, 08:00 in New York (EST, UTC−5)
const NOW = "2026-03-02T13:00:00Z";
const DAY = 86_400_000;
/** 14:00 UTC (09:00 in New York) `days` days before Monday 2 March 2026 */
const daysBefore = (days: number) => new Date(Date.parse("2026-03-02T14:00:00Z") - days * DAY);

interface Listed {
  id: string;
  start: string;
  status: string;
  displayTimeZone: string;
}
interface ListBody {
  upcoming: Listed[];
  past: Listed[];
  nextPastCursor: string | null;
  timeZone: string;
}

describe("a patient's appointment list: upcoming visits and pages of past ones", () => {
  const t = useTestApp();
  let clinic: TestClinic;
  let patient: SignedInClient;
  let stranger: SignedInClient;
  /** the patient's past visits as the list should give them: newest first */
  let expectedPast: string[];
  let video: string;
  let sequence = 0;

  beforeAll(async () => {
    t.clock.set(NOW);
    clinic = await makeTestClinic(t);
    patient = await signIn(t, clinic.patient.user!);
    stranger = await signIn(t, clinic.stranger.user!);
    await t.database.db
      .updateTable("patients")
      .set({ time_zone: "America/Chicago" })
      .where("id", "=", clinic.patient.id)
      .execute();
    // 45 past visits, one a day back from yesterday (a video one among them), and:
    for (let day = 1; day <= 45; day++) {
      await addVisit(t, clinic, {
        start: daysBefore(day),
        status: day % 7 === 0 ? "no_show" : "completed",
        visitTypeId: day === 3 ? clinic.visitTypes.video : undefined,
      });
    }
    // a visit that was moved by "Reschedule" (not listed), a cancelled one ahead (past: it will not happen)
    const moved = await addVisit(t, clinic, { start: daysBefore(50), status: "cancelled" });
    await t.database.db
      .updateTable("appointments")
      .set({ cancel_reason: "rescheduled" })
      .where("id", "=", moved)
      .execute();
    await addVisit(t, clinic, { start: new Date(Date.parse(NOW) + 3 * DAY), status: "cancelled" });
    // two upcoming ones
    await addVisit(t, clinic, { start: new Date(Date.parse(NOW) + 2 * DAY + 3_600_000) });
    await addVisit(t, clinic, { start: new Date(Date.parse(NOW) + 9 * DAY) });
    expectedPast = await pastInDb();
    video = (
      await t.database.db
        .selectFrom("appointments")
        .select("id")
        .where("visit_type_id", "=", clinic.visitTypes.video)
        .executeTakeFirstOrThrow()
    ).id;
  });

  /** the patient's past visits in the table, newest first (start, then id), the moved one left out */
  const pastInDb = async () =>
    (
      await t.database.db
        .selectFrom("appointments")
        .select("id")
        .where("patient_id", "=", clinic.patient.id)
        .where((eb) => eb.or([eb("status", "!=", "booked"), eb("starts_at", "<", new Date(NOW))]))
        .where((eb) => eb.or([eb("cancel_reason", "is", null), eb("cancel_reason", "!=", "rescheduled")]))
        .orderBy("starts_at", "desc")
        .orderBy("id", "desc")
        .execute()
    ).map((r) => r.id);

  const list = async (client: SignedInClient, query = "", patientId = clinic.patient.id) => {
    const requestId = `appointment-list-${++sequence}`;
    const res = await t.app.inject({
      url: `/api/patients/${patientId}/appointments${query}`,
      headers: { ...client.headers, "x-request-id": requestId },
    });
    const audited = await t.database.db
      .selectFrom("audit_log")
      .select(["action", "resource_type", "patient_id", "outcome"])
      .where("request_id", "=", requestId)
      .execute();
    return { res, body: res.json() as ListBody, audited };
  };
  const after = (cursor: string | null, limit?: number) =>
    `?pastCursor=${cursor}${limit === undefined ? "" : `&pastLimit=${limit}`}`;

  it("gives every upcoming visit and the newest 20 past ones, newest first, with a cursor for older ones", async () => {
    const { res, body, audited } = await list(patient);
    expect(res.statusCode, res.body).toBe(200);
    expect(body.upcoming.map((a) => a.start)).toEqual([
      new Date(Date.parse(NOW) + 2 * DAY + 3_600_000).toISOString(),
      new Date(Date.parse(NOW) + 9 * DAY).toISOString(),
    ]);
    expect(expectedPast).toHaveLength(46);
    expect(body.past.map((a) => a.id)).toEqual(expectedPast.slice(0, 20));
    // the cancelled visit ahead comes first (it starts latest), then yesterday's
    expect(body.past[0]?.status).toBe("cancelled");
    expect(body.nextPastCursor).toEqual(expect.any(String));
    expect(body.timeZone).toBe("America/Chicago");
    // one audited read of the patient's appointments, as before paging
    expect(audited).toEqual([
      { action: "read", resource_type: "appointment", patient_id: clinic.patient.id, outcome: "success" },
    ]);
  });

  it("shows a video visit in the patient's own zone and an in-person one in the location's", async () => {
    const { body } = await list(patient);
    const shown = body.past.find((a) => a.id === video);
    expect(shown?.displayTimeZone).toBe("America/Chicago");
    expect(body.past.filter((a) => a.id !== video).every((a) => a.displayTimeZone === "America/New_York")).toBe(true);
  });

  it("pages through every past visit once, in order, though visits are booked and others become past meanwhile", async () => {
    const first = await list(patient, "?pastLimit=15");
    expect(first.body.past.map((a) => a.id)).toEqual(expectedPast.slice(0, 15));

    // between the pages: a visit is booked ahead, one older than the page's end is recorded
    // (it belongs on a later page) and one newer than it is (it belongs on the first page)
    const booked = await bookVisit(t, clinic, patient, clinic.patient.id, "2026-03-04T15:00:00.000Z");
    expect(booked.statusCode, booked.body).toBe(201);
    const older = await addVisit(t, clinic, {
      start: new Date(daysBefore(30).getTime() + 3_600_000),
      status: "completed",
    });
    const newer = await addVisit(t, clinic, {
      start: new Date(daysBefore(1).getTime() + 3_600_000),
      status: "completed",
    });

    const seen = [...first.body.past.map((a) => a.id)];
    let cursor = first.body.nextPastCursor;
    let pages = 1;
    while (cursor) {
      const page = await list(patient, after(cursor, 15));
      expect(page.res.statusCode, page.res.body).toBe(200);
      expect(page.body.past.length).toBeGreaterThan(0);
      expect(page.body.upcoming.map((a) => a.id)).toContain(booked.json().id);
      expect(page.audited).toHaveLength(1);
      seen.push(...page.body.past.map((a) => a.id));
      cursor = page.body.nextPastCursor;
      pages++;
    }
    // the older one is in its place; the newer one is on the first page now, not on a later one
    const now = await pastInDb();
    const pageEnd = now.indexOf(first.body.past.at(-1)?.id as string);
    expect(now).toContain(older);
    expect(now.indexOf(newer)).toBeLessThan(pageEnd);
    expect(seen).toEqual([...first.body.past.map((a) => a.id), ...now.slice(pageEnd + 1)]);
    expect(seen).toContain(older);
    expect(seen).not.toContain(newer);
    expect(new Set(seen).size).toBe(seen.length);
    expect(pages).toBe(4);
    expect((await list(patient, "?pastLimit=1")).body.past[0]?.id).toBe(expectedPast[0]);
    expect((await list(patient, "?pastLimit=100")).body.past.map((a) => a.id)).toContain(newer);
  });

  it("has no cursor on the last page, nor when one page holds every past visit", async () => {
    const all = await list(patient, "?pastLimit=100");
    expect(all.body.past.length).toBeLessThan(100);
    expect(all.body.nextPastCursor).toBeNull();
    const exact = await list(patient, `?pastLimit=${all.body.past.length}`);
    expect(exact.body.past).toHaveLength(all.body.past.length);
    expect(exact.body.nextPastCursor).toBeNull();
    const oneShort = await list(patient, `?pastLimit=${all.body.past.length - 1}`);
    const last = await list(patient, after(oneShort.body.nextPastCursor, 5));
    expect(last.body.past.map((a) => a.id)).toEqual([all.body.past.at(-1)?.id]);
    expect(last.body.nextPastCursor).toBeNull();
  });

  it.each([
    ["not base64url", "?pastCursor=not%20a%20cursor"],
    ["not JSON", `?pastCursor=${Buffer.from("hello").toString("base64url")}`],
    ["a JSON of another shape", `?pastCursor=${Buffer.from(JSON.stringify({ a: 1 })).toString("base64url")}`],
    [
      "a bad date",
      `?pastCursor=${Buffer.from(JSON.stringify(["yesterday", "00000000-0000-4000-8000-000000000000"])).toString("base64url")}`,
    ],
    ["a bad id", `?pastCursor=${Buffer.from(JSON.stringify(["2026-03-01T14:00:00.000Z", "x"])).toString("base64url")}`],
    ["an empty cursor", "?pastCursor="],
    ["a page of none", "?pastLimit=0"],
    ["a page too long", "?pastLimit=101"],
    ["a page size that is not a number", "?pastLimit=ten"],
    ["an unknown parameter", "?page=2"],
  ])("refuses %s with a 400 that names the problem", async (_what, query) => {
    const { res } = await list(patient, query);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.code).toBe("validation_failed");
  });

  it("answers 404 for another patient's list, with or without a cursor, as if it did not exist", async () => {
    const first = await list(patient, "?pastLimit=5");
    const cursor = first.body.nextPastCursor as string;
    for (const query of ["", after(cursor), "?pastLimit=5"]) {
      const { res } = await list(stranger, query);
      expect(res.statusCode).toBe(404);
    }
    const missing = await list(patient, after(cursor), "00000000-0000-4000-8000-000000000000");
    expect(missing.res.statusCode).toBe(404);
  });
});
