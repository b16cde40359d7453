import { randomUUID } from "node:crypto";
import { OPERATIONS_FIGURES, type OperationsFigure, type OperationsRow } from "@portico/contracts";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../test/app.ts";
import {
  makePatient,
  makeProxy,
  makeStaff,
  type SignedInClient,
  signIn,
  type TestPatient,
  type TestUser,
} from "../../test/factories.ts";

/**
 * The operations dashboard on a small hand-made clinic whose every figure is worked out by
 * hand below (PGlite and PostgreSQL): two locations in two zones, two physicians, one visit
 * type, a week of history. "Now" is Tuesday 10 March 2026, 11:00 in New York (EDT, after the
 * 8 March change); the range is 1–9 March in New York days.
 */
const t = useTestApp();
const NOW = "2026-03-10T15:00:00Z";
const RANGE = "from=2026-03-01&to=2026-03-09";

let admin: SignedInClient;
let others: Record<string, SignedInClient>;
let brooklyn: string;
let lakeview: string;
let p1: TestUser; // Dr One, Brooklyn (New York)
let p2: TestUser; // Dr Two, Lakeview (Chicago)
let visitType: string;
let patients: TestPatient[];
let deskUser: TestUser;
let caregiver: TestUser;

const db = () => t.database.db;
const at = (iso: string) => new Date(iso);

let patientSlot = 0;
/** An appointment of 30 minutes as it stands in the table (no rules applied: history). */
async function appointment(a: {
  provider: TestUser;
  location: string;
  start: string;
  created: string;
  status?: string;
  cancelledAt?: string;
  arrivedAt?: string;
  roomedAt?: string;
  bookedBy?: string | null;
  patient?: TestPatient;
}): Promise<string> {
  const start = at(a.start);
  const end = new Date(start.getTime() + 30 * 60_000);
  const patient = a.patient ?? (patients[patientSlot++ % 3] as TestPatient);
  const { rows } = await sql<{ id: string }>`
    insert into appointments (patient_id, provider_id, location_id, visit_type_id, starts_at, ends_at, blocked, status,
      booked_by, created_at, cancelled_at, arrived_at, roomed_at)
    values (${patient.id}, ${a.provider.providerId}, ${a.location}, ${visitType}, ${start}, ${end},
      tstzrange(${start}::timestamptz, ${end}::timestamptz), ${a.status ?? "booked"}, ${a.bookedBy ?? null},
      ${at(a.created)}, ${a.cancelledAt ? at(a.cancelledAt) : null}, ${a.arrivedAt ? at(a.arrivedAt) : null},
      ${a.roomedAt ? at(a.roomedAt) : null})
    returning id`.execute(db());
  return (rows[0] as { id: string }).id;
}

