import type { Appointment, HealthUpdates, SentQuestionnaire } from "@portico/contracts";
import { beforeAll, describe, expect, it } from "vitest";
import { apiCaller, countRows } from "../../test/api.ts";
import { useTestApp } from "../../test/app.ts";
import {
  makePatient,
  makeProxy,
  type SignedInClient,
  signIn,
  signInNewStaff,
  type TestUser,
} from "../../test/factories.ts";
import { intakeItems } from "../scheduling/intake.ts";
import { addVisit, makeTestClinic, SHORT_VISIT_TYPE, type TestClinic } from "../scheduling/test-clinic.ts";

/**
 * A visit type's intake questionnaires (PHQ-9, GAD-7): an admin chooses them; from the eCheck-in
 * window the patient (or a caregiver who may send health updates) sees them due on the visit and
 * its check-in form; one sent for the visit is linked to it (only an upcoming visit of the same
 * patient whose type asks for it), scored and flagged as any other, and then shows as done.
 */
const t = useTestApp();

// Monday 2 March 2026, 08:00 in New York
const MONDAY_8AM = "2026-03-02T13:00:00Z";
const DAY = 86_400_000;

let clinic: TestClinic;
let admin: SignedInClient;
let patient: SignedInClient;
let caregiver: SignedInClient;
let appointmentsOnlyCaregiver: SignedInClient;
let teenParent: SignedInClient;
let teen: SignedInClient;
let pcp: SignedInClient;
let teenId: string;
/** the patient's check-up tomorrow (its type asks for PHQ-9 and GAD-7) */
let tomorrow: string;
/** the patient's check-up in eleven days: the window is not open yet */
let later: string;
/** a check-up last week */
let past: string;
/** a video visit on Wednesday: its type asks for nothing */
let video: string;
/** another patient's check-up */
let strangers: string;
let teensVisit: string;

const call = apiCaller(t);

const insertVisit = (patientId: string, visitTypeId: string, start: Date) =>
  addVisit(t, clinic, { patientId, visitTypeId, start });

const responsesCount = () => countRows(t, "questionnaire_responses");

const PHQ9_ITEM9 = [1, 1, 1, 1, 1, 1, 1, 1, 3];

beforeAll(async () => {
  t.clock.set(MONDAY_8AM);
  clinic = await makeTestClinic(t);
  admin = await signInNewStaff(t, "admin");
  patient = await signIn(t, clinic.patient.user as TestUser);
  pcp = await signIn(t, clinic.physician);
  const carer = await makeProxy(t, { patientId: clinic.patient.id, scopes: ["appointments", "health_updates"] });
  caregiver = await signIn(t, carer);
  const apptsOnly = await makeProxy(t, { patientId: clinic.patient.id, scopes: ["appointments"] });
  appointmentsOnlyCaregiver = await signIn(t, apptsOnly);
  const year = t.clock.now().getUTCFullYear();
  const teenPatient = await makePatient(t, {
    withLogin: true,
    dateOfBirth: `${year - 15}-01-01`,
    pcpProviderId: clinic.providerId,
  });
  teenId = teenPatient.id;
  teen = await signIn(t, teenPatient.user as TestUser);
  const parent = await makeProxy(t, {
    patientId: teenId,
    relationship: "parent",
    scopes: ["appointments", "medications", "health_updates"],
  });
  teenParent = await signIn(t, parent);

  const now = t.clock.now().getTime();
  tomorrow = await insertVisit(clinic.patient.id, clinic.visitTypes.established, new Date("2026-03-03T14:00:00Z"));
  later = await insertVisit(clinic.patient.id, clinic.visitTypes.established, new Date(now + 11 * DAY + 60 * 60_000));
  past = await insertVisit(clinic.patient.id, clinic.visitTypes.established, new Date(now - 7 * DAY));
  video = await insertVisit(clinic.patient.id, clinic.visitTypes.video, new Date("2026-03-04T14:00:00Z"));
  strangers = await insertVisit(clinic.stranger.id, clinic.visitTypes.established, new Date("2026-03-03T15:00:00Z"));
  teensVisit = await insertVisit(teenId, clinic.visitTypes.established, new Date("2026-03-03T16:00:00Z"));
});

describe("an admin chooses a visit type's intake questionnaires", () => {
  it("PHQ-9 and GAD-7 are saved and shown; an unknown one is refused naming the field, nothing changed", async () => {
    const url = `/api/admin/visit-types/${clinic.visitTypes.established}`;
    const saved = await call(admin, "PATCH", url, { intakeQuestionnaires: ["phq9", "gad7"] });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body.intakeQuestionnaires).toEqual(["phq9", "gad7"]);

    for (const bad of [["phq9", "bdi2"], ["phq9", "phq9"], "phq9"]) {
      const refused = await call(admin, "PATCH", url, { intakeQuestionnaires: bad });
      expect(refused.status, refused.text).toBe(400);
      expect(refused.text).toContain("intakeQuestionnaires");
    }
    const row = await t.database.db
      .selectFrom("visit_types")
      .select("intake_questionnaires")
      .where("id", "=", clinic.visitTypes.established)
      .executeTakeFirstOrThrow();
    expect(row.intake_questionnaires).toEqual(["phq9", "gad7"]);

    // a new visit type without the field asks for none
    const created = await call(admin, "POST", "/api/admin/visit-types", {
      name: "Wound check",
      ...SHORT_VISIT_TYPE,
    });
    expect(created.status, created.text).toBe(201);
    expect(created.body.intakeQuestionnaires).toEqual([]);
    const patientSees = await call(patient, "GET", "/api/visit-types");
    const listed = (patientSees.body.visitTypes as { id: string; intakeQuestionnaires: string[] }[]).find(
      (v) => v.id === clinic.visitTypes.established,
    );
    expect(listed?.intakeQuestionnaires).toEqual(["phq9", "gad7"]);
  });
});

