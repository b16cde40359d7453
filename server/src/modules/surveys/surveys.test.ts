import { beforeAll, describe, expect, it } from "vitest";
import { queuedMails, send } from "../../test/api.ts";
import { useTestApp } from "../../test/app.ts";
import { type SignedInClient, signIn, signInNewStaff } from "../../test/factories.ts";
import { addVisit, makeTestClinic, setVisitStatus, type TestClinic } from "../scheduling/test-clinic.ts";
import { surveyCommentSeal } from "./seals.ts";
import { SURVEY_DELAY_MS } from "./survey-service.ts";

// Tuesday 3 March 2026, 08:00 in New York (EST, UTC−5)
const TUESDAY_8AM = "2026-03-03T13:00:00Z";

describe("post-visit surveys", () => {
  const t = useTestApp({ PUBLIC_URL: "https://portal.clinic.test" });
  let clinic: TestClinic;
  let desk: SignedInClient;
  let admin: SignedInClient;

  beforeAll(async () => {
    t.clock.set(TUESDAY_8AM);
    clinic = await makeTestClinic(t);
    desk = await signIn(t, clinic.frontDesk);
    admin = await signInNewStaff(t, "admin");
  });

  const insertVisit = (start: string) => addVisit(t, clinic, { start });
  const move = async (id: string, status: string) => {
    const res = await setVisitStatus(t, desk, id, status);
    expect(res.statusCode, res.body).toBe(200);
  };
  const surveyJobs = () =>
    t.database.db.selectFrom("jobs").selectAll().where("queue", "=", "surveys.send").orderBy("id").execute();
  const surveyMails = async () => (await queuedMails(t)).filter((p) => p.template === "survey.invitation");
  const tokenOf = (url: string) => new URL(url, "https://x.test").searchParams.get("token") as string;
  const open = (token: string) => send(t, null, "POST", "/api/surveys/open", { token });
  const answer = (payload: Record<string, unknown>) => send(t, null, "POST", "/api/surveys/answer", payload);
  const surveyRow = (appointmentId: string) =>
    t.database.db
      .selectFrom("visit_surveys")
      .selectAll()
      .where("appointment_id", "=", appointmentId)
      .executeTakeFirst();

  let appointmentId: string;
  let token: string;

  it("queues the survey job when a visit is completed, due two hours later, and sends one content-free email", async () => {
    appointmentId = await insertVisit("2026-03-03T14:00:00Z");
    await move(appointmentId, "arrived");
    expect(await surveyJobs()).toHaveLength(0);
    await move(appointmentId, "completed");
    const jobs = await surveyJobs();
    expect(jobs.map((j) => [j.payload, j.run_at.toISOString(), j.dedupe_key])).toEqual([
      [
        { appointmentId },
        new Date(new Date(TUESDAY_8AM).getTime() + SURVEY_DELAY_MS).toISOString(),
        `visit-survey:${appointmentId}`,
      ],
    ]);

    // not before the delay
    await t.app.services.jobs.runDueJobs();
    expect(await surveyRow(appointmentId)).toBeUndefined();

    t.clock.set(new Date(new Date(TUESDAY_8AM).getTime() + SURVEY_DELAY_MS + 1000));
    await t.app.services.jobs.runDueJobs();
    const row = await surveyRow(appointmentId);
    expect(row).toMatchObject({ patient_id: clinic.patient.id, provider_id: clinic.providerId, answered_at: null });
    const mails = await surveyMails();
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to: clinic.patient.user?.email, params: { forName: "" } });
    token = tokenOf(mails[0]?.params.surveyUrl as string);
    expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    // only the hash is stored
    expect(JSON.stringify(row)).not.toContain(token);

    // a re-run sends nothing more
    await t.app.services.surveys.send({ appointmentId });
    expect(await surveyMails()).toHaveLength(1);
  });

  it("sends nothing for a visit whose completion was undone before the job ran", async () => {
    t.clock.set(TUESDAY_8AM);
    const id = await insertVisit("2026-03-03T15:00:00Z");
    await move(id, "arrived");
    await move(id, "completed");
    const undo = await send(t, desk, "POST", `/api/appointments/${id}/status/undo`);
    expect(undo.statusCode, undo.body).toBe(200);
    t.clock.set(new Date(new Date(TUESDAY_8AM).getTime() + SURVEY_DELAY_MS + 60_000));
    await t.app.services.jobs.runDueJobs();
    expect(await surveyRow(id)).toBeUndefined();
  });

  it("opens the link without sign-in and says nothing about the visit", async () => {
    const res = await open(token);
    expect(res.statusCode, res.body).toBe(200);
    expect(Object.keys(res.json()).sort()).toEqual(["clinicName", "expiresAt", "language", "status"]);
    expect(res.json()).toMatchObject({ status: "open", language: "en" });
  });

  it("refuses a bad score or an over-long comment with 400, storing nothing", async () => {
    for (const payload of [
      { token, score: 11 },
      { token, score: -1 },
      { token, score: 4.5 },
      { token },
      { token, score: 5, comment: "x".repeat(2001) },
    ]) {
      const res = await answer(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect((await surveyRow(appointmentId))?.answered_at).toBeNull();
  });

  it("refuses a tampered link with 404 and stores nothing", async () => {
    const flipped = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    const res = await answer({ token: flipped, score: 9 });
    expect(res.statusCode, res.body).toBe(404);
    expect(res.json().error.details).toEqual({ reason: "invalid" });
    expect((await open("not a token")).statusCode).toBe(400);
    expect((await surveyRow(appointmentId))?.answered_at).toBeNull();
  });

  it("takes the answer once: the score, the comment sealed; a second use answers 410", async () => {
    const res = await answer({ token, score: 9, comment: "  Kind staff, short wait.  " });
    expect(res.statusCode, res.body).toBe(201);
    const row = await surveyRow(appointmentId);
    expect(row?.score).toBe(9);
    expect(row?.answered_at).not.toBeNull();
    expect(row?.comment_sealed).not.toContain("Kind staff");
    expect(t.cipher.open(row?.comment_sealed as string, surveyCommentSeal(row?.id as string))).toBe(
      "Kind staff, short wait.",
    );
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select(["action", "resource_type", "patient_id", "acting_as"])
      .where("resource_type", "=", "visit_survey")
      .execute();
    expect(audit).toEqual([
      { action: "answer", resource_type: "visit_survey", patient_id: clinic.patient.id, acting_as: "survey_link" },
    ]);

    const again = await answer({ token, score: 2 });
    expect(again.statusCode, again.body).toBe(410);
    expect(again.json().error.details).toEqual({ reason: "used" });
    expect((await open(token)).statusCode).toBe(410);
    expect((await surveyRow(appointmentId))?.score).toBe(9);
  });

  it("refuses an expired link with 410 and stores nothing", async () => {
    t.clock.set(TUESDAY_8AM);
    const id = await insertVisit("2026-03-03T16:00:00Z");
    await move(id, "arrived");
    await move(id, "completed");
    t.clock.set(new Date(new Date(TUESDAY_8AM).getTime() + SURVEY_DELAY_MS + 120_000));
    await t.app.services.jobs.runDueJobs();
    const mails = await surveyMails();
    const expiredToken = tokenOf(mails[mails.length - 1]?.params.surveyUrl as string);
    t.clock.set(new Date(Date.parse(TUESDAY_8AM) + 15 * 86_400_000));
    const res = await answer({ token: expiredToken, score: 3 });
    expect(res.statusCode, res.body).toBe(410);
    expect(res.json().error.details).toEqual({ reason: "expired" });
    expect((await surveyRow(id))?.answered_at).toBeNull();
  });

  it("gives admins figures per provider and location, on a hand-made set whose answers are known", async () => {
    // the answered survey above (9, with a comment) plus hand-made rows: 10, 7, 3 answered; one unanswered
    let day = 4;
    const extra = async (score: number | null, comment: boolean) => {
      const id = await insertVisit(`2026-03-0${day++}T15:00:00Z`);
      await t.database.db
        .insertInto("visit_surveys")
        .values({
          appointment_id: id,
          patient_id: clinic.patient.id,
          provider_id: clinic.providerId,
          location_id: clinic.locationId,
          token_hash: `hash-${id}`,
          sent_at: new Date("2026-03-10T15:00:00Z"),
          expires_at: new Date("2026-03-24T15:00:00Z"),
          answered_at: score === null ? null : new Date("2026-03-11T15:00:00Z"),
          score,
          comment_sealed: comment ? "sealed" : null,
        })
        .execute();
    };
    await extra(10, true);
    await extra(7, false);
    await extra(3, false);
    await extra(null, false);
    // a fresh sign-in: the clock moved on past the earlier sessions
    t.clock.set("2026-04-01T13:00:00Z");
    admin = await signInNewStaff(t, "admin");
    desk = await signIn(t, clinic.frontDesk);
    const res = await t.app.inject({
      url: "/api/surveys/results?from=2026-03-01&to=2026-03-31",
      headers: admin.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    // sent: the two sent by the job and the four hand-made; answered: 9, 10, 7, 3
    const expected = {
      sent: 6,
      answered: 4,
      averageScore: 7.3,
      netPromoterScore: 25,
      promoters: 2,
      passives: 1,
      detractors: 1,
      comments: 2,
    };
    expect(body.overall).toEqual(expected);
    expect(body.byProvider).toEqual([{ providerId: clinic.providerId, providerName: expect.any(String), ...expected }]);
    expect(body.byLocation).toEqual([{ locationId: clinic.locationId, locationName: "Test Brooklyn", ...expected }]);
    expect(JSON.stringify(body)).not.toContain("Kind staff");

    // a range with nothing in it
    const empty = await t.app.inject({
      url: "/api/surveys/results?from=2025-01-01&to=2025-01-31",
      headers: admin.headers,
    });
    expect(empty.json().overall).toMatchObject({ answered: 0, averageScore: null, netPromoterScore: null });
    const backwards = await t.app.inject({
      url: "/api/surveys/results?from=2026-03-31&to=2026-03-01",
      headers: admin.headers,
    });
    expect(backwards.statusCode).toBe(400);
    const asDesk = await t.app.inject({ url: "/api/surveys/results", headers: desk.headers });
    expect(asDesk.statusCode).toBe(403);
  });
});
