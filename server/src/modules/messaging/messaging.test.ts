import { randomUUID } from "node:crypto";
import type {
  Inbox,
  MessagePool,
  MessageRouting,
  MessageTopicList,
  PatientThread,
  PatientThreadList,
  StaffThread,
  UploadedAttachment,
} from "@portico/contracts";
import { type SqlBool, sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { FieldCipher, parseKeyRing } from "../../platform/crypto.ts";
import { resealColumns, sealedColumns } from "../../platform/crypto-rotation.ts";
import { apiCaller } from "../../test/api.ts";
import { TEST_KEYS, useTestApp } from "../../test/app.ts";
import {
  makePatient,
  makeProxyGrant,
  makeStaff,
  makeUser,
  type SignedInClient,
  signIn,
  type TestPatient,
  type TestUser,
} from "../../test/factories.ts";
import { makeTestClinic, type TestClinic } from "../scheduling/test-clinic.ts";

/**
 * Secure messaging through the HTTP API on a real database: pools and routing by topic and
 * office hours (controlled clock), due times in business hours, the patient and caregiver
 * side, the staff side with internal notes that never reach the patient, attachments sealed
 * at rest, unread counts under concurrent reads and writes, digests, and bad input refused.
 */
const t = useTestApp();
// Monday 2 March 2026, 10:00 in New York (EST)
const MONDAY_10AM = "2026-03-02T15:00:00Z";
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 7)]);
const NOTE = "Internal: patient sounded anxious on the phone, check the chart first";

let clinic: TestClinic;
let patient: TestPatient;
let teen: TestPatient;
let admin: TestUser;
let nurse: TestUser;
let otherNurse: TestUser;
let caregiver: TestUser;
let caregiverNoScope: TestUser;
let teenParent: TestUser;
let fmPool: MessagePool;
let billingPool: MessagePool;
const c = {} as Record<
  | "patient"
  | "teen"
  | "admin"
  | "nurse"
  | "otherNurse"
  | "physician"
  | "caregiver"
  | "caregiverNoScope"
  | "teenParent"
  | "stranger",
  SignedInClient
>;

const call = apiCaller(t);

async function upload(client: SignedInClient, patientId: string, bytes: Buffer, type = "image/png") {
  const response = await t.app.inject({
    method: "POST",
    url: `/api/patients/${patientId}/messages/attachments`,
    headers: { ...client.headers, "content-type": type },
    payload: bytes,
  });
  return { status: response.statusCode, body: response.json() };
}

/** A staff member's upload to a thread, sent as a PNG (the PNG itself unless other bytes are given). */
function uploadToThread(client: SignedInClient, threadId: string, bytes: Buffer = PNG) {
  return t.app.inject({
    method: "POST",
    url: `/api/messages/threads/${threadId}/attachments`,
    headers: { ...client.headers, "content-type": "image/png" },
    payload: bytes,
  });
}

/** The file row an attachment is stored in (its sealed content and the rest). */
function storedFileOf(attachmentId: string) {
  return t.database.db
    .selectFrom("message_attachments as a")
    .innerJoin("files as f", "f.id", "a.file_id")
    .selectAll("f")
    .where("a.id", "=", attachmentId)
    .executeTakeFirstOrThrow();
}

async function signInAll() {
  const entries: [keyof typeof c, Pick<TestUser, "id" | "email" | "password">][] = [
    ["patient", patient.user as TestUser],
    ["teen", teen.user as TestUser],
    ["admin", admin],
    ["nurse", nurse],
    ["otherNurse", otherNurse],
    ["physician", clinic.physician],
    ["caregiver", caregiver],
    ["caregiverNoScope", caregiverNoScope],
    ["teenParent", teenParent],
    ["stranger", clinic.stranger.user as TestUser],
  ];
  for (const [key, user] of entries) c[key] = await signIn(t, user);
}

const P = (p: TestPatient = patient) => `/api/patients/${p.id}/messages`;
const count = async (table: "message_threads" | "messages" | "message_attachments") =>
  Number(
    (
      await t.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

async function mails() {
  const rows = await t.database.db.selectFrom("jobs").select("payload").where("queue", "=", "mail.send").execute();
  return rows.map(
    (r) =>
      (typeof r.payload === "string" ? JSON.parse(r.payload) : r.payload) as {
        to: string;
        template: string;
        params: Record<string, unknown>;
        locale: string;
      },
  );
}

/** Threads of the pool, active, with a message by someone other than `userId` after their last read: straight from the messages. */
async function poolUnreadFromMessages(userId: string, poolId: string): Promise<number> {
  const rows = await t.database.db
    .selectFrom("message_threads as t")
    .select("t.id")
    .where("t.pool_id", "=", poolId)
    .where("t.status", "in", ["waiting", "answered"])
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom("messages as m")
          .leftJoin("message_reads as r", (j) =>
            j.onRef("r.thread_id", "=", "m.thread_id").on("r.user_id", "=", userId),
          )
          .select("m.id")
          .whereRef("m.thread_id", "=", "t.id")
          .where(sql<SqlBool>`m.author_user_id is distinct from ${userId}`)
          .where(sql<SqlBool>`m.seq > coalesce(r.last_read_seq, 0)`),
      ),
    )
    .execute();
  return rows.length;
}

async function poolUnread(client: SignedInClient, poolId: string): Promise<number | undefined> {
  const inbox = (await call(client, "GET", "/api/messages/inbox")).body as Inbox;
  return inbox.pools.find((p) => p.poolId === poolId)?.unread;
}

async function newThread(client = c.patient, p = patient, topic = "billing", body = "A question about my last bill") {
  const response = await call(client, "POST", `${P(p)}/threads`, { topic, subject: "My question", body });
  expect(response.status, response.text).toBe(201);
  return response.body as PatientThread;
}

beforeAll(async () => {
  t.clock.set(MONDAY_10AM);
  clinic = await makeTestClinic(t);
  patient = clinic.patient;
  const db = t.database.db;
  await db
    .updateTable("locations")
    .set({
      hours: JSON.stringify([1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: "08:00", close: "17:00" }))),
    })
    .where("id", "=", clinic.locationId)
    .execute();
  admin = await makeStaff(t, "admin");
  nurse = await makeStaff(t, "nurse", { displayName: "Rosa Nurse", locale: "es" });
  otherNurse = await makeStaff(t, "nurse");
  caregiver = await makeUser(t, { displayName: "Casey Caregiver", locale: "es" });
  await makeProxyGrant(t, { patientId: patient.id, proxyUserId: caregiver.id, relationship: "spouse" });
  caregiverNoScope = await makeUser(t);
  await makeProxyGrant(t, { patientId: patient.id, proxyUserId: caregiverNoScope.id, scopes: ["medications"] });
  const fifteen = new Date(t.clock.now());
  fifteen.setUTCFullYear(fifteen.getUTCFullYear() - 15);
  teen = await makePatient(t, {
    withLogin: true,
    given: "Teddy",
    dateOfBirth: fifteen.toISOString().slice(0, 10),
    pcpProviderId: clinic.providerId,
  });
  teenParent = await makeUser(t);
  // the grant's stored scopes include messages: the adolescent rule takes it away
  await makeProxyGrant(t, { patientId: teen.id, proxyUserId: teenParent.id, relationship: "parent" });
  await signInAll();

  const pool = async (body: object) => {
    const response = await call(c.admin, "POST", "/api/admin/message-pools", body);
    expect(response.status, response.text).toBe(201);
    return response.body as MessagePool;
  };
  fmPool = await pool({
    name: "FM nurses",
    readersDescription: "The family medicine nurses",
    readersDescriptionEs: "Las enfermeras de medicina familiar",
    locationId: clinic.locationId,
    responseTargetBusinessHours: 4,
    memberUserIds: [nurse.id, clinic.physician.id],
    topics: ["medical_question", "medication", "test_result", "appointment", "other"],
  });
  billingPool = await pool({
    name: "Billing",
    readersDescription: "The billing office",
    readersDescriptionEs: "La oficina de facturación",
    locationId: clinic.locationId,
    responseTargetBusinessHours: 8,
    memberUserIds: [nurse.id],
    topics: ["billing"],
  });
});

