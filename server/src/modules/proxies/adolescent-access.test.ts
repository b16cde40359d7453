import { randomUUID } from "node:crypto";
import { ALL_SCOPES, type ProxyScope } from "@portico/contracts";
import { beforeAll, describe, expect, it } from "vitest";
import { type Actor, runWithContext } from "../../platform/context.ts";
import type { DomainError } from "../../platform/errors.ts";
import { lastMailedToken, send } from "../../test/api.ts";
import { useTestApp } from "../../test/app.ts";
import {
  makePatient,
  makeUser,
  type SignedInClient,
  signIn,
  signInNewPatient,
  signInNewStaff,
  type TestPatient,
  type TestUser,
} from "../../test/factories.ts";
import { addVisit, makeTestClinic, type TestClinic } from "../scheduling/test-clinic.ts";
import { acceptInvitation, inviteCaregiver, listProxies, previewInvitation } from "./test-invitations.ts";

/**
 * The adolescent and proxy rules of SPEC §2.2 through the HTTP API, on a real database: a
 * staff-made parent grant to a 15-year-old, what the parent and the teen each see, and what a
 * proxy may never do.
 */
const t = useTestApp();

const DAY_MS = 86_400_000;

let clinic: TestClinic;
let desk: SignedInClient;
let teen: TestPatient;
let parent: TestUser;
let grantId: string;

/** "YYYY-MM-DD" for someone `years` old whose birthday was `daysSince` days ago. */
function bornYearsAgo(years: number, daysSince: number): string {
  const d = new Date(t.clock.now());
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return new Date(d.getTime() - daysSince * DAY_MS).toISOString().slice(0, 10);
}

/** The actor the server builds from this client's session cookie (for checks no route exposes yet). */
async function sessionActor(client: SignedInClient): Promise<Actor> {
  const token = decodeURIComponent(client.cookie.slice(client.cookie.indexOf("=") + 1));
  const session = await t.app.services.identity.sessions.authenticate(token);
  if (!session) throw new Error("the session cookie did not authenticate");
  return session.actor;
}

/** The enforcement point's answer for a scope no route serves yet (messages, medications). */
async function gate(client: SignedInClient, patientId: string, scope: ProxyScope) {
  const actor = await sessionActor(client);
  const context = { requestId: `req-${randomUUID()}`, ip: "198.51.100.7", userAgent: "Vitest", actor };
  return runWithContext(context, () =>
    t.app.services.access
      .authorizePatient(patientId, { scope, action: "read", resourceType: "test_record" })
      .then(() => "allowed" as const)
      .catch((error: DomainError) => error.code),
  );
}

async function addAppointment(patientId: string, inDays: number): Promise<string> {
  const start = new Date(t.clock.now().getTime() + inDays * DAY_MS);
  start.setUTCHours(15, 0, 0, 0);
  return addVisit(t, clinic, { patientId, start });
}

beforeAll(async () => {
  clinic = await makeTestClinic(t);
  desk = await signInNewStaff(t, "front_desk");
  teen = await makePatient(t, { withLogin: true, given: "Taylor", dateOfBirth: bornYearsAgo(15, 40) });
  parent = await makeUser(t, { displayName: "Sam Parent" });
  await addAppointment(teen.id, 5);
  const res = await send(t, desk, "POST", `/api/patients/${teen.id}/proxies`, {
    proxyEmail: parent.email,
    relationship: "parent",
    scopes: ALL_SCOPES,
    reason: "Parent of a minor",
  });
  expect(res.statusCode).toBe(201);
  grantId = res.json().id;
});

