import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { me, ownChart, visitTypeId } from "../harness/api.ts";
import { signIn } from "../harness/auth.ts";
import { expectAccessible, settle, visit } from "../harness/axe.ts";
import { baseUrl, useBrowser } from "../harness/browser.ts";
import { demo } from "../harness/demo.ts";
import { backToEnglish, inLanguage, switchLanguage } from "../harness/language.ts";
import { look, screenshotsNoScroll } from "../harness/screenshots.ts";

/** Waits for the week of times; moves on a week while it is empty. Returns each group's label. */
async function weekLabels(page: Page): Promise<string[]> {
  for (let i = 0; i < 4; i++) {
    await page.getByText(/Finding free times|Buscando horarios/).waitFor({ state: "detached" });
    const labels = await page.locator(".day__who").allTextContents();
    if (labels.length > 0) return labels;
    await page.getByRole("button", { name: /Next 7 days|7 días siguientes/ }).click();
  }
  throw new Error("no free times in four weeks");
}

describe("times in the zone the visit happens in", () => {
  const session = useBrowser();

  it("Sam's week of video times with Dr. Okafor (Brooklyn and Chicago days) stays in one zone, Sam's own, chosen on My details", async () => {
    const { page } = session;
    await signIn(page, demo.sam);
    // the journey reads English words first, whatever language the account was left in
    await inLanguage(page, "en");
    const samId = ownChart(await me(page.request)) as string;
    const video = (await visitTypeId(page.request, "Video visit")) as string;

    try {
      // a week of video times: Dr. Okafor works in Brooklyn on Mon/Tue/Thu and in Chicago on
      // Wed/Fri, and every time is shown in Sam's zone (Eastern), never alternating by day
      await visit(page, `/appointments/book?visitTypeId=${video}&step=when`);
      await page.getByRole("heading", { level: 1, name: "Choose a time" }).waitFor();
      const labels = await weekLabels(page);
      expect(labels.some((l) => /Chicago/.test(l))).toBe(true);
      for (const label of labels) expect(label).toMatch(/\(Eastern Time\)$/);
      await look(page, "video times in the patient's zone", "zones-video-week-en");
      await switchLanguage(page, "es");
      await page.getByRole("heading", { level: 1, name: "Elija un horario" }).waitFor();
      const spanish = await weekLabels(page);
      for (const label of spanish) expect(label).toMatch(/\(hora (del este|oriental)\)$/);
      await look(page, "video times in the patient's zone (Spanish)", "zones-video-week-es");
      await backToEnglish(page);

      // Sam moves to Chicago: the time zone card on My details saves it, and the video visit follows
      await visit(page, "/profile/details");
      await page.getByRole("heading", { name: "Time zone", exact: true }).waitFor();
      await page.getByRole("button", { name: /Your time zone/ }).click();
      await page.getByRole("option", { name: "Central Time — America/Chicago" }).click();
      await page.getByRole("button", { name: "Save time zone" }).click();
      await page.getByText("Time zone saved").waitFor();
      await settle(page);
      await expectAccessible(page, "time zone saved on My details");
      await page.locator("#time-zone").scrollIntoViewIfNeeded();
      await screenshotsNoScroll(page, "zones-profile-en");
      await switchLanguage(page, "es");
      await page.getByRole("heading", { name: "Zona horaria", exact: true }).waitFor();
      await look(page, "time zone on My details (Spanish)", "zones-profile-es");
      await backToEnglish(page);

      await visit(page, "/appointments");
      const card = page.locator("article", { hasText: "Video visit" }).first();
      await card.waitFor();
      await expect(card.getByRole("heading").first().textContent()).resolves.toMatch(/\(Central Time\)$/);
    } finally {
      // back to Eastern for the other journeys
      const fresh = await me(page.request);
      await page.request.patch(`${baseUrl()}/api/patients/${samId}`, {
        headers: { "x-csrf-token": fresh.csrfToken },
        data: { timeZone: "America/New_York" },
      });
    }
  });
});
