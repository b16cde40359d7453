import { describe, expect, it } from "vitest";
import { signIn } from "../harness/auth.ts";
import { expectAccessible, settle, visit } from "../harness/axe.ts";
import { useBrowser } from "../harness/browser.ts";
import { demo } from "../harness/demo.ts";
import { firstAppLink, readMailbox, waitForEmail } from "../harness/mailbox.ts";

describe("forgotten password", () => {
  const session = useBrowser();

  it("the reset email arrives in the dev mailbox and its link sets a new password", async () => {
    const { page } = session;
    const before = await readMailbox(demo.morgan);
    await visit(page, "/sign-in");
    await page.getByRole("link", { name: /forgot/i }).click();
    await settle(page);
    await expectAccessible(page, "forgot password");
    await page.getByLabel(/^email( address)?$/i).fill(demo.morgan);
    await page.getByRole("button", { name: /send|reset link/i }).click();
    // the same answer whether or not the address has an account
    await page
      .getByText(/check your email|if an account/i)
      .first()
      .waitFor({ state: "visible" });
    await expectAccessible(page, "forgot password (sent)");

    const email = await waitForEmail(demo.morgan, /password/i, { ignore: before });
    const link = firstAppLink(email);
    await visit(page, `${link.pathname}${link.search}${link.hash}`);
    const newPassword = "a brand new passphrase 2026";
    await page.getByLabel(/^new password$/i).fill(newPassword);
    const confirm = page.getByLabel(/confirm|again|repeat/i);
    if ((await confirm.count()) > 0) await confirm.first().fill(newPassword);
    await page
      .getByRole("button", { name: /reset|save|set|change/i })
      .first()
      .click();
    await page
      .getByText(/password (has been |was )?(changed|reset|updated)/i)
      .first()
      .waitFor({ state: "visible" });
    await expectAccessible(page, "password reset done");

    // the link works once only
    await visit(page, `${link.pathname}${link.search}${link.hash}`);
    await page.getByLabel(/^new password$/i).fill("yet another passphrase 2026");
    await page.getByRole("button", { name: /^(change|reset|save) password$/i }).click();
    await page
      .getByText(/expired|already been used/i)
      .first()
      .waitFor({ state: "visible" });
    await expectAccessible(page, "used reset link");
    // the old password no longer works, the new one does
    const api = page.request;
    const old = await api.post("/api/auth/login", { data: { email: demo.morgan, password: "Portico-demo-2026!" } });
    expect(old.status()).toBe(401);
    await signIn(page, demo.morgan, { password: newPassword });
    expect((await page.request.get("/api/me")).status()).toBe(200);
  });
});
