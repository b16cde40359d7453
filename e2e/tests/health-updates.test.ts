import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { signIn, signOut } from "../harness/auth.ts";
import { expectAccessible, settle, visit } from "../harness/axe.ts";
import { useBrowser } from "../harness/browser.ts";
import { demo } from "../harness/demo.ts";
import { dismissLanguageNotice, inLanguage, type Lang } from "../harness/language.ts";
import { hasHorizontalScroll, screenshots } from "../harness/screenshots.ts";

/** A systolic value unique to this run (181–199), so the nurse finds this journey's reading among the demo's. */
const SYSTOLIC = 181 + (Date.now() % 19);
const DIASTOLIC = 122;

/** Screenshots at 320 and 1280 px, no sideways scroll at either, axe clean. */
async function look(page: Page, name: string): Promise<void> {
  await settle(page);
  await expectAccessible(page, name);
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    expect(await hasHorizontalScroll(page), `${name} scrolls sideways at ${width} px`).toBe(false);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await screenshots(page, name);
}

/** The same page in Spanish (screenshots, axe), then back to the reader's own language. */
async function inSpanishToo(page: Page, name: string, heading: RegExp, own: Lang = "en"): Promise<void> {
  await switchTo(page, "es");
  await page.getByRole("heading", { level: 1, name: heading }).waitFor();
  await look(page, `${name}-es`);
  await dismissLanguageNotice(page, "es");
  await switchTo(page, own);
}

/** The header's switch, tried again once when a loaded machine is slow to fetch the other language's strings. */
async function switchTo(page: Page, lang: Lang): Promise<void> {
  await inLanguage(page, lang).catch(() => inLanguage(page, lang));
}

