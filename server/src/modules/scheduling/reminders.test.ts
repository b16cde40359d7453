import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, type ReceivedMail, SmtpTestServer } from "../../platform/mail/smtp-test-server.ts";
import { send } from "../../test/api.ts";
import { useTestApp } from "../../test/app.ts";
import { makePatient, makeProxyGrant, makeUser, type SignedInClient, signIn } from "../../test/factories.ts";
import { makeTestClinic, type TestClinic } from "./test-clinic.ts";

const PUBLIC_URL = "https://portal.clinic.test";
// Monday 2 March 2026, 08:00 in New York (EST, UTC−5)
const MONDAY_8AM = "2026-03-02T13:00:00Z";
// Thursday 5 March 2026, 10:00 New York
const THURSDAY_10AM = "2026-03-05T15:00:00.000Z";
const smtpPort = await freePort();

describe("appointment emails and reminders", () => {
  const t = useTestApp({ SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, PUBLIC_URL });
  let clinic: TestClinic;
  let patient: SignedInClient;
  let frontDesk: SignedInClient;
  const smtp = new SmtpTestServer();
  let smtpUp = false;

  beforeAll(async () => {
    t.clock.set(MONDAY_8AM);
    clinic = await makeTestClinic(t);
    patient = await signIn(t, clinic.patient.user!);
    frontDesk = await signIn(t, clinic.frontDesk);
  });
  afterAll(async () => {
    if (smtpUp) await smtp.close();
  });

  const runJobs = () => t.app.services.jobs.runDueJobs();
  const jobsOf = (queue: string) =>
    t.database.db.selectFrom("jobs").selectAll().where("queue", "=", queue).orderBy("id").execute();
  const book = async (client: SignedInClient, patientId: string, start: string) => {
    const res = await send(t, client, "POST", `/api/patients/${patientId}/appointments`, {
      visitTypeId: clinic.visitTypes.established,
      providerId: clinic.providerId,
      start,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const confirm = (token: string) => send(t, null, "POST", "/api/appointments/confirm", { token });
  const everything = (m: ReceivedMail) =>
    [m.subject, m.text, m.html, ...m.attachments.map((a) => a.content.toString("utf8"))].join("\n");

  let appointmentId: string;
  let token: string;

  it("queues a reminder 3 days and 1 day before, and a confirmation email, when an appointment is booked", async () => {
    appointmentId = await book(patient, clinic.patient.id, THURSDAY_10AM);
    const reminders = await jobsOf("scheduling.reminder");
    expect(reminders.map((j) => [j.dedupe_key, j.run_at.toISOString()])).toEqual([
      [`reminder:${appointmentId}:3d`, "2026-03-02T15:00:00.000Z"],
      [`reminder:${appointmentId}:1d`, "2026-03-04T15:00:00.000Z"],
    ]);
    expect(reminders[0]?.payload).toEqual({ appointmentId, start: THURSDAY_10AM, lead: "3d" });
    const mail = await jobsOf("mail.send");
    expect(mail).toHaveLength(1);
    expect(mail[0]?.payload).toMatchObject({ template: "appointment.booked", to: clinic.patient.user?.email });
  });

  it("keeps the reminder while SMTP is down and delivers it, with a calendar file, once SMTP is back", async () => {
    t.clock.set("2026-03-02T15:00:01Z");
    await runJobs();
    expect(smtp.received).toHaveLength(0);
    const waiting = await jobsOf("mail.send");
    expect(waiting.map((j) => (j.payload as { template: string }).template).sort()).toEqual([
      "appointment.booked",
      "appointment.reminder",
    ]);
    for (const job of waiting) {
      expect(job.status).toBe("pending");
      expect(job.attempts).toBe(1);
      expect(job.last_error).toMatch(/ECONNREFUSED|connect/i);
    }
    expect((await jobsOf("scheduling.reminder"))[0]?.status).toBe("done");

    await smtp.listen(smtpPort);
    smtpUp = true;
    t.clock.advance({ minutes: 1 });
    await runJobs();
    expect(smtp.received).toHaveLength(2);
    const reminder = smtp.received.find((m) => m.subject.startsWith("Reminder"));
    expect(reminder?.to).toEqual([clinic.patient.user?.email]);
    expect(reminder?.text).toContain("Thursday, March 5, 2026 at 10:00 AM (Eastern Time)");
    // no health information: not the type of visit, not the provider
    for (const mail of smtp.received) {
      expect(everything(mail)).not.toContain("Follow-up");
      expect(everything(mail)).not.toContain(clinic.physician.displayName);
      expect(everything(mail)).not.toContain("family_medicine");
    }
    const ics = reminder?.attachments.find((a) => a.filename === "appointment.ics");
    expect(ics?.contentType).toContain("text/calendar");
    const event = new ICAL.Event(
      new ICAL.Component(ICAL.parse(ics?.content.toString("utf8") ?? "")).getFirstSubcomponent("vevent") ?? undefined,
    );
    expect(event.startDate.toJSDate().toISOString()).toBe(THURSDAY_10AM);
    expect(event.summary).toBe("Appointment at Test Brooklyn");
    expect(event.uid).toBe(`appointment-${appointmentId}@portal.clinic.test`);

    const link = /https:\/\/portal\.clinic\.test\/appointments\/confirm\?token=([A-Za-z0-9_-]+)/.exec(
      reminder?.text ?? "",
    );
    expect(link).not.toBeNull();
    token = link?.[1] as string;
    // only the hash of the token is stored
    const stored = await t.database.db.selectFrom("appointment_confirm_tokens").selectAll().execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.token_hash).not.toContain(token);
    expect(stored[0]?.expires_at.toISOString()).toBe(THURSDAY_10AM);
  });

  it("confirms the appointment from the link without signing in, and only once", async () => {
    const first = await confirm(token);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ status: "confirmed" });
    const row = await t.database.db
      .selectFrom("appointments")
      .select(["status", "confirmed_at"])
      .where("id", "=", appointmentId)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe("confirmed");
    expect(row.confirmed_at?.toISOString()).toBe(t.clock.now().toISOString());

    const again = await confirm(token);
    expect(again.statusCode).toBe(410);
    expect(again.json().error.code).toBe("gone");
    expect(again.body).not.toContain("Test Brooklyn");
  });

  it("answers already_confirmed for a fresh link to an appointment that is already confirmed", async () => {
    t.clock.set("2026-03-04T15:00:01Z");
    await runJobs();
    const reminder = smtp.received.filter((m) => m.subject.startsWith("Reminder")).at(-1);
    const second = /token=([A-Za-z0-9_-]+)/.exec(reminder?.text ?? "")?.[1] as string;
    expect(second).not.toBe(token);
    const res = await confirm(second);
    expect(res.json()).toEqual({ status: "already_confirmed" });
  });

  it("refuses unknown, malformed and expired links with a clear 4xx and changes nothing", async () => {
    const unknown = await confirm("x".repeat(43));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe("token_invalid");
    expect((await confirm("short")).statusCode).toBe(400);
    expect((await send(t, null, "POST", "/api/appointments/confirm", {})).statusCode).toBe(400);

    // a link that outlived its appointment
    t.clock.set("2026-03-02T13:00:00Z");
    frontDesk = await signIn(t, clinic.frontDesk);
    const later = await book(frontDesk, clinic.stranger.id, "2026-03-06T14:00:00.000Z");
    t.clock.set("2026-03-03T14:00:01Z");
    await runJobs();
    const mail = smtp.received.filter(
      (m) => m.to[0] === clinic.stranger.user?.email && m.subject.startsWith("Reminder"),
    );
    expect(mail).toHaveLength(1);
    const expired = /token=([A-Za-z0-9_-]+)/.exec(mail[0]?.text ?? "")?.[1] as string;
    t.clock.set("2026-03-06T14:00:00Z");
    const res = await confirm(expired);
    expect(res.statusCode).toBe(410);
    const row = await t.database.db
      .selectFrom("appointments")
      .select("status")
      .where("id", "=", later)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe("booked");
  });

  it("sends no reminder for an appointment cancelled or moved after the reminder was queued", async () => {
    t.clock.set("2026-03-09T13:00:00Z"); // Monday 9 March
    patient = await signIn(t, clinic.patient.user!);
    frontDesk = await signIn(t, clinic.frontDesk);
    const cancelled = await book(patient, clinic.patient.id, "2026-03-13T14:00:00.000Z");
    const moved = await book(frontDesk, clinic.stranger.id, "2026-03-13T15:00:00.000Z");
    const cancel = await send(
      t,
      patient,
      "POST",
      `/api/patients/${clinic.patient.id}/appointments/${cancelled}/cancel`,
      {},
    );
    expect(cancel.statusCode).toBe(200);
    const reschedule = await send(
      t,
      frontDesk,
      "POST",
      `/api/patients/${clinic.stranger.id}/appointments/${moved}/reschedule`,
      { start: "2026-03-13T15:30:00.000Z" },
    );
    expect(reschedule.statusCode, reschedule.body).toBe(200);
    const sentBefore = smtp.received.length;
    t.clock.set("2026-03-10T14:00:01Z"); // 3 days before the 14:00 and 15:00 times
    await runJobs();
    const newMail = smtp.received.slice(sentBefore);
    expect(newMail.map((m) => m.subject).sort()).toEqual([
      "Your appointment has been cancelled",
      "Your appointment has been moved",
      "Your appointment is booked",
      "Your appointment is booked",
    ]);
    const cancelledReminder = await t.database.db
      .selectFrom("jobs")
      .select("status")
      .where("dedupe_key", "=", `reminder:${cancelled}:3d`)
      .executeTakeFirstOrThrow();
    expect(cancelledReminder.status).toBe("done");
    const cancelMail = newMail.find((m) => m.subject === "Your appointment has been cancelled");
    expect(cancelMail?.attachments[0]?.content.toString()).toContain("METHOD:CANCEL");
  });

  it("sends a child's appointment emails to the proxies with the appointments scope, in their language", async () => {
    t.clock.set("2026-03-16T13:00:00Z"); // Monday 16 March
    frontDesk = await signIn(t, clinic.frontDesk);
    const child = await makePatient(t, { dateOfBirth: "2018-04-01", pcpProviderId: clinic.providerId });
    const parent = await makeUser(t, { locale: "es" });
    const withoutScope = await makeUser(t);
    await makeProxyGrant(t, { patientId: child.id, proxyUserId: parent.id, relationship: "parent" });
    await makeProxyGrant(t, {
      patientId: child.id,
      proxyUserId: withoutScope.id,
      relationship: "caregiver",
      scopes: ["messages"],
    });
    const sentBefore = smtp.received.length;
    await book(frontDesk, child.id, "2026-03-20T14:00:00.000Z");
    await runJobs();
    const newMail = smtp.received
      .slice(sentBefore)
      .filter((m) => m.to.includes(parent.email) || m.to.includes(withoutScope.email));
    expect(newMail).toHaveLength(1);
    expect(newMail[0]?.to).toEqual([parent.email]);
    // the parent reads about someone else's visit: the child is named, by first name only
    expect(newMail[0]?.subject).toBe("La cita de Jordan está reservada");
    expect(newMail[0]?.text).toContain("Jordan tiene una cita el viernes, 20 de marzo de 2026");
    expect(newMail[0]?.text).toContain("Lugar: Test Brooklyn.");
  });
});
