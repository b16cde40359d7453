import { promises as fs } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

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
      await Promise.all(
        files.map(async (file) => {
          const full = path.join(outDir, file);
          const content = await fs.readFile(full);
          if (content.length < 1024) return;
          const [br, gz] = await Promise.all([
            brotli(content, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }),
            gzip(content, { level: 9 }),
          ]);
          await Promise.all([fs.writeFile(`${full}.br`, br), fs.writeFile(`${full}.gz`, gz)]);
        }),
      );
    },
  };
}

/** The pages a visitor lands on first: their route chunks download beside the main script. */
const FIRST_PAGES = ["src/routes/LandingPage.tsx", "src/features/identity/SignInPage.tsx"];

/**
 * `<link rel="modulepreload">` for the first pages' lazy route chunks (and what they import),
 * so the browser fetches them with the main script instead of after it has run (a second
 * round trip before the page can show).
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
          if (FIRST_PAGES.some((page) => id.endsWith(`/web/${page}`) || id.endsWith(`/${page}`))) add(chunk.fileName);
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

export default defineConfig({
  plugins: [react(), precompress(), preloadFirstPages()],
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
