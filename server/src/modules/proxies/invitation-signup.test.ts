import { describe, expect, it } from "vitest";
import { lastMailedToken } from "../../test/api.ts";
import { useTestApp } from "../../test/app.ts";
import { makeUser, sessionCookieFrom, signInNewPatient } from "../../test/factories.ts";
import { inviteCaregiver } from "./test-invitations.ts";

const t = useTestApp();
const PASSWORD = "Copper-meadow-violin-83";

/** Alex invites `email`; returns the patient and the token from the queued invitation email. */
async function invite(email: string, scopes: string[] = ["appointments"]) {
  const { patient, client } = await signInNewPatient(t, { given: "Alexandra", preferred: "Alex" });
  const res = await inviteCaregiver(t, client, patient.id, { email, relationship: "spouse", scopes });
  expect(res.statusCode).toBe(201);
  const token = await lastMailedToken(t);
  expect(token).toBeTruthy();
  return { patient, token };
}

const register = (payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
  t.app.inject({ method: "POST", url: "/api/invitations/register", headers, payload });

const usersWithEmail = async (email: string) =>
  (await t.database.db.selectFrom("users").select("id").where("email_normalized", "=", email.toLowerCase()).execute())
    .length;

const grantsOf = async (patientId: string) =>
  (await t.database.db.selectFrom("proxy_grants").select("id").where("patient_id", "=", patientId).execute()).length;

describe("creating a caregiver account from an invitation", () => {
  it("creates a login with the invited email, grants the invited scopes and signs in", async () => {
    const { patient, token } = await invite("New.Carer@example.test", ["appointments", "messages"]);
    const res = await register({ token, displayName: "  Jordan   Lee ", password: PASSWORD, locale: "es" });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.grant).toMatchObject({
      patientId: patient.id,
      relationship: "spouse",
      effectiveScopes: ["appointments", "messages"],
      proxy: { displayName: "Jordan Lee", email: "New.Carer@example.test" },
    });
    const cookie = sessionCookieFrom(res) as string;
    expect(cookie).toBeTruthy();
    const headers = { cookie, "x-csrf-token": body.csrfToken as string };

    const me = await t.app.inject({ method: "GET", url: "/api/me", headers });
    expect(me.statusCode).toBe(200);
    expect(me.json().user).toMatchObject({ email: "New.Carer@example.test", locale: "es", mfaEnabled: false });
    expect(me.json().roles).toEqual([]);
    expect(me.json().patients).toEqual([
      expect.objectContaining({ id: patient.id, scopes: ["appointments", "messages"] }),
    ]);

    const user = await t.database.db
      .selectFrom("users")
      .select("id")
      .where("email_normalized", "=", "new.carer@example.test")
      .executeTakeFirstOrThrow();
    const ownRecord = await t.database.db
      .selectFrom("patients")
      .select("id")
      .where("user_id", "=", user.id)
      .executeTakeFirst();
    expect(ownRecord).toBeUndefined();

    const inScope = await t.app.inject({ method: "GET", url: `/api/patients/${patient.id}/appointments`, headers });
    expect(inScope.statusCode).toBe(200);
    // who has access is the patient's to see and manage: outside any caregiver's scope
    const outOfScope = await t.app.inject({ method: "GET", url: `/api/patients/${patient.id}/proxies`, headers });
    expect(outOfScope.statusCode).toBe(404);

    const invitation = await t.database.db
      .selectFrom("proxy_invitations")
      .select(["accepted_at", "accepted_by", "grant_id"])
      .where("patient_id", "=", patient.id)
      .executeTakeFirstOrThrow();
    expect(invitation.accepted_at).not.toBeNull();
    expect(invitation.accepted_by).toBe(user.id);
    expect(invitation.grant_id).toBe(body.grant.id);

    const audit = await t.database.db
      .selectFrom("audit_log")
      .select(["action", "actor_user_id"])
      .where("actor_user_id", "=", user.id)
      .where("action", "in", ["account_created", "accept"])
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(["accept", "account_created"]);
  });

  it("refuses a token that was already used, and creates nothing more", async () => {
    const { patient, token } = await invite("twice@example.test");
    expect((await register({ token, displayName: "First Person", password: PASSWORD })).statusCode).toBe(201);
    const again = await register({ token, displayName: "Second Person", password: `${PASSWORD}x` });
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe("not_found");
    expect(await usersWithEmail("twice@example.test")).toBe(1);
    expect(await grantsOf(patient.id)).toBe(1);
  });

  it("refuses an expired token and creates no account", async () => {
    const { patient, token } = await invite("slow@example.test");
    t.clock.advance({ days: 8 });
    try {
      const res = await register({ token, displayName: "Slow Reader", password: PASSWORD });
      expect(res.statusCode).toBe(404);
      expect(await usersWithEmail("slow@example.test")).toBe(0);
      expect(await grantsOf(patient.id)).toBe(0);
    } finally {
      t.clock.advance({ days: -8 });
    }
  });

  it("refuses a weak password with details, creates nothing and leaves the link usable", async () => {
    const { patient, token } = await invite("weak@example.test");
    const res = await register({ token, displayName: "Weak Choice", password: "password123" });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe("weak_password");
    expect(res.json().error.details).toBeTruthy();
    expect(res.headers["set-cookie"]).toBeUndefined();
    expect(await usersWithEmail("weak@example.test")).toBe(0);
    expect(await grantsOf(patient.id)).toBe(0);
    const retry = await register({ token, displayName: "Weak Choice", password: PASSWORD });
    expect(retry.statusCode).toBe(201);
  });

  it("answers 409 when an account already uses the invited email, and creates nothing", async () => {
    await makeUser(t, { email: "taken@example.test" });
    const { patient, token } = await invite("Taken@Example.test");
    const res = await register({ token, displayName: "Someone Else", password: PASSWORD });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(/sign in/i);
    expect(await usersWithEmail("taken@example.test")).toBe(1);
    expect(await grantsOf(patient.id)).toBe(0);
    const invitation = await t.database.db
      .selectFrom("proxy_invitations")
      .select("accepted_at")
      .where("patient_id", "=", patient.id)
      .executeTakeFirstOrThrow();
    expect(invitation.accepted_at).toBeNull();
  });

  it("refuses a blank name and an unknown token with 4xx", async () => {
    const { token } = await invite("blank@example.test");
    const blank = await register({ token, displayName: "   ", password: PASSWORD });
    expect(blank.statusCode).toBe(400);
    expect(await usersWithEmail("blank@example.test")).toBe(0);
    const unknown = await register({ token: "x".repeat(40), displayName: "Nobody", password: PASSWORD });
    expect(unknown.statusCode).toBe(404);
  });
});