describe("pools (admins)", () => {
  it("lists pools with members and topics; refuses a non-clinician member and a duplicate name", async () => {
    const list = await call(c.admin, "GET", "/api/admin/message-pools");
    expect(list.status).toBe(200);
    expect(list.body.pools.map((p: MessagePool) => p.name)).toEqual(["Billing", "FM nurses"]);
    expect(fmPool.members.map((m) => m.userId).sort()).toEqual([nurse.id, clinic.physician.id].sort());
    const bad = await call(c.admin, "POST", "/api/admin/message-pools", {
      name: "Desk",
      readersDescription: "x",
      readersDescriptionEs: "x",
      locationId: clinic.locationId,
      responseTargetBusinessHours: 4,
      memberUserIds: [clinic.frontDesk.id],
      topics: [],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([{ field: "memberUserIds.0", problem: "not an active nurse or physician" }]);
    const duplicate = await call(c.admin, "POST", "/api/admin/message-pools", {
      name: "Billing",
      readersDescription: "x",
      readersDescriptionEs: "x",
      locationId: clinic.locationId,
      responseTargetBusinessHours: 4,
      memberUserIds: [],
      topics: [],
    });
    expect(duplicate.status).toBe(409);
    expect((await call(c.nurse, "GET", "/api/admin/message-pools")).status).toBe(403);
  });

  it("keeps a location's holidays, which due times skip", async () => {
    const put = await call(c.admin, "PUT", `/api/admin/locations/${clinic.locationId}/holidays`, {
      holidays: [{ date: "2026-03-03", name: "Clinic training day" }],
    });
    expect(put.status, put.text).toBe(200);
    const twice = await call(c.admin, "PUT", `/api/admin/locations/${clinic.locationId}/holidays`, {
      holidays: [
        { date: "2026-03-03", name: "A" },
        { date: "2026-03-03", name: "B" },
      ],
    });
    expect(twice.status).toBe(400);
    expect((await call(c.admin, "GET", `/api/admin/locations/${clinic.locationId}/holidays`)).body.holidays).toEqual([
      { date: "2026-03-03", name: "Clinic training day" },
    ]);
  });
});

describe("routing by topic and office hours", () => {
  it("tells the patient who reads each topic and when to expect an answer (business hours, holiday skipped)", async () => {
    const topics = (await call(c.patient, "GET", `${P()}/topics`)).body as MessageTopicList;
    const billing = topics.topics.find((x) => x.topic === "billing") as MessageRouting;
    expect(billing.pool).toMatchObject({ name: "Billing", readersDescription: "The billing office" });
    // Monday 10:00 + 8 business hours: 7 on Monday, Tuesday is a holiday, 1 on Wednesday → 09:00 EST
    expect(billing.expectAnswerBy).toBe("2026-03-04T14:00:00.000Z");
    expect(billing.physician).toBeNull();
    const question = topics.topics.find((x) => x.topic === "medical_question") as MessageRouting;
    expect(question.physician?.displayName).toBe(clinic.physician.displayName);
    expect(question.expectAnswerBy).toBe("2026-03-02T19:00:00.000Z");
    expect(question.coverage).toBeNull();
    // a topic routed nowhere is not offered
    expect(topics.topics.some((x) => x.topic === "referral")).toBe(false);
    // the caregiver reads the pool's description in their own language
    const forCaregiver = (await call(c.caregiver, "GET", `${P()}/routing?topic=billing`)).body as MessageRouting;
    expect(forCaregiver.pool.readersDescription).toBe("La oficina de facturación");
  });

  it("outside the physician's office hours: the covering pool, an automatic reply with the expected time", async () => {
    const set = await call(c.physician, "PUT", "/api/messages/office-hours", {
      timeZone: "America/New_York",
      hours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "12:00", end: "14:00" })),
      coveringPoolId: fmPool.id,
      outOfOffice: null,
    });
    expect(set.status, set.text).toBe(200);
    expect(set.body.availableNow).toBe(false);
    const routing = (await call(c.patient, "GET", `${P()}/routing?topic=medical_question`)).body as MessageRouting;
    expect(routing.coverage).toEqual({ reason: "outside_office_hours", physicianBackAt: "2026-03-02T17:00:00.000Z" });
    expect(routing.physician).toBeNull();
    const thread = await newThread(c.patient, patient, "medical_question", "Is my cough worth a visit?");
    expect(thread.messages.map((m) => m.kind)).toEqual(["message", "auto_reply"]);
    expect(thread.messages[1]?.autoReply).toEqual({
      reason: "outside_office_hours",
      physicianName: clinic.physician.displayName,
      expectAnswerBy: "2026-03-02T19:00:00.000Z",
      // the patient reads who answers (the pool's description in their language), not the pool's internal name
      poolName: "The family medicine nurses",
    });
    expect(thread.messages[1]?.author.kind).toBe("system");
    const staff = (await call(c.nurse, "GET", `/api/messages/threads/${thread.id}`)).body as StaffThread;
    expect(staff.physician).toBeNull();
    expect(staff.messages[1]?.autoReply?.poolName).toBe("FM nurses");
    const forCaregiver = (await call(c.caregiver, "GET", `${P()}/threads/${thread.id}`)).body as PatientThread;
    expect(forCaregiver.messages[1]?.autoReply?.poolName).toBe("Las enfermeras de medicina familiar");
  });

  it("inside office hours: addressed to the physician; out of office: given to the delegate", async () => {
    await call(c.physician, "PUT", "/api/messages/office-hours", {
      timeZone: "America/New_York",
      hours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "09:00", end: "12:00" })),
      coveringPoolId: fmPool.id,
      outOfOffice: null,
    });
    const inside = await newThread(c.patient, patient, "medication", "Refill timing");
    expect(inside.messages.map((m) => m.kind)).toEqual(["message"]);
    const staffInside = (await call(c.physician, "GET", `/api/messages/threads/${inside.id}`)).body as StaffThread;
    expect(staffInside.physician?.providerId).toBe(clinic.providerId);

    const away = await call(c.physician, "PUT", "/api/messages/office-hours", {
      timeZone: "America/New_York",
      hours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "09:00", end: "12:00" })),
      coveringPoolId: fmPool.id,
      outOfOffice: { from: "2026-03-01T00:00:00Z", until: "2026-03-06T00:00:00Z", delegateUserId: nurse.id },
    });
    expect(away.status, away.text).toBe(200);
    const covered = await newThread(c.patient, patient, "test_result", "My lab results");
    expect(covered.messages[1]?.autoReply?.reason).toBe("out_of_office");
    const staff = (await call(c.nurse, "GET", `/api/messages/threads/${covered.id}`)).body as StaffThread;
    expect(staff.workItem).toMatchObject({ status: "claimed", assignee: { userId: nurse.id } });
    // back to no office hours for the rest of the file
    const reset = await call(c.physician, "PUT", "/api/messages/office-hours", {
      timeZone: "America/New_York",
      hours: [],
      coveringPoolId: null,
      outOfOffice: null,
    });
    expect(reset.body.availableNow).toBe(true);
    const wrong = await call(c.physician, "PUT", "/api/messages/office-hours", {
      timeZone: "Mars/Olympus",
      hours: [{ weekday: 1, start: "12:00", end: "09:00" }],
      coveringPoolId: null,
      outOfOffice: null,
    });
    expect(wrong.status).toBe(400);
    expect(
      (
        await call(c.nurse, "PUT", "/api/messages/office-hours", {
          timeZone: "UTC",
          hours: [],
          coveringPoolId: null,
          outOfOffice: null,
        })
      ).status,
    ).toBe(403);
  });
});

