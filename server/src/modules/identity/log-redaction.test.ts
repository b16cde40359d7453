import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { totpCodeAt } from "../../platform/auth/totp.ts";
import { TestClock } from "../../platform/clock.ts";
import { runWithContext, systemContext } from "../../platform/context.ts";
import { FieldCipher, parseKeyRing } from "../../platform/crypto.ts";
import { createLogger } from "../../platform/logging.ts";
import { lastQueuedMail } from "../../test/api.ts";
import { buildTestApp, TEST_KEYS, type TestContext, testConfig } from "../../test/app.ts";
import { createTestDatabase } from "../../test/database.ts";
import { makePatient, makeStaff, sessionCookieFrom, TEST_PASSWORD, TEST_TOTP_SECRET } from "../../test/factories.ts";

describe("identity flows never log secrets", () => {
  const lines: string[] = [];
  const t = {} as TestContext;

  beforeAll(async () => {
    t.config = testConfig({ LOG_LEVEL: "trace" });
    t.database = await createTestDatabase();
    t.clock = new TestClock(new Date());
    t.cipher = new FieldCipher(parseKeyRing(TEST_KEYS));
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    t.app = await buildTestApp(t.database, {
      config: t.config,
      logger: createLogger(t.config, sink),
      clock: t.clock,
      cipher: t.cipher,
    });
    await t.app.ready();
  });
  afterAll(async () => {
    await t.app?.close();
    await t.database?.close();
  });

  it("keeps passwords, tokens, codes and email addresses out of the logs", async () => {
    const secrets: string[] = [TEST_PASSWORD, TEST_TOTP_SECRET];
    const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
      t.app.inject({ method: "POST", url, payload: payload as Record<string, unknown>, headers });

    // a staff sign-in with MFA, a wrong password and a wrong code along the way
    const nurse = await makeStaff(t, "nurse", { email: "rosa.logcheck@example.test" });
    secrets.push(nurse.email);
    await post("/api/auth/login", { email: nurse.email, password: "Wrong-password-for-log-test" });
    secrets.push("Wrong-password-for-log-test");
    const login = await post("/api/auth/login", { email: nurse.email, password: TEST_PASSWORD });
    const partialCookie = sessionCookieFrom(login) as string;
    const partialCsrf = login.json().csrfToken as string;
    secrets.push(partialCookie.split("=")[1] as string, partialCsrf);
    await post("/api/auth/mfa", { code: "000000" }, { cookie: partialCookie, "x-csrf-token": partialCsrf });
    const code = totpCodeAt(TEST_TOTP_SECRET, t.clock.now());
    const mfa = await post("/api/auth/mfa", { code }, { cookie: partialCookie, "x-csrf-token": partialCsrf });
    expect(mfa.statusCode).toBe(200);
    const cookie = sessionCookieFrom(mfa) as string;
    secrets.push(code, cookie.split("=")[1] as string, mfa.json().csrfToken);

    // password reset
    await post("/api/auth/password-reset/request", { email: nurse.email });
    // queued mail keeps its links as paths; the portal's address is added when it is sent
    const link = ((await lastQueuedMail(t)) as { params: { link: string } }).params.link;
    const token = new URL(link, "http://localhost").searchParams.get("token") as string;
    secrets.push(token);
    const reset = await post("/api/auth/password-reset/complete", { token, password: "Lantern-quarry-violet-93" });
    expect(reset.statusCode).toBe(200);
    secrets.push("Lantern-quarry-violet-93");

    // activation, with a wrong date of birth first
    const patient = await makePatient(t, { dateOfBirth: "1991-02-03" });
    const issued = await runWithContext(systemContext("test"), () =>
      t.app.services.identity.issueActivationCode(patient.id, null),
    );
    secrets.push(issued.code, issued.code.replaceAll("-", ""));
    const body = {
      activationCode: issued.code,
      dateOfBirth: "1991-02-03",
      email: "casey.logcheck@example.test",
      password: "Harbor-thistle-compass-64",
    };
    secrets.push(body.email, body.password, body.dateOfBirth);
    await post("/api/auth/activate", { ...body, dateOfBirth: "1991-02-04" });
    const activated = await post("/api/auth/activate", body);
    expect(activated.statusCode).toBe(201);

    const output = lines.join("");
    expect(output.length).toBeGreaterThan(0);
    expect(output).toContain("/api/auth/login");
    for (const secret of secrets) expect(output, "a secret reached the log").not.toContain(secret);
  });
});
