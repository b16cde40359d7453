import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { signIn } from "../harness/auth.ts";
import { expectAccessible, settle, visit } from "../harness/axe.ts";
import { useBrowser } from "../harness/browser.ts";
import { demo } from "../harness/demo.ts";
import { readMailbox, waitForEmail } from "../harness/mailbox.ts";
import { hasHorizontalScroll, screenshots } from "../harness/screenshots.ts";

const ATORVASTATIN = "Atorvastatin 20 mg tablet";
const SERTRALINE = "Sertraline 50 mg tablet";
const METFORMIN = "Metformin 500 mg tablet";

/** Screenshots of the page as it is, in English, then in Spanish (checked with axe), then back in English. */
async function bothLanguages(page: Page, name: string, spanishHeading: RegExp): Promise<void> {
  await screenshots(page, `${name}-en`);
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    expect(await hasHorizontalScroll(page), `${name} scrolls sideways at ${width} px`).toBe(false);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole("button", { name: /español/i }).click();
  await page.getByRole("heading", { level: 1, name: spanishHeading }).waitFor();
  await dismissLanguageNotice(page, /^cerrar$/i);
  await settle(page);
  await expectAccessible(page, `${name} (Spanish)`);
  await screenshots(page, `${name}-es`);
  // the switch is saved on the account: back to English for the emails and the other journeys
  await page.getByRole("button", { name: /english/i }).click();
  await page.getByRole("heading", { level: 1 }).first().waitFor();
  await page.waitForFunction(() => document.documentElement.lang === "en");
  await dismissLanguageNotice(page, /^close$/i);
  await settle(page);
}

/** Closes the "Language saved to your account" notice so it does not cover the page in screenshots. */
async function dismissLanguageNotice(page: Page, close: RegExp): Promise<void> {
  const button = page.getByRole("button", { name: close });
  const shown = await button
    .first()
    .waitFor({ state: "visible", timeout: 3_000 })
    .then(() => true)
    .catch(() => false);
  if (shown) await button.first().click();
}

/** The section links keep one row at 1280 px. */
async function expectMenuOneRow(page: Page, label: string): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 800 });
  const rows = await page.evaluate(
    () =>
      new Set(
        [...document.querySelectorAll<HTMLElement>(".site-nav__list > li")]
          .filter((el) => el.getClientRects().length > 0)
          .map((el) => Math.round(el.getBoundingClientRect().top)),
      ).size,
  );
  expect(rows, `${label}: menu rows at 1280 px`).toBe(1);
}

/** Ticks a medicine on the medications page (React Aria checkboxes: a person clicks the label). */
async function tick(page: Page, medication: string): Promise<void> {
  const label = `Refill ${medication}`;
  await page.getByText(label, { exact: true }).click();
  await expect(page.getByRole("checkbox", { name: label }).isChecked()).resolves.toBe(true);
}

