import { describe, expect, it } from "vitest";
import { lastMailedToken, lastQueuedMail } from "../../test/api.ts";
import { useTestApp } from "../../test/app.ts";
import {
  makePatient,
  makeProxy,
  makeProxyGrant,
  makeStaff,
  makeUser,
  signIn,
  signInNewPatient,
  signInNewStaff,
} from "../../test/factories.ts";
import { INVITATION_DAYS } from "./service.ts";
import { acceptInvitation, inviteCaregiver, listProxies, previewInvitation } from "./test-invitations.ts";

const t = useTestApp();

const yearsAgo = (years: number, days = 30) => {
  const d = new Date(t.clock.now());
  d.setUTCFullYear(d.getUTCFullYear() - years);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
};

describe("caregiver invitations", () => {
  it("creates a grant once; a reused or expired token is refused; the proxy cannot grant onward", async () => {
    const { patient, client } = await signInNewPatient(t, { given: "Alexandra", preferred: "Alex" });
    const invite = await inviteCaregiver(t, client, patient.id, {
      email: "helper@example.test",
      relationship: "spouse",
      scopes: ["appointments", "messages"],
    });
    expect(invite.statusCode).toBe(201);
    const token = await lastMailedToken(t);
    expect(JSON.stringify(await lastQueuedMail(t))).not.toContain("Alex");

    const preview = await previewInvitation(t, token);
    expect(preview.json()).toMatchObject({ inviterFirstName: "Alex" });

    const helper = await makeUser(t, { email: "helper@example.test" });
    const helperClient = await signIn(t, helper);
    const accept = await acceptInvitation(t, helperClient, token);
    expect(accept.statusCode).toBe(200);
    expect(accept.json().effectiveScopes).toEqual(["appointments", "messages"]);
    const reuse = await acceptInvitation(t, helperClient, token);
    expect(reuse.statusCode).toBe(404);

    const fresh = await signIn(t, helper);
    const onward = await inviteCaregiver(t, fresh, patient.id, {
      email: "third@example.test",
      relationship: "other",
      scopes: ["appointments"],
    });
    expect(onward.statusCode).toBe(404);

    const second = await inviteCaregiver(t, client, patient.id, {
      email: "late@example.test",
      relationship: "other",
      scopes: ["appointments"],
    });
    const token2 = await lastMailedToken(t);
    expect(second.statusCode).toBe(201);
    t.clock.advance({ days: 8 });
    const late = await signIn(t, await makeUser(t, { email: "late@example.test" }));
    const expired = await acceptInvitation(t, late, token2);
    expect(expired.statusCode).toBe(404);
    t.clock.advance({ days: -8 });
  });
});

describe("adolescent grants", () => {
  it("shows the teen who has access with the restricted effective scopes, and staff grants need the front desk", async () => {
    const teen = await makePatient(t, { withLogin: true, dateOfBirth: yearsAgo(15) });
    await makeProxy(t, { patientId: teen.id, relationship: "parent" });
    const client = await signIn(t, teen.user as NonNullable<typeof teen.user>);
    const list = await listProxies(t, client, teen.id);
    expect(list.statusCode).toBe(200);
    expect(list.json().grants[0]).toMatchObject({ restricted: true, effectiveScopes: ["appointments", "medications"] });
    expect(list.json().canManage).toBe(false);

    const desk = await signInNewStaff(t, "front_desk");
    const other = await makeUser(t);
    const staffGrant = await t.app.inject({
      method: "POST",
      url: `/api/patients/${teen.id}/proxies`,
      headers: desk.headers,
      payload: {
        proxyEmail: other.email,
        relationship: "guardian",
        scopes: ["appointments", "messages"],
        reason: "Court-appointed guardian",
      },
    });
    expect(staffGrant.statusCode).toBe(201);
    expect(staffGrant.json().effectiveScopes).toEqual(["appointments"]);
  });

  it("ends parent grants at 18 from the daily job", async () => {
    const adult = await makePatient(t, { dateOfBirth: yearsAgo(18, 2) });
    const parent = await makeUser(t);
    const grantId = await makeProxyGrant(t, {
      patientId: adult.id,
      proxyUserId: parent.id,
      relationship: "parent",
      startsAt: new Date(t.clock.now().getTime() - 400 * 86_400_000),
    });
    const ended = await t.app.services.proxies.endParentalAccessAtMajority();
    expect(ended).toBeGreaterThanOrEqual(1);
    const grant = await t.database.db
      .selectFrom("proxy_grants")
      .select("ends_at")
      .where("id", "=", grantId)
      .executeTakeFirstOrThrow();
    expect(grant.ends_at?.toISOString().slice(0, 10)).toBe(
      `${Number(adult.dateOfBirth.slice(0, 4)) + 18}${adult.dateOfBirth.slice(4)}`,
    );
  });
});

describe("clinic administration", () => {
  it("deactivating a staff account ends its sessions", async () => {
    const admin = await signInNewStaff(t, "admin");
    const nurse = await makeStaff(t, "nurse");
    const nurseClient = await signIn(t, nurse);
    const res = await t.app.inject({
      method: "PATCH",
      url: `/api/admin/staff/${nurse.id}`,
      headers: admin.headers,
      payload: { status: "disabled" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe("disabled");
    const me = await t.app.inject({ method: "GET", url: "/api/me", headers: nurseClient.headers });
    expect(me.statusCode).toBe(401);
  });

  it("refuses an unknown time zone", async () => {
    const admin = await signInNewStaff(t, "admin");
    const res = await t.app.inject({
      method: "POST",
      url: "/api/locations",
      headers: admin.headers,
      payload: {
        name: "Nowhere",
        address: { line1: "1 A St", city: "X", region: "NY", postalCode: "10001", country: "US" },
        timeZone: "Mars/Olympus",
        hours: [],
      },
    });
    expect(res.statusCode).toBe(400);
  });
});

describe("caregiver invitation lifetime", () => {
  it("is stated once: the response's expiresAt and both languages of the email agree with INVITATION_DAYS", async () => {
    const { patient, client } = await signInNewPatient(t);
    const invite = await inviteCaregiver(t, client, patient.id, {
      email: "lifetime@example.test",
      relationship: "spouse",
      scopes: ["appointments"],
    });
    expect(invite.statusCode).toBe(201);
    const body = invite.json() as { createdAt: string; expiresAt: string };
    const lifetime = Date.parse(body.expiresAt) - Date.parse(body.createdAt);
    expect(Math.abs(lifetime - INVITATION_DAYS * 86_400_000)).toBeLessThan(60_000);

    const params = ((await lastQueuedMail(t)) as { params: Record<string, unknown> }).params;
    const en = t.app.services.mailer.render("proxy.invitation", "en", params);
    const es = t.app.services.mailer.render("proxy.invitation", "es", params);
    expect(en.text).toContain(`expires in ${INVITATION_DAYS} days`);
    expect(es.text).toContain(`vence en ${INVITATION_DAYS} días`);
  });
});