describe("conversations: patient, caregiver and staff", () => {
  let thread: PatientThread;

  it("a patient starts a conversation with an attachment sealed at rest", async () => {
    const uploaded = await upload(c.patient, patient.id, PNG);
    expect(uploaded.status).toBe(201);
    const attachment = uploaded.body as UploadedAttachment;
    expect(attachment.contentType).toBe("image/png");
    const response = await call(c.patient, "POST", `${P()}/threads`, {
      topic: "medical_question",
      subject: "Rash on my arm",
      body: "I have a red rash on my arm since Friday.\nPhoto attached. <script>alert(1)</script>",
      attachmentIds: [attachment.id],
    });
    expect(response.status, response.text).toBe(201);
    thread = response.body as PatientThread;
    expect(thread.status).toBe("waiting");
    expect(thread.dueAt).toBe("2026-03-02T19:00:00.000Z");
    // stored and returned as the text it is (the web shows it as text)
    expect(thread.messages[0]?.body).toBe(
      "I have a red rash on my arm since Friday.\nPhoto attached. <script>alert(1)</script>",
    );
    expect(thread.messages[0]?.author).toMatchObject({ kind: "patient", isMe: true });
    const sent = thread.messages[0]?.attachments[0];
    expect(sent?.id).toBe(attachment.id);
    // the stored bytes are not the file, and neither are the subject and body
    const file = await storedFileOf(attachment.id);
    expect(file.sealed_content).not.toContain(PNG.toString("base64"));
    expect(Buffer.from(file.sealed_content).includes(PNG.subarray(0, 8))).toBe(false);
    const stored = await t.database.db
      .selectFrom("messages")
      .select("sealed_body")
      .where("thread_id", "=", thread.id)
      .executeTakeFirstOrThrow();
    expect(stored.sealed_body).not.toContain("rash");
    expect(stored.sealed_body.startsWith("v1.")).toBe(true);
    const download = await t.app.inject({
      method: "GET",
      url: sent?.downloadPath as string,
      headers: c.patient.headers,
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers["content-type"]).toBe("image/png");
    expect(Buffer.compare(download.rawPayload, PNG)).toBe(0);
    // the same attachment cannot be sent twice
    const again = await call(c.patient, "POST", `${P()}/threads/${thread.id}/messages`, {
      body: "Again",
      attachmentIds: [attachment.id],
    });
    expect(again.status).toBe(400);
    expect(again.body.error.details[0].field).toBe("attachmentIds.0");
  });

  it("refuses bad input and changes nothing", async () => {
    const before = [await count("message_threads"), await count("messages"), await count("message_attachments")];
    const create = (body: object) => call(c.patient, "POST", `${P()}/threads`, body);
    const ok = { topic: "billing", subject: "Bill", body: "Hello" };
    for (const bad of [
      { ...ok, body: "" },
      { ...ok, body: "   \n  " },
      { ...ok, body: "x".repeat(5001) },
      { ...ok, subject: "" },
      { ...ok, subject: "s".repeat(121) },
      { ...ok, body: "hidden\u202Eoverride" },
      { ...ok, topic: "gossip" },
      { ...ok, attachmentIds: [randomUUID()] },
      { ...ok, extra: true },
    ]) {
      const response = await create(bad);
      expect(response.status, JSON.stringify(bad).slice(0, 80)).toBe(400);
    }
    expect((await upload(c.patient, patient.id, Buffer.alloc(0))).status).toBe(400);
    expect(
      (await upload(c.patient, patient.id, Buffer.from("#!/bin/sh\nrm -rf /"), "application/octet-stream")).status,
    ).toBe(415);
    expect(
      (await upload(c.patient, patient.id, Buffer.from("just some text"), "application/octet-stream")).status,
    ).toBe(415);
    expect((await upload(c.patient, patient.id, Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024)]))).status).toBe(
      413,
    );
    const empty = await call(c.patient, "POST", `${P()}/threads/${thread.id}/messages`, { body: "" });
    expect(empty.status).toBe(400);
    expect([await count("message_threads"), await count("messages"), await count("message_attachments")]).toEqual(
      before,
    );
  });

  it("another patient's thread is 404 everywhere, exactly like a missing one", async () => {
    const missing = await call(c.stranger, "GET", `${P(clinic.stranger)}/threads/${randomUUID()}`);
    const theirs = await call(c.stranger, "GET", `${P(clinic.stranger)}/threads/${thread.id}`);
    expect(theirs.status).toBe(404);
    expect(theirs.body).toEqual(missing.body);
    const before = await count("messages");
    expect(
      (await call(c.stranger, "POST", `${P(clinic.stranger)}/threads/${thread.id}/messages`, { body: "Hi" })).status,
    ).toBe(404);
    expect((await call(c.stranger, "POST", `${P()}/threads/${thread.id}/messages`, { body: "Hi" })).status).toBe(404);
    expect((await call(c.stranger, "GET", `${P()}/threads`)).status).toBe(404);
    expect((await call(c.caregiverNoScope, "GET", `${P()}/threads`)).status).toBe(404);
    expect(await count("messages")).toBe(before);
  });

  it("staff in the pool see it in the inbox, claim it, write an internal note and reply; the patient is emailed without content", async () => {
    const inbox = (await call(c.nurse, "GET", `/api/messages/inbox?poolId=${fmPool.id}`)).body as Inbox;
    const item = inbox.threads.find((x) => x.id === thread.id);
    expect(item).toMatchObject({ status: "waiting", unreadCount: 1, overdue: false, subject: "Rash on my arm" });
    expect(item?.patient.displayName).toBe(patient.name);
    expect(item?.workItem?.abilities.canClaim).toBe(true);
    expect(inbox.pools.find((p) => p.poolId === fmPool.id)?.waiting).toBeGreaterThan(0);
    const claim = await call(c.nurse, "POST", `/api/work-queue/items/${item?.workItem?.id}/claim`);
    expect(claim.status, claim.text).toBe(200);
    const mine = (await call(c.nurse, "GET", "/api/messages/inbox?view=mine")).body as Inbox;
    expect(mine.threads.map((x) => x.id)).toContain(thread.id);
    expect(mine.mine.waiting).toBeGreaterThan(0);

    const note = await call(c.nurse, "POST", `/api/messages/threads/${thread.id}/notes`, { body: NOTE });
    expect(note.status, note.text).toBe(201);
    const mailsBefore = (await mails()).length;
    const reply = await call(c.nurse, "POST", `/api/messages/threads/${thread.id}/messages`, {
      body: "Please send another photo tomorrow; if it spreads quickly, come in today.",
    });
    expect(reply.status, reply.text).toBe(201);
    const staffView = reply.body as StaffThread;
    expect(staffView.status).toBe("answered");
    expect(staffView.firstResponseAt).toBe(t.clock.now().toISOString());
    expect(staffView.messages.map((m) => m.kind)).toEqual(["message", "internal_note", "message"]);
    // read by the side other than the author's: the nurse has read the patient's message, the patient not yet the reply
    expect(staffView.messages[0]?.readByOtherSide).toBe(true);
    expect(staffView.messages[2]?.readByOtherSide).toBe(false);
    expect(staffView.workItem).toBeNull();

    const sent = (await mails()).slice(mailsBefore);
    expect(sent.map((m) => [m.to, m.template, m.locale]).sort()).toEqual(
      [
        [patient.user?.email, "messages.reply", "en"],
        [caregiver.email, "messages.reply", "es"],
      ].sort(),
    );
    const text = JSON.stringify(sent);
    expect(text).not.toContain("rash");
    expect(text).not.toContain("photo");
    expect(text).not.toContain("Internal");
  });

  it("the patient and caregiver see the reply, never the internal note, through any route", async () => {
    const list = (await call(c.patient, "GET", `${P()}/threads`)).body as PatientThreadList;
    const item = list.threads.find((x) => x.id === thread.id);
    expect(item?.status).toBe("answered");
    // the staff reply is unread; the note is not counted
    expect(item?.unreadCount).toBe(1);
    expect(item?.preview.startsWith("Please send another photo")).toBe(true);
    const opened = await call(c.patient, "GET", `${P()}/threads/${thread.id}`);
    const view = opened.body as PatientThread;
    expect(view.messages.map((m) => m.kind)).toEqual(["message", "message"]);
    expect(view.messages[0]?.readByOtherSide).toBe(true);
    expect(view.messages[1]?.author).toMatchObject({ kind: "staff", displayName: "Rosa Nurse", role: "nurse" });
    for (const raw of [opened.text, JSON.stringify(list)]) {
      expect(raw).not.toContain(NOTE);
      expect(raw).not.toContain("internal_note");
    }
    const again = (await call(c.patient, "GET", `${P()}/threads`)).body as PatientThreadList;
    expect(again.threads.find((x) => x.id === thread.id)?.unreadCount).toBe(0);
    // a caregiver has their own read state, and writes as themselves
    const caregiverList = (await call(c.caregiver, "GET", `${P()}/threads`)).body as PatientThreadList;
    expect(caregiverList.patient.displayName).toBe(patient.name);
    expect(caregiverList.threads.find((x) => x.id === thread.id)?.unreadCount).toBe(2);
    const fromCaregiver = await call(c.caregiver, "POST", `${P()}/threads/${thread.id}/messages`, {
      body: "Here is how it looks today.",
    });
    expect(fromCaregiver.status).toBe(201);
    const last = (fromCaregiver.body as PatientThread).messages.at(-1);
    expect(last?.author).toMatchObject({ kind: "proxy", displayName: "Casey Caregiver", role: "spouse", isMe: true });
    expect(JSON.stringify(fromCaregiver.body)).not.toContain(NOTE);
    // the caregiver's reply opens a new wait, due from now
    expect((fromCaregiver.body as PatientThread).status).toBe("waiting");
    const staff = (await call(c.nurse, "GET", `/api/messages/threads/${thread.id}`)).body as StaffThread;
    expect(staff.workItem?.status).toBe("open");
    expect(staff.messages.at(-1)?.author.kind).toBe("proxy");
  });

  it("staff outside the pool, admins and patients cannot reach the thread", async () => {
    const missing = await call(c.otherNurse, "GET", `/api/messages/threads/${randomUUID()}`);
    const notMine = await call(c.otherNurse, "GET", `/api/messages/threads/${thread.id}`);
    expect(notMine.status).toBe(404);
    expect(notMine.body).toEqual(missing.body);
    expect((await call(c.otherNurse, "POST", `/api/messages/threads/${thread.id}/notes`, { body: "x" })).status).toBe(
      404,
    );
    const theirInbox = (await call(c.otherNurse, "GET", "/api/messages/inbox?status=all")).body as Inbox;
    expect(theirInbox.threads).toEqual([]);
    expect(theirInbox.pools).toEqual([]);
    const searched = (await call(c.otherNurse, "GET", "/api/messages/inbox?q=rash&status=all")).body as Inbox;
    expect(searched.threads).toEqual([]);
    expect((await call(c.admin, "GET", `/api/messages/threads/${thread.id}`)).status).toBe(403);
    expect((await call(c.patient, "GET", `/api/messages/threads/${thread.id}`)).status).toBe(403);
    expect((await call(c.patient, "GET", "/api/messages/inbox")).status).toBe(403);
  });

  it("the patient routes stay the patient's view for a care-team physician: no notes, no writing as the patient", async () => {
    const view = await call(c.physician, "GET", `${P()}/threads/${thread.id}`);
    expect(view.status).toBe(200);
    expect(view.text).not.toContain(NOTE);
    const before = await count("messages");
    const write = await call(c.physician, "POST", `${P()}/threads/${thread.id}/messages`, { body: "From the doctor" });
    expect(write.status).toBe(403);
    expect(await count("messages")).toBe(before);
  });

  it("staff search by text (bodies and notes, within their pools) and by patient", async () => {
    const byText = (await call(c.nurse, "GET", "/api/messages/inbox?q=RED%20RASH&status=all")).body as Inbox;
    expect(byText.threads.map((x) => x.id)).toEqual([thread.id]);
    const byNote = (await call(c.nurse, "GET", "/api/messages/inbox?q=anxious&status=all")).body as Inbox;
    expect(byNote.threads.map((x) => x.id)).toEqual([thread.id]);
    const byPatient = (await call(c.nurse, "GET", `/api/messages/inbox?patientId=${patient.id}&status=all`))
      .body as Inbox;
    expect(byPatient.threads.length).toBeGreaterThan(1);
    expect(byPatient.threads.every((x) => x.patient.id === patient.id)).toBe(true);
  });

  it("quick replies belong to their pool", async () => {
    const saved = await call(c.nurse, "POST", `/api/messages/pools/${fmPool.id}/quick-replies`, {
      title: "Come in",
      body: "Please call us to book a visit today.",
    });
    expect(saved.status, saved.text).toBe(201);
    const other = await call(c.nurse, "POST", `/api/messages/pools/${billingPool.id}/quick-replies`, {
      title: "Billing",
      body: "Our billing office will call you.",
    });
    expect((await call(c.otherNurse, "GET", `/api/messages/pools/${fmPool.id}/quick-replies`)).status).toBe(404);
    const wrongPool = await call(c.nurse, "POST", `/api/messages/threads/${thread.id}/messages`, {
      body: "Our billing office will call you.",
      quickReplyId: other.body.id,
    });
    expect(wrongPool.status).toBe(400);
    const staff = (await call(c.nurse, "GET", `/api/messages/threads/${thread.id}`)).body as StaffThread;
    expect(staff.quickReplies.map((q) => q.title)).toEqual(["Come in"]);
  });

  it("close and reopen; a closed thread takes no replies", async () => {
    const closed = await call(c.nurse, "POST", `/api/messages/threads/${thread.id}/close`, {});
    expect(closed.status, closed.text).toBe(200);
    expect(closed.body.status).toBe("closed");
    expect(closed.body.abilities).toMatchObject({ canReply: false, canReopen: true });
    const patientReply = await call(c.patient, "POST", `${P()}/threads/${thread.id}/messages`, {
      body: "One more thing",
    });
    expect(patientReply.status).toBe(409);
    expect(patientReply.body.error.code).toBe("thread_closed");
    expect((await call(c.nurse, "POST", `/api/messages/threads/${thread.id}/messages`, { body: "x" })).status).toBe(
      409,
    );
    expect((await call(c.nurse, "POST", `/api/messages/threads/${thread.id}/close`, {})).status).toBe(409);
    const view = (await call(c.patient, "GET", `${P()}/threads/${thread.id}`)).body as PatientThread;
    expect(view.abilities.canReply).toBe(false);
    const reopened = await call(c.nurse, "POST", `/api/messages/threads/${thread.id}/reopen`);
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ status: "waiting", dueAt: "2026-03-02T19:00:00.000Z" });
    expect(reopened.body.workItem.status).toBe("open");
  });

  it("a parent of a 15-year-old never sees the teen's messages; the teen writes for themself", async () => {
    const own = await newThread(c.teen, teen, "medical_question", "A private question");
    expect(own.status).toBe("waiting");
    expect((await call(c.teenParent, "GET", `${P(teen)}/threads`)).status).toBe(404);
    expect((await call(c.teenParent, "GET", `${P(teen)}/threads/${own.id}`)).status).toBe(404);
    expect(
      (await call(c.teenParent, "POST", `${P(teen)}/threads`, { topic: "other", subject: "x", body: "x" })).status,
    ).toBe(404);
    // nor is the parent emailed when the care team answers the teen
    const before = (await mails()).length;
    expect((await call(c.nurse, "POST", `/api/messages/threads/${own.id}/messages`, { body: "Answer" })).status).toBe(
      201,
    );
    const sent = (await mails()).slice(before).map((m) => m.to);
    expect(sent).toEqual([teen.user?.email]);
  });

  it("overdue threads stand out first in the inbox once the due time passes", async () => {
    const waiting = await newThread(c.patient, patient, "billing", "Overdue question");
    t.clock.set("2026-03-04T16:00:00Z"); // Wednesday 11:00: past the billing pool's Wednesday 09:00 due time
    c.nurse = await signIn(t, nurse);
    const inbox = (await call(c.nurse, "GET", `/api/messages/inbox?poolId=${billingPool.id}`)).body as Inbox;
    expect(inbox.threads[0]?.id).toBe(waiting.id);
    expect(inbox.threads[0]?.overdue).toBe(true);
    expect(inbox.pools.find((p) => p.poolId === billingPool.id)?.overdue).toBeGreaterThan(0);
    c.patient = await signIn(t, patient.user as TestUser);
    const list = (await call(c.patient, "GET", `${P()}/threads`)).body as PatientThreadList;
    expect(list.threads.find((x) => x.id === waiting.id)?.overdue).toBe(true);
    t.clock.set(MONDAY_10AM);
    await signInAll();
  });
});

