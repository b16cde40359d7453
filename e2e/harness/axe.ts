import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";

export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** Runs axe on the page as it is now; throws with a readable list of every violation. */
export async function expectAccessible(page: Page, label = page.url()): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  if (results.violations.length === 0) return;
  const lines = results.violations.map((violation) => {
    const nodes = violation.nodes
      .slice(0, 5)
      .map((node) => `      ${node.target.join(" ")}\n        ${node.failureSummary?.split("\n").join("\n        ")}`)
      .join("\n");
    const more = violation.nodes.length > 5 ? `\n      … and ${violation.nodes.length - 5} more` : "";
    return `  [${violation.impact}] ${violation.id}: ${violation.help}\n    ${violation.helpUrl}\n${nodes}${more}`;
  });
  throw new Error(`Accessibility violations on ${label}:\n${lines.join("\n")}`);
}

/**
 * Navigates to a path of the app, waits for it to settle, and fails on any axe violation.
 * Every page a journey visits goes through here (or calls expectAccessible after an in-app
 * navigation).
 */
export async function visit(page: Page, path: string): Promise<void> {
  const response = await page.goto(path, { waitUntil: "load" });
  if (!response) throw new Error(`no response for ${path}`);
  if (response.status() >= 500) throw new Error(`${path} answered ${response.status()}`);
  await settle(page);
  await expectAccessible(page, path);
}

/**
 * Waits until the app has rendered its main landmark and nothing is loading any more (no busy
 * region, progress bar or loading message). Not "network idle": the app polls, so the network
 * is never quiet for long.
 */
export async function settle(page: Page): Promise<void> {
  await page.locator("main").first().waitFor({ state: "visible", timeout: 10_000 });
  await page.waitForFunction(
    () => !document.querySelector('[aria-busy="true"], [role="progressbar"], .loading-state'),
    undefined,
    { timeout: 10_000, polling: 50 },
  );
}

/** Waits for the page's h1 to match, then for the page to settle, then runs axe on what is shown. */
export async function expectPage(page: Page, heading: RegExp | string, label: string): Promise<void> {
  await page.getByRole("heading", { level: 1, name: heading }).waitFor({ state: "visible" });
  await settle(page);
  await expectAccessible(page, label);
}
