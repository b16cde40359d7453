import type { Page } from "playwright-core";
import { expectAccessible, settle } from "./axe.ts";
import { screenshots, screenshotsNoScroll } from "./screenshots.ts";

export type Lang = "en" | "es";
const SWITCH_TO: Record<Lang, RegExp> = { en: /english/i, es: /español/i };
const CLOSE: Record<Lang, RegExp> = { en: /^close$/i, es: /^cerrar$/i };

/**
 * Shows the pages in `lang` with the header's switch (which also saves it on the account),
 * whatever language an earlier journey left the demo account in; closes the "language saved"
 * notice so it covers nothing.
 */
export async function inLanguage(page: Page, lang: Lang): Promise<void> {
  await settle(page);
  if (await page.evaluate((l) => document.documentElement.lang.startsWith(l), lang)) return;
  await page.getByRole("banner").getByRole("button", { name: SWITCH_TO[lang] }).first().click();
  // the new language's strings come from the same server, which on the embedded database may be
  // busy with a page's heavy queries (the operations figures) for a while
  await page.waitForFunction((l) => document.documentElement.lang.startsWith(l), lang, { timeout: 60_000 });
  await dismissLanguageNotice(page, lang);
  await settle(page);
}

/** Closes the notice that confirms a language was saved, if it shows. */
export async function dismissLanguageNotice(page: Page, lang: Lang): Promise<void> {
  const button = page.getByRole("button", { name: CLOSE[lang] });
  const shown = await button
    .first()
    .waitFor({ state: "visible", timeout: 3_000 })
    .then(() => true)
    .catch(() => false);
  if (shown) await button.first().click();
}

/**
 * Screenshots of the page in the reader's own language, then in the other one (checked with axe),
 * then back: the switch is saved on the account, so each person ends with the language they had.
 * Neither width scrolls sideways.
 */
export async function bothLanguages(page: Page, name: string, otherHeading: RegExp): Promise<void> {
  const own = (await page.evaluate(() => document.documentElement.lang)) as Lang;
  const other: Lang = own === "en" ? "es" : "en";
  await screenshotsNoScroll(page, `${name}-${own}`);
  await page.getByRole("button", { name: SWITCH_TO[other] }).click();
  await page.getByRole("heading", { level: 1, name: otherHeading }).waitFor();
  await dismissLanguageNotice(page, other);
  await settle(page);
  await expectAccessible(page, `${name} (${other})`);
  await screenshots(page, `${name}-${other}`);
  await page.getByRole("button", { name: SWITCH_TO[own] }).click();
  await page.waitForFunction((lang) => document.documentElement.lang === lang, own, { timeout: 60_000 });
  await dismissLanguageNotice(page, own);
  await settle(page);
}

/**
 * The page's language on this device only (whatever the account's), as a person's switch would
 * leave it: saved in the browser, then the page loaded again.
 */
export async function inLanguageOnThisDevice(page: Page, lang: Lang): Promise<void> {
  await page.evaluate((l) => localStorage.setItem("portico.locale", l), lang);
  await page.reload();
  await page.waitForFunction((l) => document.documentElement.lang.startsWith(l), lang);
  await settle(page);
}

/** Clicks the header's switch to `lang` (which also saves it on the account). */
export async function switchLanguage(page: Page, lang: Lang): Promise<void> {
  await page.getByRole("banner").getByRole("button", { name: SWITCH_TO[lang] }).click();
}

/** The header's switch back to English, then waits until the page is English. */
export async function backToEnglish(page: Page): Promise<void> {
  await switchLanguage(page, "en");
  await page.waitForFunction(() => document.documentElement.lang === "en");
}