describe("what is due (computed by the server)", () => {
  it("due from the eCheck-in window until the visit starts; done once sent, whenever", () => {
    const visit = {
      id: "v",
      startsAt: new Date("2026-03-10T14:00:00Z"),
      status: "booked",
      intakeQuestionnaires: ["gad7", "phq9"],
    };
    const none = new Map<string, Date>();
    expect(intakeItems(visit, none, new Date("2026-03-03T13:59:59Z"), 7)).toEqual([]);
    expect(intakeItems(visit, none, new Date("2026-03-03T14:00:00Z"), 7)).toEqual([
      { questionnaire: "phq9", status: "due", completedAt: null },
      { questionnaire: "gad7", status: "due", completedAt: null },
    ]);
    expect(intakeItems(visit, none, new Date("2026-03-10T14:00:00Z"), 7)).toEqual([]);
    expect(intakeItems({ ...visit, status: "cancelled" }, none, new Date("2026-03-05T00:00:00Z"), 7)).toEqual([]);
    const done = new Map([["phq9", new Date("2026-03-04T10:00:00Z")]]);
    expect(intakeItems(visit, done, new Date("2026-03-12T00:00:00Z"), 7)).toEqual([
      { questionnaire: "phq9", status: "done", completedAt: "2026-03-04T10:00:00.000Z" },
    ]);
    expect(intakeItems({ ...visit, intakeQuestionnaires: [] }, done, new Date("2026-03-05T00:00:00Z"), 7)).toEqual([]);
  });

  it("the patient and a caregiver with health updates see it on the visit and its check-in form; others see none", async () => {
    const due = [
      { questionnaire: "phq9", status: "due", completedAt: null },
      { questionnaire: "gad7", status: "due", completedAt: null },
    ];
    const list = await call(patient, "GET", `/api/patients/${clinic.patient.id}/appointments`);
    expect(list.status, list.text).toBe(200);
    const upcoming = list.body.upcoming as Appointment[];
    expect(upcoming.find((a) => a.id === tomorrow)?.intake).toEqual(due);
    expect(upcoming.find((a) => a.id === later)?.intake).toEqual([]);
    expect(upcoming.find((a) => a.id === video)?.intake).toEqual([]);
    expect((list.body.past as Appointment[]).find((a) => a.id === past)?.intake).toEqual([]);

    const one = await call(patient, "GET", `/api/patients/${clinic.patient.id}/appointments/${tomorrow}`);
    expect(one.body.intake).toEqual(due);
    const form = await call(patient, "GET", `/api/patients/${clinic.patient.id}/appointments/${tomorrow}/check-in`);
    expect(form.status, form.text).toBe(200);
    expect(form.body.intake).toEqual(due);

    const byCaregiver = await call(caregiver, "GET", `/api/patients/${clinic.patient.id}/appointments/${tomorrow}`);
    expect(byCaregiver.body.intake).toEqual(due);
    const byApptsOnly = await call(
      appointmentsOnlyCaregiver,
      "GET",
      `/api/patients/${clinic.patient.id}/appointments/${tomorrow}`,
    );
    expect(byApptsOnly.status).toBe(200);
    expect(byApptsOnly.body.intake).toEqual([]);

    // the parent of a 15-year-old sees the visit, not the screening; the teen sees it due
    const byParent = await call(teenParent, "GET", `/api/patients/${teenId}/appointments/${teensVisit}`);
    expect(byParent.status, byParent.text).toBe(200);
    expect(byParent.body.intake).toEqual([]);
    const byTeen = await call(teen, "GET", `/api/patients/${teenId}/appointments/${teensVisit}`);
    expect(byTeen.body.intake).toEqual(due);
    // and cannot send it as the teen's intake either
    const parentSends = await call(teenParent, "POST", `/api/patients/${teenId}/health-updates/questionnaires`, {
      kind: "phq9",
      answers: [0, 0, 0, 0, 0, 0, 0, 0, 0],
      appointmentId: teensVisit,
    });
    expect(parentSends.status).toBe(404);
  });
});

