import { SlotList } from "@portico/contracts";
import { beforeAll, describe, expect, it } from "vitest";
import { runWithContext, systemContext } from "../../platform/context.ts";
import { expectOnlyContractFields } from "../../test/api.ts";
import { useTestApp } from "../../test/app.ts";
import { makePatient, makeProxyGrant, makeUser, type SignedInClient, signIn } from "../../test/factories.ts";
import { bookVisit, makeTestClinic, type TestClinic } from "./test-clinic.ts";

/**
 * Which zone a visit is shown in (issue 11, item 3) and whose visit an email is about (item 6):
 * in-person visits in the location's zone, video visits in the patient's own zone — in slot
 * lists, appointments, emails and calendar files — and a caregiver's email names the patient
 * and the place.
 */
// Monday 2 March 2026, 08:00 in New York (EST, UTC−5)
const MONDAY_8AM = "2026-03-02T13:00:00Z";
// Saturday 7 March 2026, 09:00 in Chicago (CST, UTC−6) = 10:00 in New York
const SATURDAY_9AM_CHICAGO = "2026-03-07T15:00:00.000Z";
const SATURDAY_930_CHICAGO = "2026-03-07T15:30:00.000Z";
const SATURDAY_10AM_CHICAGO = "2026-03-07T16:00:00.000Z";

interface SlotOut {
  start: string;
  locationId: string;
  timeZone: string;
  displayTimeZone: string;
}

