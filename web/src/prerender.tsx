/**
 * The landing and sign-in pages written out when the web app is built (web/vite.config.ts,
 * `prerenderFirstPages`): the same router, components and strings as in the browser, rendered
 * with react-dom/server as a visitor who is not signed in first sees them, in each language.
 * The server sends them to a visitor at `/` and `/sign-in`, so the page shows before any script
 * has run; boot.tsx then hydrates it (React takes over the HTML instead of drawing it again).
 *
 * Only what the browser's first render shows can be written here: the clinic's name and phone
 * number and who is signed in arrive from the API afterwards, as they do for every page.
 */
import { FIRST_PAGES, type FirstPage } from "@portico/contracts/first-pages";
import { createMemoryHistory } from "@tanstack/react-router";
import { renderToString } from "react-dom/server";
import { App } from "./app/App";
import { router } from "./app/router";
import { i18next, initI18n, LOCALES } from "./i18n";
import type { AppLocale } from "./lib/format";

export { FIRST_PAGES, LOCALES };

/** The document title each page's own effect sets on its first render (useDocumentTitle). */
const TITLES: Record<FirstPage, () => string> = {
  landing: () => i18next.t("landing.docTitle", { clinic: i18next.t("landing.yourClinic") }),
  "sign-in": () => i18next.t("signIn.title"),
};

export interface Prerendered {
  /** what goes inside `<div id="root">` */
  html: string;
  title: string;
}

export async function prerender(page: FirstPage, locale: AppLocale): Promise<Prerendered> {
  if (!i18next.isInitialized) await initI18n(locale);
  else await i18next.changeLanguage(locale);
  // scroll restoration would write an inline script, which the CSP refuses
  router.update({
    ...router.options,
    scrollRestoration: false,
    history: createMemoryHistory({ initialEntries: [FIRST_PAGES[page]] }),
  });
  await router.load();
  const html = renderToString(<App />);
  return { html, title: `${TITLES[page]()} – ${i18next.t("app.name")}` };
}
