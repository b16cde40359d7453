import { describe, expect, it } from "vitest";
import { signIn } from "../harness/auth.ts";
import { expectAccessible, settle, visit } from "../harness/axe.ts";
import { useBrowser } from "../harness/browser.ts";
import { demo } from "../harness/demo.ts";
import { screenshots } from "../harness/screenshots.ts";

describe("caregiver (proxy) access", () => {
  const session = useBrowser();

  it("Sam switches between Jamie and Taylor and sees that Taylor's access is restricted", async () => {
    const { page } = session;
    await signIn(page, demo.sam);
    // "Acting for: …" with a "Switch to" picker (a React Aria Select button, or a native select)
    const switcher = page
      .getByRole("button", { name: /switch to/i })
      .or(page.getByRole("combobox", { name: /switch to|acting for/i }))
      .first();
    await switcher.waitFor({ state: "visible" });

    await choose(page, switcher, /Jamie Rivera/);
    await settle(page);
    await expect(page.getByText(/Jamie/).first().isVisible()).resolves.toBe(true);
    await expectAccessible(page, "home acting for Jamie");

    await choose(page, switcher, /Taylor Rivera/);
    await settle(page);
    await expect(
      page
        .getByText(/Taylor/)
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    const note = page.getByText(/restricted|limited access|only .*appointments.*medications/i).first();
    await note.waitFor({ state: "visible" });
    await expectAccessible(page, "home acting for Taylor");
    await screenshots(page, "proxy-taylor");

    // Taylor's details: only the name and date of birth, with why — no contact details or insurance
    await visit(page, "/profile/details");
    await page
      .getByRole("heading", { name: "Only the name and date of birth" })
      .or(page.getByText("Only the name and date of birth"))
      .first()
      .waitFor();
    await expect(
      page
        .getByText(/Taylor/)
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    await expect(page.getByRole("heading", { name: /insurance|how to reach/i }).count()).resolves.toBe(0);
    await expectAccessible(page, "details acting for Taylor");
    await screenshots(page, "proxy-taylor-details");

    // and back to Jamie: no restriction note there
    await choose(page, switcher, /Jamie Rivera/);
    await settle(page);
    await expect(page.getByText(/restricted|limited access/i).count()).resolves.toBe(0);
  });
});

/** Picks an option in the acting-for switcher, whether it is a native select or a React Aria Select. */
async function choose(
  page: import("playwright-core").Page,
  switcher: import("playwright-core").Locator,
  name: RegExp,
): Promise<void> {
  if (await switcher.evaluate((el) => el.tagName === "SELECT")) {
    const options = await switcher.locator("option").allTextContents();
    const label = options.find((o) => name.test(o));
    if (!label) throw new Error(`no option ${name} in the switcher (options: ${options.join(", ")})`);
    await switcher.selectOption({ label });
    return;
  }
  await switcher.click();
  await page.getByRole("option", { name }).first().click();
}
