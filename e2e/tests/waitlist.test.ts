import { describe, expect, it } from "vitest";
import { signInTo } from "../harness/auth.ts";
import { expectAccessible, visit } from "../harness/axe.ts";
import { useBrowser } from "../harness/browser.ts";
import { demo } from "../harness/demo.ts";
import { accessibleScreenshots, screenshots } from "../harness/screenshots.ts";

describe("earlier appointments and reminder links", () => {
  const session = useBrowser();

  it("Alex asks to hear about an earlier time, sees he is on the list, then stops", async () => {
    const { page } = session;
    await signInTo(page, demo.alex, "/appointments");

    const join = page.getByRole("button", { name: "Tell me if an earlier time opens up" }).first();
    await join.waitFor();
    const card = page.locator(".appt-card", { has: join });
    const heading = (await card.getByRole("heading").first().textContent())?.trim() ?? "";
    const sameCard = page.locator(".appt-card", { has: page.getByRole("heading", { name: heading, exact: true }) });
    await join.click();

    await sameCard.getByText("You're on the list for an earlier time").waitFor();
    await accessibleScreenshots(page, "appointments: on the waitlist", "waitlist-on-list");

    await sameCard.getByRole("button", { name: /^Stop/ }).click();
    await sameCard.getByRole("button", { name: "Tell me if an earlier time opens up" }).waitFor();
    await expect(sameCard.getByText("You're on the list for an earlier time").count()).resolves.toBe(0);
    await expectAccessible(page, "appointments: off the waitlist");

    await visit(page, "/appointments/offers");
    await page.getByRole("heading", { level: 1, name: "Earlier times for you" }).waitFor();
    await screenshots(page, "waitlist-offers");
  });

  it("a confirm link that is not valid says so and gives the clinic's number, without signing in", async () => {
    const { page } = session;
    await visit(page, "/appointments/confirm?token=not-a-real-token-0123456789abcdef");
    await page.getByRole("heading", { level: 1, name: "This link does not work" }).waitFor();
    await expect(page.getByRole("link", { name: /\d{3}/ }).count()).resolves.toBeGreaterThan(0);
    await expect(page.getByRole("link", { name: "Sign in" }).first().isVisible()).resolves.toBe(true);
    await screenshots(page, "waitlist-confirm-invalid");
  });
});
