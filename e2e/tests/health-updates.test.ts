import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { bookOwnCheckUp } from "../harness/api.ts";
import { signIn, signOut } from "../harness/auth.ts";
import { expectAccessible, settle, visit } from "../harness/axe.ts";
import { baseUrl, useBrowser } from "../harness/browser.ts";
import { DEMO_PASSWORD, demo } from "../harness/demo.ts";
import { dismissLanguageNotice, inLanguage, type Lang } from "../harness/language.ts";
import { look } from "../harness/screenshots.ts";

/** A systolic value unique to this run (181–199), so the nurse finds this journey's reading among the demo's. */
const SYSTOLIC = 181 + (Date.now() % 19);
const DIASTOLIC = 122;

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

  it("Alex answers the PHQ-9 as the intake for an annual check-up; the nurse sees it done, scored and flagged on the arrivals board (GAD-7 not yet) and opens the answers", async () => {
    const { page } = session;
    // Alex's own API session (another device) books a check-up at Brooklyn, where the nurse works,
    // two to six days ahead (inside the eCheck-in window): its type asks for PHQ-9 and GAD-7
    const alexDevice = await session.newContext();
    const api = alexDevice.request;
    const login = await api.post(`${baseUrl()}/api/auth/login`, {
      data: { email: demo.alex, password: DEMO_PASSWORD },
    });
    expect(login.ok()).toBe(true);
    const { patientId, headers, checkUp, booked } = await bookOwnCheckUp(api, { at: /Brooklyn/, withLocation: true });
    expect(checkUp).toBeDefined();
    expect(booked, "a free check-up time at Brooklyn two to six days ahead").toBeDefined();
    const visitId = booked?.id as string;
    // the visit's day at its location: the board to open
    const day = new Intl.DateTimeFormat("en-CA", {
      timeZone: booked?.timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    }).format(new Date(booked?.start as string));

    try {
      // Alex answers the PHQ-9 for that visit on the patient's questionnaire page: 15 of 27
      // (moderately severe: "needs attention" by the clinic's ranges), item 9 "Not at all"
      await signIn(page, demo.alex);
      await switchTo(page, "en");
      await visit(page, `/health/questionnaire?kind=phq9&appointment=${visitId}`);
      await page.getByRole("heading", { level: 1, name: "Mood questionnaire (PHQ-9)" }).waitFor();
      await page.getByText(/^This is for your visit on /).waitFor();
      const questions = page.getByRole("radiogroup");
      await questions.first().waitFor();
      await expect(questions.count()).resolves.toBe(9);
      const answers = [2, 2, 2, 2, 2, 2, 2, 1, 0];
      const words = ["Not at all", "Several days", "More than half the days", "Nearly every day"];
      for (const [i, answer] of answers.entries()) {
        await questions
          .nth(i)
          .getByText(words[answer] as string, { exact: true })
          .click();
      }
      await page.getByRole("button", { name: "Send answers" }).click();
      await page.getByText("Answers sent").waitFor();
      await signOut(page);

      // the nurse opens the Brooklyn board on the visit's day
      await signIn(page, demo.nurse, { mfa: true });
      await switchTo(page, "en");
      await visit(page, `/front-desk/arrivals?locationId=${booked?.locationId}&date=${day}`);
      await page.getByRole("heading", { level: 1, name: "Arrivals" }).waitFor();
      const row = page
        .getByRole("row")
        .filter({ hasText: "Alex Rivera" })
        .filter({ hasText: "PHQ-9 (mood): done, score 15 of 27 (moderately severe)" });
      await row.first().waitFor();
      await expect(row.count()).resolves.toBe(1);
      // in words, not colour alone: partly done, GAD-7 not yet, the flag named
      await row.getByText("Questionnaires partly done").waitFor();
      await row.getByText("GAD-7 (anxiety): not done yet").waitFor();
      await row.getByText("Flagged: needs attention").waitFor();
      await row.scrollIntoViewIfNeeded();
      await look(page, "arrivals-intake-en");
      await inSpanishToo(page, "arrivals-intake", /Llegadas/);

      // the answers for that visit, from the board
      await row.getByRole("link", { name: "Open intake answers – Alex Rivera" }).click();
      await page.getByRole("heading", { level: 1, name: "Intake answers: Alex Rivera" }).waitFor();
      await page.getByText(/^Intake for the visit on /).waitFor();
      const phq9 = page.getByRole("region", { name: "PHQ-9 (mood)" });
      await phq9.getByText("Score 15 of 27 (moderately severe)").waitFor();
      await phq9.getByText("Needs attention", { exact: true }).waitFor();
      const table = phq9.getByRole("table", { name: /PHQ-9 \(mood\): each question and the answer/ });
      await expect(table.getByRole("row").count()).resolves.toBe(10);
      await table
        .getByRole("row")
        .filter({ hasText: "9. Thoughts that you would be better off dead" })
        .getByText("Not at all (0)")
        .waitFor();
      await page.getByText("GAD-7 (anxiety): not done yet").waitFor();
      await look(page, "visit-intake-answers-en");
      await inSpanishToo(page, "visit-intake-answers", /Respuestas previas a la visita: Alex Rivera/);
      await signOut(page);

      // the front desk sees the same visit's questionnaires done or not, but no score, flag or answers
      await signIn(page, demo.frontDesk, { mfa: true });
      await switchTo(page, "en");
      await visit(page, `/front-desk/arrivals?locationId=${booked?.locationId}&date=${day}`);
      await page.getByRole("heading", { level: 1, name: "Arrivals" }).waitFor();
      const deskRow = page
        .getByRole("row")
        .filter({ hasText: "Alex Rivera" })
        .filter({ hasText: "PHQ-9 (mood): done" });
      await deskRow.first().waitFor();
      await deskRow.first().getByText("GAD-7 (anxiety): not done yet").waitFor();
      await expect(
        deskRow
          .first()
          .getByText(/score|Flagged/)
          .count(),
      ).resolves.toBe(0);
      await expect(
        deskRow
          .first()
          .getByRole("link", { name: /intake answers/ })
          .count(),
      ).resolves.toBe(0);
      await look(page, "arrivals-intake-desk-en");
      await signOut(page);
    } finally {
      // leave Alex's appointments as the demo had them for the other journeys
      await api.post(`${baseUrl()}/api/patients/${patientId}/appointments/${visitId}/cancel`, { headers, data: {} });
      await alexDevice.close();
    }
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