describe("unread counts under concurrent reads and writes", () => {
  it("stay exact while the patient reads and staff and patient write at once", async () => {
    const thread = await newThread(c.patient, patient, "medical_question", "Concurrency check");
    const staffWrites = Array.from({ length: 8 }, (_, i) =>
      call(c.nurse, "POST", `/api/messages/threads/${thread.id}/notes`, { body: `note ${i}` }),
    );
    const staffReplies = Array.from({ length: 6 }, (_, i) =>
      call(c.nurse, "POST", `/api/messages/threads/${thread.id}/messages`, { body: `reply ${i}` }),
    );
    const patientWrites = Array.from({ length: 4 }, (_, i) =>
      call(c.patient, "POST", `${P()}/threads/${thread.id}/messages`, { body: `patient ${i}` }),
    );
    const patientReads = Array.from({ length: 6 }, () => call(c.patient, "GET", `${P()}/threads/${thread.id}`));
    const results = await Promise.all([...staffWrites, ...staffReplies, ...patientWrites, ...patientReads]);
    for (const r of results) expect([200, 201], r.text).toContain(r.status);
    const rows = await t.database.db
      .selectFrom("messages")
      .select(["seq", "kind", "author_kind"])
      .where("thread_id", "=", thread.id)
      .orderBy("seq")
      .execute();
    // one message per write, numbered without gaps or repeats
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
    const readRow = await t.database.db
      .selectFrom("message_reads")
      .select("last_read_seq")
      .where("thread_id", "=", thread.id)
      .where("user_id", "=", patient.user?.id as string)
      .executeTakeFirst();
    const readUpTo = readRow?.last_read_seq ?? 0;
    const expected = rows.filter((r) => r.seq > readUpTo && r.kind === "message" && r.author_kind === "staff").length;
    const list = (await call(c.patient, "GET", `${P()}/threads`)).body as PatientThreadList;
    expect(list.threads.find((x) => x.id === thread.id)?.unreadCount).toBe(expected);
    await call(c.patient, "GET", `${P()}/threads/${thread.id}`);
    const after = (await call(c.patient, "GET", `${P()}/threads`)).body as PatientThreadList;
    expect(after.threads.find((x) => x.id === thread.id)?.unreadCount).toBe(0);
    // the nurse's unread: the patient's messages she has not read (her own notes and replies never count)
    const staffList = (await call(c.nurse, "GET", `/api/messages/inbox?patientId=${patient.id}&status=all`))
      .body as Inbox;
    const nurseRead =
      (
        await t.database.db
          .selectFrom("message_reads")
          .select("last_read_seq")
          .where("thread_id", "=", thread.id)
          .where("user_id", "=", nurse.id)
          .executeTakeFirst()
      )?.last_read_seq ?? 0;
    const nurseExpected = rows.filter((r) => r.seq > nurseRead && r.author_kind === "patient").length;
    expect(staffList.threads.find((x) => x.id === thread.id)?.unreadCount).toBe(nurseExpected);
    // the pool tab's unread count (kept columns, no message scan) agrees with the messages themselves
    expect(await poolUnread(c.nurse, fmPool.id)).toBe(await poolUnreadFromMessages(nurse.id, fmPool.id));
    expect(await poolUnread(c.physician, fmPool.id)).toBe(await poolUnreadFromMessages(clinic.physician.id, fmPool.id));
  });

  it("the pool's unread count stays exact through concurrent writes by several people and reads", async () => {
    const threads = await Promise.all(
      Array.from({ length: 3 }, (_, i) => newThread(c.patient, patient, "medical_question", `Pool count ${i}`)),
    );
    for (let round = 0; round < 3; round++) {
      const work = threads.flatMap((th, i) => [
        call(c.patient, "POST", `${P()}/threads/${th.id}/messages`, { body: `patient ${round}` }),
        call(c.nurse, "POST", `/api/messages/threads/${th.id}/notes`, { body: `nurse note ${round}` }),
        call(c.physician, "POST", `/api/messages/threads/${th.id}/notes`, { body: `doctor note ${round}` }),
        ...(i === round ? [call(c.nurse, "GET", `/api/messages/threads/${th.id}`)] : []),
        ...(i === (round + 1) % 3 ? [call(c.physician, "GET", `/api/messages/threads/${th.id}`)] : []),
      ]);
      for (const r of await Promise.all(work)) expect([200, 201], r.text).toContain(r.status);
      for (const [client, user] of [
        [c.nurse, nurse.id],
        [c.physician, clinic.physician.id],
      ] as const) {
        const expected = await poolUnreadFromMessages(user, fmPool.id);
        expect(await poolUnread(client, fmPool.id)).toBe(expected);
      }
    }
    // reading everything brings the nurse's count for these threads to zero; her own note afterwards adds nothing
    for (const th of threads) await call(c.nurse, "GET", `/api/messages/threads/${th.id}`);
    const before = await poolUnread(c.nurse, fmPool.id);
    await call(c.nurse, "POST", `/api/messages/threads/${threads[0]?.id}/notes`, { body: "my own note" });
    expect(await poolUnread(c.nurse, fmPool.id)).toBe(before);
    expect(before).toBe(await poolUnreadFromMessages(nurse.id, fmPool.id));
    // the physician's note after the nurse read it: unread again for her
    await call(c.physician, "POST", `/api/messages/threads/${threads[0]?.id}/notes`, { body: "a doctor's note" });
    expect(await poolUnread(c.nurse, fmPool.id)).toBe((before ?? 0) + 1);
  });
});

