import { randomUUID } from "node:crypto";
import type { Referral, ReferralList, ReferralQueue } from "@portico/contracts";
import { beforeAll, describe, expect, it } from "vitest";
import { runWithContext, systemContext } from "../../platform/context.ts";
import { apiCaller, countRows, queuedMails } from "../../test/api.ts";
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
import { addVisitType, addWeekdayMornings, makeTestClinic, type TestClinic } from "../scheduling/test-clinic.ts";

/**
 * Referrals through the HTTP API on a real database (PGlite and PostgreSQL): the patient asks,
 * the primary care practice decides from its queue, the approved referral is a ticket in slot
 * search and booking (one visit, two racing bookings: one wins), cancelling gives the visit
 * back, the daily job reminds and expires, and bad input changes nothing.
 */
const t = useTestApp();
const MONDAY_8AM = "2026-03-02T13:00:00Z"; // 08:00 in New York
const TUESDAY = (hhmm: string) => `2026-03-03T${hhmm}:00.000Z`;

let clinic: TestClinic;
let cardiologistUser: TestUser;
let cardiologistId: string;
let cardioConsult: string;
let patient: SignedInClient;
let stranger: SignedInClient;
let pcp: SignedInClient;
let nurse: SignedInClient;
let farNurse: SignedInClient;
let cardiologist: SignedInClient;
let caregiver: SignedInClient;
let caregiverWithoutScope: SignedInClient;
let desk: SignedInClient;

const call = apiCaller(t);

const day = (offset: number) => new Date(t.clock.now().getTime() + offset * 86_400_000).toISOString().slice(0, 10);
const mine = () => `/api/patients/${clinic.patient.id}/referrals`;
const count = (table: "referrals" | "referral_events" | "referral_appointments") => countRows(t, table);
const mails = async (template: string) => (await queuedMails(t)).filter((p) => p.template === template);

async function ask(specialty = "cardiology"): Promise<Referral> {
  const res = await call(patient, "POST", mine(), { specialty, reason: "Short of breath on stairs", urgency: "soon" });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as Referral;
}

/** The PCP approves a cardiology referral with the cardiologist: `visits` visits up to `expiresOn`. */
const approveWithCardiologist = (referral: Referral, visits: number, expiresOn: string) =>
  call(pcp, "POST", `/api/referral-queue/${referral.id}/approve`, {
    providerId: cardiologistId,
    specialty: "cardiology",
    visits,
    expiresOn,
  });

const slots = (client: SignedInClient) =>
  call(client, "GET", `/api/slots?visitTypeId=${cardioConsult}&patientId=${clinic.patient.id}`);
const book = (client: SignedInClient, start: string) =>
  call(client, "POST", `/api/patients/${clinic.patient.id}/appointments`, {
    visitTypeId: cardioConsult,
    providerId: cardiologistId,
    start,
  });

beforeAll(async () => {
  t.clock.set(MONDAY_8AM);
  clinic = await makeTestClinic(t);
  const db = t.database.db;
  cardiologistUser = await makeStaff(t, "physician");
  cardiologistId = cardiologistUser.providerId as string;
  await db.updateTable("providers").set({ specialty: "cardiology" }).where("id", "=", cardiologistId).execute();
  await addWeekdayMornings(t, cardiologistId, clinic.locationId);
  cardioConsult = await addVisitType(t, { name: "Cardiology consultation", specialty: "cardiology", kind: "referral" });
  const nurseUser = await makeStaff(t, "nurse", { locationIds: [clinic.locationId] });
  const withScope = await makeProxy(t, { patientId: clinic.patient.id, scopes: ["referrals"] });
  const withoutScope = await makeProxy(t, { patientId: clinic.patient.id, scopes: ["medications"] });
  patient = await signIn(t, clinic.patient.user as TestUser);
  stranger = await signIn(t, clinic.stranger.user as TestUser);
  pcp = await signIn(t, clinic.physician);
  nurse = await signIn(t, nurseUser);
  farNurse = await signInNewStaff(t, "nurse");
  cardiologist = await signIn(t, cardiologistUser);
  caregiver = await signIn(t, withScope);
  caregiverWithoutScope = await signIn(t, withoutScope);
  desk = await signIn(t, clinic.frontDesk);
});

