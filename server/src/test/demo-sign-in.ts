import { totpCodeAt } from "../platform/auth/totp.ts";
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from "../seed/demo-clinic.ts";
import type { TestContext } from "./app.ts";
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