async function get(client: SignedInClient | null, url: string) {
  const response = await t.app.inject({ method: "GET", url, headers: client?.headers ?? {} });
  return response;
}
async function figure(name: string, query = RANGE): Promise<OperationsFigure> {
  const response = await get(admin, `/api/operations/figures/${name}?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}
const byLabel = (rows: OperationsRow[], key: string) => Object.fromEntries(rows.map((r) => [String(r[key]), r]));

beforeAll(async () => {
  t.clock.set(NOW);
  brooklyn = (
    await db()
      .insertInto("locations")
      .values({ name: "Brooklyn", time_zone: "America/New_York", created_at: at("2020-01-01T00:00:00Z") })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
  lakeview = (
    await db()
      .insertInto("locations")
      .values({ name: "Lakeview", time_zone: "America/Chicago", created_at: at("2021-01-01T00:00:00Z") })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
  p1 = await makeStaff(t, "physician", { displayName: "Dr One" });
  p2 = await makeStaff(t, "physician", { displayName: "Dr Two" });
  await db()
    .insertInto("provider_locations")
    .values([
      { provider_id: p1.providerId as string, location_id: brooklyn },
      { provider_id: p2.providerId as string, location_id: lakeview },
    ])
    .execute();
  visitType = (
    await db()
      .insertInto("visit_types")
      .values({
        name: "Follow-up",
        specialty: "family_medicine",
        duration_minutes: 30,
        modality: "in_person",
        booking_kind: "established",
        minimum_notice_minutes: 120,
        horizon_days: 30,
        cancellation_notice_minutes: 24 * 60,
      })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
  await db()
    .insertInto("availability_templates")
    .values(
      [1, 2, 3, 4, 5].flatMap((weekday) => [
        {
          provider_id: p1.providerId as string,
          location_id: brooklyn,
          weekday,
          start_time: "09:00",
          end_time: "12:00",
        },
        {
          provider_id: p2.providerId as string,
          location_id: lakeview,
          weekday,
          start_time: "09:00",
          end_time: "12:00",
        },
      ]),
    )
    .execute();

  patients = [
    await makePatient(t, { withLogin: true, given: "Paloma", family: "Quintero" }),
    await makePatient(t, { given: "Ezekiel", family: "Marsh" }),
    await makePatient(t, { given: "Wren", family: "Abernathy" }),
  ];
  const [own, second, third] = patients as [TestPatient, TestPatient, TestPatient];
  const merged = await makePatient(t, { given: "Merged", family: "Away" });
  await db()
    .updateTable("patients")
    .set({ status: "merged", merged_into_id: third.id })
    .where("id", "=", merged.id)
    .execute();
  deskUser = await makeStaff(t, "front_desk");
  caregiver = await makeProxy(t, { patientId: second.id, startsAt: at("2026-01-01T00:00:00Z") });
  await makeProxy(t, {
    patientId: third.id,
    startsAt: at("2026-01-01T00:00:00Z"),
    revokedAt: at("2026-02-01T00:00:00Z"),
  });
  // the patient with a login signed in on 3 March (and only began to on 28 February, 23:30 New York)
  const login = (when: string, step: string) =>
    sql`insert into audit_log (at, actor_user_id, actor_kind, action, resource_type, outcome, details)
      values (${at(when)}, ${own.user?.id}, 'user', 'login', 'session', 'success', ${JSON.stringify({ step })}::jsonb)`.execute(
      db(),
    );
  await login("2026-03-03T12:00:00Z", "complete");
  await login("2026-03-01T04:30:00Z", "complete");
  await sql`insert into audit_log (at, actor_user_id, actor_kind, action, resource_type, outcome)
    values (${at("2026-03-04T12:00:00Z")}, ${caregiver.id}, 'user', 'login', 'session', 'success')`.execute(db());

  // ---- appointments: booked in the range (lead time, bookings) ----
  const a1 = await appointment({
    provider: p1,
    location: brooklyn,
    created: "2026-03-02T15:00:00Z",
    start: "2026-03-04T15:00:00Z", // 2 days ahead
    status: "completed",
    arrivedAt: "2026-03-04T14:55:00Z",
    roomedAt: "2026-03-04T15:15:00Z", // 20 min
    bookedBy: own.user?.id,
    patient: own,
  });
  await appointment({
    provider: p1,
    location: brooklyn,
    created: "2026-03-03T15:00:00Z",
    start: "2026-03-07T15:00:00Z", // 4 days ahead
    status: "no_show",
    bookedBy: deskUser.id,
    patient: second,
  });
  const a3 = await appointment({
    provider: p2,
    location: lakeview,
    created: "2026-03-05T15:00:00Z",
    start: "2026-03-15T15:00:00Z", // 10 days ahead
    bookedBy: caregiver.id,
    patient: second,
  });
  await appointment({
    provider: p2,
    location: lakeview,
    created: "2026-03-10T03:30:00Z", // 9 March, 23:30 in New York: in the range
    start: "2026-03-11T15:30:00Z", // 1.5 days ahead
    patient: third,
  });
  await appointment({
    provider: p1,
    location: brooklyn,
    created: "2026-03-01T04:30:00Z", // 28 February, 23:30 in New York: not in the range
    start: "2026-03-20T15:00:00Z",
    patient: third,
  });
  // ---- booked before the range, due in it ----
  await appointment({
    provider: p1,
    location: brooklyn,
    created: "2026-02-20T15:00:00Z",
    start: "2026-03-05T16:00:00Z",
    status: "cancelled",
    cancelledAt: "2026-03-05T10:00:00Z", // 6 hours before: late
    patient: third,
  });
  await appointment({
    provider: p1,
    location: brooklyn,
    created: "2026-02-15T15:00:00Z",
    start: "2026-03-06T15:00:00Z",
    status: "cancelled",
    cancelledAt: "2026-03-01T15:00:00Z", // five days ahead: not counted
    patient: third,
  });
  const a8 = await appointment({
    provider: p2,
    location: lakeview,
    created: "2026-02-15T15:00:00Z",
    start: "2026-03-08T15:00:00Z",
    status: "completed",
    arrivedAt: "2026-03-08T14:50:00Z",
    roomedAt: "2026-03-08T15:02:00Z", // 12 min
    patient: own,
  });
  const a9 = await appointment({
    provider: p1,
    location: brooklyn,
    created: "2026-02-15T15:00:00Z",
    start: "2026-03-09T15:00:00Z",
    status: "completed",
    arrivedAt: "2026-03-09T14:58:00Z",
    roomedAt: "2026-03-09T15:04:00Z", // 6 min
    patient: own,
  });
  // ---- the schedule ahead (third next available) ----
  // Dr One is off all of Wednesday 11 March and booked Thursday 9:00–11:00 New York time
  await db()
    .insertInto("availability_exceptions")
    .values({
      provider_id: p1.providerId as string,
      kind: "time_off",
      starts_at: at("2026-03-11T04:00:00Z"),
      ends_at: at("2026-03-12T04:00:00Z"),
    })
    .execute();
  for (const start of ["13:00", "13:30", "14:00", "14:30"]) {
    await appointment({
      provider: p1,
      location: brooklyn,
      created: "2026-02-01T15:00:00Z",
      start: `2026-03-12T${start}:00Z`,
      patient: third,
    });
  }

  // ---- message waits (pool target 24 hours) ----
  const pool = (
    await db()
      .insertInto("message_pools")
      .values({
        name: "Brooklyn nurses",
        readers_description: "nurses",
        readers_description_es: "enfermeras",
        location_id: brooklyn,
        response_target_hours: 24,
      })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
  const wait = async (created: string, due: string, status: string, completed: string | null) =>
    db()
      .insertInto("work_items")
      .values({
        queue: "messages",
        patient_id: own.id,
        subject_type: "message_wait",
        subject_id: randomUUID(),
        provider_id: p1.providerId,
        pool_id: pool,
        status: status as "open",
        due_at: at(due),
        created_at: at(created),
        completed_at: completed ? at(completed) : null,
      })
      .execute();
  await wait("2026-03-02T14:00:00Z", "2026-03-03T14:00:00Z", "done", "2026-03-02T18:00:00Z"); // 4 h, in time
  await wait("2026-03-04T14:00:00Z", "2026-03-05T14:00:00Z", "done", "2026-03-06T14:00:00Z"); // 48 h, late
  await wait("2026-03-08T14:00:00Z", "2026-03-09T14:00:00Z", "open", null); // overdue now
  await wait("2026-03-09T20:00:00Z", "2026-03-11T14:00:00Z", "open", null); // not due yet
  await wait("2026-03-05T14:00:00Z", "2026-03-06T14:00:00Z", "cancelled", "2026-03-05T15:00:00Z"); // left out

  // ---- refill request items (Dr One prescribes) ----
  const pharmacy = (
    await db().insertInto("pharmacies").values({ name: "Corner Pharmacy" }).returning("id").executeTakeFirstOrThrow()
  ).id;
  const refill = async (automatic: boolean, requested: string, decided: string | null, sent: string | null) => {
    const medication = (
      await db()
        .insertInto("medications")
        .values({
          patient_id: own.id,
          name: "Lisinopril",
          dose: "10 mg",
          directions: "once a day",
          quantity: 30,
          days_supply: 30,
          refills_remaining: 3,
          prescriber_id: p1.providerId,
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    const request = (
      await db()
        .insertInto("refill_requests")
        .values({ patient_id: own.id, pharmacy_id: pharmacy, created_at: at(requested) })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    await db()
      .insertInto("refill_request_items")
      .values({
        request_id: request,
        patient_id: own.id,
        medication_id: medication,
        status: decided ? "approved" : "queued",
        rule: "refill_from_remaining",
        protocol_version: 1,
        automatic,
        requested_at: at(requested),
        decided_at: decided ? at(decided) : null,
        delivery_status: sent ? "sent" : null,
        sent_at: sent ? at(sent) : null,
      })
      .execute();
  };
  await refill(true, "2026-03-02T15:00:00Z", "2026-03-02T15:00:00Z", "2026-03-02T15:30:00Z");
  await refill(true, "2026-03-03T15:00:00Z", "2026-03-03T15:00:00Z", "2026-03-03T16:00:00Z");
  await refill(false, "2026-03-04T15:00:00Z", "2026-03-05T15:00:00Z", "2026-03-05T16:00:00Z");
  await refill(false, "2026-03-06T15:00:00Z", null, null);

  // ---- referrals (Dr One decides) ----
  const referral = async (created: string, decided: string | null) =>
    (
      await db()
        .insertInto("referrals")
        .values({
          patient_id: own.id,
          status: decided ? "approved" : "requested",
          specialty: "cardiology",
          urgency: "routine",
          pcp_provider_id: p1.providerId,
          requested_by_kind: "patient",
          created_at: at(created),
          decided_at: decided ? at(decided) : null,
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  const scheduledReferral = await referral("2026-03-02T15:00:00Z", "2026-03-04T15:00:00Z");
  await referral("2026-03-03T15:00:00Z", "2026-03-03T21:00:00Z");
  await referral("2026-03-06T15:00:00Z", null);
  await db()
    .insertInto("referral_appointments")
    .values({
      appointment_id: a3,
      referral_id: scheduledReferral,
      patient_id: second.id,
      created_at: at("2026-03-05T15:00:00Z"),
    })
    .execute();

  // ---- surveys ----
  const survey = async (
    appointmentId: string,
    provider: TestUser,
    location: string,
    sent: string,
    score: number | null,
  ) =>
    sql`insert into visit_surveys (appointment_id, patient_id, provider_id, location_id, token_hash, sent_at, expires_at, answered_at, score)
      values (${appointmentId}, ${own.id}, ${provider.providerId}, ${location}, ${randomUUID()}, ${at(sent)},
        ${new Date(at(sent).getTime() + 14 * 86_400_000)}, ${score === null ? null : at(sent)}, ${score})`.execute(
      db(),
    );
  await survey(a1, p1, brooklyn, "2026-03-04T18:00:00Z", 9);
  await survey(a9, p1, brooklyn, "2026-03-09T18:00:00Z", 5);
  await survey(a8, p2, lakeview, "2026-03-08T18:00:00Z", null);

  admin = await signIn(t, await makeStaff(t, "admin"));
  others = {
    front_desk: await signIn(t, deskUser),
    nurse: await signIn(t, await makeStaff(t, "nurse")),
    physician: await signIn(t, p1),
    patient: await signIn(t, own.user as TestUser),
    caregiver: await signIn(t, caregiver),
  };
}, 120_000);

describe("figures on the hand-made clinic", () => {
  it("third next available: days to each provider's third free slot, from now", async () => {
    const f = await figure("third-next-available");
    expect(f.applies).toEqual({ dateRange: false, location: true, provider: true });
    // Dr One: Wednesday off, Thursday 9:00–11:00 booked → Thu 11:00, 11:30, Fri 9:00 (13:00Z) = 2.9 days
    // Dr Two: Wednesday 9:00, 9:30, 10:00 Chicago (14:00Z–15:00Z) → the third is 1.0 day away
    expect(f.rows).toEqual([
      { provider: "Dr One", visitType: "Follow-up", days: 2.9 },
      { provider: "Dr Two", visitType: "Follow-up", days: 1 },
    ]);
    const lakeviewOnly = await figure("third-next-available", `locationId=${lakeview}`);
    expect(lakeviewOnly.rows).toEqual([{ provider: "Dr Two", visitType: "Follow-up", days: 1 }]);
  });

  it("booking lead time: median and 90th percentile of days ahead, per visit type and overall", async () => {
    const f = await figure("lead-time");
    // 1.5, 2, 4, 10 days: median 3, p90 8.2 (the bookings of 28 February and before are left out)
    expect(f.rows).toEqual([{ visitType: "Follow-up", appointments: 4, medianDays: 3, p90Days: 8.2 }]);
    expect(f.total).toEqual({ visitType: "all", appointments: 4, medianDays: 3, p90Days: 8.2 });
    expect((await figure("lead-time", `${RANGE}&providerId=${p1.providerId}`)).total).toMatchObject({
      appointments: 2,
      medianDays: 3,
      p90Days: 3.8,
    });
    expect((await figure("lead-time", `${RANGE}&locationId=${lakeview}`)).total).toMatchObject({
      appointments: 2,
      medianDays: 5.8,
    });
  });

  it("no-shows and late cancellations per provider, of the visits due (early cancellations left out)", async () => {
    const f = await figure("attendance");
    expect(byLabel(f.rows, "provider")).toEqual({
      "Dr One": {
        provider: "Dr One",
        appointments: 4,
        noShows: 1,
        noShowRate: 25,
        lateCancellations: 1,
        lateCancellationRate: 25,
      },
      "Dr Two": {
        provider: "Dr Two",
        appointments: 1,
        noShows: 0,
        noShowRate: 0,
        lateCancellations: 0,
        lateCancellationRate: 0,
      },
    });
    expect(f.total).toMatchObject({ appointments: 5, noShowRate: 20, lateCancellationRate: 20 });
  });

  it("message response time against the pool's target", async () => {
    const f = await figure("message-response");
    expect(f.rows).toEqual([
      {
        pool: "Brooklyn nurses",
        targetHours: 24,
        waits: 4,
        answered: 2,
        medianHours: 26,
        p90Hours: 43.6,
        withinTarget: 33.3,
        overdueUnanswered: 1,
      },
    ]);
    expect((await figure("message-response", `${RANGE}&locationId=${lakeview}`)).rows).toEqual([]);
  });

  it("refill turnaround, automatic against manual", async () => {
    const f = await figure("refill-turnaround");
    expect(f.applies.location).toBe(false);
    expect(byLabel(f.rows, "decidedBy")).toEqual({
      automatic: {
        decidedBy: "automatic",
        requests: 2,
        decided: 2,
        medianHoursToDecision: 0,
        p90HoursToDecision: 0,
        medianHoursToPharmacy: 0.8,
      },
      manual: {
        decidedBy: "manual",
        requests: 2,
        decided: 1,
        medianHoursToDecision: 24,
        p90HoursToDecision: 24,
        medianHoursToPharmacy: 25,
      },
    });
    expect(f.total).toMatchObject({ requests: 4, decided: 3, medianHoursToDecision: 0, p90HoursToDecision: 19.2 });
    expect((await figure("refill-turnaround", `${RANGE}&providerId=${p2.providerId}`)).rows).toEqual([]);
  });

  it("referral turnaround: request → decision → booked", async () => {
    const f = await figure("referral-turnaround");
    expect(f.rows).toEqual([
      { stage: "decision", referrals: 2, medianDays: 1.1, p90Days: 1.8 },
      { stage: "scheduling", referrals: 1, medianDays: 1, p90Days: 1 },
      { stage: "requestToScheduled", referrals: 1, medianDays: 3, p90Days: 3 },
    ]);
    expect(f.total).toMatchObject({ stage: "requested", referrals: 3 });
  });

  it("arrival to roomed, per location", async () => {
    const f = await figure("arrival-wait");
    expect(f.rows).toEqual([
      { location: "Brooklyn", visits: 2, medianMinutes: 13, p90Minutes: 18.6, over15Minutes: 50 },
      { location: "Lakeview", visits: 1, medianMinutes: 12, p90Minutes: 12, over15Minutes: 0 },
    ]);
    expect(f.total).toMatchObject({ visits: 3, medianMinutes: 12, p90Minutes: 18.4 });
  });

  it("portal adoption: accounts, sign-ins, caregivers, bookings made online", async () => {
    const f = await figure("portal-adoption");
    expect(byLabel(f.rows, "measure")).toMatchObject({
      patients: { count: 3 },
      withPortalAccount: { count: 1, share: 33.3 },
      signedInDuringRange: { count: 1, share: 100 },
      caregivers: { count: 1 },
      patientsWithCaregiver: { count: 1, share: 33.3 },
      bookings: { count: 4 },
      bookedOnline: { count: 2, share: 50 },
      bookedByStaff: { count: 1, share: 25 },
    });
  });

  it("post-visit survey score per provider", async () => {
    const f = await figure("survey-score");
    expect(f.rows).toEqual([
      { provider: "Dr One", sent: 2, answered: 2, responseRate: 100, meanScore: 7, netPromoterScore: 0 },
      { provider: "Dr Two", sent: 1, answered: 0, responseRate: 0, meanScore: null, netPromoterScore: null },
    ]);
    expect(f.total).toMatchObject({ sent: 3, answered: 2, responseRate: 66.7, meanScore: 7 });
  });

  it("no answer names or identifies a patient", async () => {
    const secrets = patients.flatMap((p) => [
      p.id,
      p.mrn,
      "Paloma",
      "Quintero",
      "Ezekiel",
      "Marsh",
      "Wren",
      "Abernathy",
    ]);
    for (const name of OPERATIONS_FIGURES) {
      for (const format of ["json", "csv"]) {
        const body = (await get(admin, `/api/operations/figures/${name}?${RANGE}&format=${format}`)).body;
        for (const secret of secrets) expect(body, `${name} ${format}`).not.toContain(secret);
      }
    }
    const overview = (await get(admin, "/api/operations")).body;
    for (const secret of secrets) expect(overview).not.toContain(secret);
  });
});

describe("export, filters, access", () => {
  it("exports a figure as CSV with its total", async () => {
    const response = await get(admin, `/api/operations/figures/attendance?${RANGE}&format=csv`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^text\/csv/);
    expect(response.headers["content-disposition"]).toBe('attachment; filename="attendance_2026-03-01_2026-03-09.csv"');
    expect(response.body.split("\r\n")).toEqual([
      "provider,appointments,noShows,noShowRate,lateCancellations,lateCancellationRate",
      "Dr One,4,1,25,1,25",
      "Dr Two,1,0,0,0,0",
      "all,5,1,20,1,20",
      "",
    ]);
  });

  it("the overview gives the reporting zone, a 90-day default range and the filter choices", async () => {
    const response = await get(admin, "/api/operations");
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      timeZone: "America/New_York",
      from: "2025-12-11",
      to: "2026-03-10",
      figures: [...OPERATIONS_FIGURES],
      locations: [
        { id: brooklyn, name: "Brooklyn" },
        { id: lakeview, name: "Lakeview" },
      ],
    });
    const defaults = await figure("lead-time", "");
    expect([defaults.from, defaults.to]).toEqual(["2025-12-11", "2026-03-10"]);
  });

  it("bad filters are a 400 naming the field", async () => {
    const bad: [string, string][] = [
      ["from=2026-03-09&to=2026-03-01", "from"],
      ["from=2024-01-01&to=2026-03-01", "to"],
      ["from=2026-02-30", "from"],
      ["from=yesterday", "from"],
      [`locationId=${randomUUID()}`, "locationId"],
      [`providerId=${randomUUID()}`, "providerId"],
      ["providerId=42", "providerId"],
      ["format=xlsx", "format"],
    ];
    for (const [query, field] of bad) {
      const response = await get(admin, `/api/operations/figures/attendance?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(JSON.stringify(response.json().error), query).toContain(field);
    }
    expect((await get(admin, "/api/operations/figures/everything")).statusCode).toBe(400);
  });

  it("only administrators: 403 for other staff, patients and caregivers; 401 signed out", async () => {
    for (const url of ["/api/operations", ...OPERATIONS_FIGURES.map((f) => `/api/operations/figures/${f}?${RANGE}`)]) {
      expect((await get(null, url)).statusCode, url).toBe(401);
      for (const [who, client] of Object.entries(others)) {
        const response = await get(client, url);
        expect(response.statusCode, `${who} ${url}`).toBe(403);
        expect(response.body).not.toContain("Dr One");
      }
    }
  });
});

