import { describe, expect, it } from "vitest";
import { bookTwoToSixDaysAhead, me, visitTypeId } from "../harness/api.ts";
import { signIn } from "../harness/auth.ts";
import { expectAccessible, settle, visit } from "../harness/axe.ts";
import { baseUrl, useBrowser } from "../harness/browser.ts";
import { demo } from "../harness/demo.ts";
import { backToEnglish, inLanguage, switchLanguage } from "../harness/language.ts";
import { waitForEmail } from "../harness/mailbox.ts";
import { accessibleScreenshots, hasHorizontalScroll, screenshots } from "../harness/screenshots.ts";

describe("caregiver (proxy) access", () => {
  const session = useBrowser();

  it("Sam switches between Jamie and Taylor and sees that Taylor's access is restricted", async () => {
    const { page } = session;
    await signIn(page, demo.sam);
    await inLanguage(page, "en"); // the journeys read English words, whatever language Sam's account is in
    // "Acting for: …" with a "Switch to" picker (a React Aria Select button, or a native select)
    const switcher = page
      .getByRole("button", { name: /switch to/i })
      .or(page.getByRole("combobox", { name: /switch to|acting for/i }))
      .first();
    await switcher.waitFor({ state: "visible" });

    await choose(page, switcher, /Jamie Rivera/);
    await settle(page);
    await expect(page.getByText(/Jamie/).first().isVisible()).resolves.toBe(true);
    await expectAccessible(page, "home acting for Jamie");

    const taylor = page.getByText(/Taylor/).first();
    await choose(page, switcher, /Taylor Rivera/);
    await settle(page);
    await expect(taylor.isVisible()).resolves.toBe(true);
    const note = page.getByText(/restricted|limited access|only .*appointments.*medications/i).first();
    await note.waitFor({ state: "visible" });
    await expectAccessible(page, "home acting for Taylor");
    await screenshots(page, "proxy-taylor");

    // Taylor's details: only the name and date of birth, with why — no contact details or insurance
    await visit(page, "/profile/details");
    await page
      .getByRole("heading", { name: "Only the name and date of birth" })
      .or(page.getByText("Only the name and date of birth"))
      .first()
      .waitFor();
    await expect(taylor.isVisible()).resolves.toBe(true);
    await expect(page.getByRole("heading", { name: /insurance|how to reach/i }).count()).resolves.toBe(0);
    await expectAccessible(page, "details acting for Taylor");
    await screenshots(page, "proxy-taylor-details");

    // and back to Jamie: no restriction note there
    await choose(page, switcher, /Jamie Rivera/);
    await settle(page);
    await expect(page.getByText(/restricted|limited access/i).count()).resolves.toBe(0);
  });

  it("Sam, acting for Jamie, sees Jamie named on the home card and its buttons; Sam's own video visit is in Eastern Time", async () => {
    const { page } = session;
    await signIn(page, demo.sam);
    await inLanguage(page, "en"); // the journeys read English words, whatever language Sam's account is in
    const account = await me(page.request);
    const jamieId = account.patients.find((p) => p.name === "Jamie Rivera")?.id as string;
    const headers = { "x-csrf-token": account.csrfToken };
    // an annual check-up for Jamie two to six days ahead: online check-in is open for it,
    // at the Brooklyn practice, whose address the email must give
    const booked = await bookTwoToSixDaysAhead(page.request, {
      csrfToken: account.csrfToken,
      patientId: jamieId,
      visitTypeId: (await visitTypeId(page.request, "Annual check-up")) as string,
      at: /Brooklyn/,
    });
    const appointmentId = booked?.id;
    expect(appointmentId, "a free check-up time for Jamie two to six days ahead").toBeDefined();
    try {
      // Jamie has no address of their own: Sam's email names Jamie and says where, never "You have"
      const email = await waitForEmail(demo.sam, /Jamie/);
      expect(email.subject).toMatch(/^(Jamie's appointment is booked|La cita de Jamie está reservada)$/);
      expect(email.text).toMatch(/Jamie (has|tiene) an? (appointment|cita)|Jamie tiene una cita/);
      expect(email.text).toContain("210 Atlantic Avenue");
      expect(email.text).not.toMatch(/You have an appointment|^Tiene una cita/m);
      const switcher = page
        .getByRole("button", { name: /switch to/i })
        .or(page.getByRole("combobox", { name: /switch to|acting for/i }))
        .first();
      await visit(page, "/home");
      await choose(page, switcher, /Jamie Rivera/);
      await settle(page);
      // the card says whose visit it is, and its buttons name Jamie ("Check in Jamie Rivera online"
      // or, within the hour of a visit today, "Jamie Rivera is here") — never "Your" or "I'm here"
      await page.getByRole("heading", { name: "Jamie Rivera's next appointment" }).waitFor();
      await expect(page.getByText("Your next appointment").count()).resolves.toBe(0);
      await expect(page.getByText("I'm here").count()).resolves.toBe(0);
      await expect(page.getByText("Check in online", { exact: true }).count()).resolves.toBe(0);
      const named = page
        .getByRole("link", { name: "Check in Jamie Rivera online" })
        .or(page.getByRole("button", { name: "Jamie Rivera is here" }))
        .first();
      await named.waitFor();
      await page.getByRole("button", { name: "Tell me if an earlier time opens up for Jamie Rivera" }).waitFor();
      await expectAccessible(page, "home acting for Jamie, next appointment named");
      await screenshots(page, "proxy-jamie-next-en");
      for (const width of [320, 1280]) {
        await page.setViewportSize({ width, height: 800 });
        expect(await hasHorizontalScroll(page), `home for Jamie scrolls sideways at ${width} px`).toBe(false);
      }
      await page.setViewportSize({ width: 1280, height: 800 });
      await visit(page, "/appointments");
      await page.getByRole("heading", { level: 1, name: "Appointments for Jamie Rivera" }).waitFor();
      await page.getByText("See Jamie Rivera's upcoming visits, check in online, or change a time.").waitFor();
      await accessibleScreenshots(page, "Jamie's appointments, read by Sam", "proxy-jamie-list-en");
      await visit(page, "/home");
      await page.getByRole("heading", { name: "Jamie Rivera's next appointment" }).waitFor();
      await switchLanguage(page, "es");
      await page.getByRole("heading", { name: "Próxima cita de Jamie Rivera" }).waitFor();
      await page
        .getByRole("link", { name: "Registrar a Jamie Rivera en línea" })
        .or(page.getByRole("button", { name: "Jamie Rivera ya llegó" }))
        .first()
        .waitFor();
      await accessibleScreenshots(page, "home acting for Jamie (Spanish)", "proxy-jamie-next-es");
      await backToEnglish(page);

      // Sam's own video visit is with a Chicago location: shown in Sam's zone (Eastern), not Central
      await choose(page, switcher, /Sam Rivera/);
      await visit(page, "/appointments");
      const video = page.locator("article", { hasText: "Video visit" }).first();
      await video.waitFor();
      await expect(video.getByRole("heading").first().textContent()).resolves.toMatch(/\(Eastern Time\)$/);
      await expect(video.getByText(/Central Time/).count()).resolves.toBe(0);
      await screenshots(page, "proxy-sam-video-en");
    } finally {
      await page.request.post(`${baseUrl()}/api/patients/${jamieId}/appointments/${appointmentId}/cancel`, {
        headers,
        data: {},
      });
    }
  });
});

/** Picks an option in the acting-for switcher, whether it is a native select or a React Aria Select. */
async function choose(
  page: import("playwright-core").Page,
  switcher: import("playwright-core").Locator,
  name: RegExp,
): Promise<void> {
  if (await switcher.evaluate((el) => el.tagName === "SELECT")) {
    const options = await switcher.locator("option").allTextContents();
    const label = options.find((o) => name.test(o));
    if (!label) throw new Error(`no option ${name} in the switcher (options: ${options.join(", ")})`);
    await switcher.selectOption({ label });
    return;
  }
  await switcher.click();
  await page.getByRole("option", { name }).first().click();
}
