import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { signIn } from "../harness/auth.ts";
import { expectAccessible, settle } from "../harness/axe.ts";
import { useBrowser } from "../harness/browser.ts";
import { demo } from "../harness/demo.ts";
import { inLanguage } from "../harness/language.ts";
import { hasHorizontalScroll, screenshots } from "../harness/screenshots.ts";

/** Screenshots at 320 and 1280 px, no sideways scroll at either (once the charts have redrawn), axe clean. */
async function look(page: Page, name: string): Promise<void> {
  await settle(page);
  await expectAccessible(page, name);
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    // the charts redraw at the new width a moment after the window changes
    await expect
      .poll(() => hasHorizontalScroll(page), { message: `${name} scrolls sideways at ${width} px`, timeout: 10_000 })
      .toBe(false);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await screenshots(page, name);
}

/** Waits until no figure is still being counted. */
async function figuresCounted(page: Page): Promise<void> {
  await expect
    .poll(() => page.locator('[aria-busy="true"], [role="progressbar"], .loading-state').count(), {
      timeout: 90_000,
    })
    .toBe(0);
}

describe("operations dashboard", () => {
  const session = useBrowser();

  it("the admin opens the dashboard, narrows it to one location, reads no-shows as a table, and sees it in Spanish", async () => {
    const { page } = session;
    await signIn(page, demo.admin, { mfa: true });
    await inLanguage(page, "en");
    // from the menu; nine figures are counted at once, which takes a while on a busy machine
    await page.getByRole("link", { name: "Operations" }).first().click();
    await page.getByRole("heading", { level: 1, name: "Operations dashboard" }).waitFor();
    await figuresCounted(page);

    // every figure has its card; the demo's history gives no-shows a summary in words and a chart
    const attendance = page.getByRole("region", { name: "No-shows and late cancellations", exact: true });
    await attendance
      .getByText(/^Of \d+ appointments due, [\d.]+% were missed and [\d.]+% were cancelled late\.$/)
      .waitFor();
    await attendance
      .getByRole("img", { name: /^Chart of No-shows and late cancellations\./ })
      .locator("svg")
      .first()
      .waitFor();
    for (const title of [
      "Third next available appointment",
      "Booking lead time",
      "Message response time",
      "Refill turnaround",
      "Referral turnaround",
      "Arrival to exam room",
      "Portal use",
      "Patient survey score",
    ]) {
      await page.getByRole("region", { name: title }).waitFor();
    }
    const allSummary = await attendance.locator(".operations-figure__summary").textContent();
    await look(page, "operations-en");

    // a filter: one location (the status line says what is shown; the figure is counted again)
    await page
      .getByRole("button", { name: /Location/ })
      .first()
      .click();
    await page.getByRole("option", { name: "Portico Chicago Loop" }).click();
    await page.getByRole("button", { name: "Show figures" }).click();
    await figuresCounted(page);
    await page
      .getByRole("status")
      .filter({ hasText: /Portico Chicago Loop/ })
      .waitFor();
    await expect
      .poll(async () => attendance.locator(".operations-figure__summary").textContent(), { timeout: 30_000 })
      .not.toBe(allSummary);
    const csv = attendance.getByRole("link", { name: /Download No-shows and late cancellations \(CSV\)/ });
    expect(await csv.getAttribute("href")).toMatch(/locationId=[0-9a-f-]+&format=csv$/);

    // the chart as a table: the same figures in words
    await attendance.getByRole("button", { name: "Table" }).click();
    await expect(attendance.getByRole("button", { name: "Table" }).getAttribute("aria-pressed")).resolves.toBe("true");
    const table = attendance.getByRole("table", { name: "No-shows and late cancellations" });
    await table.waitFor();
    expect(await table.getByRole("row").count()).toBeGreaterThan(1);
    await table.getByRole("cell", { name: "All" }).waitFor();
    // the table stays inside its card at 1280 px; if wider, it scrolls there (a labelled, focusable region)
    const scroller = attendance.getByRole("region", { name: "No-shows and late cancellations table" });
    await expect(scroller.getAttribute("tabindex")).resolves.toBe("0");
    const fits = await attendance.evaluate((card) => {
      const wrap = card.querySelector(".operations-table") as HTMLElement;
      return wrap.getBoundingClientRect().right <= card.getBoundingClientRect().right + 0.5;
    });
    expect(fits).toBe(true);
    await look(page, "operations-table-en");

    // the CSV itself: the same figure, a header of the columns
    const href = (await csv.getAttribute("href")) as string;
    const body = await page.evaluate(async (url) => (await fetch(url)).text(), href);
    expect(body.split("\r\n")[0]).toBe(
      "provider,appointments,noShows,noShowRate,lateCancellations,lateCancellationRate",
    );

    // Spanish
    await inLanguage(page, "es");
    await page.getByRole("heading", { level: 1, name: "Panel de operaciones" }).waitFor();
    await page
      .getByRole("region", { name: "Ausencias y cancelaciones tardías", exact: true })
      .getByText(/citas previstas/)
      .first()
      .waitFor();
    await look(page, "operations-es");
    await inLanguage(page, "en");
  }, 240_000);
});
