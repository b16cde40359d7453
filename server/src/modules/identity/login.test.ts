import { describe, expect, it } from "vitest";
import { useTestApp } from "../../test/app.ts";
import { makePatient, makeStaff, makeUser, TEST_PASSWORD } from "../../test/factories.ts";

describe("login", () => {
  const t = useTestApp();

  const login = (email: string, password: string, ip = "203.0.113.10") =>
    t.app.inject({ method: "POST", url: "/api/auth/login", payload: { email, password }, remoteAddress: ip });

  it("signs a patient straight in and returns the user and a CSRF token", async () => {
    const patient = await makePatient(t, { withLogin: true });
    const res = await login(patient.user?.email as string, TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toMatchObject({ id: patient.user?.id, email: patient.user?.email, mfaEnabled: false });
    expect(body.mfaRequired).toBe(false);
    expect(body.mfaEnrolmentRequired).toBe(false);
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("accepts the email in any letter case and with surrounding spaces", async () => {
    const patient = await makePatient(t, { withLogin: true });
    const res = await login(`  ${String(patient.user?.email).toUpperCase()} `, TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
  });

  it("answers unknown email, wrong password and disabled account with one identical message", async () => {
    const patient = await makePatient(t, { withLogin: true });
    const disabled = await makeUser(t, { status: "disabled" });
    const bodies = [
      await login("nobody-here@example.test", TEST_PASSWORD, "203.0.113.11"),
      await login(patient.user?.email as string, "Wrong-password-entirely-9", "203.0.113.12"),
      await login(disabled.email, TEST_PASSWORD, "203.0.113.13"),
      await login("", "", "203.0.113.14"),
    ];
    for (const res of bodies) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({
        error: { code: "invalid_credentials", message: "The email or password is not correct." },
      });
      expect(res.headers["set-cookie"]).toBeUndefined();
    }
  });

  it("audits failed logins with a reason and no email", async () => {
    await login("audit-probe@example.test", "whatever-password", "203.0.113.15");
    const rows = await t.database.db
      .selectFrom("audit_log")
      .select(["action", "outcome", "details"])
      .where("action", "=", "login_failed")
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain("audit-probe");
    expect(rows.some((r) => (r.details as { reason?: string }).reason === "unknown_account")).toBe(true);
  });

  it("asks a staff member with MFA for a code, and one without MFA to enrol", async () => {
    const nurse = await makeStaff(t, "nurse");
    const withMfa = (await login(nurse.email, TEST_PASSWORD)).json();
    expect(withMfa).toMatchObject({ mfaRequired: true, mfaEnrolmentRequired: false });
    const newcomer = await makeStaff(t, "front_desk", { mfa: false });
    const enrol = await login(newcomer.email, TEST_PASSWORD);
    expect(enrol.json()).toMatchObject({ mfaRequired: false, mfaEnrolmentRequired: true });
    const cookie = String([enrol.headers["set-cookie"]].flat()[0]).split(";")[0] as string;
    const me = await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie } });
    expect(me.statusCode).toBe(403);
    expect(me.json().error.code).toBe("mfa_enrolment_required");
  });

  it("slows an account down progressively after 5 failures, never permanently, and a success resets it", async () => {
    const patient = await makePatient(t, { withLogin: true });
    const email = patient.user?.email as string;
    for (let i = 0; i < 5; i++) expect((await login(email, `Wrong-guess-${i}-xyz`)).statusCode).toBe(401);
    // locked for 30 s: even the right password is refused, with a clear wait
    const locked = await login(email, TEST_PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe("rate_limited");
    expect(Number(locked.headers["retry-after"])).toBe(30);
    t.clock.advance({ seconds: 31 });
    // a further failure doubles the delay to 60 s
    expect((await login(email, "Wrong-guess-again-xyz")).statusCode).toBe(401);
    t.clock.advance({ seconds: 31 });
    expect((await login(email, TEST_PASSWORD)).statusCode).toBe(429);
    t.clock.advance({ seconds: 30 });
    // the delay is over: the right password works and clears the count
    expect((await login(email, TEST_PASSWORD)).statusCode).toBe(200);
    expect((await login(email, "Wrong-guess-after-reset")).statusCode).toBe(401);
    expect((await login(email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it("doubles the delay from 30 s up to a 15-minute cap, then forgets after a quiet period", async () => {
    const patient = await makePatient(t, { withLogin: true });
    const email = patient.user?.email as string;
    for (let i = 0; i < 4; i++) expect((await login(email, `Wrong-guess-${i}-xyz`)).statusCode).toBe(401);
    const delays: number[] = [];
    for (let k = 0; k < 7; k++) {
      expect((await login(email, `Wrong-again-${k}-xyz`)).statusCode).toBe(401);
      const probe = await login(email, TEST_PASSWORD);
      expect(probe.statusCode).toBe(429);
      const wait = Number(probe.headers["retry-after"]);
      delays.push(wait);
      t.clock.advance({ seconds: wait + 1 });
    }
    expect(delays).toEqual([30, 60, 120, 240, 480, 900, 900]);
    // 15 quiet minutes after the last lock ended: the count starts again from zero
    t.clock.advance({ minutes: 16 });
    expect((await login(email, "One-more-wrong-guess")).statusCode).toBe(401);
    expect((await login(email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it("throttles unknown emails exactly like real ones (no account enumeration)", async () => {
    for (let i = 0; i < 5; i++) await login("ghost@example.test", `Guess-number-${i}`, "203.0.113.40");
    const res = await login("ghost@example.test", "Another-guess-1", "203.0.113.40");
    expect(res.statusCode).toBe(429);
  });

  it("limits failed attempts per network address across many accounts", async () => {
    const ip = "198.51.100.7";
    for (let i = 0; i < 30; i++) await login(`spray-${i}@example.test`, "Spray-password-1", ip);
    const patient = await makePatient(t, { withLogin: true });
    expect((await login(patient.user?.email as string, TEST_PASSWORD, ip)).statusCode).toBe(429);
    expect((await login(patient.user?.email as string, TEST_PASSWORD, "198.51.100.8")).statusCode).toBe(200);
    t.clock.advance({ minutes: 16 });
    expect((await login(patient.user?.email as string, TEST_PASSWORD, ip)).statusCode).toBe(200);
  });

  it("refuses malformed bodies with 400", async () => {
    const res = await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { email: 5 } });
    expect(res.statusCode).toBe(400);
    const notJson = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "content-type": "application/json" },
      payload: "{",
    });
    expect(notJson.statusCode).toBe(400);
  });
});
