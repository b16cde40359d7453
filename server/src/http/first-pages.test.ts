import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { useWebServingApp } from "../test/app.ts";
import { pageLocale } from "./first-pages.ts";

describe("the language of a written page", () => {
  it.each([
    ["the device's choice (cookie) first", "es", "en-US,en;q=0.9", "es"],
    ["an unknown cookie is ignored", "fr", "es-MX,es;q=0.9", "es"],
    ["the browser's first English or Spanish language", undefined, "fr-FR,es;q=0.8,en;q=0.5", "es"],
    ["by preference, not by order", undefined, "en;q=0.4,es-ES;q=0.9", "es"],
    ["English when the browser asks for neither", undefined, "de-DE,fr;q=0.9", "en"],
    ["English with no header", undefined, undefined, "en"],
    ["a language refused (q=0) is not picked", undefined, "es;q=0,en;q=0.5", "en"],
  ])("%s", (_what, cookie, acceptLanguage, expected) => {
    expect(pageLocale(cookie, acceptLanguage)).toBe(expected);
  });
});

/**
 * The landing and sign-in pages as the web build wrote them (web/src/prerender.tsx): sent at `/`
 * and `/sign-in` in the visitor's language, revalidated on every load like index.html, and
 * varying by the cookie and Accept-Language that choose the language; every other page is the
 * single-page app's index.html.
 */
describe("serving the written landing and sign-in pages", () => {
  const t = useWebServingApp((webRoot) => {
    fs.mkdirSync(path.join(webRoot, "pages"));
    fs.writeFileSync(path.join(webRoot, "index.html"), "<!doctype html><p>the app</p>");
    for (const page of ["landing", "sign-in"]) {
      for (const locale of ["en", "es"]) {
        fs.writeFileSync(path.join(webRoot, "pages", `${page}.${locale}.html`), `<p>${page} ${locale}</p>`);
      }
    }
  });

  const html = { accept: "text/html,application/xhtml+xml" };

  it.each([
    ["/", {}, "landing en"],
    ["/", { "accept-language": "es-MX,es;q=0.9" }, "landing es"],
    ["/sign-in", { cookie: "portico_locale=es" }, "sign-in es"],
    ["/sign-in?redirect=%2Fhome", { cookie: "portico_locale=en", "accept-language": "es" }, "sign-in en"],
  ])("sends %s written in the visitor's language", async (url, headers, body) => {
    const res = await t.app.inject({ url, headers: { ...html, ...headers } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(`<p>${body}</p>`);
    expect(res.headers["cache-control"]).toBe("no-cache");
    expect(res.headers.vary).toContain("cookie, accept-language");
  });

  it.each([
    ["a sign-in page with a notice to show", "/sign-in?status=expired"],
    ["any other page", "/sign-in/verify"],
  ])("leaves %s to the app", async (_what, url) => {
    const res = await t.app.inject({ url, headers: html });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("the app");
  });

  it("sends a form posted before the page's script had taken over back to the page", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/sign-in?redirect=%2Fhome",
      headers: { ...html, "content-type": "application/x-www-form-urlencoded" },
      payload: "email=someone%40example.com&password=secret",
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/sign-in?redirect=%2Fhome");
  });
});
