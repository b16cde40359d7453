import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, inject } from "vitest";

export const baseUrl = (): string => inject("baseUrl");

export const artifactsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../artifacts");

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Debian's Chromium, headless, with nothing that phones home. Never downloads a browser. */
export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install it (apt-get install chromium) or set CHROMIUM_PATH`);
  }
  // Playwright gives every launch its own fresh, temporary --user-data-dir and removes it on close.
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
}

export interface BrowserSession {
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
  /** a second, separate browser context (another person on another device) */
  newContext(): Promise<BrowserContext>;
}

/**
 * One Chromium per test file, a fresh context (no cookies, no storage) per test. A failed
 * test leaves a screenshot in e2e/artifacts/failures/.
 */
export function useBrowser(options: { locale?: string } = {}): BrowserSession {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  let problems: string[] = [];
  const extra: BrowserContext[] = [];
  const newContext = async () => {
    if (!browser) throw new Error("the browser is not running");
    const created = await browser.newContext({
      baseURL: baseUrl(),
      locale: options.locale ?? "en-US",
      timezoneId: "America/New_York",
      viewport: { width: 1280, height: 800 },
    });
    created.setDefaultTimeout(10_000);
    return created;
  };

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    context = await newContext();
    page = await context.newPage();
    problems = [];
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console error: ${message.text()}`);
    });
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === "fail" && page && !page.isClosed()) {
      const dir = path.join(artifactsDir, "failures");
      fs.mkdirSync(dir, { recursive: true });
      const name = task.name.replace(/[^a-z0-9]+/gi, "-").toLowerCase();
      await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true }).catch(() => {});
      if (problems.length > 0)
        process.stderr.write(`\nBrowser errors in "${task.name}":\n  ${problems.join("\n  ")}\n`);
    }
    for (const c of extra.splice(0)) await c.close();
    await context?.close();
  });

  return {
    get browser() {
      if (!browser) throw new Error("the browser is not running");
      return browser;
    },
    get context() {
      if (!context) throw new Error("no browser context outside a test");
      return context;
    },
    get page() {
      if (!page) throw new Error("no page outside a test");
      return page;
    },
    async newContext() {
      const created = await newContext();
      extra.push(created);
      return created;
    },
  };
}