describe("the kept per-member unread counts (message_pool_unread)", () => {
  /** every member's kept count beside a recount from the threads and reads */
  async function keptAndRecounted() {
    const { rows } = await sql<{ pool_id: string; user_id: string; kept: number; recounted: number }>`
      select m.pool_id, m.user_id, u.unread as kept, message_pool_unread_count(m.pool_id, m.user_id) as recounted
      from message_pool_members m left join message_pool_unread u using (pool_id, user_id)
      order by m.pool_id, m.user_id`.execute(t.database.db);
    return rows.map((r) => ({ ...r, kept: r.kept === null ? null : Number(r.kept), recounted: Number(r.recounted) }));
  }

  it("equal a recount after concurrent writes, reads, closing and reopening, and follow a new member", async () => {
    const threads = await Promise.all(
      Array.from({ length: 3 }, (_, i) => newThread(c.patient, patient, "medical_question", `Kept count ${i}`)),
    );
    const [a, b, d] = threads.map((th) => th.id) as [string, string, string];
    const work = [
      ...threads.flatMap((th, i) => [
        call(c.patient, "POST", `${P()}/threads/${th.id}/messages`, { body: `more ${i}` }),
        call(c.nurse, "GET", `/api/messages/threads/${th.id}`),
        call(c.physician, "POST", `/api/messages/threads/${th.id}/notes`, { body: `doctor ${i}` }),
        call(c.physician, "GET", `/api/messages/threads/${th.id}`),
      ]),
      call(c.nurse, "POST", `/api/messages/threads/${a}/messages`, { body: "An answer" }),
      call(c.nurse, "POST", `/api/messages/threads/${b}/close`, {}),
    ];
    for (const r of await Promise.all(work)) {
      // the patient's message to the thread closed at the same moment may come second: refused as closed
      if (r.status === 409) expect((r.body as { error: { code: string } }).error.code, r.text).toBe("thread_closed");
      else expect([200, 201], r.text).toContain(r.status);
    }
    let rows = await keptAndRecounted();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.kept, `${r.pool_id} ${r.user_id}`).toBe(r.recounted);
    // the inbox shows the kept count, and it agrees with the messages themselves
    expect(await poolUnread(c.nurse, fmPool.id)).toBe(await poolUnreadFromMessages(nurse.id, fmPool.id));
    // closing takes a thread out of every member's count, reopening brings it back, concurrently with reads
    const more = await Promise.all([
      call(c.nurse, "POST", `/api/messages/threads/${b}/reopen`),
      call(c.nurse, "POST", `/api/messages/threads/${d}/close`, {}),
      call(c.physician, "GET", `/api/messages/threads/${d}`),
      call(c.patient, "POST", `${P()}/threads/${a}/messages`, { body: "Thank you" }),
      call(c.nurse, "GET", `/api/messages/threads/${a}`),
    ]);
    for (const r of more) expect([200, 201], r.text).toContain(r.status);
    rows = await keptAndRecounted();
    for (const r of rows) expect(r.kept, `${r.pool_id} ${r.user_id}`).toBe(r.recounted);
    // a new member starts with the pool's threads counted for them
    const updated = await call(c.admin, "PUT", `/api/admin/message-pools/${fmPool.id}`, {
      name: fmPool.name,
      readersDescription: fmPool.readersDescription,
      readersDescriptionEs: fmPool.readersDescriptionEs,
      locationId: clinic.locationId,
      responseTargetBusinessHours: 4,
      memberUserIds: [nurse.id, clinic.physician.id, otherNurse.id],
      topics: ["medical_question", "medication", "test_result", "appointment", "other"],
    });
    expect(updated.status, updated.text).toBe(200);
    const newcomer = (await keptAndRecounted()).find((r) => r.pool_id === fmPool.id && r.user_id === otherNurse.id);
    expect(newcomer?.recounted).toBeGreaterThan(0);
    expect(newcomer?.kept).toBe(newcomer?.recounted);
    expect(await poolUnread(c.otherNurse, fmPool.id)).toBe(await poolUnreadFromMessages(otherNurse.id, fmPool.id));
    // and leaves without a count left behind
    const back = await call(c.admin, "PUT", `/api/admin/message-pools/${fmPool.id}`, {
      name: fmPool.name,
      readersDescription: fmPool.readersDescription,
      readersDescriptionEs: fmPool.readersDescriptionEs,
      locationId: clinic.locationId,
      responseTargetBusinessHours: 4,
      memberUserIds: [nurse.id, clinic.physician.id],
      topics: ["medical_question", "medication", "test_result", "appointment", "other"],
    });
    expect(back.status, back.text).toBe(200);
    const left = await t.database.db
      .selectFrom("message_pool_unread")
      .select("unread")
      .where("pool_id", "=", fmPool.id)
      .where("user_id", "=", otherNurse.id)
      .execute();
    expect(left).toEqual([]);
  });
});

