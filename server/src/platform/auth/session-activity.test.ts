import { describe, expect, it } from "vitest";
import { useTestApp } from "../../test/app.ts";
import { makePatient, signIn } from "../../test/factories.ts";

describe("session activity (last_seen_at) written in batches", () => {
  const t = useTestApp();
  const me = (headers: Record<string, string>) => t.app.inject({ method: "GET", url: "/api/me", headers });
  const lastSeen = async (userId: string) =>
    (
      await t.database.db
        .selectFrom("sessions")
        .select("last_seen_at")
        .where("user_id", "=", userId)
        .executeTakeFirstOrThrow()
    ).last_seen_at;

  it("counts activity before it is written, and writes it in one batch", async () => {
    const patient = await makePatient(t, { withLogin: true });
    const userId = patient.user?.id as string;
    const client = await signIn(t, patient.user as never);
    const signedIn = await lastSeen(userId);

    t.clock.advance({ minutes: 20 });
    expect((await me(client.headers)).statusCode).toBe(200);
    // 20 + 20 minutes after signing in: past 30 idle minutes from sign-in, but not from the
    // activity still waiting for its batch
    t.clock.advance({ minutes: 20 });
    expect((await me(client.headers)).statusCode).toBe(200);

    await t.app.services.identity.sessions.flushTouches();
    const written = await lastSeen(userId);
    expect(written.getTime()).toBe(t.clock.now().getTime());
    expect(written.getTime()).toBeGreaterThan(signedIn.getTime());
  });

  it("still ends an idle session, and never moves activity backwards", async () => {
    const patient = await makePatient(t, { withLogin: true });
    const userId = patient.user?.id as string;
    const client = await signIn(t, patient.user as never);
    t.clock.advance({ minutes: 5 });
    expect((await me(client.headers)).statusCode).toBe(200);
    await t.app.services.identity.sessions.flushTouches();
    const written = await lastSeen(userId);
    await t.app.services.identity.sessions.flushTouches();
    expect((await lastSeen(userId)).getTime()).toBe(written.getTime());

    t.clock.advance({ minutes: 31 });
    expect((await me(client.headers)).statusCode).toBe(401);
  });
});
