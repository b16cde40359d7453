import { describe, expect, it } from "vitest";
import { useTestApp } from "../../test/app.ts";
import { makePatient, makeStaff, sessionCookieFrom, signIn, type TestUser } from "../../test/factories.ts";

/**
 * The web's first request asks who is signed in. A visitor who is not gets a plain answer
 * (200, `me: null`) rather than a 401 the browser reports as an error on every public page;
 * the signed-in get what GET /api/me answers.
 */
describe("GET /api/session: who is signed in, or no one", () => {
  const t = useTestApp();
  const session = (cookie?: string) =>
    t.app.inject({ method: "GET", url: "/api/session", headers: cookie ? { cookie } : {} });

  it("answers me: null to a visitor without a session", async () => {
    const res = await session();
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ me: null });
  });

  it("answers me: null for an ended session, and clears its cookie", async () => {
    const patient = await makePatient(t, { withLogin: true });
    const client = await signIn(t, patient.user as TestUser);
    const name = client.cookie.split("=")[0];
    const res = await session(`${name}=not-a-session-token-at-all`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ me: null });
    expect(String(res.headers["set-cookie"] ?? "")).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);
  });

  it("answers what GET /api/me answers to someone signed in", async () => {
    const patient = await makePatient(t, { withLogin: true });
    const client = await signIn(t, patient.user as TestUser);
    const res = await session(client.cookie);
    const me = await t.app.inject({ method: "GET", url: "/api/me", headers: client.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json().me).toEqual(me.json());
    expect(res.json().me.csrfToken).toBe(client.csrfToken);
  });

  it("counts a session still owing its MFA step as no one", async () => {
    const staff = await makeStaff(t, "nurse");
    const login = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: staff.email, password: staff.password },
    });
    expect(login.json().mfaRequired).toBe(true);
    const res = await session(sessionCookieFrom(login) as string);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ me: null });
  });
});
