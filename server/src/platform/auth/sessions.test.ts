import { describe, expect, it } from "vitest";
import { passwordLogin, send } from "../../test/api.ts";
import { useTestApp } from "../../test/app.ts";
import {
  makePatient,
  makeStaff,
  sessionCookieFrom,
  signIn,
  signInNewPatient,
  TEST_PASSWORD,
} from "../../test/factories.ts";
import { sha256 } from "./tokens.ts";

describe("sessions and the authentication hook", () => {
  const t = useTestApp();

  const me = (headers: Record<string, string>) => t.app.inject({ method: "GET", url: "/api/me", headers });

  it("denies API routes without a session and leaves public ones open", async () => {
    const res = await send(t, null, "GET", "/api/me");
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe("unauthenticated");
    expect((await t.app.inject({ url: "/api/health" })).statusCode).toBe(200);
    expect((await t.app.inject({ url: "/api/docs/json" })).statusCode).toBe(200);
    const forged = await me({ cookie: "__Host-portico_session=not-a-real-session-token-at-all-xxxxxxxx" });
    expect(forged.statusCode).toBe(401);
  });

  it("sets a __Host- cookie that is HttpOnly, Secure, SameSite=Strict and Path=/", async () => {
    const patient = await makePatient(t, { withLogin: true });
    const res = await passwordLogin(t, patient.user?.email, TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const header = String([res.headers["set-cookie"]].flat()[0]);
    expect(header).toMatch(/^__Host-portico_session=[A-Za-z0-9_-]{43};/);
    expect(header).toContain("HttpOnly");
    expect(header).toContain("Secure");
    expect(header).toContain("SameSite=Strict");
    expect(header).toContain("Path=/");
    expect(header).not.toContain("Domain");
  });

  it("stores only the SHA-256 of the session token", async () => {
    const { patient, client } = await signInNewPatient(t);
    const token = client.cookie.split("=")[1] as string;
    const rows = await t.database.db
      .selectFrom("sessions")
      .select("token_hash")
      .where("user_id", "=", patient.user?.id as string)
      .execute();
    expect(rows.map((r) => r.token_hash)).toEqual([sha256(token)]);
  });

  it("refuses a mutating request without the session's CSRF token and changes nothing", async () => {
    const { client } = await signInNewPatient(t);
    for (const headers of [{ cookie: client.cookie }, { cookie: client.cookie, "x-csrf-token": "wrong" }]) {
      const res = await t.app.inject({ method: "PATCH", url: "/api/me", headers, payload: { displayName: "Changed" } });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe("csrf_failed");
    }
    expect((await me(client.headers)).json().user.displayName).not.toBe("Changed");
    const ok = await send(t, client, "PATCH", "/api/me", { displayName: "Changed" });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.displayName).toBe("Changed");
  });

  it("issues a new token at login and discards the one the browser had before", async () => {
    const { patient, client: first } = await signInNewPatient(t);
    const again = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { cookie: first.cookie },
      payload: { email: patient.user?.email, password: TEST_PASSWORD },
    });
    expect(again.statusCode).toBe(200);
    const second = sessionCookieFrom(again) as string;
    expect(second).not.toBe(first.cookie);
    expect((await me({ cookie: first.cookie })).statusCode).toBe(401);
    expect((await me({ cookie: second })).statusCode).toBe(200);
  });

  it("ends a patient session after 30 idle minutes and keeps it alive with activity", async () => {
    const { patient, client } = await signInNewPatient(t);
    const info = (await me(client.headers)).json().session;
    expect(info.idleTimeoutSeconds).toBe(30 * 60);
    t.clock.advance({ minutes: 29 });
    expect((await me(client.headers)).statusCode).toBe(200);
    t.clock.advance({ minutes: 29 });
    const refresh = await send(t, client, "POST", "/api/auth/session/refresh");
    expect(refresh.statusCode).toBe(200);
    t.clock.advance({ minutes: 31 });
    const expired = await me(client.headers);
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe("unauthenticated");
    expect(
      await t.database.db
        .selectFrom("sessions")
        .select("id")
        .where("user_id", "=", patient.user?.id as string)
        .execute(),
    ).toEqual([]);
  });

  it("ends a staff session after 15 idle minutes", async () => {
    const nurse = await makeStaff(t, "nurse");
    const client = await signIn(t, nurse);
    expect((await me(client.headers)).json().session.idleTimeoutSeconds).toBe(15 * 60);
    t.clock.advance({ minutes: 14 });
    expect((await me(client.headers)).statusCode).toBe(200);
    t.clock.advance({ minutes: 15, seconds: 1 });
    expect((await me(client.headers)).statusCode).toBe(401);
  });

  it("ends every session 12 hours after sign-in however active it is", async () => {
    const { client } = await signInNewPatient(t);
    for (let i = 0; i < 24; i++) {
      t.clock.advance({ minutes: 29 });
      const res = await me(client.headers);
      expect(res.statusCode).toBe(200);
    }
    t.clock.advance({ minutes: 25 });
    expect((await me(client.headers)).statusCode).toBe(401);
  });

  it("logout ends the session on the server", async () => {
    const { client } = await signInNewPatient(t);
    const out = await send(t, client, "POST", "/api/auth/logout");
    expect(out.statusCode).toBe(204);
    expect(String([out.headers["set-cookie"]].flat()[0])).toMatch(/__Host-portico_session=;/);
    expect((await me(client.headers)).statusCode).toBe(401);
  });

  it("lists the user's own sessions and ends one of them, but not another user's", async () => {
    const patient = await makePatient(t, { withLogin: true });
    const other = await makePatient(t, { withLogin: true });
    const laptop = await signIn(t, patient.user as never);
    const phone = await signIn(t, patient.user as never);
    const stranger = await signIn(t, other.user as never);
    const list = await send(t, laptop, "GET", "/api/auth/sessions");
    expect(list.statusCode).toBe(200);
    const sessions = list.json().sessions as { id: string; current: boolean }[];
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    const phoneSession = sessions.find((s) => !s.current) as { id: string };

    const strangerTry = await send(t, stranger, "DELETE", `/api/auth/sessions/${phoneSession.id}`);
    expect(strangerTry.statusCode).toBe(404);
    expect((await me(phone.headers)).statusCode).toBe(200);

    const revoke = await send(t, laptop, "DELETE", `/api/auth/sessions/${phoneSession.id}`);
    expect(revoke.statusCode).toBe(204);
    expect((await me(phone.headers)).statusCode).toBe(401);
    expect((await me(laptop.headers)).statusCode).toBe(200);
  });

  it("answers a malformed session id with 400 and no change", async () => {
    const { client } = await signInNewPatient(t);
    const res = await send(t, client, "DELETE", "/api/auth/sessions/not-a-uuid");
    expect(res.statusCode).toBe(400);
    expect((await me(client.headers)).statusCode).toBe(200);
  });
});

describe("session cookie on a plain-http deployment", () => {
  const t = useTestApp({ PUBLIC_URL: "http://portal.clinic.example" });

  it("uses portico_session without Secure when TLS is not available", async () => {
    const patient = await makePatient(t, { withLogin: true });
    const res = await passwordLogin(t, patient.user?.email, TEST_PASSWORD);
    const header = String([res.headers["set-cookie"]].flat()[0]);
    expect(header).toMatch(/^portico_session=/);
    expect(header).not.toContain("Secure");
    expect(header).toContain("HttpOnly");
    const cookie = sessionCookieFrom(res) as string;
    expect((await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie } })).statusCode).toBe(200);
  });
});
