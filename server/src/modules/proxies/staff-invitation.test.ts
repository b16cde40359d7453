import { describe, expect, it } from "vitest";
import { send } from "../../test/api.ts";
import { useTestApp } from "../../test/app.ts";
import { makePatient, makeStaff, makeUser, sessionCookieFrom, signIn, signInNewStaff } from "../../test/factories.ts";

const t = useTestApp();
const PASSWORD = "Copper-meadow-violin-83";

const yearsAgo = (years: number) => {
  const d = new Date(t.clock.now());
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d.toISOString().slice(0, 10);
};

const staffGrant = (patientId: string, headers: Record<string, string>, payload: Record<string, unknown> = {}) =>
  t.app.inject({
    method: "POST",
    url: `/api/patients/${patientId}/proxies`,
    headers,
    payload: {
      proxyEmail: "new.parent@example.test",
      relationship: "parent",
      scopes: ["appointments", "medications"],
      reason: "Mother, birth certificate seen at the desk",
      ...payload,
    },
  });

/** The mail jobs queued to `to`, newest first. */
const mailTo = async (to: string) =>
  (
    await t.database.db
      .selectFrom("jobs")
      .select("payload")
      .where("queue", "=", "mail.send")
      .orderBy("id", "desc")
      .execute()
  )
    .map((j) => JSON.stringify(j.payload))
    .filter((p) => p.toLowerCase().includes(to.toLowerCase()));

const tokenIn = (payload: string) => /token=([A-Za-z0-9_-]+)/.exec(payload)?.[1] as string;

const register = (token: string) =>
  send(t, null, "POST", "/api/invitations/register", {
    token,
    displayName: "Rosa Díaz",
    password: PASSWORD,
    locale: "es",
  });

