import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { signInTo, signOut } from "../harness/auth.ts";
import { expectAccessible, settle, visit } from "../harness/axe.ts";
import { useBrowser } from "../harness/browser.ts";
import { demo } from "../harness/demo.ts";
import { bothLanguages, inLanguage } from "../harness/language.ts";
import { readMailbox, waitForEmail } from "../harness/mailbox.ts";
import { screenshots } from "../harness/screenshots.ts";
import { chooseOption } from "../harness/select.ts";

const SUBJECT = `Dizzy on the stairs ${Date.now().toString(36)}`;
const XSS = `<img src=x onerror="window.__portico_xss=1"><script>window.__portico_xss=2</script>`;
const QUESTION = `Since Monday I get chest pain when I climb the stairs.\nIs that the new tablet?\n${XSS}`;
const REPLY = "Thank you, Alex. Please call 911 if the pain comes back at rest. We will call you today.";
const NOTE = "Checked the chart: started lisinopril last week. Calling the patient this afternoon.";

/** Nothing in the payload ran: it is on the page as text. */
async function expectPayloadShownAsText(page: Page, label: string): Promise<void> {
  await expect(
    page.evaluate(() => (window as { __portico_xss?: number }).__portico_xss),
    label,
  ).resolves.toBe(undefined);
  await expect(page.locator(".thread-message__body", { hasText: XSS }).count(), label).resolves.toBeGreaterThan(0);
  await expect(page.locator(".thread-message__body img, .thread-message__body script").count(), label).resolves.toBe(0);
}

