import type { Page } from "playwright-core";

/** Clicks the first free time the booking page shows, moving on a week at a time while one is empty. */
export async function pickFirstFreeTime(page: Page, weeks: number): Promise<void> {
  for (let i = 0; i < weeks; i++) {
    await page.getByText(/Finding free times/).waitFor({ state: "detached" });
    const times = page.locator(".time-button");
    if ((await times.count()) > 0) {
      await times.first().click();
      return;
    }
    await page.getByRole("button", { name: "Next 7 days" }).click();
  }
  throw new Error(`no free times in ${weeks} weeks`);
}
