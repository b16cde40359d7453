import type { Locator, Page } from "playwright-core";

/**
 * Picks an option in a React Aria Select found by its label (within `scope`, the page unless
 * given): a string names the option exactly; a pattern takes the first option it matches.
 */
export async function chooseOption(
  page: Page,
  label: RegExp,
  option: string | RegExp,
  scope: Page | Locator = page,
): Promise<void> {
  await scope.getByRole("button", { name: label }).first().click();
  if (typeof option === "string") await page.getByRole("option", { name: option, exact: true }).click();
  else await page.getByRole("option", { name: option }).first().click();
}