describe("prescription refills", () => {
  const session = useBrowser();

  it("Alex asks for a renewal the clinic's protocol covers and sees it approved at once", async () => {
    const { page } = session;
    await signIn(page, demo.alex);
    await visit(page, "/home");
    await screenshots(page, "refills-home");
    await page.getByRole("link", { name: /request a refill/i }).click();
    await page.getByRole("heading", { level: 1, name: "Your medications" }).waitFor();
    await settle(page);
    await expectAccessible(page, "medications");
    // plain words for each medicine: what it is for, how to take it, refills left, prescriber
    const card = page.locator("article", { has: page.getByRole("heading", { name: ATORVASTATIN }) });
    await expect(card.getByText("What it is for").count()).resolves.toBe(1);
    await expect(card.getByText("How to take it").count()).resolves.toBe(1);
    await expect(card.getByText("None left (needs a renewal)").count()).resolves.toBe(1);
    // the usual pharmacy is already chosen
    await expect(page.getByRole("button", { name: /usual pharmacy/i }).count()).resolves.toBeGreaterThan(0);
    await bothLanguages(page, "refills-medications", /sus medicamentos/i);

    // nothing ticked: the form says what to do and sends nothing
    await page.getByRole("button", { name: "Request refill" }).click();
    await page.getByText("Choose at least one medicine to refill").first().waitFor();
    await expectAccessible(page, "medications: nothing chosen");

    // two at once: one the protocol renews, one asked for too early
    await tick(page, ATORVASTATIN);
    await tick(page, METFORMIN);
    await page.getByRole("button", { name: "Request 2 refills" }).click();
    await page.getByRole("heading", { level: 1, name: "Your refill requests" }).waitFor();
    await page.getByText("Your request was sent").waitFor();
    const sent = page.locator(".just-sent");
    await expect(sent.getByText(ATORVASTATIN).count()).resolves.toBe(1);
    await expect(sent.getByText(/Renewal approved under the clinic's rules/).count()).resolves.toBe(1);
    await expect(
      sent.getByText(/It is too early for this refill: you can ask from \d+ \w+ \d{4}/).count(),
    ).resolves.toBe(1);
    await settle(page);
    await expectAccessible(page, "refill requests: approved under protocol");
    // the steps: asked for → approved automatically (→ sent to the pharmacy, when the outbox has sent it)
    const steps = page.getByRole("list", { name: `Steps for ${ATORVASTATIN}` }).first();
    await expect(steps.getByText("Asked for").count()).resolves.toBe(1);
    await expect(steps.getByText("Approved automatically").count()).resolves.toBe(1);
    await bothLanguages(page, "refills-requests", /sus solicitudes de resurtido/i);

    // the medicine waiting for the doctor is not offered again while its request is open
    await visit(page, "/medications");
    await expect(page.getByRole("checkbox", { name: `Refill ${METFORMIN}` }).count()).resolves.toBe(0);
    const metformin = page.locator("article", { has: page.getByRole("heading", { name: METFORMIN }) });
    await expect(metformin.getByText("Refill requested", { exact: true }).count()).resolves.toBe(1);
  });

  it("Alex asks for a medicine the protocol sends to the doctor; the nurse approves it; Alex sees it and gets an email", async () => {
    const { page } = session;
    await signIn(page, demo.alex);
    await visit(page, "/medications");
    await tick(page, SERTRALINE);
    await page.getByRole("button", { name: "Request refill" }).click();
    await page.getByText("Your request was sent").waitFor();
    await expect(
      page
        .locator(".just-sent")
        .getByText(/Sent to your doctor to decide/)
        .count(),
    ).resolves.toBe(1);
    await settle(page);
    await expectAccessible(page, "refill requests: sent to the doctor");
    await screenshots(page, "refills-requests-queued");
    const mailBefore = await readMailbox(demo.alex);

    // the nurse, on another device
    const nurseContext = await session.newContext();
    const nurse = await nurseContext.newPage();
    await signIn(nurse, demo.nurse, { mfa: true });
    await visit(nurse, "/home");
    // the nurse's home leads to the In Basket and says how much is waiting
    const tile = nurse.getByRole("main").getByRole("link", { name: /^In Basket/ });
    await expect(tile.textContent()).resolves.toMatch(/\d+ items? waiting/);
    await screenshots(nurse, "in-basket-home-tile");
    await tile.click();
    await nurse.getByRole("heading", { level: 1, name: "In Basket" }).waitFor();
    const refillsQueue = nurse.locator(".queue-card", { has: nurse.getByRole("link", { name: "Refill requests" }) });
    const waiting = Number(await refillsQueue.locator("dd").first().textContent());
    expect(waiting, "refill requests waiting").toBeGreaterThanOrEqual(1);
    await bothLanguages(nurse, "in-basket", /bandeja de trabajo/i);

    await nurse.getByRole("link", { name: "Refill requests" }).click();
    await nurse.getByRole("heading", { level: 1, name: "Refill queue" }).waitFor();
    await settle(nurse);
    await expectAccessible(nurse, "refill queue");
    const row = nurse.locator("tr", { hasText: SERTRALINE }).filter({ hasText: "Alex Rivera" });
    await row.waitFor();
    // the protocol's reasons beside the request
    await expect(row.getByText(/class/i).count()).resolves.toBeGreaterThan(0);
    await bothLanguages(nurse, "refill-queue", /cola de resurtidos/i);

    // keyboard only: the approve button, the dialog's fields, the confirm button
    const approve = row.getByRole("button", { name: `Approve ${SERTRALINE} for Alex Rivera` });
    await approve.focus();
    await nurse.keyboard.press("Enter");
    const dialog = nurse.getByRole("dialog", { name: `Approve ${SERTRALINE} for Alex Rivera` });
    await dialog.waitFor();
    await expectAccessible(nurse, "approve dialog");
    await expect(dialog.getByLabel("Quantity").inputValue()).resolves.toMatch(/^\d+$/);
    await dialog.getByLabel("Refills").fill("2");
    await screenshots(nurse, "refill-queue-approve");
    await dialog.getByRole("button", { name: "Approve and send" }).focus();
    await nurse.keyboard.press("Enter");
    await nurse.getByText("Refill approved", { exact: true }).waitFor();
    await expect(dialog.count()).resolves.toBe(0);
    await expectAccessible(nurse, "refill queue after approving");
    await expect(
      nurse.locator("tr", { hasText: SERTRALINE }).filter({ hasText: "Alex Rivera" }).count(),
      "the approved request has left the waiting list",
    ).resolves.toBe(0);

    // Alex sees the decision and its steps, and the email arrives (no medicine named in it)
    await visit(page, "/refills");
    const item = page.locator(".request-item", { hasText: SERTRALINE }).first();
    await item.getByText(/Approved by/).waitFor();
    await expect(item.getByText("Renewal approved", { exact: true }).count()).resolves.toBe(1);
    await expectAccessible(page, "refill requests: approved by the nurse");
    await screenshots(page, "refills-requests-approved");
    const mail = await waitForEmail(demo.alex, /refill request has an answer/i, { ignore: mailBefore });
    expect(mail.text).not.toContain("Sertraline");
    expect(mail.text).toMatch(/approved/i);
  });

  it("an admin reads the refill protocol and saves it as a new version", async () => {
    const { page } = session;
    await signIn(page, demo.admin, { mfa: true });
    await visit(page, "/admin/clinic");
    // the protocol lives in Clinic set-up (one more admin menu entry would not fit one row in Spanish)
    await page.getByRole("link", { name: /^Refill protocol/ }).click();
    await page.getByRole("heading", { level: 1, name: "Refill protocol" }).waitFor();
    await settle(page);
    await expectAccessible(page, "refill protocol");
    const versionHeading = page.getByRole("heading", { name: /^Version \d+ \(in use\)$/ });
    const version = Number((await versionHeading.textContent())?.match(/\d+/)?.[0]);
    expect(version).toBeGreaterThanOrEqual(1);
    await expectMenuOneRow(page, "admin, English");
    await page.getByRole("button", { name: /español/i }).click();
    await page.getByRole("heading", { level: 1, name: /protocolo de resurtidos/i }).waitFor();
    await expectMenuOneRow(page, "admin, Spanish");
    await page.getByRole("button", { name: /english/i }).click();
    await page.getByRole("heading", { level: 1, name: "Refill protocol" }).waitFor();
    await bothLanguages(page, "refill-protocol", /protocolo de resurtidos/i);

    // a bad value is refused before anything is sent, and the input is kept
    const visitWindow = page.getByLabel("Visit window (days)");
    await visitWindow.fill("0");
    await page.getByRole("button", { name: "Save the protocol" }).click();
    await page.getByText("Enter a visit window from 1 to 1095 days").first().waitFor();
    await expect(visitWindow.inputValue()).resolves.toBe("0");
    await expectAccessible(page, "refill protocol: a bad value");

    await visitWindow.fill("400");
    await page.getByRole("button", { name: "Save the protocol" }).click();
    const confirm = page.getByRole("dialog", { name: `Save as version ${version + 1}?` });
    await confirm.waitFor();
    await expectAccessible(page, "refill protocol: confirm");
    await confirm.getByRole("button", { name: "Save as the new version" }).click();
    await page.getByText(`Saved as version ${version + 1}`).waitFor();
    await page.getByRole("heading", { name: `Version ${version + 1} (in use)` }).waitFor();
    await expect(page.getByLabel("Visit window (days)").inputValue()).resolves.toBe("400");
    await expectAccessible(page, "refill protocol: saved");
    await screenshots(page, "refill-protocol-saved");
  });
});