describe("the kept per-pool waiting and unassigned counts (message_pool_counts)", () => {
  async function keptAndRecounted() {
    const { rows } = await sql<{ pool_id: string; kept: string; recounted: string }>`
      select p.id as pool_id, c.waiting || '/' || c.unassigned as kept, r.waiting || '/' || r.unassigned as recounted
      from message_pools p left join message_pool_counts c on c.pool_id = p.id, message_pool_counts_of(p.id) r
      order by p.id`.execute(t.database.db);
    return rows;
  }

  it("equal a recount after concurrent claims, assignments, releases, replies, closing and reopening", async () => {
    const threads = await Promise.all(
      Array.from({ length: 4 }, (_, i) => newThread(c.patient, patient, "medical_question", `Counted ${i}`)),
    );
    const inbox = (await call(c.nurse, "GET", `/api/messages/inbox?poolId=${fmPool.id}&limit=100`)).body as Inbox;
    const item = (id: string) => inbox.threads.find((x) => x.id === id)?.workItem?.id as string;
    const [a, b, d, e] = threads.map((th) => th.id) as [string, string, string, string];
    const work = [
      call(c.nurse, "POST", `/api/work-queue/items/${item(a)}/claim`),
      call(c.nurse, "POST", `/api/messages/threads/${a}/messages`, { body: "Answered" }),
      call(c.physician, "POST", `/api/work-queue/items/${item(b)}/claim`),
      call(c.nurse, "POST", `/api/messages/threads/${b}/close`, {}),
      call(c.nurse, "POST", `/api/work-queue/items/${item(d)}/assign`, { userId: clinic.physician.id }),
      call(c.patient, "POST", `${P()}/threads/${d}/messages`, { body: "One more thing" }),
      call(c.nurse, "POST", `/api/work-queue/items/${item(e)}/claim`),
      call(c.nurse, "POST", `/api/messages/threads/${e}/notes`, { body: "A note" }),
    ];
    const answers = await Promise.all(work);
    // a claim or an assignment racing with the reply or close that ends its wait may find the
    // item already gone from the queue (404, as for any ended item); nothing answers 5xx
    for (const [i, r] of answers.entries()) {
      expect(i % 2 === 0 ? [200, 404, 409] : [200, 201, 409], r.text).toContain(r.status);
    }
    let rows = await keptAndRecounted();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.kept, r.pool_id).toBe(r.recounted);
    const more = await Promise.all([
      call(c.nurse, "POST", `/api/messages/threads/${b}/reopen`),
      call(c.patient, "POST", `${P()}/threads/${a}/messages`, { body: "Thanks, but one more" }),
      call(c.nurse, "POST", `/api/work-queue/items/${item(e)}/release`),
      call(c.nurse, "POST", `/api/messages/threads/${d}/close`, {}),
    ]);
    for (const r of more) expect([200, 201, 409], r.text).toContain(r.status);
    rows = await keptAndRecounted();
    for (const r of rows) expect(r.kept, r.pool_id).toBe(r.recounted);
    // the inbox shows them
    const after = (await call(c.nurse, "GET", "/api/messages/inbox")).body as Inbox;
    const fm = after.pools.find((p) => p.poolId === fmPool.id);
    const recount = rows.find((r) => r.pool_id === fmPool.id)?.recounted;
    expect(`${fm?.waiting}/${fm?.unassigned}`).toBe(recount);
  });
});

