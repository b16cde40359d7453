import { describe, expect, it } from "vitest";
import { signIn, signOut } from "../harness/auth.ts";
import { expectAccessible, settle, visit } from "../harness/axe.ts";
import { useBrowser } from "../harness/browser.ts";
import { demo } from "../harness/demo.ts";
import { screenshots } from "../harness/screenshots.ts";

describe("signing in and out", () => {
  const session = useBrowser();

  it("staff sign in with a password and a verification code (MFA)", async () => {
    const { page } = session;
    await signIn(page, demo.nurse, { mfa: true });
    await expectAccessible(page, "staff landing page");
    expect(new URL(page.url()).pathname).not.toMatch(/sign-in|mfa/);
    await expect(page.getByRole("heading", { level: 1 }).first().isVisible()).resolves.toBe(true);
    await screenshots(page, "staff-home");
  });

  it("staff cannot finish signing in with a wrong verification code", async () => {
    const { page } = session;
    await visit(page, "/sign-in");
    await page.getByLabel(/^email( address)?$/i).fill(demo.frontDesk);
    await page.getByLabel("Password", { exact: true }).fill("Portico-demo-2026!");
    await page.getByRole("button", { name: /^sign in$/i }).click();
    const code = page.getByRole("textbox", { name: /digit code|security code|verification code/i });
    await code.waitFor({ state: "visible" });
    await code.fill("000000");
    await page.getByRole("button", { name: /^(verify|continue|sign in)$/i }).click();
    await page.getByRole("alert").first().waitFor({ state: "visible" });
    await expectAccessible(page, "MFA step with an error");
    const me = await page.request.get("/api/me");
    expect(me.status()).toBe(401);
  });

  it("a patient signs in and sees their home page", async () => {
    const { page } = session;
    await signIn(page, demo.alex);
    await expectAccessible(page, "patient home");
    await expect(page.getByText(/Alex/).first().isVisible()).resolves.toBe(true);
    const me = await page.request.get("/api/me");
    expect(me.status()).toBe(200);
    await screenshots(page, "patient-home");
  });

  it("a wrong password gets one generic message and no session", async () => {
    const { page } = session;
    await visit(page, "/sign-in");
    await page.getByLabel(/^email( address)?$/i).fill(demo.alex);
    await page.getByLabel("Password", { exact: true }).fill("not the password at all");
    await page.getByRole("button", { name: /^sign in$/i }).click();
    const alert = page.getByRole("alert").first();
    await alert.waitFor({ state: "visible" });
    await expectAccessible(page, "sign-in with an error");
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    expect((await page.request.get("/api/me")).status()).toBe(401);
  });

  it("a patient signs out and their session ends on the server", async () => {
    const { page } = session;
    await signIn(page, demo.alex);
    expect((await page.request.get("/api/me")).status()).toBe(200);
    await signOut(page);
    await page.waitForURL((url) => url.pathname === "/" || url.pathname.startsWith("/sign-in"));
    await settle(page);
    await expectAccessible(page, "after signing out");
    expect((await page.request.get("/api/me")).status()).toBe(401);
    // the back button does not bring the signed-in page back
    await page.goBack();
    await settle(page);
    expect((await page.request.get("/api/me")).status()).toBe(401);
  });
});
