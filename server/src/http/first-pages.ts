import fs from "node:fs";
import path from "node:path";
import { FIRST_PAGES, LOCALE_COOKIE } from "@portico/contracts/first-pages";

/**
 * The landing and sign-in pages as the web build wrote them (web/src/prerender.tsx), one file per
 * page and language: pages/<page>.<locale>.html beside index.html. A visitor to `/` or `/sign-in`
 * gets the page already written, in their language, so it shows before the app's script has run;
 * every other address gets index.html. Which files exist is read once at start, like the rest of
 * the web app.
 */
/** address → page name */
const PAGES = new Map<string, string>(Object.entries(FIRST_PAGES).map(([page, address]) => [address, page]));
const LOCALES = ["en", "es"] as const;
type Locale = (typeof LOCALES)[number];

/**
 * The language the web app would pick: the one chosen on this device (the cookie the web app
 * sets, web/src/i18n/index.ts), else the first
 * of the browser's languages (Accept-Language, by preference) that is English or Spanish, else English.
 */
export function pageLocale(cookie: string | undefined, acceptLanguage: string | undefined): Locale {
  if (cookie === "en" || cookie === "es") return cookie;
  const ranked = (acceptLanguage ?? "")
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().toLowerCase().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  const known = ranked.find((entry) => entry.tag.startsWith("es") || entry.tag.startsWith("en"));
  return known?.tag.startsWith("es") ? "es" : "en";
}

/**
 * For the web app at `webRoot`: which file answers a page request (a path relative to webRoot,
 * or undefined for index.html). A sign-in page with a `status` shows a notice the written page
 * does not have, so it is drawn by the app.
 */
export function firstPages(
  webRoot: string,
): (
  url: string,
  cookies: Readonly<Record<string, string | undefined>>,
  acceptLanguage: string | undefined,
) => string | undefined {
  const written = new Set<string>();
  for (const page of PAGES.values()) {
    for (const locale of LOCALES) {
      const file = `pages/${page}.${locale}.html`;
      if (fs.existsSync(path.join(webRoot, file))) written.add(file);
    }
  }
  return (url, cookies, acceptLanguage) => {
    if (written.size === 0) return undefined;
    const [pathname = "", query = ""] = url.split("?", 2);
    const page = PAGES.get(pathname);
    if (!page || new URLSearchParams(query).has("status")) return undefined;
    const file = `pages/${page}.${pageLocale(cookies[LOCALE_COOKIE], acceptLanguage)}.html`;
    return written.has(file) ? file : undefined;
  };
}