describe("inbox pages (the after cursor)", () => {
  /** every thread of the nurse's inbox, one page of `limit` at a time */
  async function allPages(path: string, limit: number, between?: () => Promise<void>) {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 200; page++) {
      const sep = path.includes("?") ? "&" : "?";
      const url = `${path}${sep}limit=${limit}${after ? `&after=${after}` : ""}`;
      const response = await call(c.nurse, "GET", url);
      expect(response.status, response.text).toBe(200);
      const inbox = response.body as Inbox;
      expect(inbox.threads.length).toBeLessThanOrEqual(limit);
      seen.push(...inbox.threads.map((x) => x.id));
      after = inbox.next;
      if (!after) break;
      if (between) await between();
    }
    return seen;
  }

  it("returns every thread exactly once in the inbox order, ties in due and last-message time included, also as threads arrive", async () => {
    const made = await Promise.all(
      Array.from({ length: 7 }, (_, i) => newThread(c.patient, patient, "medical_question", `Paged ${i}`)),
    );
    // ties: four waiting threads share one due time and last-message time (to the microsecond),
    // three answered ones share a last-message time
    const db = t.database.db;
    const ids = made.map((m) => m.id);
    await sql`update message_threads set due_at = '2026-03-02 20:00:00.123456+00',
      last_message_at = '2026-03-02 15:00:00.654321+00' where id = any(${sql.val(ids.slice(0, 4))}::uuid[])`.execute(
      db,
    );
    for (const id of ids.slice(4)) {
      expect((await call(c.nurse, "POST", `/api/messages/threads/${id}/messages`, { body: "Answer" })).status).toBe(
        201,
      );
    }
    await sql`update message_threads set last_message_at = '2026-03-02 14:00:00.000001+00'
      where id = any(${sql.val(ids.slice(4))}::uuid[])`.execute(db);
    const everything = (await call(c.nurse, "GET", "/api/messages/inbox?limit=100")).body as Inbox;
    expect(everything.next).toBeNull();
    const expected = everything.threads.map((x) => x.id);
    for (const id of ids) expect(expected).toContain(id);
    for (const limit of [1, 2, 3]) {
      const seen = await allPages("/api/messages/inbox", limit);
      expect(seen, `pages of ${limit}`).toEqual(expected);
    }
    const pool = (await call(c.nurse, "GET", `/api/messages/inbox?poolId=${fmPool.id}&limit=100`)).body as Inbox;
    expect(await allPages(`/api/messages/inbox?poolId=${fmPool.id}`, 2)).toEqual(pool.threads.map((x) => x.id));
    // threads arriving while paging: nothing already seen comes again, nothing there before is skipped
    const arrived: string[] = [];
    const seen = await allPages("/api/messages/inbox", 2, async () => {
      if (arrived.length < 3) arrived.push((await newThread(c.patient, patient, "medical_question", "Meanwhile")).id);
    });
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of expected) expect(seen).toContain(id);
  });

  it("refuses a cursor it did not give out with 400", async () => {
    const bad = [
      "not-a-cursor",
      Buffer.from("[1,2]").toString("base64url"),
      Buffer.from(JSON.stringify(["x", "1", randomUUID()])).toString("base64url"),
      Buffer.from(JSON.stringify([null, "1", "not-a-uuid"])).toString("base64url"),
      "%25%25",
      "a".repeat(201),
    ];
    for (const after of bad) {
      const response = await call(c.nurse, "GET", `/api/messages/inbox?after=${after}`);
      expect(response.status, `${after}: ${response.text}`).toBe(400);
    }
  });
});

