import { describe, expect, it } from "vitest";
import { runWithContext, systemContext } from "../../platform/context.ts";
import { passwordLogin, send } from "../../test/api.ts";
import { useTestApp } from "../../test/app.ts";
import { makePatient, makeStaff, makeUser, sessionCookieFrom, signIn, TEST_PASSWORD } from "../../test/factories.ts";

const NEW_PASSWORD = "Copper-meadow-signal-58";

describe("password reset", () => {
  const t = useTestApp();

  const request = (email: string, ip = "192.0.2.50") =>
    t.app.inject({
      method: "POST",
      url: "/api/auth/password-reset/request",
      payload: { email },
      remoteAddress: ip,
    });
  const complete = (token: string, password = NEW_PASSWORD) =>
    send(t, null, "POST", "/api/auth/password-reset/complete", { token, password });
  const resetMails = async (to: string) => {
    const jobs = await t.database.db.selectFrom("jobs").select("payload").where("queue", "=", "mail.send").execute();
    return jobs
      .map((j) => j.payload as { to: string; template: string; params: { link?: string } })
      .filter((p) => p.to === to && p.template === "password_reset");
  };
  // a queued email keeps its link as a path; it gets the portal's address when it is sent
  const tokenFrom = (link: string | undefined) =>
    new URL(link as string, "http://localhost:3000").searchParams.get("token") as string;

  it("answers the same for known and unknown addresses and only emails the real account", async () => {
    const user = await makeUser(t);
    const known = await request(user.email);
    const unknown = await request("no-such-person@example.test");
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(known.json()).toEqual(unknown.json());
    const mails = await resetMails(user.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.params.link).toMatch(/^\/reset-password\?token=[A-Za-z0-9_-]{43}$/);
    expect(await resetMails("no-such-person@example.test")).toHaveLength(0);
    const stored = await t.database.db
      .selectFrom("password_reset_tokens")
      .select("token_hash")
      .where("user_id", "=", user.id)
      .execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.token_hash).not.toContain(tokenFrom(mails[0]?.params.link));
  });

  it("sets the new password once, ends every session and does not sign in", async () => {
    const nurse = await makeStaff(t, "nurse");
    const session = await signIn(t, nurse);
    await request(nurse.email);
    const token = tokenFrom((await resetMails(nurse.email)).at(-1)?.params.link);

    const weak = await complete(token, "password123");
    expect(weak.statusCode).toBe(422);
    const res = await complete(token);
    expect(res.statusCode).toBe(200);
    expect(sessionCookieFrom(res)).toBeUndefined();
    expect((await send(t, session, "GET", "/api/me")).statusCode).toBe(401);

    const reused = await complete(token, "Another-fine-passphrase-31");
    expect(reused.statusCode).toBe(400);
    expect(reused.json().error.code).toBe("token_invalid");

    // the new password works, and MFA is still asked for
    const login = await passwordLogin(t, nurse.email, NEW_PASSWORD);
    expect(login.statusCode).toBe(200);
    expect(login.json().mfaRequired).toBe(true);
  });

  it("refuses an expired link, and an earlier link once a newer one was sent", async () => {
    const user = await makeUser(t);
    await request(user.email);
    const first = tokenFrom((await resetMails(user.email)).at(-1)?.params.link);
    await request(user.email);
    const second = tokenFrom((await resetMails(user.email)).at(-1)?.params.link);
    expect((await complete(first)).statusCode).toBe(400);
    t.clock.advance({ minutes: 31 });
    const expired = await complete(second);
    expect(expired.statusCode).toBe(400);
    expect(expired.json().error.message).toMatch(/expired or has already been used/);
    const login = await passwordLogin(t, user.email, TEST_PASSWORD);
    expect(login.statusCode).toBe(200);
  });

  it("sends at most three reset emails per address per quarter hour", async () => {
    const user = await makeUser(t);
    for (let i = 0; i < 5; i++) expect((await request(user.email, `192.0.2.${60 + i}`)).statusCode).toBe(202);
    expect(await resetMails(user.email)).toHaveLength(3);
  });

  it("refuses a malformed token with 400", async () => {
    expect((await complete("short")).statusCode).toBe(400);
    expect((await complete("x".repeat(43))).json().error.code).toBe("token_invalid");
  });
});

