import type { Page } from "playwright-core";
import { expectAccessible, settle, visit } from "./axe.ts";
import { baseUrl } from "./browser.ts";
import { DEMO_PASSWORD, unusedTotpCode } from "./demo.ts";

/**
 * Signs in through the sign-in page like a person would: labelled fields, the "Sign in"
 * button, then — for staff — the verification-code step with a TOTP code. Runs axe on each
 * step. Resolves once the signed-in app has rendered.
 */
export async function signIn(
  page: Page,
  email: string,
  options: { password?: string; mfa?: boolean } = {},
): Promise<void> {
  await visit(page, "/sign-in");
  await page.getByLabel(/^email( address)?$/i).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(options.password ?? DEMO_PASSWORD);
  await page.getByRole("button", { name: /^sign in$/i }).click();
  if (options.mfa) {
    const code = page.getByRole("textbox", { name: /digit code|security code|verification code/i });
    await code.waitFor({ state: "visible" });
    await expectAccessible(page, "sign-in (verification code step)");
    await code.fill(await unusedTotpCode(baseUrl(), email));
    await page.getByRole("button", { name: /^(verify|continue|sign in)$/i }).click();
  }
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"), { timeout: 60_000 });
  await settle(page);
}

/** Signs in (see signIn), then opens `path` of the app (see visit). */
export async function signInTo(
  page: Page,
  email: string,
  path: string,
  options: { password?: string; mfa?: boolean } = {},
): Promise<void> {
  await signIn(page, email, options);
  await visit(page, path);
}

/** Signs out through the app's own control (in the header or its account menu). */
export async function signOut(page: Page): Promise<void> {
  const direct = page.getByRole("button", { name: /^sign out$/i });
  if (!(await direct.isVisible())) {
    // small screens and account menus tuck it away
    await page
      .getByRole("button", { name: /account|menu/i })
      .first()
      .click();
  }
  await page
    .getByRole("button", { name: /^sign out$/i })
    .or(page.getByRole("menuitem", { name: /^sign out$/i }))
    .first()
    .click();
}