describe("staff attachments and booking from a thread", () => {
  it("a nurse attaches a file to a reply; it is sealed at rest and the patient downloads it", async () => {
    const thread = await newThread(c.patient, patient, "medical_question", "Please send the form");
    const up = await uploadToThread(c.nurse, thread.id);
    expect(up.statusCode, up.body).toBe(201);
    const uploaded = up.json() as UploadedAttachment;
    expect(uploaded.contentType).toBe("image/png");
    // stored bytes are not the file
    const stored = await storedFileOf(uploaded.id);
    expect(JSON.stringify(stored)).not.toContain(PNG.subarray(0, 16).toString("base64"));
    // a PDF named as a PNG is judged by content: text is refused
    const wrong = await uploadToThread(c.nurse, thread.id, Buffer.from("<script>alert(1)</script>"));
    expect(wrong.statusCode).toBe(415);
    // someone outside the pool cannot upload to the thread (404 like a missing one)
    const outside = await uploadToThread(c.otherNurse, thread.id);
    expect(outside.statusCode).toBe(404);
    // another staff member cannot send the nurse's upload
    const stolen = await call(c.physician, "POST", `/api/messages/threads/${thread.id}/messages`, {
      body: "Here it is",
      attachmentIds: [uploaded.id],
    });
    expect(stolen.status).toBe(400);
    const replied = await call(c.nurse, "POST", `/api/messages/threads/${thread.id}/messages`, {
      body: "Here is the form",
      attachmentIds: [uploaded.id],
    });
    expect(replied.status, replied.text).toBe(201);
    const patientView = (await call(c.patient, "GET", `${P()}/threads/${thread.id}`)).body as PatientThread;
    const sent = patientView.messages.find((m) => m.body === "Here is the form");
    expect(sent?.attachments).toHaveLength(1);
    const download = await t.app.inject({
      method: "GET",
      url: sent?.attachments[0]?.downloadPath as string,
      headers: c.patient.headers,
    });
    expect(download.statusCode).toBe(200);
    expect(Buffer.from(download.rawPayload).equals(PNG)).toBe(true);
    // closed: no more uploads
    await call(c.nurse, "POST", `/api/messages/threads/${thread.id}/close`, {});
    const closed = await uploadToThread(c.nurse, thread.id);
    expect(closed.statusCode).toBe(409);
  });

  it("patients and caregivers read who answers in their own language, also in an automatic reply", async () => {
    const inSpanish = (await call(c.caregiver, "GET", `${P()}/threads`)).body as PatientThreadList;
    const inEnglish = (await call(c.patient, "GET", `${P()}/threads`)).body as PatientThreadList;
    const billing = (list: PatientThreadList) => list.threads.find((x) => x.pool.id === billingPool.id);
    expect(billing(inSpanish)?.pool.readersDescription).toBe("La oficina de facturación");
    expect(billing(inEnglish)?.pool.readersDescription).toBe("The billing office");
  });

  it("says whether the reader may book for the patient, as the appointments routes decide for them", async () => {
    const thread = await newThread(c.patient, patient, "appointment", "I need a visit");
    const seen: boolean[] = [];
    for (const [client, user] of [
      [c.physician, clinic.physician],
      [c.nurse, nurse],
    ] as const) {
      const view = (await call(client, "GET", `/api/messages/threads/${thread.id}`)).body as StaffThread;
      const booking = await t.app.inject({
        method: "GET",
        url: `/api/patients/${patient.id}/appointments`,
        headers: client.headers,
      });
      expect(view.abilities.canBookAppointment, `${user.email}: ${booking.statusCode}`).toBe(
        booking.statusCode === 200,
      );
      seen.push(view.abilities.canBookAppointment);
    }
    // the patient's physician (and here the pool's nurse, on the care team) may book
    expect(seen).toEqual([true, true]);
  });
});

describe("digest of new work", () => {
  it("one email per chosen time with the count of new work, none when nothing is new", async () => {
    const prefs = await call(c.nurse, "PUT", "/api/messages/digest-preferences", {
      enabled: true,
      times: ["13:00", "08:00"],
      timeZone: "America/New_York",
    });
    expect(prefs.status, prefs.text).toBe(200);
    expect(prefs.body).toMatchObject({ times: ["08:00", "13:00"], nextDigestAt: "2026-03-02T18:00:00.000Z" });
    t.clock.set("2026-03-02T15:05:00Z");
    const a = await newThread(c.patient, patient, "billing", "Digest one");
    const b = await newThread(c.patient, patient, "medical_question", "Digest two");
    expect(a.id).not.toBe(b.id);
    const digests = async () => (await mails()).filter((m) => m.template === "messages.digest" && m.to === nurse.email);
    // before 13:00: nothing yet
    t.clock.set("2026-03-02T17:59:00Z");
    await t.app.services.messaging.sendDigests();
    expect(await digests()).toHaveLength(0);
    // after 13:00: one digest with both new conversations, in the nurse's language
    t.clock.set("2026-03-02T18:01:00Z");
    await t.app.services.messaging.sendDigests();
    await t.app.services.messaging.sendDigests();
    const sent = await digests();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.locale).toBe("es");
    expect(sent[0]?.params.newCount).toBe(2);
    // the next time, with nothing new: no email
    t.clock.set("2026-03-03T13:01:00Z");
    await t.app.services.messaging.sendDigests();
    expect(await digests()).toHaveLength(1);
    t.clock.set(MONDAY_10AM);
    await signInAll();
  });
});

describe("key rotation covers subjects and bodies (last: the app keeps the old ring)", () => {
  it("re-seals every subject and body with the new key, keeping the text", async () => {
    const names = sealedColumns().map((s) => `${s.table}.${s.column}`);
    expect(names).toContain("messages.sealed_body");
    expect(names).toContain("message_threads.sealed_subject");
    const rotated = new FieldCipher(parseKeyRing(`rotated:${Buffer.alloc(32, 9).toString("base64")},${TEST_KEYS}`));
    const results = await resealColumns(t.database.db, rotated);
    const of = (table: string) => results.find((r) => r.table === table);
    expect(of("messages")?.resealed).toBe(await count("messages"));
    expect(of("messages")?.failed).toBe(0);
    expect(of("message_threads")?.resealed).toBe(await count("message_threads"));
    const rows = await t.database.db.selectFrom("messages").select(["id", "sealed_body"]).execute();
    expect(rows.every((r) => FieldCipher.keyIdOf(r.sealed_body) === "rotated")).toBe(true);
    const texts = rows.map((r) => rotated.open(r.sealed_body, `message:${r.id}`));
    expect(texts).toContain("Is my cough worth a visit?");
  });
});