describe("account activation", () => {
  const t = useTestApp();

  const issue = (patientId: string, createdBy: string | null = null) =>
    runWithContext(systemContext("test"), () => t.app.services.identity.issueActivationCode(patientId, createdBy));
  const activate = (body: Record<string, string>, ip = "192.0.2.80") =>
    t.app.inject({ method: "POST", url: "/api/auth/activate", payload: body, remoteAddress: ip });

  it("issues a 12-character code that expires in 14 days", async () => {
    const patient = await makePatient(t);
    const { code, expiresAt } = await issue(patient.id);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(expiresAt.getTime()).toBe(t.clock.now().getTime() + 14 * 86_400_000);
  });

  it("creates a linked, signed-in patient login; the code works once", async () => {
    const patient = await makePatient(t, { given: "Casey", family: "Nguyen", dateOfBirth: "1990-04-12" });
    const { code } = await issue(patient.id);
    const body = {
      activationCode: code.toLowerCase().replaceAll("-", " "),
      dateOfBirth: "1990-04-12",
      email: "casey.nguyen@example.test",
      password: NEW_PASSWORD,
    };
    const res = await activate(body);
    expect(res.statusCode).toBe(201);
    expect(res.json().user).toMatchObject({ email: "casey.nguyen@example.test", displayName: "Casey Nguyen" });
    const cookie = sessionCookieFrom(res) as string;
    const me = await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie } });
    expect(me.json().patients).toEqual([
      { id: patient.id, name: "Casey Nguyen", relationship: "self", scopes: expect.any(Array), restricted: false },
    ]);
    const again = await activate({ ...body, email: "someone.else@example.test" });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe("activation_failed");
  });

  it("answers a wrong date of birth, an unknown, expired or replaced code with one message", async () => {
    const patient = await makePatient(t, { dateOfBirth: "1970-01-31" });
    const old = await issue(patient.id);
    const current = await issue(patient.id);
    const base = { dateOfBirth: "1970-01-31", email: "late@example.test", password: NEW_PASSWORD };
    const answers = [
      await activate({ ...base, activationCode: current.code, dateOfBirth: "1970-01-30" }, "192.0.2.81"),
      await activate({ ...base, activationCode: "ZZZZ-ZZZZ-ZZZZ" }, "192.0.2.82"),
      await activate({ ...base, activationCode: old.code }, "192.0.2.83"),
      await activate({ ...base, activationCode: "not a code!" }, "192.0.2.84"),
    ];
    const messages = new Set(answers.map((a) => a.json().error.message));
    expect(answers.map((a) => a.statusCode)).toEqual([400, 400, 400, 400]);
    expect(messages.size).toBe(1);
    t.clock.advance({ days: 14, seconds: 1 });
    const expired = await activate({ ...base, activationCode: current.code }, "192.0.2.85");
    expect(expired.statusCode).toBe(400);
    expect(expired.json().error.code).toBe("activation_failed");
    const linked = await t.database.db
      .selectFrom("patients")
      .select("user_id")
      .where("id", "=", patient.id)
      .executeTakeFirst();
    expect(linked?.user_id).toBeNull();
  });

  it("keeps the code usable after a weak password or an email already in use", async () => {
    const patient = await makePatient(t, { dateOfBirth: "2001-09-09" });
    const existing = await makeUser(t);
    const { code } = await issue(patient.id);
    const base = { activationCode: code, dateOfBirth: "2001-09-09" };
    const weak = await activate({ ...base, email: "weak@example.test", password: "Portico2026" });
    expect(weak.statusCode).toBe(422);
    const taken = await activate({ ...base, email: existing.email, password: NEW_PASSWORD });
    expect(taken.statusCode).toBe(409);
    const ok = await activate({ ...base, email: "finally@example.test", password: NEW_PASSWORD });
    expect(ok.statusCode).toBe(201);
  });

  it("lets exactly one of two simultaneous activations with the same code succeed", async () => {
    const patient = await makePatient(t, { dateOfBirth: "1988-08-08" });
    const { code } = await issue(patient.id);
    const base = { activationCode: code, dateOfBirth: "1988-08-08", password: NEW_PASSWORD };
    const results = await Promise.all([
      activate({ ...base, email: "racer.one@example.test" }, "192.0.2.91"),
      activate({ ...base, email: "racer.two@example.test" }, "192.0.2.92"),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 400]);
    const users = await t.database.db
      .selectFrom("users")
      .select("id")
      .where("email_normalized", "in", ["racer.one@example.test", "racer.two@example.test"])
      .execute();
    expect(users).toHaveLength(1);
  });

  it("refuses a code for a patient who already has a login", async () => {
    const patient = await makePatient(t, { withLogin: true });
    await expect(issue(patient.id)).rejects.toMatchObject({ code: "conflict" });
    const codes = await t.database.db
      .selectFrom("activation_codes")
      .select("id")
      .where("patient_id", "=", patient.id)
      .execute();
    expect(codes).toEqual([]);
  });

  it("slows down guessing from one network address", async () => {
    const ip = "192.0.2.99";
    for (let i = 0; i < 10; i++) {
      const res = await activate(
        {
          activationCode: `AAAA-BBBB-CC${i}0`,
          dateOfBirth: "1980-01-01",
          email: "g@example.test",
          password: NEW_PASSWORD,
        },
        ip,
      );
      expect(res.statusCode).toBe(400);
    }
    const patient = await makePatient(t, { dateOfBirth: "1980-01-01" });
    const { code } = await issue(patient.id);
    const blocked = await activate(
      { activationCode: code, dateOfBirth: "1980-01-01", email: "blocked@example.test", password: NEW_PASSWORD },
      ip,
    );
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers["retry-after"]).toBeDefined();
  });
});
