import type { Inbox, PatientThreadList, StaffThread } from "@portico/contracts";
import { beforeAll, describe, expect, it } from "vitest";
import { totpCodeAt } from "../platform/auth/totp.ts";
import { useTestApp } from "../test/app.ts";
import { sessionCookieFrom } from "../test/factories.ts";
import { seedDemo } from "./demo.ts";
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from "./demo-clinic.ts";

/** The demo clinic's messages: pools, threads in every state, one overdue, a caregiver's, a covered one (SPEC §7). */
describe("demo messaging", () => {
  const t = useTestApp();

  beforeAll(async () => {
    await seedDemo(t.database.db, t.clock, t.cipher);
    t.clock.advance({ minutes: 1 });
  });

  async function signInDemo(email: string) {
    const login = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email, password: DEMO_PASSWORD },
    });
    let cookie = sessionCookieFrom(login) as string;
    let csrf = login.json().csrfToken as string;
    if (login.json().mfaRequired) {
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

  it("Alex has an overdue question, an unread answer and a closed conversation", async () => {
    const alex = await signInDemo("alex.rivera@demo.portico.test");
    const id = alex.patients[0]?.id as string;
    const list = (
      await t.app.inject({ method: "GET", url: `/api/patients/${id}/messages/threads`, headers: alex.headers })
    ).json() as PatientThreadList;
    expect(list.threads.map((x) => [x.status, x.overdue, x.unreadCount]).sort()).toEqual(
      [
        ["answered", false, 1],
        ["closed", false, 0],
        ["waiting", true, 0],
      ].sort(),
    );
  });

  it("the nurse's inbox puts the overdue thread first and shows the internal note only to staff", async () => {
    const nurse = await signInDemo("nurse@demo.portico.test");
    const inbox = (
      await t.app.inject({ method: "GET", url: "/api/messages/inbox", headers: nurse.headers })
    ).json() as Inbox;
    expect(inbox.threads[0]?.overdue).toBe(true);
    expect(inbox.pools.map((p) => p.name)).toEqual(["Billing office", "Family Medicine nurses"]);
    const jamie = inbox.threads.find((x) => x.patient.displayName.startsWith("Jamie")) as Inbox["threads"][number];
    const thread = (
      await t.app.inject({ method: "GET", url: `/api/messages/threads/${jamie.id}`, headers: nurse.headers })
    ).json() as StaffThread;
    expect(thread.messages.map((m) => [m.kind, m.author.kind])).toEqual([
      ["message", "proxy"],
      ["internal_note", "staff"],
    ]);
    const sam = inbox.threads.find((x) => x.patient.displayName.startsWith("Sam")) as Inbox["threads"][number];
    const covered = (
      await t.app.inject({ method: "GET", url: `/api/messages/threads/${sam.id}`, headers: nurse.headers })
    ).json() as StaffThread;
    expect(covered.messages[1]?.autoReply?.reason).toBe("outside_office_hours");
  });
});
