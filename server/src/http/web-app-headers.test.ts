import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { useWebServingApp } from "../test/app.ts";

/**
 * How the built web app is served: the page that names the current bundle (index.html, at its
 * own address and as the single-page app's fallback) is revalidated on every load so a deploy
 * is seen at once; content-hashed assets are cached for a year; no page may be framed.
 */
describe("serving the web app", () => {
  const t = useWebServingApp((webRoot) => {
    fs.mkdirSync(path.join(webRoot, "assets"));
    fs.writeFileSync(path.join(webRoot, "index.html"), '<!doctype html><script src="/assets/app-1a2b3c.js"></script>');
    fs.writeFileSync(path.join(webRoot, "assets", "app-1a2b3c.js"), "console.log('portico')");
    fs.writeFileSync(path.join(webRoot, "robots.txt"), "User-agent: *\nDisallow: /\n");
    // as the web build writes them (web/vite.config.ts): compressed copies beside the asset
    const script = path.join(webRoot, "assets", "app-1a2b3c.js");
    fs.writeFileSync(`${script}.br`, zlib.brotliCompressSync(fs.readFileSync(script)));
    fs.writeFileSync(`${script}.gz`, zlib.gzipSync(fs.readFileSync(script)));
    const page = path.join(webRoot, "index.html");
    fs.writeFileSync(`${page}.br`, zlib.brotliCompressSync(fs.readFileSync(page)));
  });

  const html = { accept: "text/html,application/xhtml+xml" };

  it.each([
    ["the page itself", "/index.html"],
    ["the start page", "/"],
    ["a deep link (single-page app fallback)", "/appointments/book"],
  ])("serves index.html as %s with no-cache", async (_what, url) => {
    const res = await t.app.inject({ url, headers: html });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/html");
    expect(res.body).toContain("/assets/app-1a2b3c.js");
    expect(res.headers["cache-control"]).toBe("no-cache");
  });

  it("lets browsers keep content-hashed assets for a year", async () => {
    const res = await t.app.inject({ url: "/assets/app-1a2b3c.js" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
  });

  it.each([
    ["br", "br, gzip", (b: Buffer) => zlib.brotliDecompressSync(b)],
    ["gzip", "gzip", (b: Buffer) => zlib.gunzipSync(b)],
  ])("sends the %s copy written at build time to a browser that accepts it", async (encoding, accept, unpack) => {
    const res = await t.app.inject({ url: "/assets/app-1a2b3c.js", headers: { "accept-encoding": accept } });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-encoding"]).toBe(encoding);
    expect(res.headers.vary).toContain("accept-encoding");
    expect(unpack(res.rawPayload).toString()).toBe("console.log('portico')");
    const deepLink = await t.app.inject({ url: "/appointments/book", headers: { ...html, "accept-encoding": "br" } });
    expect(deepLink.headers["content-encoding"]).toBe("br");
    expect(zlib.brotliDecompressSync(deepLink.rawPayload).toString()).toContain("/assets/app-1a2b3c.js");
    const plain = await t.app.inject({ url: "/assets/app-1a2b3c.js", headers: { "accept-encoding": "identity" } });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body).toBe("console.log('portico')");
  });

  it("keeps the short cache for other static files", async () => {
    const res = await t.app.inject({ url: "/robots.txt" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe("public, max-age=3600");
  });

  it.each([
    ["a page", "/"],
    ["the API", "/api/health"],
  ])("forbids framing %s: X-Frame-Options DENY, as CSP frame-ancestors 'none' says", async (_what, url) => {
    const res = await t.app.inject({ url, headers: html });
    expect(res.headers["x-frame-options"]).toBe("DENY");
    expect(String(res.headers["content-security-policy"])).toContain("frame-ancestors 'none'");
  });
});