describe("times in the zone the visit happens in", () => {
  const t = useTestApp();
  let clinic: TestClinic;
  let chicagoId: string;
  let patient: SignedInClient;

  beforeAll(async () => {
    t.clock.set(MONDAY_8AM);
    clinic = await makeTestClinic(t);
    const db = t.database.db;
    ({ id: chicagoId } = await db
      .insertInto("locations")
      .values({
        name: "Test Chicago",
        time_zone: "America/Chicago",
        phone: "(555) 000-2222",
        address: JSON.stringify({ line1: "500 Lake Shore Drive", city: "Chicago", region: "IL", postalCode: "60611" }),
      })
      .returning("id")
      .executeTakeFirstOrThrow());
    await db
      .insertInto("provider_locations")
      .values({ provider_id: clinic.providerId, location_id: chicagoId })
      .execute();
    // the physician works in Brooklyn on weekdays and in Chicago at weekends
    await db
      .insertInto("availability_templates")
      .values(
        [6, 7].map((weekday) => ({
          provider_id: clinic.providerId,
          location_id: chicagoId,
          weekday,
          start_time: "09:00",
          end_time: "12:00",
        })),
      )
      .execute();
    patient = await signIn(t, clinic.patient.user!);
  });

  const patch = (body: Record<string, unknown>) =>
    t.app.inject({
      method: "PATCH",
      url: `/api/patients/${clinic.patient.id}`,
      headers: patient.headers,
      payload: body,
    });
  const slots = async (visitTypeId: string) => {
    const res = await t.app.inject({
      url: `/api/slots?visitTypeId=${visitTypeId}&patientId=${clinic.patient.id}&to=2026-03-09T05:00:00Z&limit=500`,
      headers: patient.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    expectOnlyContractFields(SlotList, res.body);
    return res.json().slots as SlotOut[];
  };

  it("keeps the patient's own zone on the profile, and refuses a name that is not an IANA zone with a 400", async () => {
    for (const bad of ["Mars/Olympus_Mons", "EST", "+05:00", "America/New_York\u200b", ""]) {
      const res = await patch({ timeZone: bad });
      expect(res.statusCode, `${bad}: ${res.body}`).toBe(400);
      expect(res.json().error.code).toBe("validation_failed");
    }
    const refused = await patch({ timeZone: "Mars/Olympus_Mons" });
    expect(refused.json().error.details).toEqual([{ field: "timeZone", problem: "unknown time zone" }]);
    const saved = await patch({ timeZone: "America/New_York" });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().timeZone).toBe("America/New_York");
    const row = await t.database.db
      .selectFrom("patients")
      .select("time_zone")
      .where("id", "=", clinic.patient.id)
      .executeTakeFirstOrThrow();
    expect(row.time_zone).toBe("America/New_York");
  });

  it("lists a provider's video times all in the patient's zone, whichever location's day it is", async () => {
    const video = await slots(clinic.visitTypes.video);
    const chicago = video.filter((s) => s.locationId === chicagoId);
    const brooklyn = video.filter((s) => s.locationId === clinic.locationId);
    expect(chicago.length).toBeGreaterThan(0);
    expect(brooklyn.length).toBeGreaterThan(0);
    expect(new Set(video.map((s) => s.displayTimeZone))).toEqual(new Set(["America/New_York"]));
    expect(chicago[0]?.timeZone).toBe("America/Chicago");
  });

  it("lists in-person times in each location's own zone", async () => {
    const inPerson = await slots(clinic.visitTypes.established);
    for (const s of inPerson) expect(s.displayTimeZone).toBe(s.timeZone);
    expect(inPerson.some((s) => s.displayTimeZone === "America/Chicago")).toBe(true);
  });

  it("shows a booked video visit with a Chicago location in the Brooklyn patient's zone; in-person in Chicago's", async () => {
    const book = (visitTypeId: string, start: string) =>
      bookVisit(t, clinic, patient, clinic.patient.id, start, { visitTypeId, locationId: chicagoId });
    const video = await book(clinic.visitTypes.video, SATURDAY_9AM_CHICAGO);
    expect(video.statusCode, video.body).toBe(201);
    expect(video.json()).toMatchObject({
      displayTimeZone: "America/New_York",
      location: { timeZone: "America/Chicago" },
      readerIsPatient: true,
    });
    const inPerson = await book(clinic.visitTypes.established, SATURDAY_10AM_CHICAGO);
    expect(inPerson.statusCode, inPerson.body).toBe(201);
    expect(inPerson.json().displayTimeZone).toBe("America/Chicago");

    const list = await t.app.inject({
      url: `/api/patients/${clinic.patient.id}/appointments`,
      headers: patient.headers,
    });
    expect(list.json().timeZone).toBe("America/New_York");
    expect(
      list.json().upcoming.map((a: { start: string; displayTimeZone: string }) => [a.start, a.displayTimeZone]),
    ).toEqual([
      [SATURDAY_9AM_CHICAGO, "America/New_York"],
      [SATURDAY_10AM_CHICAGO, "America/Chicago"],
    ]);
  });

  it("follows the patient when they move: a patient in Los Angeles sees video times in Pacific Time", async () => {
    expect((await patch({ timeZone: "America/Los_Angeles" })).statusCode).toBe(200);
    const video = await slots(clinic.visitTypes.video);
    expect(new Set(video.map((s) => s.displayTimeZone))).toEqual(new Set(["America/Los_Angeles"]));
    const list = await t.app.inject({
      url: `/api/patients/${clinic.patient.id}/appointments`,
      headers: patient.headers,
    });
    expect(list.json().upcoming[0].displayTimeZone).toBe("America/Los_Angeles");
    expect((await patch({ timeZone: "America/New_York" })).statusCode).toBe(200);
  });

  it("without a zone of their own, a patient's video times are in the zone of the clinic they go to", async () => {
    const desk = await signIn(t, clinic.frontDesk);
    const chicagoan = await makePatient(t, { pcpProviderId: clinic.providerId });
    const seen = await bookVisit(t, clinic, desk, chicagoan.id, "2026-03-08T15:00:00.000Z", { locationId: chicagoId });
    expect(seen.statusCode, seen.body).toBe(201);
    const res = await t.app.inject({
      url: `/api/slots?visitTypeId=${clinic.visitTypes.video}&patientId=${chicagoan.id}&to=2026-03-07T05:00:00Z`,
      headers: desk.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    const zones = new Set((res.json().slots as SlotOut[]).map((s) => s.displayTimeZone));
    expect(zones).toEqual(new Set(["America/Chicago"]));
  });

  it("offers an earlier video time in the patient's own zone", async () => {
    const desk = await signIn(t, clinic.frontDesk);
    const westerner = await makePatient(t, { withLogin: true, pcpProviderId: clinic.providerId });
    await t.database.db
      .updateTable("patients")
      .set({ time_zone: "America/Los_Angeles" })
      .where("id", "=", westerner.id)
      .execute();
    const west = await signIn(t, westerner.user!);
    const book = (client: SignedInClient, patientId: string, start: string) =>
      bookVisit(t, clinic, client, patientId, start, { visitTypeId: clinic.visitTypes.video, locationId: chicagoId });
    // Saturday 14 March 2026 in Chicago (CDT, UTC−5): 11:00 booked, then 09:00 freed
    const later = await book(west, westerner.id, "2026-03-14T16:00:00.000Z");
    expect(later.statusCode, later.body).toBe(201);
    const ask = await t.app.inject({
      method: "POST",
      url: `/api/patients/${westerner.id}/appointments/${later.json().id}/waitlist`,
      headers: west.headers,
    });
    expect(ask.statusCode, ask.body).toBeLessThan(300);
    const other = await makePatient(t, { pcpProviderId: clinic.providerId });
    const earlier = await book(desk, other.id, "2026-03-14T14:00:00.000Z");
    expect(earlier.statusCode, earlier.body).toBe(201);
    const cancelled = await t.app.inject({
      method: "POST",
      url: `/api/patients/${other.id}/appointments/${earlier.json().id}/cancel`,
      headers: desk.headers,
      payload: {},
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    await t.app.services.jobs.runDueJobs();
    const offers = await t.app.inject({ url: `/api/patients/${westerner.id}/waitlist-offers`, headers: west.headers });
    expect(offers.statusCode, offers.body).toBe(200);
    expect(offers.json().offers.map((o: { start: string; timeZone: string }) => [o.start, o.timeZone])).toEqual([
      ["2026-03-14T14:00:00.000Z", "America/Los_Angeles"],
    ]);
    const mail = await t.database.db
      .selectFrom("dev_mailbox")
      .select("text_body")
      .where("to_address", "=", westerner.user!.email)
      .where("subject", "=", "An earlier appointment is available")
      .executeTakeFirstOrThrow();
    expect(mail.text_body).toMatch(/Pacific Time/);
  });

  it("sets the zone from the browser at self-registration, and refuses an unknown one", async () => {
    const register = (timeZone: string, email: string) =>
      t.app.inject({
        method: "POST",
        url: "/api/registrations",
        payload: {
          legalGivenName: "Rosa",
          legalFamilyName: `Zone${email.length}`,
          dateOfBirth: "1990-04-04",
          sex: "female",
          email,
          phone: "555-010-7788",
          password: "a long and unusual passphrase 42",
          timeZone,
        },
      });
    const bad = await register("Nowhere/Land", "rosa.bad@example.test");
    expect(bad.statusCode, bad.body).toBe(400);
    const ok = await register("America/Denver", "rosa.zone@example.test");
    expect(ok.statusCode, ok.body).toBe(202);
    const row = await t.database.db
      .selectFrom("patients")
      .select("time_zone")
      .where("email", "=", "rosa.zone@example.test")
      .executeTakeFirstOrThrow();
    expect(row.time_zone).toBe("America/Denver");
  });

  it("sets the zone from the browser at activation when the record has none, and keeps one already chosen", async () => {
    const issue = (patientId: string) =>
      runWithContext(systemContext("test"), () => t.app.services.identity.issueActivationCode(patientId, null));
    const activate = async (patientId: string, email: string, timeZone: string) => {
      const { code } = await issue(patientId);
      return t.app.inject({
        method: "POST",
        url: "/api/auth/activate",
        payload: {
          activationCode: code,
          dateOfBirth: "1985-06-15",
          email,
          password: "a long and unusual passphrase 42",
          timeZone,
        },
        remoteAddress: "192.0.2.91",
      });
    };
    const zoneOf = async (id: string) =>
      (await t.database.db.selectFrom("patients").select("time_zone").where("id", "=", id).executeTakeFirstOrThrow())
        .time_zone;
    const fresh = await makePatient(t);
    const refused = await activate(fresh.id, "fresh.zone@example.test", "Atlantis/Capital");
    expect(refused.statusCode, refused.body).toBe(400);
    expect(await zoneOf(fresh.id)).toBeNull();
    const ok = await activate(fresh.id, "fresh.zone@example.test", "America/Phoenix");
    expect(ok.statusCode, ok.body).toBe(201);
    expect(await zoneOf(fresh.id)).toBe("America/Phoenix");

    const chosen = await makePatient(t);
    await t.database.db
      .updateTable("patients")
      .set({ time_zone: "America/Chicago" })
      .where("id", "=", chosen.id)
      .execute();
    expect((await activate(chosen.id, "chosen.zone@example.test", "Europe/Madrid")).statusCode).toBe(201);
    expect(await zoneOf(chosen.id)).toBe("America/Chicago");
  });

  it("tells a caregiver whose appointment it is and where, in the location's zone, in the email and calendar file", async () => {
    const child = await makePatient(t, { given: "Maya", family: "Rivera", dateOfBirth: "2018-05-05" });
    const parent = await makeUser(t, { locale: "en" });
    await makeProxyGrant(t, { patientId: child.id, proxyUserId: parent.id, relationship: "parent" });
    const desk = await signIn(t, clinic.frontDesk);
    const booked = await bookVisit(t, clinic, desk, child.id, SATURDAY_930_CHICAGO, { locationId: chicagoId });
    expect(booked.statusCode, booked.body).toBe(201);
    expect(booked.json()).toMatchObject({ patientName: "Maya Rivera", readerIsPatient: false });
    await t.app.services.jobs.runDueJobs();
    const mail = await t.database.db
      .selectFrom("dev_mailbox")
      .selectAll()
      .where("to_address", "=", parent.email)
      .executeTakeFirstOrThrow();
    expect(mail.subject).toBe("Maya's appointment is booked");
    expect(mail.text_body).toContain("Maya has an appointment on Saturday, March 7, 2026 at 9:30 AM (Central Time)");
    expect(mail.text_body).toContain("Where: Test Chicago, 500 Lake Shore Drive, Chicago, IL 60611.");
    expect(mail.text_body).not.toMatch(/You have an appointment/);
    // the first name only: no family name, no type of visit, no provider
    expect(mail.text_body).not.toContain("Rivera");
    expect(mail.text_body).not.toContain("Follow-up");
    const [ics] = mail.attachments as { filename: string; content: string }[];
    const calendar = Buffer.from(ics?.content ?? "", "base64").toString("utf8");
    expect(calendar).toContain("SUMMARY:Maya's appointment at Test Chicago");
    expect(calendar).toContain("LOCATION:Test Chicago\\, 500 Lake Shore Drive\\, Chicago\\, IL 60611");
  });

  it("tells the patient of a video visit in their own zone that it is by video", async () => {
    await t.app.services.jobs.runDueJobs();
    const mails = await t.database.db
      .selectFrom("dev_mailbox")
      .selectAll()
      .where("to_address", "=", clinic.patient.user!.email)
      .orderBy("id")
      .execute();
    const video = mails.find((m) => m.text_body.includes("video visit"));
    expect(video?.subject).toBe("Your appointment is booked");
    expect(video?.text_body).toContain("You have an appointment on Saturday, March 7, 2026 at 10:00 AM (Eastern Time)");
    const [ics] = (video?.attachments ?? []) as { content: string }[];
    expect(Buffer.from(ics?.content ?? "", "base64").toString("utf8")).toContain("SUMMARY:Video appointment");
  });
});