describe("a questionnaire sent as a visit's intake", () => {
  const send = (client: SignedInClient, appointmentId: string, kind = "phq9", answers = PHQ9_ITEM9) =>
    call(client, "POST", `/api/patients/${clinic.patient.id}/health-updates/questionnaires`, {
      kind,
      answers,
      appointmentId,
    });

  it("refuses another patient's visit (404), a past one or one whose type does not ask (400), storing nothing", async () => {
    const before = await responsesCount();
    const flagsBefore = Number(
      (
        await t.database.db
          .selectFrom("health_flags")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const other = await send(patient, strangers);
    expect(other.status, other.text).toBe(404);
    const missing = await send(patient, "00000000-0000-4000-8000-000000000000");
    expect(missing.status).toBe(404);
    expect(other.body.error?.message ?? other.text).toEqual(missing.body.error?.message ?? missing.text);

    const lastWeek = await send(patient, past);
    expect(lastWeek.status, lastWeek.text).toBe(400);
    expect(lastWeek.text).toContain("appointmentId");
    const notAsked = await send(patient, video);
    expect(notAsked.status, notAsked.text).toBe(400);
    expect(notAsked.text).toContain("appointmentId");
    expect(await responsesCount()).toBe(before);
    expect(
      Number(
        (
          await t.database.db
            .selectFrom("health_flags")
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ).toBe(flagsBefore);
  });

  it("is scored and flagged exactly as one sent on its own, linked to the visit, and then shows as done", async () => {
    const plain = await send(patient, undefined as unknown as string);
    expect(plain.status, plain.text).toBe(201);
    const linked = await send(patient, tomorrow);
    expect(linked.status, linked.text).toBe(201);
    const a = plain.body as SentQuestionnaire;
    const b = linked.body as SentQuestionnaire;
    expect(b.guidance).toBe(a.guidance);
    expect(b.guidance).toBe("crisis");
    for (const key of ["score", "maxScore", "severity", "flag", "flagReasons", "answers"] as const) {
      expect(b.response[key]).toEqual(a.response[key]);
    }
    expect(b.response.flagReasons).toContain("phq9_item9");
    expect(a.response.intakeFor).toBeNull();
    expect(b.response.intakeFor).toEqual({
      appointmentId: tomorrow,
      start: "2026-03-03T14:00:00.000Z",
      timeZone: "America/New_York",
    });
    // both flagged, each with a work item on the care team's queue
    for (const id of [a.response.id, b.response.id]) {
      const flag = await t.database.db
        .selectFrom("health_flags")
        .select(["id", "level"])
        .where("questionnaire_response_id", "=", id)
        .executeTakeFirstOrThrow();
      expect(flag.level).toBe("urgent");
      const item = await t.database.db
        .selectFrom("work_items")
        .select("queue")
        .where("subject_id", "=", flag.id)
        .executeTakeFirstOrThrow();
      expect(item.queue).toBe("health_updates");
    }

    const after = await call(patient, "GET", `/api/patients/${clinic.patient.id}/appointments/${tomorrow}`);
    expect(after.body.intake).toEqual([
      { questionnaire: "phq9", status: "done", completedAt: b.response.createdAt },
      { questionnaire: "gad7", status: "due", completedAt: null },
    ]);
    const form = await call(patient, "GET", `/api/patients/${clinic.patient.id}/appointments/${tomorrow}/check-in`);
    expect(form.body.intake[0]).toMatchObject({ questionnaire: "phq9", status: "done" });

    // a caregiver with health updates sends the GAD-7 for the same visit
    const gad = await send(caregiver, tomorrow, "gad7", [0, 0, 0, 0, 0, 0, 0]);
    expect(gad.status, gad.text).toBe(201);
    expect((gad.body as SentQuestionnaire).response).toMatchObject({ flag: "normal", enteredBy: { kind: "proxy" } });
    const done = await call(patient, "GET", `/api/patients/${clinic.patient.id}/appointments/${tomorrow}`);
    expect((done.body.intake as { status: string }[]).map((i) => i.status)).toEqual(["done", "done"]);

    // after the visit the item still shows as done
    t.clock.set(new Date(new Date("2026-03-03T14:00:00Z").getTime() + 2 * DAY).toISOString());
    try {
      const again = await signIn(t, clinic.patient.user as TestUser);
      const list = await call(again, "GET", `/api/patients/${clinic.patient.id}/appointments`);
      const visit = [...list.body.upcoming, ...list.body.past].find(
        (x: Appointment) => x.id === tomorrow,
      ) as Appointment;
      expect(visit.intake.map((i) => i.status)).toEqual(["done", "done"]);
    } finally {
      t.clock.set(MONDAY_8AM);
    }
  });

  it("the care team reads which visit a response was the intake for", async () => {
    const res = await call(pcp, "GET", `/api/patients/${clinic.patient.id}/health-updates`);
    expect(res.status, res.text).toBe(200);
    const questionnaires = (res.body as HealthUpdates).questionnaires;
    const linked = questionnaires.filter((q) => q.intakeFor?.appointmentId === tomorrow).map((q) => q.kind);
    expect(linked.sort()).toEqual(["gad7", "phq9"]);
    expect(questionnaires.some((q) => q.intakeFor === null)).toBe(true);
  });
});
