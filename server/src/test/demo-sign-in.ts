import { beforeAll } from "vitest";
import { totpCodeAt } from "../platform/auth/totp.ts";
import { seedDemo } from "../seed/demo.ts";
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from "../seed/demo-clinic.ts";
import { type TestContext, useTestApp } from "./app.ts";
import { sessionCookieFrom } from "./factories.ts";

/**
 * Signs in a demo login (after `seedDemo`) with the demo password, and the demo TOTP secret
 * for staff; answers the headers to send and the patients the login acts for.
 */
export async function signInDemo(t: TestContext, email: string) {
  const login = await t.app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { email, password: DEMO_PASSWORD },
  });
  let cookie = sessionCookieFrom(login) as string;
  let csrf = login.json().csrfToken as string;
  if (login.json().mfaRequired) {
    // the demo's staff share one secret: let this step's code be used again
    await t.database.db.deleteFrom("mfa_state").execute();
    const mfa = await t.app.inject({
      method: "POST",
      url: "/api/auth/mfa",
      headers: { cookie, "x-csrf-token": csrf },
      payload: { code: totpCodeAt(DEMO_TOTP_SECRET, t.clock.now()) },
    });
    cookie = sessionCookieFrom(mfa) as string;
    csrf = mfa.json().csrfToken;
  }
  const headers = { cookie, "x-csrf-token": csrf };
  const me = await t.app.inject({ method: "GET", url: "/api/me", headers });
  return { headers, patients: (me.json().patients ?? []) as { id: string; name: string }[] };
}

export type SignedInDemo = Awaited<ReturnType<typeof signInDemo>>;

/** Alex Rivera, the demo's adult patient with the fullest record. */
export const DEMO_ALEX = "alex.rivera@demo.portico.test";

/**
 * Seeds the demo clinic, then moves the clock a minute on: the seeded proxy grants start at the
 * database's now(), a moment after the frozen test clock.
 */
export async function seedTestDemo(t: TestContext) {
  const seeded = await seedDemo(t.database.db, t.clock, t.cipher);
  t.clock.advance({ minutes: 1 });
  return seeded;
}

/** Seeds the demo clinic and signs a demo patient in: the login and the patient's own record. */
export async function seedDemoAndSignIn(t: TestContext, email: string) {
  await seedTestDemo(t);
  const login = await signInDemo(t, email);
  return { login, patientId: login.patients[0]?.id as string };
}

/**
 * One app on the seeded demo clinic for a test file (or a `describe`): the context, and
 * `signInDemo(email)` on it. `seedTimeout` lengthens the seeding hook where a file needs it.
 */
export function useDemoApp(seedTimeout?: number) {
  const t = useTestApp();
  beforeAll(async () => {
    await seedTestDemo(t);
  }, seedTimeout);
  return { t, signInDemo: (email: string) => signInDemo(t, email) };
}
