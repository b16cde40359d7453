import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../test/app.ts";
import { makePatient, makeProxyGrant, makeUser, type SignedInClient, signIn } from "../../test/factories.ts";
import { makeTestClinic, type TestClinic } from "./test-clinic.ts";

// Monday 2 March 2026, 08:00 in New York (EST, UTC−5)
const MONDAY_8AM = "2026-03-02T13:00:00Z";
const TUESDAY_9AM = "2026-03-03T14:00:00.000Z";
const TUESDAY_930 = "2026-03-03T14:30:00.000Z";

describe("booking appointments", () => {
  const t = useTestApp();
  let clinic: TestClinic;
  let patient: SignedInClient;
  let stranger: SignedInClient;
  let frontDesk: SignedInClient;

  beforeAll(async () => {
    t.clock.set(MONDAY_8AM);
    clinic = await makeTestClinic(t);
    patient = await signIn(t, clinic.patient.user!);
    stranger = await signIn(t, clinic.stranger.user!);
    frontDesk = await signIn(t, clinic.frontDesk);
  });

  const book = (
    client: SignedInClient,
    patientId: string,
    body: Record<string, unknown>,
    headers: Record<string, string> = {},
  ) =>
    t.app.inject({
      method: "POST",
      url: `/api/patients/${patientId}/appointments`,
      headers: { ...client.headers, ...headers },
      payload: body,
    });
  const appointmentCount = async () =>
    Number(
      (
        await t.database.db
          .selectFrom("appointments")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("offers free slots in the location's time zone, never in the past or inside the notice window", async () => {
    const res = await t.app.inject({
      url: `/api/slots?visitTypeId=${clinic.visitTypes.established}&patientId=${clinic.patient.id}&to=2026-03-04T05:00:00Z`,
      headers: patient.headers,
    });
    expect(res.statusCode).toBe(200);
    const { slots, eligibility } = res.json();
    expect(eligibility).toEqual({ canSelfBook: true, reason: null });
    // Monday: 08:00 now + 2 h notice → first slot 10:00 local; Tuesday 09:00–11:30
    expect(slots[0]).toMatchObject({
      start: "2026-03-02T15:00:00.000Z",
      timeZone: "America/New_York",
      providerId: clinic.providerId,
    });
    expect(slots.map((s: { start: string }) => s.start)).toContain(TUESDAY_9AM);
    expect(slots).toHaveLength(4 + 6);
  });

  it("books a free slot and answers 201 with the appointment", async () => {
    const res = await book(patient, clinic.patient.id, {
      visitTypeId: clinic.visitTypes.established,
      providerId: clinic.providerId,
      start: TUESDAY_9AM,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      status: "booked",
      start: TUESDAY_9AM,
      end: TUESDAY_930,
      location: { timeZone: "America/New_York" },
      canCancelOnline: true,
    });
  });

  it("answers 409 slot_taken with the next free times when the slot is gone", async () => {
    const before = await appointmentCount();
    const res = await book(frontDesk, clinic.stranger.id, {
      visitTypeId: clinic.visitTypes.newPatient,
      providerId: clinic.providerId,
      start: TUESDAY_9AM,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("slot_taken");
    expect(res.json().error.details.alternatives[0].start).toBe(TUESDAY_930);
    expect(await appointmentCount()).toBe(before);
  });

  it("lets exactly one of many simultaneous requests for one slot succeed", async () => {
    const others = await Promise.all(
      Array.from({ length: 12 }, () => makePatient(t, { pcpProviderId: clinic.providerId })),
    );
    const start = "2026-03-04T15:00:00.000Z";
    const results = await Promise.all(
      others.map((p) =>
        book(frontDesk, p.id, { visitTypeId: clinic.visitTypes.established, providerId: clinic.providerId, start }),
      ),
    );
    const statuses = results.map((r) => r.statusCode).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(11);
  });

  it("never lets one patient hold two overlapping appointments", async () => {
    const other = await makeUser(t, { roles: ["physician"] });
    await t.database.db
      .insertInto("provider_locations")
      .values({ provider_id: other.providerId!, location_id: clinic.locationId })
      .execute();
    await t.database.db
      .insertInto("availability_templates")
      .values({
        provider_id: other.providerId!,
        location_id: clinic.locationId,
        weekday: 2,
        start_time: "09:00",
        end_time: "12:00",
      })
      .execute();
    const res = await book(frontDesk, clinic.patient.id, {
      visitTypeId: clinic.visitTypes.newPatient,
      providerId: other.providerId!,
      start: TUESDAY_9AM,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.reason).toBe("patient_overlap");
  });

  it.each([
    ["a time in the past", { start: "2026-03-02T12:00:00.000Z" }, 422, "in_past"],
    ["inside the notice window", { start: "2026-03-02T14:00:00.000Z" }, 422, "inside_notice"],
    ["beyond the horizon", { start: "2026-05-05T14:00:00.000Z" }, 422, "beyond_horizon"],
    ["off the slot grid", { start: "2026-03-03T14:10:00.000Z" }, 422, "not_a_slot"],
    ["outside the provider's hours", { start: "2026-03-03T20:00:00.000Z" }, 422, "not_a_slot"],
  ])("refuses %s with a clear reason and changes nothing", async (_name, override, status, reason) => {
    const before = await appointmentCount();
    const res = await book(patient, clinic.patient.id, {
      visitTypeId: clinic.visitTypes.established,
      providerId: clinic.providerId,
      ...override,
    });
    expect(res.statusCode).toBe(status);
    expect(res.json().error.details.reason).toBe(reason);
    expect(await appointmentCount()).toBe(before);
  });

  it.each([
    ["an unknown visit type", { visitTypeId: "00000000-0000-4000-8000-000000000000" }, 404],
    ["a malformed start", { start: "tomorrow at nine" }, 400],
    ["a missing provider", { providerId: undefined }, 400],
  ])("refuses %s", async (_name, override, status) => {
    const res = await book(patient, clinic.patient.id, {
      visitTypeId: clinic.visitTypes.established,
      providerId: clinic.providerId,
      start: TUESDAY_930,
      ...override,
    });
    expect(res.statusCode).toBe(status);
  });

  it("keeps established-patient visits for established patients and referral visits behind a referral", async () => {
    const established = await book(stranger, clinic.stranger.id, {
      visitTypeId: clinic.visitTypes.established,
      providerId: clinic.providerId,
      start: TUESDAY_930,
    });
    expect(established.statusCode).toBe(403);
    expect(established.json().error.details.reason).toBe("not_established");
    const referral = await book(patient, clinic.patient.id, {
      visitTypeId: clinic.visitTypes.referral,
      providerId: clinic.providerId,
      start: TUESDAY_930,
    });
    expect(referral.statusCode).toBe(403);
    expect(referral.json().error.details.reason).toBe("referral_required");
    const slots = await t.app.inject({
      url: `/api/slots?visitTypeId=${clinic.visitTypes.referral}&patientId=${clinic.patient.id}`,
      headers: patient.headers,
    });
    expect(slots.json()).toMatchObject({ slots: [], eligibility: { canSelfBook: false, reason: "referral_required" } });
    // staff may book any kind on the patient's behalf
    const byStaff = await book(frontDesk, clinic.stranger.id, {
      visitTypeId: clinic.visitTypes.referral,
      providerId: clinic.providerId,
      start: "2026-03-05T14:00:00.000Z",
    });
    expect(byStaff.statusCode).toBe(201);
    const newPatient = await book(stranger, clinic.stranger.id, {
      visitTypeId: clinic.visitTypes.newPatient,
      providerId: clinic.providerId,
      start: "2026-03-05T14:30:00.000Z",
    });
    expect(newPatient.statusCode).toBe(201);
  });

  it("hides one patient's appointments from another (404, as if they did not exist)", async () => {
    const res = await t.app.inject({
      url: `/api/patients/${clinic.patient.id}/appointments`,
      headers: stranger.headers,
    });
    expect(res.statusCode).toBe(404);
    const booking = await book(stranger, clinic.patient.id, {
      visitTypeId: clinic.visitTypes.established,
      providerId: clinic.providerId,
      start: TUESDAY_930,
    });
    expect(booking.statusCode).toBe(404);
  });

  it("lets a proxy with the appointments scope book, and refuses one without it", async () => {
    const child = await makePatient(t, { dateOfBirth: "2018-01-01", pcpProviderId: clinic.providerId });
    const parent = await makeUser(t);
    const outsider = await makeUser(t);
    await makeProxyGrant(t, {
      patientId: child.id,
      proxyUserId: parent.id,
      relationship: "parent",
      scopes: ["appointments"],
    });
    await makeProxyGrant(t, {
      patientId: child.id,
      proxyUserId: outsider.id,
      relationship: "caregiver",
      scopes: ["messages"],
    });
    const asParent = await signIn(t, parent);
    const asOutsider = await signIn(t, outsider);
    const ok = await book(asParent, child.id, {
      visitTypeId: clinic.visitTypes.established,
      providerId: clinic.providerId,
      start: "2026-03-06T14:00:00.000Z",
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const refused = await t.app.inject({ url: `/api/patients/${child.id}/appointments`, headers: asOutsider.headers });
    expect(refused.statusCode).toBe(404);
  });

  it("lists upcoming and past appointments for the patient", async () => {
    const res = await t.app.inject({
      url: `/api/patients/${clinic.patient.id}/appointments`,
      headers: patient.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().upcoming.map((a: { start: string }) => a.start)).toContain(TUESDAY_9AM);
  });
});

describe("rescheduling and cancelling", () => {
  const t = useTestApp();
  let clinic: TestClinic;
  let patient: SignedInClient;
  let frontDesk: SignedInClient;
  let appointmentId: string;

  beforeAll(async () => {
    t.clock.set(MONDAY_8AM);
    clinic = await makeTestClinic(t);
    patient = await signIn(t, clinic.patient.user!);
    frontDesk = await signIn(t, clinic.frontDesk);
    const res = await t.app.inject({
      method: "POST",
      url: `/api/patients/${clinic.patient.id}/appointments`,
      headers: patient.headers,
      payload: {
        visitTypeId: clinic.visitTypes.established,
        providerId: clinic.providerId,
        start: "2026-03-04T14:00:00.000Z",
      },
    });
    appointmentId = res.json().id;
    // someone else holds Thursday 09:00
    const other = await makePatient(t, { pcpProviderId: clinic.providerId });
    await t.app.inject({
      method: "POST",
      url: `/api/patients/${other.id}/appointments`,
      headers: frontDesk.headers,
      payload: {
        visitTypeId: clinic.visitTypes.established,
        providerId: clinic.providerId,
        start: "2026-03-05T14:00:00.000Z",
      },
    });
  });

  const status = async (id: string) =>
    (await t.database.db.selectFrom("appointments").select("status").where("id", "=", id).executeTakeFirstOrThrow())
      .status;

  it("keeps the old appointment when the new time is taken", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: `/api/patients/${clinic.patient.id}/appointments/${appointmentId}/reschedule`,
      headers: patient.headers,
      payload: { start: "2026-03-05T14:00:00.000Z" },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("slot_taken");
    expect(await status(appointmentId)).toBe("booked");
  });

  it("moves the appointment atomically to a free time", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: `/api/patients/${clinic.patient.id}/appointments/${appointmentId}/reschedule`,
      headers: patient.headers,
      payload: { start: "2026-03-05T14:30:00.000Z" },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().start).toBe("2026-03-05T14:30:00.000Z");
    expect(await status(appointmentId)).toBe("cancelled");
    const oldId = appointmentId;
    const oldStart = (
      await t.database.db
        .selectFrom("appointments")
        .select("starts_at")
        .where("id", "=", oldId)
        .executeTakeFirstOrThrow()
    ).starts_at;
    appointmentId = res.json().id;

    // listed once, as the new visit: the old one is not a cancelled past visit
    const list = await t.app.inject({
      method: "GET",
      url: `/api/patients/${clinic.patient.id}/appointments`,
      headers: patient.headers,
    });
    expect(list.statusCode, list.body).toBe(200);
    const { upcoming, past } = list.json() as {
      upcoming: { id: string; movedFrom: string | null }[];
      past: { id: string }[];
    };
    expect(upcoming.map((a) => a.id)).toEqual([appointmentId]);
    // …which says the time it had before
    expect(upcoming[0]?.movedFrom).toBe(oldStart.toISOString());
    expect(past.map((a) => a.id)).not.toContain(oldId);
    // the old row stays in the record, pointing forward through the new one
    const moved = await t.database.db
      .selectFrom("appointments")
      .select(["cancel_reason"])
      .where("id", "=", oldId)
      .executeTakeFirstOrThrow();
    expect(moved.cancel_reason).toBe("rescheduled");
  });

  it("refuses online cancellation inside the notice window, with the clinic's phone number", async () => {
    t.clock.set("2026-03-04T16:00:00Z"); // the day before, 11:00 local: inside 24 h
    patient = await signIn(t, clinic.patient.user!);
    const res = await t.app.inject({
      method: "POST",
      url: `/api/patients/${clinic.patient.id}/appointments/${appointmentId}/cancel`,
      headers: patient.headers,
      payload: {},
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details).toMatchObject({ reason: "late_cancellation", phone: "(555) 000-1111" });
    expect(res.json().error.message).toContain("(555) 000-1111");
    expect(await status(appointmentId)).toBe("booked");
    t.clock.set(MONDAY_8AM);
    patient = await signIn(t, clinic.patient.user!);
  });

  it("cancels outside the notice window and frees the slot", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: `/api/patients/${clinic.patient.id}/appointments/${appointmentId}/cancel`,
      headers: patient.headers,
      payload: { reason: "Feeling better" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe("cancelled");
    const slots = await t.app.inject({
      url: `/api/slots?visitTypeId=${clinic.visitTypes.established}&patientId=${clinic.patient.id}`,
      headers: patient.headers,
    });
    expect(slots.json().slots.map((s: { start: string }) => s.start)).toContain("2026-03-05T14:30:00.000Z");
    const again = await t.app.inject({
      method: "POST",
      url: `/api/patients/${clinic.patient.id}/appointments/${appointmentId}/cancel`,
      headers: patient.headers,
      payload: {},
    });
    expect(again.statusCode).toBe(409);
  });
});
