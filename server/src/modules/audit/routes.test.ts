import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { ProxyScope } from "../../db/tables/people.ts";
import type { Actor } from "../../platform/context.ts";
import { runWithContext } from "../../platform/context.ts";
import { useTestApp } from "../../test/app.ts";
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
import { SENTENCE_IDS } from "./sentences.ts";

const ALL: ProxyScope[] = ["appointments", "messages", "medications", "referrals", "health_updates", "records"];

describe("GET /api/patients/:patientId/access-log and GET /api/admin/audit", () => {
  const t = useTestApp();
  let physician: TestUser;
  let admin: TestUser;
  let nurse: TestUser;
  let jamie: TestPatient;
  let taylor: TestPatient;
  let stranger: TestPatient;
  let sam: TestUser;
  let jamieGrant: string;
  let physicianActor: Actor;
  let samActor: Actor;
  const clients: Record<string, SignedInClient> = {};

  /** a read of the patient's data by `actor`, through the enforcement point */
  async function readAs(actor: Actor, patientId: string, resourceType: string) {
    await runWithContext({ requestId: `req-${randomUUID()}`, ip: "192.0.2.10", userAgent: "Vitest", actor }, () =>
      t.app.services.access.authorizePatient(patientId, { scope: "records", action: "read", resourceType }),
    );
  }
  /** the access check booking makes (SchedulingService.book), as `actor` */
  async function bookAs(actor: Actor, patientId: string) {
    await runWithContext({ requestId: `req-${randomUUID()}`, ip: "192.0.2.10", userAgent: "Vitest", actor }, () =>
      t.app.services.access.authorizePatient(patientId, {
        scope: "appointments",
        action: "write",
        resourceType: "appointment",
        auditAction: "book",
      }),
    );
  }

  beforeAll(async () => {
    physician = await makeStaff(t, "physician", { displayName: "Dr. Chidi Okafor" });
    admin = await makeStaff(t, "admin");
    nurse = await makeStaff(t, "nurse");
    jamie = await makePatient(t, {
      withLogin: true,
      given: "Jamie",
      family: "Rivera",
      dateOfBirth: "1990-04-01",
      pcpProviderId: physician.providerId,
    });
    const year = t.clock.now().getUTCFullYear();
    taylor = await makePatient(t, {
      withLogin: true,
      given: "Taylor",
      family: "Rivera",
      dateOfBirth: `${year - 15}-01-10`,
    });
    stranger = await makePatient(t, { withLogin: true });
    sam = await makeUser(t, { displayName: "Sam Rivera" });
    jamieGrant = await makeProxyGrant(t, {
      patientId: jamie.id,
      proxyUserId: sam.id,
      relationship: "spouse",
      scopes: ALL,
    });
    await makeProxyGrant(t, { patientId: taylor.id, proxyUserId: sam.id, relationship: "parent", scopes: ALL });

    physicianActor = {
      kind: "user",
      userId: physician.id,
      roles: ["physician"],
      patientId: null,
      providerId: physician.providerId,
      grants: [],
    };
    samActor = {
      kind: "user",
      userId: sam.id,
      roles: [],
      patientId: null,
      providerId: null,
      grants: [
        {
          grantId: jamieGrant,
          patientId: jamie.id,
          relationship: "spouse",
          scopes: ALL,
          startsAt: new Date(0),
          endsAt: null,
        },
      ],
    };
    await readAs(physicianActor, jamie.id, "appointment");
    await readAs(physicianActor, jamie.id, "imaging_report");
    await readAs(samActor, jamie.id, "visit_summary");
    await bookAs(samActor, jamie.id);
    // someone refused: must not appear as an access
    await readAs(
      { ...physicianActor, userId: stranger.user!.id, providerId: null, roles: [] },
      jamie.id,
      "profile",
    ).catch(() => undefined);

    clients.jamie = await signIn(t, jamie.user!);
    clients.taylor = await signIn(t, taylor.user!);
    clients.sam = await signIn(t, sam);
    clients.stranger = await signIn(t, stranger.user!);
    clients.physician = await signIn(t, physician);
    clients.admin = await signIn(t, admin);
    clients.nurse = await signIn(t, nurse);
  });

  const accessLog = (who: string, patientId: string, query = "") =>
    t.app.inject({ url: `/api/patients/${patientId}/access-log${query}`, headers: clients[who]?.headers });

  it("shows the patient, in catalogue sentences, who else accessed their record, newest first", async () => {
    await accessLog("jamie", jamie.id, "?who=everyone"); // the patient's own look, left out by default
    const res = await accessLog("jamie", jamie.id);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ reader: "patient", patientName: "Jamie", who: "others", page: 1, pageSize: 20 });
    const { entries } = body;
    expect(entries).toEqual([
      expect.objectContaining({ byReader: false, who: "Sam Rivera", whoRole: "proxy", sentence: "booked_appointment" }),
      expect.objectContaining({ who: "Sam Rivera", whoRole: "proxy", sentence: "accessed_record" }),
      expect.objectContaining({ who: "Dr. Chidi Okafor", whoRole: "physician", sentence: "accessed_record" }),
      expect.objectContaining({ who: "Dr. Chidi Okafor", whoRole: "physician", sentence: "viewed_appointments" }),
    ]);
    expect(body.total).toBe(4);
    // no raw codes go out: every sentence is one of the catalogue's
    for (const e of entries) expect(SENTENCE_IDS).toContain(e.sentence);
    expect(res.headers["cache-control"]).toBe("no-store");
  });

  it("shows the reader's own accesses only when asked for everyone", async () => {
    const everyone = (await accessLog("jamie", jamie.id, "?who=everyone")).json();
    expect(everyone.who).toBe("everyone");
    expect(everyone.entries[0]).toMatchObject({
      byReader: true,
      who: null,
      whoRole: "patient",
      sentence: "viewed_access_log",
    });
    const others = (await accessLog("jamie", jamie.id, "?who=others")).json();
    expect(others.entries.some((e: { byReader: boolean }) => e.byReader)).toBe(false);
    expect(everyone.total).toBeGreaterThan(others.total);
  });

  it("pages with page numbers and a total, held still by asOf while new accesses arrive", async () => {
    // looks of different kinds, each its own entry
    for (const kind of ["lab_result", "medication", "message_thread", "referral", "health_update", "survey"]) {
      await readAs(samActor, jamie.id, kind);
    }
    const first = (await accessLog("jamie", jamie.id, "?who=everyone&pageSize=3")).json();
    expect(first).toMatchObject({ page: 1, pageSize: 3 });
    expect(first.entries).toHaveLength(3);
    const total = first.total as number;
    expect(total).toBeGreaterThan(6);
    const seen: string[] = first.entries.map((e: { id: string }) => e.id);
    for (let page = 2; page <= Math.ceil(total / 3); page++) {
      const res = await accessLog("jamie", jamie.id, `?who=everyone&pageSize=3&page=${page}&asOf=${first.asOf}`);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      // each look adds an access, but not to the list being paged
      expect(body.total).toBe(total);
      expect(body.page).toBe(page);
      seen.push(...body.entries.map((e: { id: string }) => e.id));
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(seen.map(Number)).toEqual([...seen.map(Number)].sort((a, b) => b - a));
    const past = (await accessLog("jamie", jamie.id, `?pageSize=3&page=500&asOf=${first.asOf}`)).json();
    expect(past.entries).toEqual([]);
  });

  it("shows a run of the same look by one person as one entry with its count, split by anyone else's look or an hour's gap", async () => {
    const patient = await makePatient(t, { withLogin: true, pcpProviderId: physician.providerId });
    const patientActor: Actor = {
      kind: "user",
      userId: patient.user!.id,
      roles: [],
      patientId: patient.id,
      providerId: null,
      grants: [],
    };
    const caregiver = await makeUser(t, { displayName: "Robin Park" });
    const grantId = await makeProxyGrant(t, {
      patientId: patient.id,
      proxyUserId: caregiver.id,
      relationship: "spouse",
      scopes: ALL,
    });
    const caregiverActor: Actor = {
      kind: "user",
      userId: caregiver.id,
      roles: [],
      patientId: null,
      providerId: null,
      grants: [
        { grantId, patientId: patient.id, relationship: "spouse", scopes: ALL, startsAt: new Date(0), endsAt: null },
      ],
    };
    const started = t.clock.now();
    const logOf = () =>
      runWithContext(
        { requestId: `req-${randomUUID()}`, ip: "192.0.2.10", userAgent: "Vitest", actor: patientActor },
        () => t.app.services.auditTrail.accessLog(patient.id, {}),
      );
    try {
      for (let i = 0; i < 4; i++) {
        await readAs(physicianActor, patient.id, "health_update"); // a board refreshing
        t.clock.advance({ seconds: 30 });
      }
      const firstLook = new Date(started).toISOString();
      await readAs(caregiverActor, patient.id, "health_update"); // someone else: a new entry
      await readAs(physicianActor, patient.id, "health_update");
      t.clock.advance({ minutes: 61 }); // more than an hour later: a new entry
      await readAs(physicianActor, patient.id, "health_update");
      await readAs(physicianActor, patient.id, "appointment"); // another kind of look: a new entry
      const log = await logOf();
      expect(log.entries.map((e) => [e.whoRole, e.sentence, e.times])).toEqual([
        ["physician", "viewed_appointments", 1],
        ["physician", "viewed_health_updates", 1],
        ["physician", "viewed_health_updates", 1],
        ["proxy", "viewed_health_updates", 1],
        ["physician", "viewed_health_updates", 4],
      ]);
      expect(log.total).toBe(5);
      const run = log.entries[4]!;
      expect(run.firstAt).toBe(firstLook);
      expect(Date.parse(run.at) - Date.parse(run.firstAt)).toBe(90_000);
      // paging counts entries, not looks
      const second = await runWithContext(
        { requestId: `req-${randomUUID()}`, ip: "192.0.2.10", userAgent: "Vitest", actor: patientActor },
        () => t.app.services.auditTrail.accessLog(patient.id, { pageSize: 2, page: 3, asOf: log.asOf ?? undefined }),
      );
      expect(second.entries.map((e) => e.id)).toEqual([run.id]);
      // every look keeps its own audit row
      const rows = await t.database.db
        .selectFrom("audit_log")
        .select((eb) => eb.fn.countAll().as("n"))
        .where("patient_id", "=", patient.id)
        .where("resource_type", "=", "health_update")
        .where("actor_user_id", "=", physician.id)
        .executeTakeFirstOrThrow();
      expect(Number(rows.n)).toBe(6);
    } finally {
      t.clock.set(started);
    }
  });

  it("lets a proxy with records see it, naming the patient, but not a parent of an adolescent", async () => {
    const res = await accessLog("sam", jamie.id, "?who=everyone");
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ reader: "proxy", patientName: "Jamie" });
    expect(body.entries[0]).toMatchObject({
      byReader: true,
      who: null,
      whoRole: "proxy",
      sentence: "viewed_access_log",
    });
    const others = (await accessLog("sam", jamie.id)).json().entries;
    expect(others.some((e: { byReader: boolean }) => e.byReader)).toBe(false);
    expect(others).toContainEqual(expect.objectContaining({ whoRole: "patient", sentence: "viewed_access_log" }));
    expect((await accessLog("sam", taylor.id)).statusCode).toBe(404);
    expect((await accessLog("taylor", taylor.id)).statusCode).toBe(200);
  });

  it("answers 404 to everyone else, staff included, and records the refusal", async () => {
    for (const who of ["stranger", "physician", "admin", "nurse"]) {
      const res = await accessLog(who, jamie.id);
      expect(res.statusCode, who).toBe(404);
      expect(res.json().error.code).toBe("not_found");
    }
    const missing = await accessLog("jamie", randomUUID());
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toBe((await accessLog("stranger", jamie.id)).json().error.message);
    const denied = await t.database.db
      .selectFrom("audit_log")
      .select(["actor_user_id", "outcome"])
      .where("patient_id", "=", jamie.id)
      .where("resource_type", "=", "access_log")
      .where("outcome", "=", "denied")
      .execute();
    expect(denied.map((d) => d.actor_user_id)).toEqual(
      expect.arrayContaining([stranger.user!.id, physician.id, admin.id, nurse.id]),
    );
  });

  it("asks a signed-out caller to sign in and refuses bad input with 400", async () => {
    expect((await t.app.inject({ url: `/api/patients/${jamie.id}/access-log` })).statusCode).toBe(401);
    for (const query of [
      "?asOf=abc",
      "?asOf=-1",
      "?pageSize=0",
      "?pageSize=1000",
      "?page=0",
      "?page=x",
      "?who=me",
      "?asOf=99999999999999999999",
    ]) {
      const res = await accessLog("jamie", jamie.id, query);
      expect(res.statusCode, query).toBe(400);
    }
    expect((await accessLog("jamie", "not-a-uuid")).statusCode).toBe(400);
  });

  describe("admin audit search", () => {
    const search = (who: string, query = "") =>
      t.app.inject({ url: `/api/admin/audit${query}`, headers: clients[who]?.headers });

    it("finds events by patient and outcome for an administrator, and audits the search", async () => {
      const res = await search("admin", `?patientId=${jamie.id}&outcome=denied&limit=200`);
      expect(res.statusCode).toBe(200);
      const { records } = res.json();
      expect(records.length).toBeGreaterThan(0);
      for (const r of records) expect(r).toMatchObject({ patientId: jamie.id, outcome: "denied" });
      const byPhysician = (
        await search("admin", `?userId=${physician.id}&patientId=${jamie.id}&outcome=success`)
      ).json().records;
      expect(byPhysician[0]).toMatchObject({
        actorName: "Dr. Chidi Okafor",
        actorRoles: ["physician"],
        resourceType: "imaging_report",
      });
      const own = (await search("admin", `?userId=${admin.id}&action=search&limit=1`)).json().records;
      expect(own[0]).toMatchObject({
        actorUserId: admin.id,
        action: "search",
        resourceType: "audit_log",
        outcome: "success",
      });
    });

    it("filters by time and pages with a cursor", async () => {
      const future = new Date(t.clock.now().getTime() + 86_400_000).toISOString();
      expect((await search("admin", `?from=${encodeURIComponent(future)}`)).json().records).toEqual([]);
      const first = (await search("admin", "?limit=3")).json();
      expect(first.records).toHaveLength(3);
      const second = (await search("admin", `?limit=3&cursor=${first.nextCursor}`)).json();
      expect(second.records[0].id).toBeLessThan(first.records[2].id);
    });

    it("refuses other roles with 403, signed-out callers with 401, and bad filters with 400", async () => {
      for (const who of ["nurse", "physician", "jamie"]) {
        const res = await search(who);
        expect(res.statusCode, who).toBe(403);
        expect(res.json().error.code).toBe("forbidden");
      }
      expect((await t.app.inject({ url: "/api/admin/audit" })).statusCode).toBe(401);
      for (const query of ["?cursor=x1", "?outcome=maybe", "?userId=nope", "?from=yesterday", "?limit=500"]) {
        expect((await search("admin", query)).statusCode, query).toBe(400);
      }
      const backwards = await search("admin", "?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z");
      expect(backwards.statusCode).toBe(400);
    });
  });
});
