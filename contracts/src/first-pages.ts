/**
 * The pages the web build writes out as HTML (web/src/prerender.tsx) and the server sends
 * already written, in the visitor's language (server/src/http/first-pages.ts): page name →
 * address. Its own module, so the web's first download does not carry the schemas.
 */
export const FIRST_PAGES = { landing: "/", "sign-in": "/sign-in" } as const;
export type FirstPage = keyof typeof FIRST_PAGES;

/** The cookie in which the web app keeps the language chosen on a device, for the server to read. */
export const LOCALE_COOKIE = "portico_locale";
