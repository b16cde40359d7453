import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { signIn } from "../harness/auth.ts";
import { expectAccessible, visit } from "../harness/axe.ts";
import { useBrowser } from "../harness/browser.ts";
import { demo } from "../harness/demo.ts";
import { inLanguageOnThisDevice } from "../harness/language.ts";
import { hasHorizontalScroll, screenshots } from "../harness/screenshots.ts";

/**
 * English that used to show on the staff's Spanish pages: the MRN abbreviation, the demo
 * clinic's visit-type names (each has a Spanish name), the patient's language named in English,
 * and words of the chart refusal.
 */
const ENGLISH = [
  "MRN",
  "English",
  "Annual check-up",
  "Follow-up visit",
  "New patient visit",
  "Video visit",
  "Cardiology consultation",
  "Cardiology follow-up",
  "Skin check",
  "Dermatology consultation",
  "This chart can't be opened",
  "front desk",
  "care team",
];

async function expectNoEnglish(page: Page, where: string): Promise<void> {
  const text = await page.locator("main").innerText();
  const found = ENGLISH.filter((word) => text.includes(word));
  expect(found, `English words on the Spanish ${where}`).toEqual([]);
}

describe("staff pages in Spanish", () => {
  const session = useBrowser();
  /** a patient the demo's nurse has no reason to see (no visit, request or queue item of theirs) */
  let morganChart = "";

  it("the front desk's arrivals board, schedule, patient search and banner have no English words", async () => {
    const { page } = session;
    await signIn(page, demo.frontDesk, { mfa: true });
    await inLanguageOnThisDevice(page, "es");

    await visit(page, "/front-desk/arrivals");
    await page.getByRole("heading", { level: 1 }).first().waitFor();
    await page.locator("table tbody tr, .empty-state").first().waitFor();
    // the demo's visits today: their Spanish names
    await expect(page.locator("main table").count()).resolves.toBeGreaterThan(0);
    await expectNoEnglish(page, "arrivals board");
    await expectAccessible(page, "arrivals (Spanish)");
    await screenshots(page, "staff-es-arrivals");

    await visit(page, "/schedule");
    await page.locator("main table tbody tr, main .empty-state").first().waitFor();
    await expectNoEnglish(page, "schedule");
    await expectAccessible(page, "schedule (Spanish)");

    await visit(page, "/patients?q=Rivera");
    const alex = page.getByRole("link", { name: /Alexandra Rivera/ }).first();
    await alex.waitFor();
    await expect(page.getByRole("columnheader", { name: "N.º de expediente" }).isVisible()).resolves.toBe(true);
    await expectNoEnglish(page, "patient search");
    await expectAccessible(page, "patient search (Spanish)");
    await screenshots(page, "staff-es-patient-search");

    await visit(page, "/patients?q=Lee");
    const morgan = page.getByRole("link", { name: /Morgan Lee/ }).first();
    await morgan.waitFor();
    morganChart = new URL((await morgan.getAttribute("href")) ?? "", page.url()).pathname;

    await visit(page, "/patients?q=Rivera");
    await alex.click();
    await page.waitForURL(/\/patients\/[0-9a-f-]{36}$/);
    await page.getByText("N.º de expediente").first().waitFor();
    await expectNoEnglish(page, "patient banner");
    await expectAccessible(page, "chart with banner (Spanish)");
    await screenshots(page, "staff-es-chart");
  });

  it("a nurse who may not open a chart is told why and what to do, in English and Spanish", async () => {
    expect(morganChart).toMatch(/^\/patients\/[0-9a-f-]{36}$/);
    const { page } = session;
    await signIn(page, demo.nurse, { mfa: true });
    await inLanguageOnThisDevice(page, "en");

    await visit(page, morganChart);
    await page.getByRole("heading", { level: 1, name: "This chart can't be opened" }).waitFor();
    await page.getByText(/Nurses open a patient's chart while working one of the patient's requests/).waitFor();
    await page.getByText(/does not say whether this person is a patient here/).waitFor();
    await page.getByRole("heading", { name: "What you can do" }).waitFor();
    await page.getByText(/ask the patient's physician or the front desk/).waitFor();
    await page.getByText(/Portico has no emergency override/).waitFor();
    await expect(page.getByRole("link", { name: "Open the In Basket" }).isVisible()).resolves.toBe(true);
    await expectAccessible(page, "chart refused (nurse)");
    await screenshots(page, "nurse-chart-refused-en");

    // a chart that does not exist reads exactly the same
    const missing = await page.locator("main").innerText();
    await visit(page, "/patients/00000000-0000-4000-8000-000000000000");
    await page.getByRole("heading", { level: 1, name: "This chart can't be opened" }).waitFor();
    await page.getByText(/Nurses open a patient's chart/).waitFor();
    expect(await page.locator("main").innerText()).toBe(missing);

    await visit(page, morganChart);
    await inLanguageOnThisDevice(page, "es");
    await page.getByRole("heading", { level: 1, name: "No se puede abrir este expediente" }).waitFor();
    await page.getByText(/El personal de enfermería abre el expediente/).waitFor();
    await page.getByRole("heading", { name: "Qué puede hacer" }).waitFor();
    await expectNoEnglish(page, "chart refusal");
    await expectAccessible(page, "chart refused (nurse, Spanish)");
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshots(page, "nurse-chart-refused-es");
  });
});