describe("staff grant to someone without a portal account", () => {
  it("waits as an emailed invitation; the caregiver-only login made from it holds the grant with the staff reason", async () => {
    const child = await makePatient(t, { given: "Sofía", dateOfBirth: yearsAgo(6), language: "es" });
    const deskUser = await makeStaff(t, "front_desk", { displayName: "Dana Front" });
    const desk = await signIn(t, deskUser);
    const email = `Parent.${Date.now()}@example.test`;

    const res = await staffGrant(child.id, desk.headers, { proxyEmail: email });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({
      status: "invited",
      replacedEarlier: false,
      invitation: { email, relationship: "parent", scopes: ["appointments", "medications"], fromClinic: true },
    });
    // no account was made yet, and no grant
    expect(
      await t.database.db
        .selectFrom("users")
        .select("id")
        .where("email_normalized", "=", email.toLowerCase())
        .execute(),
    ).toHaveLength(0);
    expect(
      await t.database.db.selectFrom("proxy_grants").select("id").where("patient_id", "=", child.id).execute(),
    ).toHaveLength(0);

    // the staff member sees it waiting on the patient's caregiver list
    const list = await send(t, desk, "GET", `/api/patients/${child.id}/proxies`);
    expect(list.json().pendingInvitations).toEqual([expect.objectContaining({ email, fromClinic: true })]);

    // emailed, in the chart's language, with the link and no patient name
    const mails = await mailTo(email);
    expect(mails).toHaveLength(1);
    const mail = mails[0] as string;
    expect(mail).toContain("proxy.staff_invitation");
    expect(mail).toContain('"locale":"es"');
    expect(mail).not.toContain("Sofía");
    expect(mail).not.toContain(child.name.split(" ")[1] as string);
    const token = tokenIn(mail);
    expect(token).toBeTruthy();

    const preview = await send(t, null, "POST", "/api/invitations/preview", { token });
    expect(preview.json()).toMatchObject({ fromClinic: true, inviterFirstName: "Sofía" });

    // the parent creates a caregiver-only login from the link: the grant is in force
    const signUp = await register(token);
    expect(signUp.statusCode).toBe(201);
    expect(signUp.json().grant).toMatchObject({
      patientId: child.id,
      relationship: "parent",
      effectiveScopes: ["appointments", "medications"],
      reason: "Mother, birth certificate seen at the desk",
      grantedBy: "Dana Front",
      proxy: { email, displayName: "Rosa Díaz" },
    });
    const headers = { cookie: sessionCookieFrom(signUp) as string, "x-csrf-token": signUp.json().csrfToken as string };
    const me = await t.app.inject({ method: "GET", url: "/api/me", headers });
    expect(me.json().roles).toEqual([]);
    expect(me.json().patients).toEqual([expect.objectContaining({ id: child.id })]);
    const appointments = await t.app.inject({
      method: "GET",
      url: `/api/patients/${child.id}/appointments`,
      headers,
    });
    expect(appointments.statusCode).toBe(200);

    // used up: no longer waiting, and the link works once
    const after = await send(t, desk, "GET", `/api/patients/${child.id}/proxies`);
    expect(after.json().pendingInvitations).toEqual([]);
    expect(after.json().grants).toEqual([expect.objectContaining({ proxy: expect.objectContaining({ email }) })]);
    expect((await register(token)).statusCode).toBe(404);
  });

  it("answers 404 for a record the staff member may not see, before looking at the email, and sends nothing", async () => {
    const pending = await makePatient(t, { status: "pending_verification", dateOfBirth: yearsAgo(8) });
    const desk = await signInNewStaff(t, "front_desk");
    const email = `hidden.${Date.now()}@example.test`;
    const existing = await makeUser(t);
    for (const proxyEmail of [email, existing.email]) {
      const res = await staffGrant(pending.id, desk.headers, { proxyEmail });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe("not_found");
      expect(JSON.stringify(res.json())).not.toContain("proxyEmail");
    }
    const missing = await staffGrant("00000000-0000-4000-8000-000000000000", desk.headers, { proxyEmail: email });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe("not_found");
    // exactly like a record that does not exist
    expect((await staffGrant(pending.id, desk.headers, { proxyEmail: email })).json()).toEqual(missing.json());
    expect(
      await t.database.db.selectFrom("proxy_invitations").select("id").where("patient_id", "=", pending.id).execute(),
    ).toHaveLength(0);
    expect(await mailTo(email)).toHaveLength(0);

    // and only the front desk grants
    const nurse = await signInNewStaff(t, "nurse");
    const child = await makePatient(t, { dateOfBirth: yearsAgo(8) });
    expect([403, 404]).toContain((await staffGrant(child.id, nurse.headers, { proxyEmail: email })).statusCode);
    expect(await mailTo(email)).toHaveLength(0);
  });

  it("a second grant to the same email replaces the waiting invitation; an account that already has access is a 409 on the email field", async () => {
    const child = await makePatient(t, { dateOfBirth: yearsAgo(4) });
    const desk = await signInNewStaff(t, "front_desk");
    const email = `twice.${Date.now()}@example.test`;

    expect((await staffGrant(child.id, desk.headers, { proxyEmail: email })).statusCode).toBe(202);
    const first = tokenIn((await mailTo(email))[0] as string);
    const again = await staffGrant(child.id, desk.headers, {
      proxyEmail: email.toUpperCase(),
      scopes: ["appointments"],
    });
    expect(again.statusCode).toBe(202);
    expect(again.json().replacedEarlier).toBe(true);
    const second = tokenIn((await mailTo(email))[0] as string);
    expect(second).not.toBe(first);

    const list = await send(t, desk, "GET", `/api/patients/${child.id}/proxies`);
    expect(list.json().pendingInvitations).toHaveLength(1);
    expect(list.json().pendingInvitations[0].scopes).toEqual(["appointments"]);

    expect((await register(first)).statusCode).toBe(404);
    expect((await register(second)).statusCode).toBe(201);

    // now an account: a new staff grant to it is a duplicate, named on the email field
    const duplicate = await staffGrant(child.id, desk.headers, { proxyEmail: email });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.details).toEqual([{ field: "proxyEmail", problem: "already has access" }]);
    expect(
      await t.database.db.selectFrom("proxy_grants").select("id").where("patient_id", "=", child.id).execute(),
    ).toHaveLength(1);
  });

  it("an existing account is granted at once as before; a turned-off account and the patient's own are refused on the email field", async () => {
    const child = await makePatient(t, { dateOfBirth: yearsAgo(9) });
    const desk = await signInNewStaff(t, "front_desk");
    const parent = await makeUser(t);
    const granted = await staffGrant(child.id, desk.headers, { proxyEmail: parent.email });
    expect(granted.statusCode).toBe(201);
    expect(granted.json()).toMatchObject({ patientId: child.id, proxy: { userId: parent.id } });
    expect(await mailTo(parent.email)).toHaveLength(0);

    const off = await makeUser(t, { status: "disabled" });
    const refused = await staffGrant(child.id, desk.headers, { proxyEmail: off.email });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details).toEqual([{ field: "proxyEmail", problem: "account not active" }]);

    const adult = await makePatient(t, { withLogin: true });
    const self = await staffGrant(adult.id, desk.headers, {
      proxyEmail: adult.user?.email,
      relationship: "legal_representative",
    });
    expect(self.statusCode).toBe(400);
    expect(self.json().error.details).toEqual([{ field: "proxyEmail", problem: "the patient's own account" }]);
    expect(
      await t.database.db.selectFrom("proxy_invitations").select("id").where("patient_id", "=", child.id).execute(),
    ).toHaveLength(0);
  });
});
