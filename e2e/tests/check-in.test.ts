import { describe, expect, it } from "vitest";
import { bookOwnCheckUp } from "../harness/api.ts";
import { signIn } from "../harness/auth.ts";
import { expectAccessible, settle, visit } from "../harness/axe.ts";
import { baseUrl, useBrowser } from "../harness/browser.ts";
import { demo } from "../harness/demo.ts";
import { inLanguage } from "../harness/language.ts";
import { screenshots } from "../harness/screenshots.ts";

describe("eCheck-in", () => {
  const session = useBrowser();

  it("Alex checks in online for an annual check-up, answering its yes/no question, and completes its PHQ-9 intake", async () => {
    const { page } = session;
    await signIn(page, demo.alex);

    // an annual check-up (it asks "Have you fallen in the past year?") two to six days ahead,
    // booked through the API: online check-in opens seven days before
    const api = page.request;
    const { patientId, headers, checkUp, booked } = await bookOwnCheckUp(api);
    expect(checkUp).toBeDefined();
    const appointmentId = booked?.id;
    expect(appointmentId, "a free check-up time two to six days ahead").toBeDefined();

    try {
      await visit(page, `/appointments/${appointmentId}/check-in`);
      await page.getByRole("heading", { level: 1, name: "Check in online" }).waitFor();
      // the check-up asks for PHQ-9 and GAD-7 before the visit: both due, each a link
      await page.getByRole("heading", { name: "Before your visit", exact: true }).waitFor();
      const phq9Link = page.getByRole("link", { name: "Complete the mood questionnaire (PHQ-9)" });
      await expect(phq9Link.count()).resolves.toBe(1);
      await expect(
        page.getByRole("link", { name: "Complete the anxiety questionnaire (GAD-7)" }).count(),
      ).resolves.toBe(1);
      await settle(page);
      for (const box of [
        "My name, date of birth, phone, email and address are correct",
        "My insurance details are up to date",
        "My list of medicines is up to date",
        "My allergies are up to date",
      ]) {
        // React Aria checkboxes and radios: a person clicks the label
        await page.getByText(box, { exact: true }).click();
        await expect(page.getByRole("checkbox", { name: box }).isChecked()).resolves.toBe(true);
      }
      const fallen = page.getByRole("radiogroup", { name: "Have you fallen in the past year?" });
      await fallen.getByText("No", { exact: true }).click();
      await expect(fallen.getByRole("radio", { name: "No" }).isChecked()).resolves.toBe(true);
      await expectAccessible(page, "eCheck-in form");
      await screenshots(page, "check-in-form");
      await page.getByRole("button", { name: "Finish check-in" }).click();

      await page.getByText("You're checked in").waitFor();
      await expect(page.getByText("must be yes or no").count()).resolves.toBe(0);
      await expectAccessible(page, "eCheck-in done");
      await screenshots(page, "check-in-done");

      // the PHQ-9 from the check-in page: the questionnaire names the visit it is for
      await page.getByRole("link", { name: "Complete the mood questionnaire (PHQ-9)" }).click();
      await page.getByRole("heading", { level: 1, name: "Mood questionnaire (PHQ-9)" }).waitFor();
      await page.getByText(/^This is for your visit on /).waitFor();
      const questions = page.getByRole("radiogroup");
      await questions.first().waitFor();
      await expect(questions.count()).resolves.toBe(9);
      for (let i = 0; i < 9; i++) await questions.nth(i).getByText("Not at all", { exact: true }).click();
      await expectAccessible(page, "PHQ-9 as a visit's intake");
      await page.getByRole("button", { name: "Send answers" }).click();
      await page.getByText("Answers sent").waitFor();
      await page.getByRole("link", { name: "Back to your appointments" }).click();

      // the appointment now shows the PHQ-9 done (with its date) and the GAD-7 still to do
      const card = page
        .getByRole("article")
        .filter({ has: page.getByRole("heading", { name: "Before your visit", exact: true }) });
      await card.getByText(/^Mood questionnaire \(PHQ-9\): completed on /).waitFor();
      await expect(
        card.getByRole("link", { name: "Complete the anxiety questionnaire (GAD-7)" }).count(),
      ).resolves.toBe(1);
      await expect(card.getByRole("link", { name: /PHQ-9/ }).count()).resolves.toBe(0);
      await card.scrollIntoViewIfNeeded();
      await expectAccessible(page, "appointments with an intake done");
      await screenshots(page, "intake-done");

      // in Spanish
      await inLanguage(page, "es");
      const tarjeta = page
        .getByRole("article")
        .filter({ has: page.getByRole("heading", { name: "Antes de su visita", exact: true }) });
      await tarjeta.getByText(/^Cuestionario sobre el ánimo \(PHQ-9\): completado el /).waitFor();
      await tarjeta.getByRole("link", { name: "Complete el cuestionario sobre la ansiedad (GAD-7)" }).waitFor();
      await expectAccessible(page, "appointments with an intake done (es)");
      await screenshots(page, "intake-done-es");
      await inLanguage(page, "en");
    } finally {
      // leave Alex's appointments as the demo had them for the other journeys
      await api.post(`${baseUrl()}/api/patients/${patientId}/appointments/${appointmentId}/cancel`, {
        headers,
        data: {},
      });
    }
  }, 300_000);
});
