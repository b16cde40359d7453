import { describe, expect, it } from "vitest";
import { passwordLogin, send } from "../../test/api.ts";
import { useTestApp } from "../../test/app.ts";
import {
  makePatient,
  makeProxyGrant,
  makeStaff,
  makeUser,
  signIn,
  signInNewPatient,
  TEST_PASSWORD,
  type TestUser,
} from "../../test/factories.ts";

describe("the signed-in account", () => {
  const t = useTestApp();

  const reauth = (headers: Record<string, string>, password = TEST_PASSWORD) =>
    t.app.inject({ method: "POST", url: "/api/auth/reauthenticate", headers, payload: { password } });
  const me = (headers: Record<string, string>) => t.app.inject({ method: "GET", url: "/api/me", headers });

  it("lists self first, then patients of grants in force, with adolescent parents restricted", async () => {
    const now = t.clock.now();
    const year = now.getUTCFullYear();
    const caregiver = await makePatient(t, { withLogin: true, given: "Samuel", preferred: "Sam", family: "Rivera" });
    const child = await makePatient(t, { given: "Jamie", family: "Rivera", dateOfBirth: `${year - 8}-01-01` });
    const teen = await makePatient(t, { given: "Taylor", family: "Rivera", dateOfBirth: `${year - 15}-01-01` });
    const expired = await makePatient(t, { given: "Old", family: "Grant" });
    const revoked = await makePatient(t, { given: "Revoked", family: "Grant" });
    const future = await makePatient(t, { given: "Future", family: "Grant" });
    const proxy = caregiver.user as TestUser;
    await makeProxyGrant(t, { patientId: child.id, proxyUserId: proxy.id, relationship: "parent" });
    await makeProxyGrant(t, { patientId: teen.id, proxyUserId: proxy.id, relationship: "parent" });
    await makeProxyGrant(t, { patientId: expired.id, proxyUserId: proxy.id, endsAt: new Date(now.getTime() - 1000) });
    await makeProxyGrant(t, { patientId: revoked.id, proxyUserId: proxy.id, revokedAt: now });
    await makeProxyGrant(t, {
      patientId: future.id,
      proxyUserId: proxy.id,
      startsAt: new Date(now.getTime() + 86_400_000),
    });

    const client = await signIn(t, proxy);
    const body = (await me(client.headers)).json();
    expect(body.roles).toEqual(["patient"]);
    expect(body.csrfToken).toBe(client.csrfToken);
    expect(body.patients.map((p: { name: string }) => p.name)).toEqual(["Sam Rivera", "Jamie Rivera", "Taylor Rivera"]);
    expect(body.patients[0]).toMatchObject({ id: caregiver.id, relationship: "self", restricted: false });
    expect(body.patients[1]).toMatchObject({ relationship: "parent", restricted: false });
    expect(body.patients[1].scopes).toContain("messages");
    expect(body.patients[2]).toMatchObject({ relationship: "parent", restricted: true });
    expect(body.patients[2].scopes.sort()).toEqual(["appointments", "medications"]);
    expect(body.session.idleTimeoutSeconds).toBe(1800);
  });

  it("changes display name and language, refusing a blank name", async () => {
    const { client } = await signInNewPatient(t);
    const res = await send(t, client, "PATCH", "/api/me", { locale: "es", displayName: "  Jo   Tester " });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ locale: "es", displayName: "Jo Tester" });
    const blank = await send(t, client, "PATCH", "/api/me", { displayName: "   " });
    expect(blank.statusCode).toBe(400);
    const bad = await send(t, client, "PATCH", "/api/me", { locale: "fr" });
    expect(bad.statusCode).toBe(400);
    expect((await me(client.headers)).json().user).toMatchObject({ locale: "es", displayName: "Jo Tester" });
  });

  it("requires re-authentication to change the password, then ends every other session", async () => {
    const patient = await makePatient(t, { withLogin: true });
    const user = patient.user as TestUser;
    const here = await signIn(t, user);
    const elsewhere = await signIn(t, user);
    const change = () =>
      send(t, here, "POST", "/api/auth/password", {
        currentPassword: TEST_PASSWORD,
        newPassword: "Velvet-otter-canyon-77",
      });
    const refused = await change();
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.code).toBe("reauthentication_required");

    const wrong = await reauth(here.headers, "not-my-password");
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe("invalid_credentials");
    const ok = await reauth(here.headers);
    expect(ok.statusCode).toBe(200);
    expect(new Date(ok.json().reauthenticatedUntil).getTime()).toBe(t.clock.now().getTime() + 5 * 60_000);

    expect((await change()).statusCode).toBe(204);
    expect((await me(here.headers)).statusCode).toBe(200);
    expect((await me(elsewhere.headers)).statusCode).toBe(401);
    const oldPassword = await passwordLogin(t, user.email, TEST_PASSWORD);
    expect(oldPassword.statusCode).toBe(401);
    const newPassword = await passwordLogin(t, user.email, "Velvet-otter-canyon-77");
    expect(newPassword.statusCode).toBe(200);
    const mail = await t.database.db.selectFrom("jobs").select("payload").where("queue", "=", "mail.send").execute();
    expect(mail.some((j) => JSON.stringify(j.payload).includes("password_changed"))).toBe(true);
  });

  it("re-authentication lasts five minutes", async () => {
    const { client } = await signInNewPatient(t);
    await reauth(client.headers);
    t.clock.advance({ minutes: 5, seconds: 1 });
    const res = await send(t, client, "POST", "/api/auth/email", { email: "new-address@example.test" });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe("reauthentication_required");
  });

  it("refuses weak and common passwords with suggestions, keeping the old one", async () => {
    const { client } = await signInNewPatient(t, { email: "casey.lin@example.test" });
    await reauth(client.headers);
    for (const weak of ["password1", "qwerty123", "Portico2026", "portico-2026", "casey.lin2026", "iloveyou12"]) {
      const res = await send(t, client, "POST", "/api/auth/password", {
        currentPassword: TEST_PASSWORD,
        newPassword: weak,
      });
      expect(res.statusCode, weak).toBe(422);
      expect(res.json().error.code).toBe("weak_password");
      expect(res.json().error.details.suggestions.length).toBeGreaterThan(0);
    }
    const tooShort = await send(t, client, "POST", "/api/auth/password", {
      currentPassword: TEST_PASSWORD,
      newPassword: "short",
    });
    expect(tooShort.statusCode).toBe(400);
    const login = await passwordLogin(t, "casey.lin@example.test", TEST_PASSWORD);
    expect(login.statusCode).toBe(200);
  });

  it("changes the email after re-authentication and refuses one another account uses", async () => {
    const patient = await makePatient(t, { withLogin: true });
    const taken = await makeUser(t);
    const client = await signIn(t, patient.user as TestUser);
    await reauth(client.headers);
    const clash = await send(t, client, "POST", "/api/auth/email", { email: taken.email.toUpperCase() });
    expect(clash.statusCode).toBe(409);
    const res = await send(t, client, "POST", "/api/auth/email", { email: "Fresh.Address@example.test" });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.email).toBe("Fresh.Address@example.test");
    const login = await passwordLogin(t, "fresh.address@example.test", TEST_PASSWORD);
    expect(login.statusCode).toBe(200);
  });

  it("gives staff their roles and no patients unless they are also a patient", async () => {
    const physician = await makeStaff(t, "physician");
    const client = await signIn(t, physician);
    const body = (await me(client.headers)).json();
    expect(body.roles).toEqual(["physician"]);
    expect(body.patients).toEqual([]);
    expect(body.session.idleTimeoutSeconds).toBe(900);
  });
});
