import { describe, expect, it } from "vitest";
import { signIn } from "../harness/auth.ts";
import { expectAccessible, settle, visit } from "../harness/axe.ts";
import { useBrowser } from "../harness/browser.ts";
import { demo } from "../harness/demo.ts";
import { inLanguage } from "../harness/language.ts";
import { firstAppLink, waitForEmail } from "../harness/mailbox.ts";
import { hasHorizontalScroll, screenshots } from "../harness/screenshots.ts";

describe("post-visit survey", () => {
  const session = useBrowser();

  it("Alex answers the survey from the emailed link without signing in; the link then works no more", async () => {
    const { page } = session;
    // the demo queues the survey of Alex's last check-up when the server starts
    const email = await waitForEmail(demo.alex, /How was your visit\?|¿Cómo fue su cita\?/, { timeoutMs: 60_000 });
    expect(`${email.subject}\n${email.text}`).not.toMatch(/Okafor|check-up|Brooklyn/i);
    const link = firstAppLink(email);
    expect(link.pathname).toBe("/survey");

    link.searchParams.set("lang", "en");
    await visit(page, `${link.pathname}${link.search}`);
    await page.getByRole("heading", { level: 1, name: "How was your visit?" }).waitFor();
    await expectAccessible(page, "survey (English)");
    await screenshots(page, "survey-en");

    link.searchParams.set("lang", "es");
    await visit(page, `${link.pathname}${link.search}`);
    await page.getByRole("heading", { level: 1, name: "¿Cómo fue su cita?" }).waitFor();
    await expectAccessible(page, "survey (Spanish)");
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshots(page, "survey-es");

    // no score: the error summary says so, and the comment typed is kept
    await page.getByLabel("Comentario (opcional)").fill("La recepción fue muy amable.");
    await page.getByRole("button", { name: "Enviar mi respuesta" }).click();
    await page.getByRole("alert").getByText("Elija un número del 0 al 10.").waitFor();
    await expect(page.getByLabel("Comentario (opcional)").inputValue()).resolves.toBe("La recepción fue muy amable.");
    await expectAccessible(page, "survey with an error (Spanish)");

    await page.getByRole("radio", { name: "9", exact: true }).check({ force: true });
    await page.getByRole("button", { name: "Enviar mi respuesta" }).click();
    await page.getByRole("heading", { level: 1, name: "Gracias" }).waitFor();
    await expectAccessible(page, "survey answered (Spanish)");

    // the same link again: already answered, nothing more taken
    await visit(page, `${link.pathname}${link.search}`);
    await page.getByRole("heading", { level: 1, name: "Esta encuesta ya fue respondida" }).waitFor();
    await screenshots(page, "survey-used-es");

    // an altered link
    const token = link.searchParams.get("token") as string;
    const altered = `${token.slice(0, -2)}${token.endsWith("AA") ? "BB" : "AA"}`;
    await visit(page, `/survey?token=${altered}&lang=en`);
    await page.getByRole("heading", { level: 1, name: "This survey link does not work" }).waitFor();
    await expectAccessible(page, "survey link altered");
  });

  it("the administrator reads the results per provider and location, in English and Spanish", async () => {
    const { page } = session;
    await signIn(page, demo.admin, { mfa: true });
    await inLanguage(page, "en");
    await visit(page, "/admin/surveys");
    await page.getByRole("heading", { level: 1, name: "Survey results" }).waitFor();
    const byProvider = page.locator("table", { has: page.locator("caption", { hasText: "By provider" }) });
    await byProvider.getByText("Dr. Anjali Patel").waitFor();
    await expectAccessible(page, "survey results (English)");
    await screenshots(page, "survey-results-en");
    await inLanguage(page, "es");
    await page.getByRole("heading", { level: 1, name: "Resultados de las encuestas" }).waitFor();
    await settle(page);
    await expectAccessible(page, "survey results (Spanish)");
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshots(page, "survey-results-es");
    await inLanguage(page, "en");
  });
});
