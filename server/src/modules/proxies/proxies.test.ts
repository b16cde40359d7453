import { describe, expect, it } from "vitest";
import { useTestApp } from "../../test/app.ts";
import { makePatient, makeProxyGrant, makeStaff, makeUser, signIn } from "../../test/factories.ts";
import { INVITATION_DAYS } from "./service.ts";

const t = useTestApp();

const yearsAgo = (years: number, days = 30) => {
  const d = new Date(t.clock.now());
  d.setUTCFullYear(d.getUTCFullYear() - years);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
};

describe("caregiver invitations", () => {
  it("creates a grant once; a reused or expired token is refused; the proxy cannot grant onward", async () => {
    const patient = await makePatient(t, { withLogin: true, given: "Alexandra", preferred: "Alex" });
    const client = await signIn(t, patient.user as NonNullable<typeof patient.user>);
    const invite = await t.app.inject({
      method: "POST",
      url: `/api/patients/${patient.id}/proxies/invitations`,
      headers: client.headers,
      payload: { email: "helper@example.test", relationship: "spouse", scopes: ["appointments", "messages"] },
    });
    expect(invite.statusCode).toBe(201);
    const job = await t.database.db
      .selectFrom("jobs")
      .select("payload")
      .where("queue", "=", "mail.send")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    const token = /token=([A-Za-z0-9_-]+)/.exec(JSON.stringify(job.payload))?.[1] as string;
    expect(JSON.stringify(job.payload)).not.toContain("Alex");

    const preview = await t.app.inject({ method: "POST", url: "/api/invitations/preview", payload: { token } });
    expect(preview.json()).toMatchObject({ inviterFirstName: "Alex" });

    const helper = await makeUser(t, { email: "helper@example.test" });
    const helperClient = await signIn(t, helper);
    const accept = await t.app.inject({
      method: "POST",
      url: "/api/invitations/accept",
      headers: helperClient.headers,
      payload: { token },
    });
    expect(accept.statusCode).toBe(200);
    expect(accept.json().effectiveScopes).toEqual(["appointments", "messages"]);
    const reuse = await t.app.inject({
      method: "POST",
      url: "/api/invitations/accept",
      headers: helperClient.headers,
      payload: { token },
    });
    expect(reuse.statusCode).toBe(404);

    const fresh = await signIn(t, helper);
    const onward = await t.app.inject({
      method: "POST",
      url: `/api/patients/${patient.id}/proxies/invitations`,
      headers: fresh.headers,
      payload: { email: "third@example.test", relationship: "other", scopes: ["appointments"] },
    });
    expect(onward.statusCode).toBe(404);

    const second = await t.app.inject({
      method: "POST",
      url: `/api/patients/${patient.id}/proxies/invitations`,
      headers: client.headers,
      payload: { email: "late@example.test", relationship: "other", scopes: ["appointments"] },
    });
    const job2 = await t.database.db
      .selectFrom("jobs")
      .select("payload")
      .where("queue", "=", "mail.send")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    const token2 = /token=([A-Za-z0-9_-]+)/.exec(JSON.stringify(job2.payload))?.[1] as string;
    expect(second.statusCode).toBe(201);
    t.clock.advance({ days: 8 });
    const late = await signIn(t, await makeUser(t, { email: "late@example.test" }));
    const expired = await t.app.inject({
      method: "POST",
      url: "/api/invitations/accept",
      headers: late.headers,
      payload: { token: token2 },
    });
    expect(expired.statusCode).toBe(404);
    t.clock.advance({ days: -8 });
  });
});

describe("adolescent grants", () => {
  it("shows the teen who has access with the restricted effective scopes, and staff grants need the front desk", async () => {
    const teen = await makePatient(t, { withLogin: true, dateOfBirth: yearsAgo(15) });
    const parent = await makeUser(t);
    await makeProxyGrant(t, { patientId: teen.id, proxyUserId: parent.id, relationship: "parent" });
    const client = await signIn(t, teen.user as NonNullable<typeof teen.user>);
    const list = await t.app.inject({
      method: "GET",
      url: `/api/patients/${teen.id}/proxies`,
      headers: client.headers,
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().grants[0]).toMatchObject({ restricted: true, effectiveScopes: ["appointments", "medications"] });
    expect(list.json().canManage).toBe(false);

    const desk = await signIn(t, await makeStaff(t, "front_desk"));
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
    const admin = await signIn(t, await makeStaff(t, "admin"));
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
    const admin = await signIn(t, await makeStaff(t, "admin"));
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
    const patient = await makePatient(t, { withLogin: true });
    const client = await signIn(t, patient.user as NonNullable<typeof patient.user>);
    const invite = await t.app.inject({
      method: "POST",
      url: `/api/patients/${patient.id}/proxies/invitations`,
      headers: client.headers,
      payload: { email: "lifetime@example.test", relationship: "spouse", scopes: ["appointments"] },
    });
    expect(invite.statusCode).toBe(201);
    const body = invite.json() as { createdAt: string; expiresAt: string };
    const lifetime = Date.parse(body.expiresAt) - Date.parse(body.createdAt);
    expect(Math.abs(lifetime - INVITATION_DAYS * 86_400_000)).toBeLessThan(60_000);

    const job = await t.database.db
      .selectFrom("jobs")
      .select("payload")
      .where("queue", "=", "mail.send")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    const params = (job.payload as { params: Record<string, unknown> }).params;
    const en = t.app.services.mailer.render("proxy.invitation", "en", params);
    const es = t.app.services.mailer.render("proxy.invitation", "es", params);
    expect(en.text).toContain(`expires in ${INVITATION_DAYS} days`);
    expect(es.text).toContain(`vence en ${INVITATION_DAYS} días`);
  });
});