describe("the roll-up of closed days (rollup.ts) answers as reading live does", () => {
  const everything = async (queries: string[]) => {
    const out: Record<string, OperationsFigure> = {};
    for (const name of OPERATIONS_FIGURES) for (const q of queries) out[`${name}?${q}`] = await figure(name, q);
    return out;
  };
  let queries: string[];
  const answerSurvey = () =>
    sql`update visit_surveys set answered_at = ${at("2026-03-10T14:00:00Z")}, score = 10
      where provider_id = ${p2.providerId}`.execute(db());
  const rolledDays = async () =>
    (
      await sql<{ day: string; rolled: boolean }>`
        select day::text as day, rolled from operations_rollup_days where day between '2026-03-01' and '2026-03-09'
        order by day`.execute(db())
    ).rows;

  it("rolls up closed days and months; every figure over ranges that span them and today is unchanged", async () => {
    queries = [
      RANGE,
      "from=2026-02-01&to=2026-03-10",
      "from=2026-02-10&to=2026-03-09",
      `${RANGE}&locationId=${brooklyn}`,
      `${RANGE}&providerId=${p1.providerId}`,
      `from=2026-02-01&to=2026-03-10&locationId=${lakeview}&providerId=${p2.providerId}`,
    ];
    const live = await everything(queries);
    const run = await t.app.services.operations.rollUp({ settleMs: 0 });
    // February and 1–9 March (New York days) are closed; 10 March is today. Periods: February
    // and the ISO weeks from 2 February to 8 March
    expect(run).toEqual({ days: 37, periods: 6, remaining: 0 });
    expect((await rolledDays()).every((d) => d.rolled)).toBe(true);
    const { planRange } = await import("./rollup.ts");
    const plan = await planRange(db(), {
      from: "2026-02-01",
      to: "2026-03-10",
      timeZone: "America/New_York",
      locationId: null,
      providerId: null,
      now: at(NOW),
    });
    expect(plan.months).toEqual(["2026-02-01"]);
    expect(plan.weeks).toEqual(["2026-03-02"]);
    expect(plan.days).toEqual(["2026-03-01", "2026-03-09"]);
    expect(plan.live).toEqual([["2026-03-10", "2026-03-10"]]);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from operations_rollup`.execute(db());
    expect(rows[0]?.n).toBeGreaterThan(0);
    expect(await everything(queries)).toEqual(live);
    // a second run has nothing to do
    expect(await t.app.services.operations.rollUp({ settleMs: 0 })).toEqual({ days: 0, periods: 0, remaining: 0 });
  });

  it("a late change to a closed day is seen at once (the day reads live), and again after the next run", async () => {
    const before = await figure("survey-score");
    // a survey sent on 8 March answered today; a no-show of 7 March corrected to completed; a
    // message wait of 8 March answered now
    await answerSurvey();
    await sql`update appointments set status = 'completed' where status = 'no_show'`.execute(db());
    await sql`update work_items set status = 'done', completed_at = ${at(NOW)}
      where queue = 'messages' and created_at = ${at("2026-03-08T14:00:00Z")}`.execute(db());
    const days = Object.fromEntries((await rolledDays()).map((d) => [d.day, d.rolled]));
    // the no-show was booked on 3 March and due on 7 March: both days are marked
    expect(days).toMatchObject({ "2026-03-03": false, "2026-03-07": false, "2026-03-08": false, "2026-03-09": true });

    const changed = await everything(queries);
    const survey = changed[`survey-score?${RANGE}`] as OperationsFigure;
    expect(survey).not.toEqual(before);
    expect(byLabel(survey.rows, "provider")["Dr Two"]).toMatchObject({
      answered: 1,
      meanScore: 10,
      netPromoterScore: 100,
    });
    expect((changed[`attendance?${RANGE}`] as OperationsFigure).total).toMatchObject({ noShows: 0 });
    expect((changed[`message-response?${RANGE}`] as OperationsFigure).rows[0]).toMatchObject({
      answered: 3,
      overdueUnanswered: 0,
    });

    const run = await t.app.services.operations.rollUp({ settleMs: 0 });
    // the three days, and the week of 2–8 March they are in
    expect(run).toEqual({ days: 3, periods: 1, remaining: 0 });
    expect((await rolledDays()).every((d) => d.rolled)).toBe(true);
    expect(await everything(queries)).toEqual(changed);
  });

  it("a change to what every day depends on (a staff role) has every day computed again", async () => {
    const before = await everything(queries);
    await db().insertInto("user_roles").values({ user_id: caregiver.id, role: "front_desk" }).execute();
    expect((await rolledDays()).some((d) => d.rolled)).toBe(false);
    const adoption = (await figure("portal-adoption")).rows;
    expect(byLabel(adoption, "measure")).toMatchObject({ bookedOnline: { count: 1 }, bookedByStaff: { count: 2 } });
    const live = await everything(queries);
    expect(live).not.toEqual(before);
    expect((await t.app.services.operations.rollUp({ settleMs: 0 })).days).toBe(37);
    expect(await everything(queries)).toEqual(live);
    await db().deleteFrom("user_roles").where("user_id", "=", caregiver.id).execute();
  });

  it("runs as a periodic job that queues its next run; a day's row is 10 minutes old before it is rolled up", async () => {
    await t.app.services.operations.scheduleRollup();
    await t.app.services.jobs.runDueJobs();
    // the rows were marked a moment ago (the role removed): not rolled up yet
    expect((await rolledDays()).some((d) => d.rolled)).toBe(false);
    await sql`update operations_rollup_days set created_at = created_at - interval '11 minutes'`.execute(db());
    await t.app.services.operations.rollUp();
    expect(await rolledDays()).toHaveLength(9);
    expect((await rolledDays()).every((d) => d.rolled)).toBe(true);
    const next = await db()
      .selectFrom("jobs")
      .select(["run_at", "status"])
      .where("queue", "=", "operations.rollup")
      .orderBy("run_at", "desc")
      .executeTakeFirstOrThrow();
    expect(next.run_at.toISOString()).toBe("2026-03-10T15:05:00.000Z");
  });
});
