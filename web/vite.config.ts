import { promises as fs } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import zlib from "node:zlib";
import react from "@vitejs/plugin-react";
import { build, defineConfig, type Plugin, type ResolvedConfig } from "vite";

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
const COMPRESSIBLE = /\.(js|css|html|svg|json|txt|webmanifest)$/;

/**
 * Writes a `.br` and a `.gz` beside every text asset of the build, so the server sends them
 * as they are (`@fastify/static`'s `preCompressed`) instead of compressing on each request.
 */
function precompress(): Plugin {
  let outDir = "dist";
  return {
    name: "portico-precompress",
    apply: "build",
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async writeBundle() {
      const files = (await fs.readdir(outDir, { recursive: true })).filter((f) => COMPRESSIBLE.test(f));
      await Promise.all(files.map((file) => compressBeside(path.join(outDir, file))));
    },
  };
}

async function compressBeside(file: string): Promise<void> {
  const content = await fs.readFile(file);
  if (content.length < 1024) return;
  const [br, gz] = await Promise.all([
    brotli(content, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }),
    gzip(content, { level: 9 }),
  ]);
  await Promise.all([fs.writeFile(`${file}.br`, br), fs.writeFile(`${file}.gz`, gz)]);
}

/**
 * What index.html preloads: the app (src/boot.tsx, which the small entry imports) and the pages
 * a visitor lands on first, so they download beside the entry instead of after it has run.
 */
const PRELOADED = ["src/boot.tsx", "src/routes/LandingPage.tsx", "src/features/identity/SignInPage.tsx"];

/**
 * `<link rel="modulepreload">` for the app's chunk and the first pages' lazy route chunks (and
 * what they import), so that a page the script draws (any but the written ones) needs one round
 * trip for its script, not three.
 */
function preloadFirstPages(): Plugin {
  return {
    name: "portico-preload-first-pages",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(html, context) {
        const bundle = context.bundle;
        if (!bundle) return html;
        const files = new Set<string>();
        const add = (fileName: string) => {
          const chunk = bundle[fileName];
          if (chunk?.type !== "chunk" || files.has(fileName) || chunk.isEntry) return;
          files.add(fileName);
          for (const imported of chunk.imports) add(imported);
        };
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== "chunk" || !chunk.facadeModuleId) continue;
          const id = chunk.facadeModuleId.replaceAll("\\", "/");
          if (PRELOADED.some((page) => id.endsWith(`/web/${page}`) || id.endsWith(`/${page}`))) add(chunk.fileName);
        }
        return [...files]
          .filter((file) => !html.includes(`/${file}"`))
          .map((file) => ({
            tag: "link",
            attrs: { rel: "modulepreload", crossorigin: true, href: `/${file}` },
            injectTo: "head" as const,
          }));
      },
    },
  };
}

/**
 * Writes the landing and sign-in pages, in English and Spanish, as a visitor first sees them
 * (src/prerender.tsx, rendered with react-dom/server) into pages/<page>.<locale>.html: the
 * built index.html with the page inside `<div id="root" data-prerendered aria-busy="true">`
 * (busy until the app has taken it over, src/boot.tsx), its language and title. The server
 * sends them at `/` and `/sign-in` (server/src/http/first-pages.ts), so the page paints as soon
 * as the HTML and the stylesheet are in, and the app (src/boot.tsx) hydrates it. The
 * prerender is a second, server-side Vite build of src/prerender.tsx, run once the browser
 * build is written and removed after use.
 */
function prerenderFirstPages(): Plugin {
  let config: ResolvedConfig;
  return {
    name: "portico-prerender-first-pages",
    apply: "build",
    configResolved(resolved) {
      config = resolved;
    },
    async closeBundle() {
      if (config.build.ssr) return;
      const outDir = path.resolve(config.root, config.build.outDir);
      // inside web/node_modules so that the server build's imports of React & co. resolve
      const serverDir = path.join(config.root, "node_modules/.portico-prerender");
      try {
        await build({
          configFile: false,
          root: config.root,
          logLevel: "warn",
          plugins: [react()],
          build: { ssr: "src/prerender.tsx", outDir: serverDir, emptyOutDir: true, target: "node24" },
        });
        const { prerender, FIRST_PAGES, LOCALES } = (await import(
          pathToFileURL(path.join(serverDir, "prerender.js")).href
        )) as typeof import("./src/prerender");
        const template = writtenPageHead(await fs.readFile(path.join(outDir, "index.html"), "utf8"));
        if (!template.includes('<div id="root"></div>')) throw new Error("index.html has no empty #root");
        await fs.mkdir(path.join(outDir, "pages"), { recursive: true });
        for (const page of Object.keys(FIRST_PAGES) as (keyof typeof FIRST_PAGES)[]) {
          for (const locale of LOCALES) {
            const { html, title } = await prerender(page, locale);
            const file = path.join(outDir, "pages", `${page}.${locale}.html`);
            await fs.writeFile(
              file,
              template
                .replace('<html lang="en">', `<html lang="${locale}">`)
                .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(title)}</title>`)
                .replace(
                  '<div id="root"></div>',
                  `<div id="root" data-prerendered="${page}" aria-busy="true">${html}</div>`,
                ),
            );
            await compressBeside(file);
          }
        }
      } finally {
        await fs.rm(serverDir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * The head of a written page: it paints once the HTML and the stylesheet are in, so nothing may
 * compete with the stylesheet on a slow connection's few parallel requests. The stylesheet comes
 * first, the small entry script is fetched at low priority, and there are no preloads: the entry
 * fetches the app and the page's chunk once the page has been painted (src/main.tsx).
 */
function writtenPageHead(html: string): string {
  const stylesheets = html.match(/\s*<link rel="stylesheet"[^>]*>/g) ?? [];
  let head = html.replaceAll(/\s*<link rel="modulepreload"[^>]*>/g, "");
  for (const link of stylesheets) head = head.replace(link, "");
  const entry = head.search(/\s*<script type="module"/);
  if (entry < 0) throw new Error("index.html has no module script");
  head = `${head.slice(0, entry)}${stylesheets.join("")}${head.slice(entry)}`;
  return head.replace('<script type="module" ', '<script type="module" fetchpriority="low" ');
}

const escapeHtml = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

export default defineConfig({
  plugins: [react(), precompress(), preloadFirstPages(), prerenderFirstPages()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    // Keep the CSP strict: no inline module preload polyfill script.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
  server: {
    proxy: { "/api": "http://localhost:3000" },
  },
});
