import type { Inbox, PatientThreadList, StaffThread } from "@portico/contracts";
import { describe, expect, it } from "vitest";
import { useDemoApp } from "../test/demo-sign-in.ts";

/** The demo clinic's messages: pools, threads in every state, one overdue, a caregiver's, a covered one (SPEC §7). */
describe("demo messaging", () => {
  const { t, signInDemo } = useDemoApp();

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
