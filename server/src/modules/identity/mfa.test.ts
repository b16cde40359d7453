import { describe, expect, it } from "vitest";
import { totpCodeAt } from "../../platform/auth/totp.ts";
import { passwordLogin, send } from "../../test/api.ts";
import { useTestApp } from "../../test/app.ts";
import {
  makeStaff,
  sessionCookieFrom,
  signIn,
  signInNewPatient,
  TEST_PASSWORD,
  TEST_TOTP_SECRET,
  type TestUser,
} from "../../test/factories.ts";

describe("MFA", () => {
  const t = useTestApp();

  async function passwordStep(user: Pick<TestUser, "email">) {
    const res = await passwordLogin(t, user.email, TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = sessionCookieFrom(res) as string;
    return { cookie, csrfToken: res.json().csrfToken as string, body: res.json() };
  }
  const mfa = (client: { cookie: string; csrfToken: string }, code: string) =>
    t.app.inject({
      method: "POST",
      url: "/api/auth/mfa",
      headers: { cookie: client.cookie, "x-csrf-token": client.csrfToken },
      payload: { code },
    });
  const me = (cookie: string) => t.app.inject({ method: "GET", url: "/api/me", headers: { cookie } });

  it("completes sign-in with a valid code under a new token; the pre-MFA token stops working", async () => {
    const physician = await makeStaff(t, "physician");
    const partial = await passwordStep(physician);
    expect(partial.body.mfaRequired).toBe(true);
    const blocked = await me(partial.cookie);
    expect(blocked.statusCode).toBe(401);
    expect(blocked.json().error.code).toBe("mfa_required");

    const res = await mfa(partial, totpCodeAt(TEST_TOTP_SECRET, t.clock.now()));
    expect(res.statusCode).toBe(200);
    expect(res.json().roles).toEqual(["physician"]);
    const full = sessionCookieFrom(res) as string;
    expect(full).not.toBe(partial.cookie);
    expect(res.json().csrfToken).not.toBe(partial.csrfToken);
    expect((await me(partial.cookie)).statusCode).toBe(401);
    expect((await me(full)).statusCode).toBe(200);
  });

  it("accepts the previous and next 30-second code but not older ones", async () => {
    const nurse = await makeStaff(t, "nurse");
    t.clock.advance({ minutes: 5 });
    const partial = await passwordStep(nurse);
    const stale = totpCodeAt(TEST_TOTP_SECRET, new Date(t.clock.now().getTime() - 90_000));
    expect((await mfa(partial, stale)).statusCode).toBe(400);
    const previous = totpCodeAt(TEST_TOTP_SECRET, new Date(t.clock.now().getTime() - 30_000));
    expect((await mfa(partial, previous)).statusCode).toBe(200);
  });

  it("refuses a code that was already used (replay)", async () => {
    const admin = await makeStaff(t, "admin");
    t.clock.advance({ minutes: 5 });
    const code = totpCodeAt(TEST_TOTP_SECRET, t.clock.now());
    expect((await mfa(await passwordStep(admin), code)).statusCode).toBe(200);
    const replay = await mfa(await passwordStep(admin), code);
    expect(replay.statusCode).toBe(400);
    expect(replay.json().error.code).toBe("invalid_code");
    t.clock.advance({ seconds: 30 });
    expect((await mfa(await passwordStep(admin), totpCodeAt(TEST_TOTP_SECRET, t.clock.now()))).statusCode).toBe(200);
  });

  it("accepts one code only once even when it is sent twice at the same moment", async () => {
    const physician = await makeStaff(t, "physician");
    t.clock.advance({ minutes: 5 });
    const [a, b] = [await passwordStep(physician), await passwordStep(physician)];
    const code = totpCodeAt(TEST_TOTP_SECRET, t.clock.now());
    const results = await Promise.all([mfa(a, code), mfa(b, code)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 400]);
  });

  it("ends the pending session after 5 wrong codes", async () => {
    const desk = await makeStaff(t, "front_desk");
    const partial = await passwordStep(desk);
    for (let i = 0; i < 4; i++) {
      const res = await mfa(partial, "000000");
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.attemptsLeft).toBe(4 - i);
    }
    const last = await mfa(partial, "000000");
    expect(last.statusCode).toBe(401);
    expect(last.json().error.code).toBe("unauthenticated");
    expect((await mfa(partial, totpCodeAt(TEST_TOTP_SECRET, t.clock.now()))).statusCode).toBe(401);
  });

  it("makes staff without MFA enrol before anything else, then uses recovery codes once each", async () => {
    const desk = await makeStaff(t, "front_desk", { mfa: false });
    const partial = await passwordStep(desk);
    expect(partial.body.mfaEnrolmentRequired).toBe(true);
    const headers = { cookie: partial.cookie, "x-csrf-token": partial.csrfToken };
    expect((await me(partial.cookie)).json().error.code).toBe("mfa_enrolment_required");

    const start = await t.app.inject({ method: "POST", url: "/api/auth/mfa/enrolment/start", headers });
    expect(start.statusCode).toBe(200);
    const { secret, otpauthUrl, qrCodeSvg } = start.json();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    expect(qrCodeSvg).toContain("<svg");
    const stored = await t.database.db
      .selectFrom("mfa_state")
      .select("pending_secret")
      .where("user_id", "=", desk.id)
      .executeTakeFirstOrThrow();
    expect(stored.pending_secret).not.toContain(secret);

    const wrong = await t.app.inject({
      method: "POST",
      url: "/api/auth/mfa/enrolment/confirm",
      headers,
      payload: { code: "123456" === totpCodeAt(secret, t.clock.now()) ? "654321" : "123456" },
    });
    expect(wrong.statusCode).toBe(400);

    const confirm = await t.app.inject({
      method: "POST",
      url: "/api/auth/mfa/enrolment/confirm",
      headers,
      payload: { code: totpCodeAt(secret, t.clock.now()) },
    });
    expect(confirm.statusCode).toBe(200);
    const { recoveryCodes, csrfToken } = confirm.json();
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{2}$/);
    const full = sessionCookieFrom(confirm) as string;
    expect(full).not.toBe(partial.cookie);
    const after = await me(full);
    expect(after.statusCode).toBe(200);
    expect(after.json().csrfToken).toBe(csrfToken);
    expect(after.json().user.mfaEnabled).toBe(true);
    const hashes = await t.database.db
      .selectFrom("mfa_recovery_codes")
      .select("code_hash")
      .where("user_id", "=", desk.id)
      .execute();
    expect(hashes).toHaveLength(10);
    expect(JSON.stringify(hashes)).not.toContain(recoveryCodes[0]);

    // next sign-in asks for a code; a recovery code (any case, dashes optional) works once
    const next = await passwordStep(desk);
    expect(next.body.mfaRequired).toBe(true);
    const recovery = (recoveryCodes[0] as string).toUpperCase().replaceAll("-", "");
    expect((await mfa(next, recovery)).statusCode).toBe(200);
    const again = await mfa(await passwordStep(desk), recoveryCodes[0] as string);
    expect(again.statusCode).toBe(400);
  });

  it("lets a patient turn MFA on and off only after re-authenticating; staff cannot turn it off", async () => {
    const { client } = await signInNewPatient(t);
    const start = await send(t, client, "POST", "/api/auth/mfa/enrolment/start");
    expect(start.statusCode).toBe(401);
    expect(start.json().error.code).toBe("reauthentication_required");

    const reauth = await send(t, client, "POST", "/api/auth/reauthenticate", { password: TEST_PASSWORD });
    expect(reauth.statusCode).toBe(200);
    const begun = await send(t, client, "POST", "/api/auth/mfa/enrolment/start");
    const secret = begun.json().secret as string;
    const confirm = await send(t, client, "POST", "/api/auth/mfa/enrolment/confirm", {
      code: totpCodeAt(secret, t.clock.now()),
    });
    expect(confirm.statusCode).toBe(200);
    expect(confirm.json().csrfToken).toBe(client.csrfToken);

    t.clock.advance({ minutes: 6 });
    const late = await send(t, client, "DELETE", "/api/auth/mfa");
    expect(late.json().error.code).toBe("reauthentication_required");
    // with MFA on, re-authentication needs a code too
    const noCode = await send(t, client, "POST", "/api/auth/reauthenticate", { password: TEST_PASSWORD });
    expect(noCode.statusCode).toBe(400);
    const withCode = await send(t, client, "POST", "/api/auth/reauthenticate", {
      password: TEST_PASSWORD,
      code: totpCodeAt(secret, t.clock.now()),
    });
    expect(withCode.statusCode).toBe(200);
    const off = await send(t, client, "DELETE", "/api/auth/mfa");
    expect(off.statusCode).toBe(204);
    expect((await me(client.cookie)).json().user.mfaEnabled).toBe(false);

    const nurse = await makeStaff(t, "nurse");
    const staff = await signIn(t, nurse);
    await send(t, staff, "POST", "/api/auth/reauthenticate", {
      password: TEST_PASSWORD,
      code: totpCodeAt(TEST_TOTP_SECRET, new Date(t.clock.now().getTime() + 30_000)),
    });
    const refused = await send(t, staff, "DELETE", "/api/auth/mfa");
    expect(refused.statusCode).toBe(403);
    expect(
      (await t.database.db.selectFrom("users").select("mfa_enabled_at").where("id", "=", nurse.id).executeTakeFirst())
        ?.mfa_enabled_at,
    ).not.toBeNull();
  });
});