describe("asking for a referral", () => {
  it("refuses a cardiology consultation without a referral, in slot search and booking", async () => {
    const search = await slots(patient);
    expect(search.body).toMatchObject({ slots: [], eligibility: { canSelfBook: false, reason: "referral_required" } });
    const booked = await book(patient, TUESDAY("14:30"));
    expect(booked.status).toBe(403);
    expect(booked.body.error.details.reason).toBe("referral_required");
  });

  it("refuses bad input with a clear 4xx and creates nothing", async () => {
    const before = await count("referrals");
    const unknown = await call(patient, "POST", mine(), {
      specialty: "astrology",
      reason: "Stars",
      urgency: "routine",
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.details).toEqual([{ field: "specialty", problem: "unknown_specialty" }]);
    const wrongProvider = await call(patient, "POST", mine(), {
      specialty: "cardiology",
      reason: "Heart",
      urgency: "routine",
      preferredProviderId: clinic.providerId,
    });
    expect(wrongProvider.status).toBe(422);
    const empty = await call(patient, "POST", mine(), { specialty: "cardiology", reason: "", urgency: "routine" });
    expect(empty.status).toBe(400);
    const badUrgency = await call(patient, "POST", mine(), {
      specialty: "cardiology",
      reason: "Heart",
      urgency: "now",
    });
    expect(badUrgency.status).toBe(400);
    // someone else's patient: 404 exactly like a missing one
    const heart = { specialty: "cardiology", reason: "Heart", urgency: "routine" };
    const other = await call(stranger, "POST", mine(), heart);
    expect(other.status).toBe(404);
    const noScope = await call(caregiverWithoutScope, "POST", mine(), heart);
    expect(noScope.status).toBe(404);
    expect(await count("referrals")).toBe(before);
  });

  it("records the request, shows it to the patient and caregiver, and puts it in the practice's queue", async () => {
    const referral = await ask();
    expect(referral).toMatchObject({
      status: "requested",
      specialty: "cardiology",
      urgency: "soon",
      pcp: { id: clinic.providerId },
      requestedBy: { kind: "patient" },
      decision: null,
      abilities: { canApprove: false, canDeny: false, canCancel: true, canBook: false },
    });
    expect(referral.history.map((h) => h.event)).toEqual(["requested"]);
    expect(referral.reason).toBe("Short of breath on stairs");
    const stored = await t.database.db
      .selectFrom("referrals")
      .select("reason_sealed")
      .where("id", "=", referral.id)
      .executeTakeFirstOrThrow();
    expect(stored.reason_sealed).not.toContain("breath");
    const list = (await call(caregiver, "GET", mine())).body as ReferralList;
    expect(list.referrals.map((r) => r.id)).toContain(referral.id);
    expect(list.abilities.canRequest).toBe(true);
    expect(list.specialties).toContain("cardiology");
    expect((await call(caregiverWithoutScope, "GET", mine())).status).toBe(404);
    expect((await call(stranger, "GET", `${mine()}/${referral.id}`)).status).toBe(404);
    expect((await call(patient, "GET", `${mine()}/${randomUUID()}`)).status).toBe(404);

    const queue = (await call(pcp, "GET", "/api/referral-queue")).body as ReferralQueue;
    const item = queue.items.find((i) => i.referral.id === referral.id);
    expect(item?.referral.abilities).toMatchObject({ canApprove: true, canDeny: true, canAskForVisit: true });
    expect(item?.patient.displayName).toBe(clinic.patient.name);
    expect(item?.workItem?.status).toBe("open");
    const nurseQueue = (await call(nurse, "GET", "/api/referral-queue")).body as ReferralQueue;
    expect(nurseQueue.items.map((i) => i.referral.id)).toContain(referral.id);
    const farQueue = (await call(farNurse, "GET", "/api/referral-queue")).body as ReferralQueue;
    expect(farQueue.items.map((i) => i.referral.id)).not.toContain(referral.id);
    expect((await call(desk, "GET", "/api/referral-queue")).status).toBe(403);
    expect((await call(patient, "GET", "/api/referral-queue")).status).toBe(403);
  });
});

describe("the ticket", () => {
  let referral: Referral;

  it("is approved once by the practice (bad decisions change nothing) and the patient is told without details", async () => {
    referral = await ask();
    const url = `/api/referral-queue/${referral.id}`;
    const far = await call(farNurse, "POST", `${url}/approve`, {
      specialty: "cardiology",
      visits: 1,
      expiresOn: day(30),
    });
    expect(far.status).toBe(404);
    const past = await call(pcp, "POST", `${url}/approve`, { specialty: "cardiology", visits: 1, expiresOn: day(-1) });
    expect(past.status).toBe(422);
    const notCardio = await call(pcp, "POST", `${url}/approve`, {
      providerId: clinic.providerId,
      specialty: "cardiology",
      visits: 1,
      expiresOn: day(30),
    });
    expect(notCardio.status).toBe(422);
    expect((await call(patient, "GET", `${mine()}/${referral.id}`)).body.status).toBe("requested");

    const approved = await call(nurse, "POST", `${url}/approve`, {
      providerId: cardiologistId,
      specialty: "cardiology",
      visits: 1,
      expiresOn: day(30),
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body).toMatchObject({
      status: "approved",
      decision: { provider: { id: cardiologistId }, visitsAllowed: 1, visitsUsed: 0, expiresOn: day(30) },
    });
    const twice = await call(pcp, "POST", `${url}/approve`, { specialty: "cardiology", visits: 2, expiresOn: day(30) });
    expect(twice.status).toBe(409);
    expect(twice.body.error.details.reason).toBe("referral_status");
    expect((await call(pcp, "POST", `${url}/deny`, { reason: "Changed my mind" })).status).toBe(409);

    const seen = (await call(patient, "GET", `${mine()}/${referral.id}`)).body as Referral;
    expect(seen.abilities).toMatchObject({ canBook: true, canCancel: true, canApprove: false });
    expect(seen.bookableVisitTypes).toEqual([
      { id: cardioConsult, name: "Cardiology consultation", providerId: cardiologistId },
    ]);
    const sent = (await mails("referral.update")).filter((m) => m.to === clinic.patient.user?.email);
    expect(sent.map((m) => m.params.kind)).toContain("approved");
    expect(JSON.stringify(sent)).not.toMatch(/cardio|breath/i);

    const incoming = (await call(cardiologist, "GET", "/api/referrals/incoming")).body as {
      items: { referral: Referral }[];
    };
    expect(incoming.items.map((i) => i.referral.id)).toContain(referral.id);
    expect((await call(pcp, "GET", "/api/referrals/incoming")).body.items).toEqual([]);
  });

  it("makes the specialist bookable; of two bookings racing for the last visit one wins", async () => {
    const search = await slots(patient);
    expect(search.body.eligibility).toEqual({ canSelfBook: true, reason: null });
    expect(search.body.slots.length).toBeGreaterThan(1);
    const results = await Promise.all([book(patient, TUESDAY("14:30")), book(patient, TUESDAY("15:30"))]);
    // the loser is refused before its transaction (403) or, racing inside it on PostgreSQL, by the locked ticket (409)
    const won = results.filter((r) => r.status === 201);
    const lost = results.filter((r) => r.status !== 201);
    expect(won, JSON.stringify(results.map((r) => r.body))).toHaveLength(1);
    expect([403, 409]).toContain(lost[0]?.status);
    expect(lost[0]?.body.error.details.reason).toBe("referral_required");
    const after = (await call(patient, "GET", `${mine()}/${referral.id}`)).body as Referral;
    expect(after.status).toBe("scheduled");
    expect(after.decision?.visitsUsed).toBe(1);
    expect(after.appointments).toHaveLength(1);
    expect(after.abilities.canBook).toBe(false);
    expect(after.abilities.canCancel).toBe(false);
    expect(after.history.map((h) => h.event)).toEqual(["requested", "approved", "visit_booked"]);
    // the ticket is used up: no more slots, no more bookings
    expect((await slots(patient)).body.eligibility.canSelfBook).toBe(false);
    expect((await book(patient, TUESDAY("16:00"))).status).toBe(403);
  });

  it("gives the visit back when the appointment is cancelled", async () => {
    const before = (await call(patient, "GET", `${mine()}/${referral.id}`)).body as Referral;
    const appointment = before.appointments[0] as { id: string };
    const cancelled = await call(
      patient,
      "POST",
      `/api/patients/${clinic.patient.id}/appointments/${appointment.id}/cancel`,
      {},
    );
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    const after = (await call(patient, "GET", `${mine()}/${referral.id}`)).body as Referral;
    expect(after).toMatchObject({ status: "approved", decision: { visitsUsed: 0 }, appointments: [] });
    expect(after.history.at(-1)?.event).toBe("visit_cancelled");
    const again = await book(patient, TUESDAY("15:00"));
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    expect((await call(patient, "GET", `${mine()}/${referral.id}`)).body.status).toBe("scheduled");
  });

  it("is completed as soon as its visit is marked completed (same transaction), not by the daily sweep", async () => {
    const booked = (await call(patient, "GET", `${mine()}/${referral.id}`)).body as Referral;
    const appointmentId = (booked.appointments[0] as { id: string }).id;
    const sweep = () =>
      runWithContext(systemContext("job:referrals.expire"), () => t.app.services.referrals.settleVisits());
    expect((await sweep()).completed).toBe(0);
    // staff move a visit along only on its day: the visit is moved to later today (10:00 in New York)
    const start = new Date("2026-03-02T15:00:00Z");
    const end = new Date("2026-03-02T15:30:00Z");
    await t.database.db
      .updateTable("appointments")
      .set({ starts_at: start, ends_at: end, blocked: `[${start.toISOString()},${end.toISOString()})` })
      .where("id", "=", appointmentId)
      .execute();
    for (const status of ["arrived", "roomed", "in_visit"]) {
      const step = await call(desk, "POST", `/api/appointments/${appointmentId}/status`, { status });
      expect(step.status, JSON.stringify(step.body)).toBe(200);
      expect(((await call(patient, "GET", `${mine()}/${referral.id}`)).body as Referral).status).toBe("scheduled");
    }
    const done = await call(desk, "POST", `/api/appointments/${appointmentId}/status`, { status: "completed" });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const after = (await call(patient, "GET", `${mine()}/${referral.id}`)).body as Referral;
    expect(after.status).toBe("completed");
    expect(after.history.at(-1)).toMatchObject({ event: "visit_completed", status: "completed" });
    // nothing is left for the sweep
    expect((await sweep()).completed).toBe(0);
  });
});

describe("many bookings racing for a two-visit ticket", () => {
  it("books exactly two and counts two", async () => {
    const referral = await ask();
    await approveWithCardiologist(referral, 2, day(30));
    const times = ["14:00", "14:30", "15:00", "15:30", "16:00", "16:30"];
    const results = await Promise.all(times.map((hhmm) => book(patient, `2026-03-04T${hhmm}:00.000Z`)));
    expect(
      results.filter((r) => r.status === 201),
      JSON.stringify(results.map((r) => r.status)),
    ).toHaveLength(2);
    for (const r of results.filter((x) => x.status !== 201)) {
      expect([403, 409]).toContain(r.status);
    }
    const after = (await call(patient, "GET", `${mine()}/${referral.id}`)).body as Referral;
    expect(after).toMatchObject({ status: "scheduled", decision: { visitsAllowed: 2, visitsUsed: 2 } });
    expect(after.appointments).toHaveLength(2);
    // the clinic cancels one (a provider's day off): the daily sweep gives the visit back
    await t.database.db
      .updateTable("appointments")
      .set({ status: "cancelled", cancelled_at: t.clock.now() })
      .where("id", "=", (after.appointments[0] as { id: string }).id)
      .execute();
    const settled = await runWithContext(systemContext("job:referrals.expire"), () =>
      t.app.services.referrals.settleVisits(),
    );
    expect(settled.released).toBe(1);
    const back = (await call(patient, "GET", `${mine()}/${referral.id}`)).body as Referral;
    expect(back).toMatchObject({ status: "approved", decision: { visitsUsed: 1 } });
    expect(back.appointments).toHaveLength(1);
  });
});

describe("denying and asking for a visit", () => {
  it("denies with a reason the patient sees; a denied referral cannot be changed", async () => {
    const referral = await ask();
    const url = `/api/referral-queue/${referral.id}`;
    expect((await call(pcp, "POST", `${url}/deny`, { reason: "" })).status).toBe(400);
    const denied = await call(pcp, "POST", `${url}/deny`, { reason: "Your ECG was normal; no specialist needed now." });
    expect(denied.status).toBe(200);
    const seen = (await call(patient, "GET", `${mine()}/${referral.id}`)).body as Referral;
    expect(seen).toMatchObject({ status: "denied", denialReason: "Your ECG was normal; no specialist needed now." });
    for (const [action, body] of [
      ["approve", { specialty: "cardiology", visits: 1, expiresOn: day(10) }],
      ["deny", { reason: "Again" }],
      ["ask-for-visit", {}],
    ] as const) {
      expect((await call(pcp, "POST", `${url}/${action}`, body)).status, action).toBe(409);
    }
    expect((await call(patient, "POST", `${mine()}/${referral.id}/cancel`)).status).toBe(409);
  });

  it("asks for a visit first, then approves", async () => {
    const referral = await ask();
    const url = `/api/referral-queue/${referral.id}`;
    expect((await call(pcp, "POST", `${url}/ask-for-visit`, { visitTypeId: randomUUID() })).status).toBe(422);
    const asked = await call(pcp, "POST", `${url}/ask-for-visit`, {
      visitTypeId: clinic.visitTypes.established,
      note: "Let's talk first.",
    });
    expect(asked.status).toBe(200);
    expect(asked.body).toMatchObject({
      status: "visit_requested",
      visitRequest: { visitType: { id: clinic.visitTypes.established }, note: "Let's talk first." },
    });
    expect((await call(pcp, "POST", `${url}/ask-for-visit`, {})).status).toBe(409);
    const approved = await call(pcp, "POST", `${url}/approve`, {
      specialty: "cardiology",
      visits: 2,
      expiresOn: day(20),
    });
    expect(approved.body.status).toBe("approved");
    // withdrawn by the patient while nothing is booked
    const withdrawn = await call(patient, "POST", `${mine()}/${referral.id}/cancel`);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe("cancelled");
  });

  it("lets the practice create one on the patient's behalf, approved at once", async () => {
    const res = await call(nurse, "POST", `${mine()}/staff`, {
      specialty: "cardiology",
      reason: "Murmur heard at the visit",
      urgency: "routine",
      approve: { providerId: cardiologistId, visits: 1, expiresOn: day(14) },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ status: "approved", requestedBy: { kind: "staff" } });
    expect(
      (await call(desk, "POST", `${mine()}/staff`, { specialty: "cardiology", reason: "x y z", urgency: "routine" }))
        .status,
    ).toBe(403);
    const other = await makePatient(t, { withLogin: true, pcpProviderId: cardiologistId });
    const far = await call(farNurse, "POST", `/api/patients/${other.id}/referrals/staff`, {
      specialty: "cardiology",
      reason: "Murmur",
      urgency: "routine",
    });
    expect(far.status).toBe(404);
    // what the web offers: the practice may create on the patient's behalf, the patient asks instead
    const asNurse = (await call(nurse, "GET", mine())).body;
    expect(asNurse.abilities).toEqual({ canRequest: false, canCreateOnBehalf: true });
    expect((await call(patient, "GET", mine())).body.abilities).toEqual({ canRequest: true, canCreateOnBehalf: false });
    expect((await call(farNurse, "GET", `/api/patients/${other.id}/referrals`)).status).toBe(404);
    // created without approving: it waits in the practice's queue like a patient's request
    const waiting = await call(pcp, "POST", `${mine()}/staff`, {
      specialty: "cardiology",
      reason: "Palpitations at night",
      urgency: "soon",
    });
    expect(waiting.status, JSON.stringify(waiting.body)).toBe(201);
    expect(waiting.body).toMatchObject({ status: "requested", requestedBy: { kind: "staff" } });
    const queue = (await call(nurse, "GET", "/api/referral-queue")).body.items as { referral: { id: string } }[];
    expect(queue.map((i) => i.referral.id)).toContain(waiting.body.id);
    // the decision email goes in the reader's own language, without the specialty or reason
    const hablante = await makePatient(t, {
      withLogin: true,
      pcpProviderId: clinic.providerId,
      user: { locale: "es" },
    });
    const forHer = await call(pcp, "POST", `/api/patients/${hablante.id}/referrals/staff`, {
      specialty: "cardiology",
      reason: "Soplo al auscultar",
      urgency: "routine",
      approve: { providerId: null, visits: 1, expiresOn: day(30) },
    });
    expect(forHer.status, JSON.stringify(forHer.body)).toBe(201);
    const hers = (await mails("referral.update")).filter((m) => m.to === hablante.user?.email);
    expect(hers.map((m) => [m.params.kind, m.locale])).toEqual([["approved", "es"]]);
    expect(JSON.stringify(hers)).not.toMatch(/cardio|soplo/i);
  });
});

describe("expiry", () => {
  it("reminds a few days before the last day, then expires the ticket and it no longer books", async () => {
    const referral = await ask();
    await approveWithCardiologist(referral, 1, day(2));
    // as the daily job runs it: in the system's context
    const sweep = () =>
      runWithContext(systemContext("job:referrals.expire"), () => t.app.services.referrals.expireAndRemind());
    const first = await sweep();
    expect(first.reminded).toBeGreaterThanOrEqual(1);
    expect((await sweep()).reminded).toBe(0);
    const kinds = (await mails("referral.update")).map((m) => m.params.kind);
    expect(kinds).toContain("expiring");
    t.clock.advance({ days: 4 });
    try {
      const second = await sweep();
      expect(second.expired).toBeGreaterThanOrEqual(1);
      const later = await signIn(t, clinic.patient.user as TestUser);
      const seen = (await call(later, "GET", `${mine()}/${referral.id}`)).body as Referral;
      expect(seen.status).toBe("expired");
      expect(seen.abilities.canBook).toBe(false);
      expect(seen.history.at(-1)).toMatchObject({ event: "expired", by: null });
      expect((await mails("referral.update")).map((m) => m.params.kind)).toContain("expired");
    } finally {
      t.clock.set(MONDAY_8AM);
    }
  });
});
