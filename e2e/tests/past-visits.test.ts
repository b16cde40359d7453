import { describe, expect, it } from "vitest";
import { getOk, me, ownChart, visitTypeId } from "../harness/api.ts";
import { signInTo } from "../harness/auth.ts";
import { expectAccessible, settle, visit } from "../harness/axe.ts";
import { baseUrl, useBrowser } from "../harness/browser.ts";
import { demo } from "../harness/demo.ts";
import { bothLanguages, inLanguage, type Lang } from "../harness/language.ts";
import { look } from "../harness/screenshots.ts";

const DAY = 24 * 60 * 60 * 1000;

describe("past visits", () => {
  const session = useBrowser();

  it("Sam sees his newest past visits first, and earlier ones a page at a time from the keyboard", async () => {
    const { page } = session;
    await signInTo(page, demo.sam, "/appointments");
    const request = page.request;
    const account = await me(request);
    const patientId = ownChart(account) as string;
    const headers = { "x-csrf-token": account.csrfToken };

    // 21 visits booked weeks ahead and cancelled: with the demo's past visits, more than a page of them
    const followUp = (await visitTypeId(request, "Follow-up visit")) as string;
    const { slots } = await getOk<{ slots: { start: string; providerId: string }[] }>(
      request,
      `/api/slots?${new URLSearchParams({
        visitTypeId: followUp,
        patientId,
        from: new Date(Date.now() + 21 * DAY).toISOString(),
        to: new Date(Date.now() + 60 * DAY).toISOString(),
      })}`,
    );
    let cancelled = 0;
    for (const slot of slots) {
      if (cancelled === 21) break;
      const booked = await request.post(`${baseUrl()}/api/patients/${patientId}/appointments`, {
        headers,
        data: { visitTypeId: followUp, providerId: slot.providerId, start: slot.start },
      });
      if (booked.status() !== 201) continue;
      const { id } = (await booked.json()) as { id: string };
      const cancel = await request.post(`${baseUrl()}/api/patients/${patientId}/appointments/${id}/cancel`, {
        headers,
        data: { reason: "Testing the list of past visits" },
      });
      expect(cancel.ok(), `cancel answered ${cancel.status()}`).toBe(true);
      cancelled++;
    }
    expect(cancelled).toBe(21);
    const all = await getOk<{ past: { id: string }[]; nextPastCursor: string | null }>(
      request,
      `/api/patients/${patientId}/appointments?pastLimit=100`,
    );
    expect(all.nextPastCursor).toBeNull();
    expect(all.past.length).toBeGreaterThan(20);

    await visit(page, "/appointments");
    // Sam reads the portal in Spanish: this journey reads it in English, then gives him his language back
    const own = (await page.evaluate(() => document.documentElement.lang)) as Lang;
    await inLanguage(page, "en");
    const past = page.getByRole("table", { name: "Past visits" });
    const rows = past.locator("tbody tr");
    await expect(rows.count()).resolves.toBe(20);
    await expect(page.getByRole("status").filter({ hasText: "Showing 20 past visits." }).count()).resolves.toBe(1);
    const more = page.getByRole("button", { name: "Show earlier visits" });
    await look(page, "appointments: a page of past visits", "appointments-past-visits");

    // from the keyboard: the next page is appended and the keyboard goes on to its first visit
    await more.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(Math.min(all.past.length, 40));
    await settle(page);
    // focus moves once the page's rows are drawn: wait for it rather than read it once
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id ?? ""), { timeout: 10_000 })
      .toBe(`past-visit-${all.past[20]?.id}`);
    const shownIds = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector("td")?.id ?? ""));
    expect(shownIds).toEqual(all.past.slice(0, 40).map((v) => `past-visit-${v.id}`));
    if (all.past.length <= 40) {
      await expect(more.count()).resolves.toBe(0);
      await page.getByText(`Showing ${all.past.length} past visits. That is every past visit.`).waitFor();
    }
    await expectAccessible(page, "appointments: earlier past visits shown");
    await look(page, "appointments: earlier past visits shown", "appointments-past-visits-all");

    // the page in Spanish too
    await visit(page, "/appointments");
    await bothLanguages(page, "appointments-past-visits", /sus citas/i);
    await inLanguage(page, own);
  }, 240_000);
});
