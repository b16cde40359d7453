import { beforeAll, describe, expect, it } from "vitest";
import { mailJobs as mailJobsOf } from "../../test/api.ts";
import { useTestApp } from "../../test/app.ts";
import { makePatient, type SignedInClient, signIn, type TestPatient } from "../../test/factories.ts";
import { bookVisit, makeTestClinic, type TestClinic } from "./test-clinic.ts";

// Monday 2 March 2026, 08:00 in New York (EST, UTC−5)
const MONDAY_8AM = "2026-03-02T13:00:00Z";
const WEDNESDAY_9AM = "2026-03-04T14:00:00.000Z";
const WEDNESDAY_10AM = "2026-03-04T15:00:00.000Z";
/** Friday 6 March: 9:00, 9:30, 10:00, 10:30, 11:00 New York */
const FRIDAY = ["14:00", "14:30", "15:00", "15:30", "16:00"].map((hm) => `2026-03-06T${hm}:00.000Z`);

describe("earlier-appointment offers", () => {
  const t = useTestApp();
  let clinic: TestClinic;
  let frontDesk: SignedInClient;
  const waiting: { patient: TestPatient; client: SignedInClient; appointmentId: string }[] = [];

  const api = (client: SignedInClient, method: "GET" | "POST" | "DELETE", url: string, payload?: object) =>
    t.app.inject({ method, url, headers: client.headers, ...(payload ? { payload } : {}) });
  const book = async (patientId: string, start: string) => {
    const res = await bookVisit(t, clinic, frontDesk, patientId, start);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const cancel = async (patientId: string, appointmentId: string) => {
    const res = await api(frontDesk, "POST", `/api/patients/${patientId}/appointments/${appointmentId}/cancel`, {});
    expect(res.statusCode, res.body).toBe(200);
  };
  const offersOf = async (i: number) => {
    const w = waiting[i]!;
    const res = await api(w.client, "GET", `/api/patients/${w.patient.id}/waitlist-offers`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().offers as { id: string; status: string; start: string; appointmentId: string }[];
  };
  const mailJobs = (template: string) => mailJobsOf(t, template);
  const statusOf = async (appointmentId: string) =>
    (
      await t.database.db
        .selectFrom("appointments")
        .select("status")
        .where("id", "=", appointmentId)
        .executeTakeFirstOrThrow()
    ).status;

  beforeAll(async () => {
    t.clock.set(MONDAY_8AM);
    clinic = await makeTestClinic(t);
    frontDesk = await signIn(t, clinic.frontDesk);
    for (let i = 0; i < 5; i++) {
      const patient = await makePatient(t, { withLogin: true, pcpProviderId: clinic.providerId });
      const client = await signIn(t, patient.user!);
      waiting.push({ patient, client, appointmentId: await book(patient.id, FRIDAY[i]!) });
    }
  });

  it("lets a patient ask for an earlier time, and stop asking", async () => {
    for (const w of waiting.slice(0, 4)) {
      const res = await api(w.client, "POST", `/api/patients/${w.patient.id}/appointments/${w.appointmentId}/waitlist`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().onWaitlist).toBe(true);
      t.clock.advance({ seconds: 1 }); // request order
    }
    const w = waiting[4]!;
    const on = await api(w.client, "POST", `/api/patients/${w.patient.id}/appointments/${w.appointmentId}/waitlist`);
    expect(on.json().onWaitlist).toBe(true);
    const off = await api(w.client, "DELETE", `/api/patients/${w.patient.id}/appointments/${w.appointmentId}/waitlist`);
    expect(off.statusCode).toBe(200);
    expect(off.json().onWaitlist).toBe(false);
  });

  it("refuses another patient's appointment with 404 and changes nothing", async () => {
    const [a, b] = [waiting[0]!, waiting[1]!];
    const res = await api(b.client, "POST", `/api/patients/${a.patient.id}/appointments/${a.appointmentId}/waitlist`);
    expect(res.statusCode).toBe(404);
    const mixed = await api(b.client, "POST", `/api/patients/${b.patient.id}/appointments/${a.appointmentId}/waitlist`);
    expect(mixed.statusCode).toBe(404);
    expect(await offersOf(1)).toEqual([]);
  });

  it("offers a freed earlier time to the first three patients in request order, by email without health information", async () => {
    const other = await makePatient(t, { pcpProviderId: clinic.providerId });
    const freed = await book(other.id, WEDNESDAY_9AM);
    await cancel(other.id, freed);
    await t.app.services.jobs.runDueJobs();
    const offered = await t.database.db
      .selectFrom("waitlist_offers")
      .select(["patient_id", "status", "expires_at"])
      .orderBy("created_at")
      .execute();
    expect(offered.map((o) => o.patient_id)).toEqual(waiting.slice(0, 3).map((w) => w.patient.id));
    // two hours, or the visit type's booking notice before the time, whichever is sooner
    expect(offered[0]?.expires_at.toISOString()).toBe("2026-03-02T15:00:04.000Z");
    const offerMail = await mailJobs("waitlist.offer");
    expect(offerMail.map((m) => (m.payload as { to: string }).to).sort()).toEqual(
      waiting
        .slice(0, 3)
        .map((w) => w.patient.user?.email)
        .sort(),
    );
    const rendered = t.app.services.mailer.render(
      "waitlist.offer",
      "en",
      (offerMail[0]!.payload as { params: Record<string, unknown> }).params,
    );
    expect(rendered.subject).toBe("An earlier appointment is available");
    expect(rendered.text).not.toContain("Follow-up");
    expect(rendered.text).not.toContain(clinic.physician.displayName);
    expect((await offersOf(0))[0]).toMatchObject({ status: "open", start: WEDNESDAY_9AM });
    expect(await offersOf(3)).toEqual([]);
  });

  it("passes a declined time on to the next patient in line", async () => {
    const [offer] = await offersOf(2);
    const res = await api(
      waiting[2]!.client,
      "POST",
      `/api/patients/${waiting[2]!.patient.id}/waitlist-offers/${offer!.id}/decline`,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe("declined");
    await t.app.services.jobs.runDueJobs();
    expect((await offersOf(3))[0]).toMatchObject({ status: "open", start: WEDNESDAY_9AM });
  });

  it("gives the time to exactly one of two patients accepting at once; the other gets 409 and keeps their appointment", async () => {
    const [a, b] = [waiting[0]!, waiting[1]!];
    const [offerA] = await offersOf(0);
    const [offerB] = await offersOf(1);
    const results = await Promise.all([
      api(a.client, "POST", `/api/patients/${a.patient.id}/waitlist-offers/${offerA!.id}/accept`),
      api(b.client, "POST", `/api/patients/${b.patient.id}/waitlist-offers/${offerB!.id}/accept`),
    ]);
    const statuses = results.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([200, 409]);
    const winner = results[0]!.statusCode === 200 ? 0 : 1;
    const loser = 1 - winner;
    expect(results[winner]!.json()).toMatchObject({ start: WEDNESDAY_9AM, status: "booked" });
    expect(results[loser]!.json().error.message).toContain("another patient accepted this time first");
    expect(await statusOf(waiting[winner]!.appointmentId)).toBe("cancelled");
    expect(await statusOf(waiting[loser]!.appointmentId)).toBe("booked");
    const atNine = await t.database.db
      .selectFrom("appointments")
      .select("patient_id")
      .where("starts_at", "=", new Date(WEDNESDAY_9AM))
      .where("status", "<>", "cancelled")
      .execute();
    expect(atNine.map((r) => r.patient_id)).toEqual([waiting[winner]!.patient.id]);
    // the others are told the time is gone; the loser stays on the list
    expect((await offersOf(loser))[0]?.status).toBe("taken");
    expect((await offersOf(3))[0]?.status).toBe("taken");
    expect(await mailJobs("waitlist.offer_gone")).toHaveLength(2);
    const loserAppointment = await api(
      waiting[loser]!.client,
      "GET",
      `/api/patients/${waiting[loser]!.patient.id}/appointments/${waiting[loser]!.appointmentId}`,
    );
    expect(loserAppointment.json().onWaitlist).toBe(true);
  });

  it("answers 410 for an expired offer and the expiry job marks it expired", async () => {
    // the winner's Friday time is now free; the later Friday patients are offered it
    await t.app.services.jobs.runDueJobs();
    const other = await makePatient(t, { pcpProviderId: clinic.providerId });
    const freed = await book(other.id, WEDNESDAY_10AM);
    await cancel(other.id, freed);
    await t.app.services.jobs.runDueJobs();
    const loser = (await offersOf(0)).some((o) => o.status === "taken") ? 0 : 1;
    const offer = (await offersOf(loser)).find((o) => o.start === WEDNESDAY_10AM && o.status === "open");
    expect(offer).toBeDefined();
    t.clock.advance({ hours: 2, minutes: 1 });
    const w = waiting[loser]!;
    w.client = await signIn(t, w.patient.user!);
    const res = await api(w.client, "POST", `/api/patients/${w.patient.id}/waitlist-offers/${offer!.id}/accept`);
    expect(res.statusCode).toBe(410);
    expect(res.json().error.code).toBe("gone");
    expect(await statusOf(w.appointmentId)).toBe("booked");
    expect(await t.app.services.waitlist.expireOffers()).toBeGreaterThan(0);
    const row = await t.database.db
      .selectFrom("waitlist_offers")
      .select("status")
      .where("id", "=", offer!.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe("expired");
  });

  it("refuses to accept another patient's offer with 404", async () => {
    const offers = await t.database.db.selectFrom("waitlist_offers").select(["id", "patient_id"]).execute();
    const someoneElses = offers.find((o) => o.patient_id !== waiting[4]!.patient.id);
    const w = waiting[4]!;
    w.client = await signIn(t, w.patient.user!);
    const res = await api(w.client, "POST", `/api/patients/${w.patient.id}/waitlist-offers/${someoneElses!.id}/accept`);
    expect(res.statusCode).toBe(404);
  });
});
