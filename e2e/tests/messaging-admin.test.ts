import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { signInTo } from "../harness/auth.ts";
import { expectAccessible, settle, visit } from "../harness/axe.ts";
import { useBrowser } from "../harness/browser.ts";
import { demo } from "../harness/demo.ts";
import { inLanguage, type Lang } from "../harness/language.ts";
import { accessibleScreenshots, look } from "../harness/screenshots.ts";
import { chooseOption } from "../harness/select.ts";

const RUN = Date.now().toString(36);
const SUBJECT = `Form for my employer ${RUN}`;
const REPLY = `Here is the signed form, Alex (${RUN}).`;
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

/** axe, no sideways scrolling at 320 and 1280 px, and screenshots at both widths, in `lang`. */
async function checkPage(page: Page, name: string, lang: Lang, heading: RegExp): Promise<void> {
  await inLanguage(page, lang);
  await page.getByRole("heading", { level: 1, name: heading }).waitFor();
  await look(page, `${name} (${lang})`, `${name}-${lang}`);
}

describe("messaging: administration, staff attachments and booking from a thread", () => {
  const session = useBrowser();

  it("the administrator changes a pool's answer time and a location's holidays, in both languages", async () => {
    const { page } = session;
    await signInTo(page, demo.admin, "/home", { mfa: true });
    await inLanguage(page, "en");
    await page.getByRole("link", { name: "Clinic set-up" }).first().click();
    await page.getByRole("link", { name: "Message pools" }).click();
    await checkPage(page, "messages-admin-pools", "es", /^grupos de mensajes$/i);
    await checkPage(page, "messages-admin-pools", "en", /^message pools$/i);
    await expect(page.getByText(/Family Medicine nurses/).count()).resolves.toBeGreaterThan(0);

    // the pool: answer within 9 business hours instead of 8, saved and confirmed; then back to 8
    await page.getByRole("link", { name: "Family Medicine nurses" }).click();
    await page.getByRole("heading", { level: 1, name: "Change Family Medicine nurses" }).waitFor();
    const target = page.getByLabel("Answer within (business hours)");
    await expect(target.inputValue()).resolves.toBe("8");
    await target.fill("0");
    await page.getByRole("button", { name: "Save pool" }).click();
    await page.getByText("Enter a whole number of hours from 1 to 240").first().waitFor();
    await expectAccessible(page, "pool form with an error");
    await target.fill("9");
    await page.getByRole("button", { name: "Save pool" }).click();
    await page.getByText("Pool saved").waitFor();
    await expect(page.getByRole("heading", { name: "Quick replies for Family Medicine nurses" }).count()).resolves.toBe(
      1,
    );
    await checkPage(page, "messages-admin-pool", "es", /^cambiar family medicine nurses$/i);
    await checkPage(page, "messages-admin-pool", "en", /^change family medicine nurses$/i);
    await page.getByRole("link", { name: "Back to message pools" }).click();
    await expect(page.getByText(/answers within 9 business hours/).count()).resolves.toBe(1);
    await page.getByRole("link", { name: "Family Medicine nurses" }).click();
    await page.getByLabel("Answer within (business hours)").fill("8");
    await page.getByRole("button", { name: "Save pool" }).click();
    await page.getByText("Pool saved").waitFor();

    // a holiday at Portico Brooklyn: added and listed, then removed again
    await page.getByRole("link", { name: "Back to message pools" }).click();
    await page.getByRole("link", { name: "Portico Brooklyn's holidays" }).click();
    await page.getByRole("heading", { level: 1, name: "Holidays at Portico Brooklyn" }).waitFor();
    const year = new Date().getUTCFullYear() + 1;
    const name = `Founders' day ${RUN}`;
    await page.getByLabel("Date").fill(`${year}-07-14`);
    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.getByRole("button", { name: "Save holidays" }).click();
    await page.getByText("Holidays saved").waitFor();
    await page.getByRole("list", { name: "Holidays" }).getByText(name).waitFor();
    await checkPage(page, "messages-admin-holidays", "es", /^festivos en portico brooklyn$/i);
    await checkPage(page, "messages-admin-holidays", "en", /^holidays at portico brooklyn$/i);
    await page.getByRole("button", { name: `Remove ${name}` }).click();
    await page.getByRole("button", { name: "Save holidays" }).click();
    await page.getByText("Holidays saved").waitFor();
    await expect(page.getByText(name).count()).resolves.toBe(0);
  });

  it("a nurse replies with a file that Alex opens, and starts booking a visit for Alex from the conversation", async () => {
    const { page } = session;
    // Alex asks (a conversation of this journey's own)
    await signInTo(page, demo.alex, "/messages/new");
    await inLanguage(page, "en");
    await chooseOption(page, /what is it about/i, "Something else");
    await page.getByLabel("Subject").fill(SUBJECT);
    await page.getByLabel("Your message").fill("Could you send the form for my employer, signed?");
    await page.getByRole("button", { name: "Send message" }).click();
    await page.getByRole("heading", { level: 1, name: SUBJECT }).waitFor();
    const threadPath = new URL(page.url()).pathname;

    // the nurse opens it from the inbox, attaches a PDF to the reply and sends it
    const nurseContext = await session.newContext();
    const nurse = await nurseContext.newPage();
    await signInTo(nurse, demo.nurse, "/staff/messages", { mfa: true });
    await inLanguage(nurse, "en");
    await nurse.getByLabel("Search subjects and messages").fill(RUN);
    await nurse.getByRole("button", { name: "Search", exact: true }).click();
    await nurse.getByRole("link", { name: SUBJECT }).click();
    await nurse.getByRole("heading", { level: 1, name: SUBJECT }).waitFor();
    // assign to a colleague: the shared In Basket control lists who may take the waiting conversation
    const assign = nurse.getByRole("button", { name: "Assign Alex Rivera's message to a colleague" });
    await assign.click();
    const assignDialog = nurse.getByRole("dialog");
    await assignDialog.waitFor();
    await accessibleScreenshots(nurse, "staff thread: assign dialog", "messages-staff-assign-en");
    await nurse.keyboard.press("Escape");
    await assignDialog.waitFor({ state: "hidden" });
    const files = nurse.getByLabel("Attach files (optional)");
    await files.setInputFiles({ name: "form.pdf", mimeType: "application/pdf", buffer: Buffer.from("not a pdf") });
    await nurse.getByText("“form.pdf” cannot be attached: choose a PDF, JPEG, PNG or HEIC file.").waitFor();
    await files.setInputFiles({ name: "form.pdf", mimeType: "application/pdf", buffer: PDF });
    await nurse
      .getByRole("list", { name: "Attached files" })
      .getByText(/^form\.pdf \(/)
      .waitFor();
    await nurse.getByLabel("Reply", { exact: true }).fill(REPLY);
    await nurse.getByRole("button", { name: "Send reply" }).click();
    await nurse.getByText("Your reply was sent to Alex Rivera").waitFor();
    await nurse
      .locator(".thread-message", { hasText: REPLY })
      .getByRole("link", { name: /^Download attachment-.+\.pdf/ })
      .waitFor();
    await checkPage(nurse, "messages-staff-reply-file", "es", new RegExp(SUBJECT));
    await checkPage(nurse, "messages-staff-reply-file", "en", new RegExp(SUBJECT));

    // book a visit for Alex from the conversation: the staff booking steps, with Alex chosen
    await nurse.getByRole("link", { name: "Book an appointment for Alex Rivera" }).click();
    await nurse.waitForURL((url) => url.pathname === "/appointments/book" && url.searchParams.has("patientId"));
    await nurse.getByRole("heading", { level: 1 }).waitFor();
    // the booking steps name the patient they book for
    await nurse
      .getByText(/Alex Rivera/)
      .first()
      .waitFor();
    await expect(nurse.getByText("You can't manage appointments here").count()).resolves.toBe(0);
    await settle(nurse);
    await expectAccessible(nurse, "booking started from a conversation");
    await nurseContext.close();

    // Alex opens the reply's file
    await visit(page, threadPath);
    const reply = page.locator(".thread-message", { hasText: REPLY });
    await reply.waitFor();
    const link = reply.getByRole("link", { name: /^Download attachment-.+\.pdf/ });
    const file = await page.request.get((await link.getAttribute("href")) as string);
    expect(file.status()).toBe(200);
    expect(file.headers()["content-type"]).toMatch(/application\/pdf/);
    expect(Buffer.from(await file.body()).equals(PDF)).toBe(true);
    await accessibleScreenshots(page, "Alex reads the reply with a file", "messages-thread-reply-file-en");
  });

  it("a physician sets message office hours and out-of-office with a delegate, and sees the digest times", async () => {
    const { page } = session;
    await signInTo(page, demo.drOkafor, "/staff/messages/settings", { mfa: true });
    await inLanguage(page, "en");
    await page.getByRole("heading", { level: 1, name: "Message settings" }).waitFor();
    await page.getByRole("heading", { name: "Digest email" }).waitFor();
    // React Aria checkboxes: a person clicks the label
    await page.getByText("I am out of the office", { exact: true }).click();
    await expect(page.getByRole("checkbox", { name: "I am out of the office" }).isChecked()).resolves.toBe(true);
    const from = new Date(Date.now() + 30 * 86_400_000);
    const until = new Date(from.getTime() + 3 * 86_400_000);
    const local = (d: Date) => d.toISOString().slice(0, 16);
    await page.getByLabel("From", { exact: true }).fill(local(until));
    await page.getByLabel("Until", { exact: true }).fill(local(from));
    await page.getByRole("button", { name: "Save office hours" }).click();
    await page.getByText("The end must be after the start").first().waitFor();
    await page.getByLabel("From", { exact: true }).fill(local(from));
    await page.getByLabel("Until", { exact: true }).fill(local(until));
    await chooseOption(page, /delegate/i, "Rosa Delgado, RN");
    await page.getByRole("button", { name: "Save office hours" }).click();
    await page.getByText("Office hours saved").waitFor();
    await checkPage(page, "messages-settings-physician", "es", /^ajustes de mensajes$/i);
    await checkPage(page, "messages-settings-physician", "en", /^message settings$/i);
    // back as it was: not away
    await page.getByText("I am out of the office", { exact: true }).click();
    await page.getByRole("button", { name: "Save office hours" }).click();
    await page.getByText("Office hours saved").waitFor();
  });
});
