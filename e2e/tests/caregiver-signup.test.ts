import { describe, expect, it } from "vitest";
import { signIn, signInTo } from "../harness/auth.ts";
import { expectAccessible, expectPage, settle, visit } from "../harness/axe.ts";
import { useBrowser } from "../harness/browser.ts";
import { demo } from "../harness/demo.ts";
import { firstAppLink, readMailbox, waitForEmail } from "../harness/mailbox.ts";
import { hasHorizontalScroll, screenshots } from "../harness/screenshots.ts";
import { chooseOption } from "../harness/select.ts";

describe("caregiver sign-up from an invitation, and identity change review", () => {
  const session = useBrowser();

  it("someone with no account opens Alex's invitation, creates an account and acts for Alex", async () => {
    const { page } = session;
    const email = `helper.${Date.now().toString(36)}@example.test`;
    await signInTo(page, demo.alex, "/profile/caregivers/invite");
    await expectPage(page, /invite a family member or caregiver/i, "invite a caregiver");
    await page.getByLabel("Their email address").fill(email);
    await chooseOption(page, /how are they related/i, /^caregiver$/i);
    const before = await readMailbox(email);
    await page.getByRole("button", { name: /^send invitation$/i }).click();
    await page.getByRole("heading", { name: /invitation sent/i }).waitFor({ state: "visible" });
    // one lifetime, the server's: the confirmation, the waiting invitation and the email agree
    await page.getByText(/The link works until/).waitFor({ state: "visible" });
    const shown = (await page.locator("main").textContent()) ?? "";
    const until = /The link works until ([^.]+)\./.exec(shown)?.[1];
    expect(until).toBeTruthy();
    expect(shown).toContain(`works until ${until}`);
    expect(shown.match(new RegExp(`works until ${until}`, "g"))?.length).toBe(2);
    expect(shown).not.toMatch(/\d+ days/);
    await screenshots(page, "caregiver-invitation-sent");

    const message = await waitForEmail(email, /invited to help/i, { ignore: before });
    const days = Number(/expires in (\d+) days/.exec(message.text)?.[1]);
    const expected = new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    const [, month, day] = expected.split("-").map(Number) as [number, number, number];
    expect(until).toContain(String(day));
    expect(until).toContain(
      new Date(Date.UTC(2000, month - 1, 1)).toLocaleString("en", { month: "long", timeZone: "UTC" }),
    );
    const link = firstAppLink(message);
    expect(link.pathname).toBe("/invitations/accept");

    // a fresh browser: nobody signed in, no account yet
    const context = await session.newContext();
    const helper = await context.newPage();
    await visit(helper, `${link.pathname}${link.search}`);
    await expectPage(helper, /accept an invitation/i, "invitation: two ways to accept");
    await expect(helper.getByRole("link", { name: /sign in to accept/i }).isVisible()).resolves.toBe(true);
    await screenshots(helper, "caregiver-signup-choices");
    expect(await hasHorizontalScroll(helper)).toBe(false);

    await helper.getByRole("button", { name: /^create my account$/i }).click();
    await helper.getByRole("heading", { level: 2, name: /create your account/i }).waitFor({ state: "visible" });
    await expectAccessible(helper, "invitation: create an account");

    // nothing filled in: the error summary names both fields
    await helper.getByRole("button", { name: /^create account and accept$/i }).click();
    await helper.getByText("Enter your name").first().waitFor({ state: "visible" });
    await expectAccessible(helper, "invitation: create an account with errors");

    await helper.getByLabel("Your name").fill("Jordan Blake");
    await helper.getByLabel("Choose a password", { exact: true }).fill("lantern-orchard-copper-47");
    await screenshots(helper, "caregiver-signup-form");
    expect(await hasHorizontalScroll(helper)).toBe(false);
    await helper.getByRole("button", { name: /^create account and accept$/i }).click();

    await helper.waitForURL(/\/home/, { timeout: 60_000 });
    await settle(helper);
    await expectAccessible(helper, "new caregiver home acting for Alex");
    await helper.getByText(/Alex/).first().waitFor({ state: "visible" });
    await screenshots(helper, "caregiver-signup-home");

    const me = (await (await helper.request.get("/api/me")).json()) as {
      user: { email: string; displayName: string };
      roles: string[];
      patients: Array<{ id: string; name: string; relationship: string; scopes: string[] }>;
    };
    expect(me.user.email).toBe(email);
    expect(me.roles).toEqual([]);
    expect(me.patients).toHaveLength(1);
    expect(me.patients[0]).toMatchObject({ relationship: "caregiver", scopes: ["appointments"] });
    expect(me.patients[0]?.name).toMatch(/Alex/);

    // within the grant: Alex's appointments
    await visit(helper, "/appointments");
    await helper.getByRole("heading", { level: 1, name: /appointments/i }).waitFor({ state: "visible" });
    await settle(helper);
    await expectAccessible(helper, "Alex's appointments, seen by the new caregiver");
    // outside it: who has access is Alex's alone
    expect([403, 404]).toContain((await helper.request.get(`/api/patients/${me.patients[0]?.id}/proxies`)).status());

    // the link is used up
    await context.clearCookies();
    await visit(helper, `${link.pathname}${link.search}`);
    await expectPage(helper, /this link doesn't work/i, "used invitation");
    await context.close();
  }, 180_000);

  it("the front desk approves Sam's request to change his legal name", async () => {
    const { page } = session;
    await signIn(page, demo.frontDesk, { mfa: true });
    await page
      .getByRole("link", { name: /name and date of birth changes/i })
      .first()
      .click();
    await expectPage(page, /name and date of birth changes/i, "identity change requests");
    const card = page.getByRole("region", { name: /Samuel Rivera/ });
    await card.waitFor({ state: "visible" });
    await expect(card.getByRole("cell", { name: "Rivera Ortiz" }).first().isVisible()).resolves.toBe(true);
    await expect(card.getByText("I use both family names on my ID now.").isVisible()).resolves.toBe(true);
    await screenshots(page, "identity-changes-queue");
    expect(await hasHorizontalScroll(page)).toBe(false);

    // deny needs a note: the dialog says so, then we think better of it
    await card.getByRole("button", { name: /deny the change for samuel rivera/i }).click();
    const denyDialog = page.getByRole("dialog", { name: /deny the change/i });
    await denyDialog.waitFor({ state: "visible" });
    await denyDialog.getByRole("button", { name: /^deny the change$/i }).click();
    await denyDialog.getByText("Write a note for the patient").first().waitFor({ state: "visible" });
    await expectAccessible(page, "deny dialog with an error");
    await denyDialog.getByRole("button", { name: /^cancel$/i }).click();
    await denyDialog.waitFor({ state: "hidden" });

    await card.getByRole("button", { name: /approve the change for samuel rivera/i }).click();
    const approveDialog = page.getByRole("dialog", { name: /approve the change/i });
    await approveDialog.waitFor({ state: "visible" });
    await expectAccessible(page, "approve dialog");
    await approveDialog.getByRole("button", { name: /^approve the change$/i }).click();
    await page.getByRole("heading", { name: /change approved for samuel rivera/i }).waitFor({ state: "visible" });
    await page.getByRole("heading", { name: /no changes are waiting/i }).waitFor({ state: "visible" });
    await expectAccessible(page, "identity change approved");
    await screenshots(page, "identity-changes-done");

    const search = (await (await page.request.get("/api/patients?q=Samuel")).json()) as {
      patients?: Array<{ legalGivenName?: string; name?: string }>;
    };
    expect(JSON.stringify(search)).toMatch(/Samuel Rivera Ortiz/);
  }, 180_000);
});
