import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { signIn } from "../harness/auth.ts";
import { expectAccessible, visit } from "../harness/axe.ts";
import { useBrowser } from "../harness/browser.ts";
import { demo } from "../harness/demo.ts";
import { inLanguageOnThisDevice } from "../harness/language.ts";
import { hasHorizontalScroll, screenshots } from "../harness/screenshots.ts";

/** Raw codes and English words the Spanish access log used to show ("write: appointment", "Viewed the slots"). */
const NOT_SPANISH = /\b(write|read|viewed|appointment|slots|access_log|patient_profile|front desk|You)\b|:\s*\w+_\w+/;

async function patientIdOf(page: Page): Promise<string> {
  const session = await (await page.request.get("/api/session")).json();
  const self = session.me.patients.find((p: { relationship: string }) => p.relationship === "self");
  return self.id as string;
}

describe("who viewed my record", () => {
  const session = useBrowser();

  it("Alex reads, in Spanish, who else opened the record as sentences, a page at a time", async () => {
    const { page } = session;
    await signIn(page, demo.alex);
    const alexId = await patientIdOf(page);
    // enough of Alex's own reads for more than one page of "everyone" (two kinds in turn: a run
    // of one kind of look is one entry)
    for (let i = 0; i < 22; i++) {
      const path = i % 2 === 0 ? `/api/patients/${alexId}/appointments` : `/api/patients/${alexId}`;
      expect((await page.request.get(path)).status()).toBe(200);
    }

    // the front desk opens Alex's details three times on another device: one entry, "3 times"
    const desk = await (await session.newContext()).newPage();
    await signIn(desk, demo.frontDesk, { mfa: true });
    for (let i = 0; i < 3; i++) expect((await desk.request.get(`/api/patients/${alexId}`)).status()).toBe(200);
    await desk.context().close();

    // in English first: the same look, as an English sentence
    await inLanguageOnThisDevice(page, "en");
    await visit(page, "/profile/access-log");
    await page.getByRole("heading", { level: 1, name: "Who viewed your record" }).waitFor();
    await page
      .locator(".access-log__list")
      .getByText(/\(front desk\) viewed your personal details$/)
      .first()
      .waitFor();
    const deskEntry = page.locator(".access-log__entry", { hasText: /\(front desk\) viewed your personal details/ });
    await expect(deskEntry.first().locator(".access-log__when").innerText()).resolves.toMatch(
      /^3 times, \w+ \d+ \w+, [0-9:]+ [ap]m to [0-9:]+ [ap]m \(.+\)$/,
    );
    await expectAccessible(page, "access log in English (others)");
    await screenshots(page, "access-log-others-en");

    await inLanguageOnThisDevice(page, "es");
    await page.getByRole("heading", { level: 1, name: "Quién vio su expediente" }).waitFor();
    // by default only other people: the front desk's look, as a sentence, not Alex's own reads
    const others = page.getByRole("radio", { name: "Otras personas, no yo" });
    await expect(others.isChecked()).resolves.toBe(true);
    const list = page.locator(".access-log__list");
    await list
      .getByText(/\(recepción\) vio sus datos personales$/)
      .first()
      .waitFor();
    await expect(list.getByText(/^Usted /).count()).resolves.toBe(0);
    const main = (await page.locator("main").innerText()).replace(/Portico/g, "");
    expect(main).not.toMatch(NOT_SPANISH);
    await expectAccessible(page, "access log in Spanish (others)");
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshots(page, "access-log-others-es");

    // everyone, Alex included: more than one page, with the range said and keyboard paging
    await page.getByText("Todos, yo incluido", { exact: true }).click();
    const range = page.locator(".access-log__range");
    // the list has changed to everyone's once Alex's own reads show (the range alone may read
    // "1–20" for both lists)
    await list
      .getByText(/^Usted vio sus citas$/)
      .first()
      .waitFor();
    await page.waitForFunction(() =>
      /^Registros 1–20 de \d+$/.test(document.querySelector(".access-log__range")?.textContent ?? ""),
    );
    const total = Number((await range.innerText()).match(/de (\d+)$/)?.[1]);
    expect(total).toBeGreaterThan(20);
    await expect(list.getByText(/^Usted vio sus citas$/).count()).resolves.toBeGreaterThan(0);
    await expect(range.getAttribute("aria-live")).resolves.toBe("polite");
    const pager = page.getByRole("navigation", { name: "Páginas del historial de accesos" });
    await expect(pager.getByRole("button", { name: "Registros más recientes" }).isDisabled()).resolves.toBe(true);
    await pager.getByRole("button", { name: "Registros más antiguos" }).focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(() =>
      /^Registros 21–\d+ de \d+$/.test(document.querySelector(".access-log__range")?.textContent ?? ""),
    );
    // the new page keeps the same total (the list holds still) and focus moves to its range
    expect(await range.innerText()).toMatch(new RegExp(`de ${total}$`));
    await page.waitForFunction(() => document.activeElement?.classList.contains("access-log__range"));
    await expect(pager.getByText(/^Página 2 de \d+$/).isVisible()).resolves.toBe(true);
    expect((await page.locator("main").innerText()).replace(/Portico/g, "")).not.toMatch(NOT_SPANISH);
    await expectAccessible(page, "access log in Spanish (everyone, page 2)");
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshots(page, "access-log-everyone-es");
  });

  it("Sam, acting for Jamie, reads sentences that name Jamie", async () => {
    const { page } = session;
    await signIn(page, demo.sam);
    const jamie = (await (await page.request.get("/api/session")).json()).me.patients.find((p: { name: string }) =>
      p.name.startsWith("Jamie"),
    );
    expect(jamie).toBeTruthy();
    await page.evaluate((id) => sessionStorage.setItem("portico.actingFor", id), jamie.id);
    await inLanguageOnThisDevice(page, "es");
    await visit(page, "/profile/access-log");
    await page.getByRole("heading", { level: 1, name: "Quién vio el expediente de Jamie Rivera" }).waitFor();
    await page.getByText("Todos, yo incluido", { exact: true }).click();
    await page
      .locator(".access-log__list")
      .getByText(/^Usted consultó quién vio el expediente de Jamie$/)
      .first()
      .waitFor();
    await expectAccessible(page, "access log for Jamie (caregiver, Spanish)");
    await screenshots(page, "access-log-proxy-es");
  });
});
