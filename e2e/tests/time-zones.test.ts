import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { signIn } from "../harness/auth.ts";
import { expectAccessible, settle, visit } from "../harness/axe.ts";
import { baseUrl, useBrowser } from "../harness/browser.ts";
import { demo } from "../harness/demo.ts";
import { hasHorizontalScroll, screenshots } from "../harness/screenshots.ts";

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

/** The journey reads English words first, whatever language the account was left in. */
async function inEnglish(page: Page): Promise<void> {
  if (await page.evaluate(() => document.documentElement.lang.startsWith("es"))) {
    await page
      .getByRole("banner")
      .getByRole("button", { name: /english/i })
      .click();
    await page.waitForFunction(() => document.documentElement.lang === "en");
    await settle(page);
  }
}

async function screensBothWidths(page: Page, name: string): Promise<void> {
  await screenshots(page, name);
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    expect(await hasHorizontalScroll(page), `${name} scrolls sideways at ${width} px`).toBe(false);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

describe("times in the zone the visit happens in", () => {
  const session = useBrowser();

  it("Sam's week of video times with Dr. Okafor (Brooklyn and Chicago days) stays in one zone, Sam's own, chosen on My details", async () => {
    const { page } = session;
    await signIn(page, demo.sam);
    await inEnglish(page);
    const me = (await (await page.request.get(`${baseUrl()}/api/me`)).json()) as {
      csrfToken: string;
      patients: { id: string; relationship: string }[];
    };
    const samId = me.patients.find((p) => p.relationship === "self")?.id as string;
    const { visitTypes } = (await (await page.request.get(`${baseUrl()}/api/visit-types`)).json()) as {
      visitTypes: { id: string; name: string }[];
    };
    const video = visitTypes.find((v) => v.name === "Video visit")?.id as string;

    try {
      // a week of video times: Dr. Okafor works in Brooklyn on Mon/Tue/Thu and in Chicago on
      // Wed/Fri, and every time is shown in Sam's zone (Eastern), never alternating by day
      await visit(page, `/appointments/book?visitTypeId=${video}&step=when`);
      await page.getByRole("heading", { level: 1, name: "Choose a time" }).waitFor();
      const labels = await weekLabels(page);
      expect(labels.some((l) => /Chicago/.test(l))).toBe(true);
      for (const label of labels) expect(label).toMatch(/\(Eastern Time\)$/);
      await settle(page);
      await expectAccessible(page, "video times in the patient's zone");
      await screensBothWidths(page, "zones-video-week-en");
      await page
        .getByRole("banner")
        .getByRole("button", { name: /español/i })
        .click();
      await page.getByRole("heading", { level: 1, name: "Elija un horario" }).waitFor();
      const spanish = await weekLabels(page);
      for (const label of spanish) expect(label).toMatch(/\(hora (del este|oriental)\)$/);
      await settle(page);
      await expectAccessible(page, "video times in the patient's zone (Spanish)");
      await screensBothWidths(page, "zones-video-week-es");
      await page
        .getByRole("banner")
        .getByRole("button", { name: /english/i })
        .click();
      await page.waitForFunction(() => document.documentElement.lang === "en");

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
      await screensBothWidths(page, "zones-profile-en");
      await page
        .getByRole("banner")
        .getByRole("button", { name: /español/i })
        .click();
      await page.getByRole("heading", { name: "Zona horaria", exact: true }).waitFor();
      await settle(page);
      await expectAccessible(page, "time zone on My details (Spanish)");
      await screensBothWidths(page, "zones-profile-es");
      await page
        .getByRole("banner")
        .getByRole("button", { name: /english/i })
        .click();
      await page.waitForFunction(() => document.documentElement.lang === "en");

      await visit(page, "/appointments");
      const card = page.locator("article", { hasText: "Video visit" }).first();
      await card.waitFor();
      await expect(card.getByRole("heading").first().textContent()).resolves.toMatch(/\(Central Time\)$/);
    } finally {
      // back to Eastern for the other journeys
      const fresh = (await (await page.request.get(`${baseUrl()}/api/me`)).json()) as { csrfToken: string };
      await page.request.patch(`${baseUrl()}/api/patients/${samId}`, {
        headers: { "x-csrf-token": fresh.csrfToken },
        data: { timeZone: "America/New_York" },
      });
    }
  });
});