describe("health updates", () => {
  const session = useBrowser();

  it("Alex sends a blood pressure of 180/120 or more, is told to call 911 (it still saves), the nurse sees it flagged in the In Basket, opens Alex's trends as a table, acknowledges and resolves it", async () => {
    const { page } = session;
    await signIn(page, demo.alex);
    await switchTo(page, "en");

    // the trends: six weeks of blood pressure from the demo, each measure with a summary in words
    await visit(page, "/health");
    await page.getByRole("heading", { level: 1, name: "Health updates" }).waitFor();
    const bp = page.getByRole("region", { name: "Blood pressure" });
    await bp.getByText(/Trend: going down\./).waitFor();
    await bp.locator(".recharts-surface").waitFor();
    await look(page, "health-trends-en");
    // the chart's table view: the same readings in words, flags in words
    await bp.getByRole("button", { name: "Table" }).click();
    await expect(bp.getByRole("button", { name: "Table" }).getAttribute("aria-pressed")).resolves.toBe("true");
    await bp.getByRole("table", { name: /Blood pressure readings, newest first/ }).waitFor();
    expect(await bp.getByRole("row").count()).toBeGreaterThan(10);
    await look(page, "health-trends-table-en");
    await inSpanishToo(page, "health-trends", /Datos de salud/);

    // an impossible reading is refused with the field named; what was typed stays
    await page.getByRole("link", { name: "Send a reading" }).click();
    await page.getByRole("heading", { level: 1, name: "Send a reading" }).waitFor();
    await page.getByLabel(/Top number/).fill("80");
    await page.getByLabel(/Bottom number/).fill("90");
    await page.getByRole("button", { name: "Send reading" }).click();
    await page.getByText("The top number must be higher than the bottom number.").first().waitFor();
    await expect(page.getByLabel(/Bottom number/).inputValue()).resolves.toBe("90");
    await settle(page);
    await expectAccessible(page, "send a reading with a refused value");

    // a blood pressure in the emergency range: saved, with the call-911 guidance first
    await page.getByLabel(/Top number/).fill(String(SYSTOLIC));
    await page.getByLabel(/Bottom number/).fill(String(DIASTOLIC));
    await page.getByLabel(/Note/).fill("Headache and blurred vision");
    await page.getByRole("button", { name: "Send reading" }).click();
    await page.getByRole("heading", { name: "Call 911 now if you have symptoms" }).waitFor();
    await page.getByRole("link", { name: "Call 911" }).waitFor();
    await page.getByText(`Saved: Blood pressure ${SYSTOLIC}/${DIASTOLIC} mmHg.`).waitFor();
    await page.getByText("It is flagged urgent: your care team has been told.").waitFor();
    await look(page, "health-send-urgent-en");
    await inSpanishToo(page, "health-send", /Enviar una medición/);
    await signOut(page);

    // the nurse: the In Basket counts the flagged updates; the queue shows Alex's reading, urgent, with the note
    await signIn(page, demo.nurse, { mfa: true });
    await switchTo(page, "en");
    await visit(page, "/in-basket");
    const card = page.getByRole("region", { name: "Flagged health updates" });
    await card.waitFor();
    await card.getByRole("link", { name: "Flagged health updates" }).click();
    await page.getByRole("heading", { level: 1, name: "Flagged health updates" }).waitFor();
    const flag = page
      .getByRole("article")
      .filter({ hasText: "Alex Rivera" })
      .filter({ hasText: `${SYSTOLIC}/${DIASTOLIC} mmHg` })
      .first();
    await flag.getByText("Urgent", { exact: true }).waitFor();
    await flag.getByText("Headache and blurred vision").waitFor();
    await flag.getByRole("link", { name: "Messages with Alex Rivera" }).waitFor();
    await look(page, "health-flag-queue-en");
    await inSpanishToo(page, "health-flag-queue", /Datos de salud marcados/);

    // Alex's trends for the clinician, switched to the table view
    await flag.getByRole("link", { name: "Alex Rivera's trends" }).click();
    await page.getByRole("heading", { level: 1, name: "Alex Rivera's health updates" }).waitFor();
    const nurseBp = page.getByRole("region", { name: "Blood pressure" });
    await nurseBp.getByText(`Latest: ${SYSTOLIC}/${DIASTOLIC} mmHg`, { exact: false }).waitFor();
    await nurseBp.getByRole("button", { name: "Table" }).click();
    const row = nurseBp.getByRole("row").filter({ hasText: `${SYSTOLIC}/${DIASTOLIC}` });
    await row.getByText("Urgent").waitFor();
    await look(page, "health-patient-chart-table-en");
    await page.goBack();

    // acknowledge (the item is the nurse's now), then resolve: it leaves the waiting list
    await flag.getByRole("button", { name: "Acknowledge Alex Rivera's update" }).click();
    await page.getByText("Acknowledged Alex Rivera's update. It is yours now.").waitFor();
    await flag.getByText(/Acknowledged by/).waitFor();
    await flag.getByRole("button", { name: "Resolve Alex Rivera's update" }).click();
    await page.getByText("Resolved Alex Rivera's update.").waitFor();
    await expect(
      page
        .getByRole("article")
        .filter({ hasText: `${SYSTOLIC}/${DIASTOLIC} mmHg` })
        .count(),
    ).resolves.toBe(0);
    await page.getByRole("link", { name: "Resolved" }).click();
    await page
      .getByRole("article")
      .filter({ hasText: `${SYSTOLIC}/${DIASTOLIC} mmHg` })
      .getByText(/Resolved by/)
      .waitFor();
    await settle(page);
    await expectAccessible(page, "resolved flagged updates");
    await signOut(page);
  }, 300_000);

  it("the administrator reads and saves the clinic's flag ranges (each limit labelled, in canonical units)", async () => {
    const { page } = session;
    await signIn(page, demo.admin, { mfa: true });
    await switchTo(page, "en");
    await visit(page, "/admin/health-ranges");
    await page.getByRole("heading", { level: 1, name: "Health update ranges" }).waitFor();
    const systolic = page.getByRole("group", { name: /Blood pressure, top number \(mmHg\)/ });
    await expect(systolic.getByLabel("Urgent at or above").inputValue()).resolves.toBe("180");
    await look(page, "health-ranges-en");
    // a limit out of order is refused on its field; the typing stays
    await systolic.getByLabel("Attention at or above").fill("190");
    await page.getByRole("button", { name: "Save ranges" }).click();
    await page.getByText(/Check/).first().waitFor();
    await expect(systolic.getByLabel("Attention at or above").inputValue()).resolves.toBe("190");
    await systolic.getByLabel("Attention at or above").fill("140");
    await page.getByRole("button", { name: "Save ranges" }).click();
    await page.getByText("Ranges saved").waitFor();
    await settle(page);
    await expectAccessible(page, "health ranges saved");
    await inSpanishToo(page, "health-ranges", /Rangos de los datos de salud/);
  }, 300_000);
});
