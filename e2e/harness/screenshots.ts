import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { expectAccessible, settle } from "./axe.ts";
import { artifactsDir } from "./browser.ts";

export const WIDTHS = [320, 1280] as const;

/** Full-page screenshots at 320 and 1280 px into e2e/artifacts/<name>-<width>.png for review. */
export async function screenshots(page: Page, name: string): Promise<string[]> {
  fs.mkdirSync(artifactsDir, { recursive: true });
  const original = page.viewportSize();
  const files: string[] = [];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    await page.waitForTimeout(50);
    const file = path.join(artifactsDir, `${name}-${width}.png`);
    await page.screenshot({ path: file, fullPage: true });
    files.push(file);
  }
  if (original) await page.setViewportSize(original);
  return files;
}

/**
 * True when the page scrolls sideways at its current width (it never should). Right after a
 * resize, parts that follow their container's size (charts) are redrawn a frame or two later, so
 * a page counts as scrolling only when it still does once those frames have passed (up to 3 s).
 */
export async function hasHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    const root = document.scrollingElement ?? document.documentElement;
    const scrolls = () => root.scrollWidth > root.clientWidth;
    const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const until = performance.now() + 3000;
    while (scrolls() && performance.now() < until) await nextFrame();
    return scrolls();
  });
}

/**
 * Neither width scrolls sideways (each a failed expectation "<name> scrolls sideways at <width> px",
 * or `verb` for "scrolls"); the page is left at 1280 px.
 */
export async function expectNoSidewaysScroll(page: Page, name: string, verb = "scrolls"): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    expect(await hasHorizontalScroll(page), `${name} ${verb} sideways at ${width} px`).toBe(false);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** Screenshots at 320 and 1280 px, and neither width scrolls sideways. */
export async function screenshotsNoScroll(page: Page, name: string): Promise<void> {
  await screenshots(page, name);
  await expectNoSidewaysScroll(page, name);
}

/**
 * The page once it has settled: axe clean (reported as `label`), screenshots `name` at 320 and
 * 1280 px, no sideways scroll at either.
 */
export async function look(page: Page, label: string, name = label): Promise<void> {
  await accessibleScreenshots(page, label, name);
  await expectNoSidewaysScroll(page, name);
}

/** The page once it has settled: axe clean (reported as `label`), then screenshots `name` at 320 and 1280 px. */
export async function accessibleScreenshots(page: Page, label: string, name: string): Promise<void> {
  await settle(page);
  await expectAccessible(page, label);
  await screenshots(page, name);
}