describe("a parent's grant to a 15-year-old, made by the front desk", () => {
  it("is stored with every requested scope but in force only for appointments and medications", async () => {
    const res = await send(t, desk, "GET", `/api/patients/${teen.id}/proxies`);
    expect(res.statusCode).toBe(200);
    const grant = res.json().grants.find((g: { id: string }) => g.id === grantId);
    expect(grant).toMatchObject({
      relationship: "parent",
      restricted: true,
      inForce: true,
      effectiveScopes: ["appointments", "medications"],
      reason: "Parent of a minor",
      proxy: { userId: parent.id },
    });
    expect([...grant.scopes].sort()).toEqual([...ALL_SCOPES].sort());
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select(["action", "outcome"])
      .where("resource_type", "=", "proxy_grant")
      .where("resource_id", "=", grantId)
      .execute();
    expect(audit).toContainEqual({ action: "grant", outcome: "success" });
  });

  it("lets the parent read appointments and medications, and answers 404 for messages and records", async () => {
    const client = await signIn(t, parent);
    const me = await send(t, client, "GET", "/api/me");
    expect(me.statusCode).toBe(200);
    const acting = me.json().patients.find((p: { id: string }) => p.id === teen.id);
    expect(acting).toMatchObject({ relationship: "parent" });
    expect([...acting.scopes].sort()).toEqual(["appointments", "medications"]);

    const appointments = await send(t, client, "GET", `/api/patients/${teen.id}/appointments`);
    expect(appointments.statusCode).toBe(200);
    expect(JSON.stringify(appointments.json())).toContain(teen.id);

    const accessLog = await send(t, client, "GET", `/api/patients/${teen.id}/access-log`);
    expect(accessLog.statusCode).toBe(404);
    expect(accessLog.json().error.code).toBe("not_found");

    // same answer as for a chart that does not exist
    const missing = await send(t, client, "GET", `/api/patients/${randomUUID()}/access-log`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toBe(accessLog.json().error.message);

    expect(await gate(client, teen.id, "medications")).toBe("allowed");
    expect(await gate(client, teen.id, "messages")).toBe("not_found");
    expect(await gate(client, teen.id, "records")).toBe("not_found");

    const denied = await t.database.db
      .selectFrom("audit_log")
      .select(["resource_type", "outcome"])
      .where("actor_user_id", "=", parent.id)
      .where("patient_id", "=", teen.id)
      .where("outcome", "=", "denied")
      .execute();
    expect(denied.length).toBeGreaterThanOrEqual(3);
  });

  it("shows the teen who has access and the scopes in effect, without letting them change grants", async () => {
    const client = await signIn(t, teen.user as TestUser);
    const list = await listProxies(t, client, teen.id);
    expect(list.statusCode).toBe(200);
    expect(list.json().canManage).toBe(false);
    expect(list.json().pendingInvitations).toEqual([]);
    expect(list.json().grants).toHaveLength(1);
    expect(list.json().grants[0]).toMatchObject({
      id: grantId,
      proxy: { displayName: "Sam Parent", email: parent.email },
      effectiveScopes: ["appointments", "medications"],
      restricted: true,
    });

    const revoke = await send(t, client, "DELETE", `/api/patients/${teen.id}/proxies/${grantId}`);
    expect(revoke.statusCode).toBe(404);
    const invite = await inviteCaregiver(t, client, teen.id, {
      email: "friend@example.test",
      relationship: "other",
      scopes: ["appointments"],
    });
    expect(invite.statusCode).toBe(404);
    const grant = await t.database.db
      .selectFrom("proxy_grants")
      .select("revoked_at")
      .where("id", "=", grantId)
      .executeTakeFirstOrThrow();
    expect(grant.revoked_at).toBeNull();
    const invitations = await t.database.db
      .selectFrom("proxy_invitations")
      .select("id")
      .where("patient_id", "=", teen.id)
      .execute();
    expect(invitations).toEqual([]);
  });
});

describe("what a proxy can never do for the patient", () => {
  it("refuses a proxy's grant (403), invitation (404) and revocation (404), and changes nothing", async () => {
    const { patient: adult, client: patientClient } = await signInNewPatient(t);
    const helper = await makeUser(t);
    const invite = await inviteCaregiver(t, patientClient, adult.id, {
      email: helper.email,
      relationship: "caregiver",
      scopes: ALL_SCOPES,
    });
    expect(invite.statusCode).toBe(201);
    const token = await lastMailedToken(t);
    const helperClient = await signIn(t, helper);
    const accepted = await acceptInvitation(t, helperClient, token);
    expect(accepted.statusCode).toBe(200);
    const helperGrant = accepted.json().id as string;
    const before = await grantsAndInvitations(adult.id);

    const third = await makeUser(t);
    const grant = await send(t, helperClient, "POST", `/api/patients/${adult.id}/proxies`, {
      proxyEmail: third.email,
      relationship: "other",
      scopes: ["appointments"],
      reason: "Helping out",
    });
    expect(grant.statusCode).toBe(403);
    const onward = await inviteCaregiver(t, helperClient, adult.id, {
      email: third.email,
      relationship: "other",
      scopes: ["appointments"],
    });
    expect(onward.statusCode).toBe(404);
    const revokeOwn = await send(t, helperClient, "DELETE", `/api/patients/${adult.id}/proxies/${helperGrant}`);
    expect(revokeOwn.statusCode).toBe(404);
    const list = await listProxies(t, helperClient, adult.id);
    expect(list.statusCode).toBe(404);

    expect(await grantsAndInvitations(adult.id)).toEqual(before);
  });

  it("refuses a used invitation link to anyone, including the person who used it, and creates no second grant", async () => {
    const { patient: adult, client: patientClient } = await signInNewPatient(t);
    const invited = await makeUser(t);
    const invite = await inviteCaregiver(t, patientClient, adult.id, {
      email: invited.email,
      relationship: "spouse",
      scopes: ["appointments"],
    });
    expect(invite.statusCode).toBe(201);
    const token = await lastMailedToken(t);
    const first = await signIn(t, invited);
    const accept = () => acceptInvitation(t, first, token);
    expect((await accept()).statusCode).toBe(200);

    const again = await accept();
    expect(again.statusCode).toBe(404);
    const someoneElse = await signIn(t, await makeUser(t));
    const other = await acceptInvitation(t, someoneElse, token);
    expect(other.statusCode).toBe(404);
    const preview = await previewInvitation(t, token);
    expect(preview.statusCode).toBe(404);

    const grants = await t.database.db
      .selectFrom("proxy_grants")
      .select("proxy_user_id")
      .where("patient_id", "=", adult.id)
      .execute();
    expect(grants).toEqual([{ proxy_user_id: invited.id }]);
    const refusals = await t.database.db
      .selectFrom("audit_log")
      .select("details")
      .where("resource_type", "=", "proxy_invitation")
      .where("action", "=", "accept")
      .where("outcome", "=", "denied")
      .where("resource_id", "=", invite.json().id)
      .execute();
    expect(refusals).toHaveLength(2);
    expect(refusals.map((r) => (r.details as { reason?: string }).reason)).toEqual(["used", "used"]);
  });
});

async function grantsAndInvitations(patientId: string) {
  const grants = await t.database.db
    .selectFrom("proxy_grants")
    .select(["id", "proxy_user_id", "scopes", "ends_at", "revoked_at"])
    .where("patient_id", "=", patientId)
    .orderBy("id")
    .execute();
  const invitations = await t.database.db
    .selectFrom("proxy_invitations")
    .select(["id", "email", "accepted_at", "revoked_at"])
    .where("patient_id", "=", patientId)
    .orderBy("id")
    .execute();
  return { grants, invitations };
}