describe("secure messaging", () => {
  const session = useBrowser();

  it("Alex asks a question (sees who reads it and when, and the 911 guidance); the nurse claims, replies and notes; Alex reads the reply, never the note, and gets a content-free email", async () => {
    const { page } = session;
    await signInTo(page, demo.alex, "/home");
    // the home page: the unread answer needs attention, and a way to write
    await page.getByRole("heading", { name: /^\d+ unread messages?$/ }).waitFor();
    await screenshots(page, "messages-home");
    await page.getByRole("link", { name: /message your care team/i }).click();
    await page.getByRole("heading", { level: 1, name: "Your messages" }).waitFor();
    await settle(page);
    await expectAccessible(page, "messages list");
    // the demo's conversations: newest first, with status in words
    await expect(
      page.getByRole("list", { name: "Conversations" }).getByRole("article").count(),
    ).resolves.toBeGreaterThan(0);
    await bothLanguages(page, "messages-list", /^sus mensajes$/i);

    await page.getByRole("link", { name: "New message" }).first().click();
    await page.getByRole("heading", { level: 1, name: "New message" }).waitFor();
    await settle(page);
    await expectAccessible(page, "new message");
    // nothing chosen: the form says what is missing and sends nothing
    await page.getByRole("button", { name: "Send message" }).click();
    await page.getByText("Choose what your message is about").first().waitFor();
    await expectAccessible(page, "new message: nothing filled in");

    // the topic first: who will read it and when to expect an answer, before sending
    await chooseOption(page, /what is it about/i, "A medical question");
    const routing = page.locator(".routing-card");
    await routing.getByRole("heading", { name: "Before you send" }).waitFor();
    await expect(routing.getByText(/family medicine nurses at Portico Brooklyn/).count()).resolves.toBe(1);
    await expect(routing.getByText(/^By .+\(within 8 office hours\)$/).count()).resolves.toBe(1);

    await page.getByLabel("Subject").fill(SUBJECT);
    await page.getByLabel("Your message").fill(QUESTION);
    // "chest pain": the 911 guidance, and the message can still be sent
    const guidance = page.getByRole("alert").filter({ hasText: "If this is an emergency, call 911 now" });
    await guidance.waitFor();
    await expect(guidance.getByText("You can still send this message to your care team.").count()).resolves.toBe(1);
    await expectAccessible(page, "new message: emergency guidance");
    // files: a "PDF" that is not one is refused on the field (the server checks the content); a real one is attached
    const files = page.getByLabel("Attach files (optional)");
    await files.setInputFiles({ name: "notes.pdf", mimeType: "application/pdf", buffer: Buffer.from("plain words") });
    await page.getByText("“notes.pdf” cannot be attached: choose a PDF, JPEG, PNG or HEIC file.").waitFor();
    await expectAccessible(page, "new message: file refused");
    await files.setInputFiles({
      name: "readings.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
    });
    await page
      .getByRole("list", { name: "Attached files" })
      .getByText(/^readings\.pdf \(/)
      .waitFor();
    await expect(page.getByText(/cannot be attached/).count()).resolves.toBe(0);
    await bothLanguages(page, "messages-new", /^nuevo mensaje$/i);

    // the draft is never lost: a reload (or a sign-out and back) brings it back
    page.once("dialog", (dialog) => void dialog.accept());
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "New message" }).waitFor();
    await settle(page);
    await expect(page.getByLabel("Subject").inputValue()).resolves.toBe(SUBJECT);
    await expect(page.getByLabel("Your message").inputValue()).resolves.toBe(QUESTION);
    await page.locator(".routing-card").waitFor();
    // … and so does signing out and in again in the same tab (as after the idle sign-out)
    await signOut(page);
    await page.waitForURL((url) => url.pathname === "/sign-in");
    await signInTo(page, demo.alex, "/messages/new");
    await expect(page.getByLabel("Subject").inputValue()).resolves.toBe(SUBJECT);
    await expect(page.getByLabel("Your message").inputValue()).resolves.toBe(QUESTION);
    await page.locator(".routing-card").waitFor();

    await page.getByRole("button", { name: "Send message" }).click();
    await page.getByRole("heading", { level: 1, name: SUBJECT }).waitFor();
    await page.getByText("Your message was sent").waitFor();
    await settle(page);
    await expectAccessible(page, "thread after sending");
    await expectPayloadShownAsText(page, "patient view of the payload");
    const download = page.getByRole("link", { name: /^Download attachment-.+\.pdf/ });
    await expect(download.count()).resolves.toBe(1);
    const file = await page.request.get((await download.getAttribute("href")) as string);
    expect(file.status()).toBe(200);
    expect((await file.body()).subarray(0, 5).toString()).toBe("%PDF-");
    const mine = page.locator(".thread-message--mine").first();
    await expect(mine.getByText("Not read yet").count()).resolves.toBe(1);
    const threadUrl = page.url();
    await bothLanguages(page, "messages-thread", new RegExp(SUBJECT));
    const mailBefore = await readMailbox(demo.alex);

    // the nurse, on another device (her account reads Spanish)
    const nurseContext = await session.newContext();
    const nurse = await nurseContext.newPage();
    await signInTo(nurse, demo.nurse, "/in-basket", { mfa: true });
    const queue = nurse.locator(".queue-card", { has: nurse.getByRole("link", { name: "Mensajes de pacientes" }) });
    await expect(queue.textContent()).resolves.toMatch(/Atrasad/);
    await nurse.getByRole("link", { name: "Mensajes de pacientes" }).click();
    await nurse.getByRole("heading", { level: 1, name: "Mensajes de pacientes" }).waitFor();
    await settle(nurse);
    await expectAccessible(nurse, "staff inbox");
    // overdue first, said in words
    const firstRow = nurse.locator(".staff-inbox tbody tr").first();
    await expect(firstRow.getByText("Atrasado", { exact: true }).count()).resolves.toBe(1);
    await bothLanguages(nurse, "messages-inbox", /^patient messages$/i);

    // search by text finds the new question
    await nurse.getByLabel("Buscar en asuntos y mensajes").fill("stairs");
    await nurse.getByRole("button", { name: "Buscar", exact: true }).click();
    await nurse.getByRole("link", { name: SUBJECT }).waitFor();
    await settle(nurse);
    await expectAccessible(nurse, "staff inbox search");
    await nurse.getByRole("link", { name: SUBJECT }).click();
    await nurse.getByRole("heading", { level: 1, name: SUBJECT }).waitFor();
    await settle(nurse);
    await expectAccessible(nurse, "staff thread");
    await expectPayloadShownAsText(nurse, "staff view of the payload");
    await expect(nurse.getByRole("link", { name: /^Descargar attachment-.+\.pdf/ }).count()).resolves.toBe(1);

    await nurse.getByRole("button", { name: "Reclamar" }).click();
    await nurse.getByText("Usted reclamó esta conversación").waitFor();
    await nurse.getByLabel("Respuesta", { exact: true }).fill(REPLY);
    await nurse.getByRole("button", { name: "Enviar respuesta" }).click();
    await nurse.getByText("Su respuesta fue enviada a Alex Rivera").waitFor();
    await nurse.getByLabel("Nota para el equipo de atención").fill(NOTE);
    await nurse.getByRole("button", { name: "Añadir nota interna" }).click();
    await nurse.getByText("Se añadió su nota interna").waitFor();
    const note = nurse.locator(".thread-message--note", { hasText: NOTE });
    await expect(note.getByText("Nota interna — el paciente nunca la ve").count()).resolves.toBe(1);
    await settle(nurse);
    await expectAccessible(nurse, "staff thread after reply and note");
    await bothLanguages(nurse, "messages-staff-thread", new RegExp(SUBJECT));
    // close asks first (with an optional reason), then says it is done; reopen puts it back to answer
    await nurse.getByRole("button", { name: "Cerrar la conversación" }).click();
    const dialog = nurse.getByRole("dialog", { name: "¿Cerrar esta conversación?" });
    await dialog.waitFor();
    await expectAccessible(nurse, "staff thread: close dialog");
    await dialog.getByRole("button", { name: "Cerrar la conversación" }).click();
    await nurse.getByText("La conversación se cerró").waitFor();
    await nurse.getByRole("button", { name: "Reabrir" }).click();
    await nurse.getByText("La conversación se reabrió").waitFor();
    await nurse.getByRole("button", { name: "Reclamar" }).waitFor();
    await settle(nurse);
    await expectAccessible(nurse, "staff thread reopened");
    await nurseContext.close();

    // Alex reads the reply, never the note; the email says only that there is a new message
    await visit(page, new URL(threadUrl).pathname + new URL(threadUrl).search.replace(/&?sent=true/, ""));
    await page.locator(".thread-message", { hasText: REPLY }).waitFor();
    await expect(page.getByText(NOTE).count()).resolves.toBe(0);
    await expect(page.getByText(/internal note/i).count()).resolves.toBe(0);
    await expect(
      page.locator(".thread-message--mine").first().getByText("Read by the care team").count(),
    ).resolves.toBe(1);
    await expectPayloadShownAsText(page, "patient view after the reply");
    await screenshots(page, "messages-thread-answered-en");
    const email = await waitForEmail(demo.alex, /new message/i, { ignore: mailBefore });
    expect(email.text).not.toContain(SUBJECT);
    expect(email.text).not.toContain("chest");
    expect(email.text).not.toContain(REPLY.slice(0, 20));
    expect(email.text).not.toContain(NOTE.slice(0, 20));
    expect(email.links.some((link) => link.includes("/messages"))).toBe(true);
  });

  it("Sam, Jamie's caregiver, reads Jamie's conversations named for Jamie, is shown as himself for Jamie, and never sees the care team's note", async () => {
    const { page } = session;
    await signInTo(page, demo.sam, "/home");
    await inLanguage(page, "es");
    // Sam's account reads Spanish
    const switcher = page
      .getByRole("button", { name: /cambiar a/i })
      .or(page.getByRole("combobox", { name: /cambiar a/i }))
      .first();
    await switcher.waitFor({ state: "visible" });
    if (await switcher.evaluate((el) => el.tagName === "SELECT")) {
      const options = await switcher.locator("option").allTextContents();
      await switcher.selectOption({ label: options.find((o) => /Jamie Rivera/.test(o)) as string });
    } else {
      await switcher.click();
      await page
        .getByRole("option", { name: /Jamie Rivera/ })
        .first()
        .click();
    }
    await settle(page);
    await page.getByRole("link", { name: /escriba a su equipo de atención/i }).click();
    await page.getByRole("heading", { level: 1, name: "Mensajes de Jamie Rivera" }).waitFor();
    await settle(page);
    await expectAccessible(page, "caregiver's messages list");
    await bothLanguages(page, "messages-list-caregiver", /^jamie rivera's messages$/i);
    await page.getByRole("link", { name: "Jamie's ear after the antibiotics" }).click();
    await page.getByRole("heading", { level: 1, name: "Jamie's ear after the antibiotics" }).waitFor();
    await settle(page);
    await expectAccessible(page, "caregiver's thread");
    await expect(page.getByText("Conversación sobre Jamie Rivera").count()).resolves.toBe(1);
    await expect(
      page.getByRole("heading", { name: /^Sam Rivera \(.+\) en nombre de Jamie Rivera \(usted\)$/ }).count(),
    ).resolves.toBeGreaterThan(0);
    await expect(page.locator(".thread-message--note").count()).resolves.toBe(0);
    await expect(page.getByText(/nota interna/i).count()).resolves.toBe(0);
    await screenshots(page, "messages-thread-caregiver-es");
  });
});
