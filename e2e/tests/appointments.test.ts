import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { getOk, me, staffApi, visitTypeId } from "../harness/api.ts";
import { signIn, signInTo } from "../harness/auth.ts";
import { expectAccessible, expectPage, settle, visit } from "../harness/axe.ts";
import { pickFirstFreeTime } from "../harness/booking.ts";
import { baseUrl, useBrowser } from "../harness/browser.ts";
import { demo } from "../harness/demo.ts";
import { inLanguage } from "../harness/language.ts";
import { accessibleScreenshots, screenshots } from "../harness/screenshots.ts";

/** Keyboard and screen-reader users land on the new step's heading, not the page body. */
async function expectFocusOnHeading(page: Page, heading: RegExp): Promise<void> {
  const focused = await page.evaluate(() => {
    const el = document.activeElement;
    return el?.tagName === "H1" ? (el.textContent ?? "") : `<${el?.tagName.toLowerCase()}>`;
  });
  expect(focused).toMatch(heading);
}

/**
 * The first free time from the next seven days on (so it can still be changed online), moving on
 * a week at a time while one is empty.
 */
async function pickFirstTime(page: Page): Promise<void> {
  await page.getByText(/Finding free times/).waitFor({ state: "detached" });
  await page.getByRole("button", { name: "Next 7 days" }).click();
  await pickFirstFreeTime(page, 4);
}

describe("appointments", () => {
  const session = useBrowser();

  it("Alex books a follow-up, sees it, moves it to another time and cancels it", async () => {
    const { page } = session;
    await signInTo(page, demo.alex, "/appointments");
    const before = await page.locator(".appt-card").count();

    await page.getByRole("link", { name: "Book an appointment" }).first().click();
    await expectPage(page, /what do you need/i, "book: what");
    await screenshots(page, "appointments-book-what");
    await page.getByRole("link", { name: /Follow-up visit/ }).click();
    await expectPage(page, /who and where/i, "book: who");
    await expectFocusOnHeading(page, /who and where/i);
    await page.getByRole("button", { name: "See free times" }).click();
    await expectPage(page, /choose a time/i, "book: when");
    await expectFocusOnHeading(page, /choose a time/i);
    await screenshots(page, "appointments-book-when");
    await pickFirstTime(page);
    await expectPage(page, /check and book/i, "book: confirm");
    await expectFocusOnHeading(page, /check and book/i);
    await expect(page.getByText(/You can change or cancel online until/).isVisible()).resolves.toBe(true);
    await page.getByLabel(/What is the visit for/).fill("Follow-up on my blood pressure");
    await page.getByRole("button", { name: "Book this appointment" }).click();
    await expectPage(page, /you're booked/i, "book: done");
    await screenshots(page, "appointments-booked");
    const when = (await page.locator(".summary-list dd").nth(1).textContent())?.trim() ?? "";
    expect(when).toMatch(/\(Eastern Time\)|\(Central Time\)/);

    // it is in the upcoming list
    await page.getByRole("link", { name: "See all appointments" }).click();
    await expectPage(page, /your appointments/i, "appointments after booking");
    await expect(page.locator(".appt-card").count()).resolves.toBe(before + 1);
    const booked = page.locator(".appt-card", { has: page.getByRole("heading", { name: when }) });
    await booked.waitFor();

    // reschedule it to another free time
    await booked.getByRole("link", { name: "Change time" }).click();
    await expectPage(page, /choose a new time/i, "reschedule: when");
    await pickFirstTime(page);
    await expectPage(page, /check the new time/i, "reschedule: confirm");
    const newTime = (await page.locator(".summary-list dd").nth(1).textContent())?.trim() ?? "";
    await page.getByRole("button", { name: "Move my appointment" }).click();
    await expectPage(page, /your appointment has moved/i, "reschedule: done");

    // cancel it
    await page.getByRole("link", { name: "See all appointments" }).click();
    await expectPage(page, /your appointments/i, "appointments after moving");
    await expect(page.getByRole("heading", { name: when }).count()).resolves.toBe(0);
    const moved = page.locator(".appt-card", { has: page.getByRole("heading", { name: newTime }) });
    await moved.getByRole("button", { name: "Cancel" }).click();
    const dialog = page.getByRole("dialog", { name: "Cancel this appointment?" });
    await dialog.waitFor();
    await expectAccessible(page, "cancel dialog");
    await dialog.getByLabel(/Reason/).fill("Feeling better");
    await dialog.getByRole("button", { name: "Yes, cancel it" }).click();
    await page.getByRole("heading", { name: "Your appointment is cancelled" }).waitFor();
    await expectAccessible(page, "appointments after cancelling");
    await expect(page.locator(".appt-card").count()).resolves.toBe(before);
    await screenshots(page, "appointments-list");
  }, 240_000);

  it("the front desk sees today's arrivals and marks a patient as arrived", async () => {
    const { page } = session;
    // Make sure someone is due today: extra hours for Dr. Okafor, then a booking for Morgan.
    // The front desk signs in first (a TOTP code works once); its API calls share the page's session.
    await signIn(page, demo.frontDesk, { mfa: true });
    const desk = page.context().request;
    const deskCsrf = (await me(desk)).csrfToken;
    const adminContext = await session.newContext();
    const adminCsrf = await staffApi(adminContext.request, demo.admin);
    const get = <T>(path: string) => getOk<T>(desk, path);
    const { locations } = await get<{ locations: { id: string; name: string; timeZone: string }[] }>("/api/locations");
    const localDay = (at: Date, zone: string) => new Intl.DateTimeFormat("en-CA", { timeZone: zone }).format(at);
    const { providers } = await get<{ providers: { id: string; displayName: string }[] }>("/api/providers");
    const okafor = providers.find((p) => p.displayName.includes("Okafor"))!;
    const { visitTypes } = await get<{ visitTypes: { id: string; name: string }[] }>("/api/visit-types");
    const followUp = visitTypes.find((v) => v.name === "Follow-up visit")!;
    const { results } = await get<{ results: { id: string; name: string }[] }>("/api/patients?q=Morgan%20Lee");
    const morgan = results[0]!;

    const start = new Date(Math.ceil((Date.now() + 20 * 60_000) / (15 * 60_000)) * 15 * 60_000);
    // a visit can be marked arrived only on its own day: near Brooklyn's midnight the walk-in
    // session is at Chicago Loop (an hour behind), so the visit is always due today somewhere
    const place = ["Portico Brooklyn", "Portico Chicago Loop"]
      .map((name) => locations.find((l) => l.name === name))
      .find((l) => l && localDay(start, l.timeZone) === localDay(new Date(), l.timeZone))!;
    const extra = await adminContext.request.post(`${baseUrl()}/api/providers/${okafor.id}/availability/exceptions`, {
      data: {
        kind: "extra_hours",
        start: start.toISOString(),
        end: new Date(start.getTime() + 2 * 3_600_000).toISOString(),
        locationId: place.id,
        note: "Walk-in session",
      },
      headers: { "x-csrf-token": adminCsrf },
    });
    expect(extra.status()).toBe(201);
    const { slots } = await get<{ slots: { start: string }[] }>(
      `/api/slots?visitTypeId=${followUp.id}&providerId=${okafor.id}&locationId=${place.id}&patientId=${morgan.id}` +
        `&from=${encodeURIComponent(start.toISOString())}&to=${encodeURIComponent(new Date(start.getTime() + 2 * 3_600_000).toISOString())}`,
    );
    expect(slots.length).toBeGreaterThan(0);
    const booking = await desk.post(`${baseUrl()}/api/patients/${morgan.id}/appointments`, {
      data: { visitTypeId: followUp.id, providerId: okafor.id, locationId: place.id, start: slots[0]!.start },
      headers: { "x-csrf-token": deskCsrf, "idempotency-key": crypto.randomUUID() },
    });
    expect(booking.status()).toBe(201);
    const day = localDay(new Date(slots[0]!.start), place.timeZone);

    await visit(page, `/front-desk/arrivals?locationId=${place.id}&date=${day}`);
    await page.getByRole("heading", { level: 1, name: "Arrivals" }).waitFor();
    const arrive = /^Arrived – Morgan Lee/;
    const due = page.locator("tr", { hasText: "Morgan Lee", has: page.getByRole("button", { name: arrive }) }).first();
    await due.waitFor();
    await screenshots(page, "appointments-arrivals");
    const time = ((await due.locator("td").first().textContent()) ?? "").trim();
    await due.getByRole("button", { name: arrive }).click();
    await page.getByText("Morgan Lee: Arrived.").waitFor();
    const row = page.locator("tr", { hasText: "Morgan Lee" }).filter({ hasText: time }).first();
    await row.getByRole("button", { name: /^Roomed – Morgan Lee/ }).waitFor();
    await expect(row.getByText("Arrived", { exact: true }).first().isVisible()).resolves.toBe(true);
    await expectAccessible(page, "arrivals after marking arrived");

    // a slip of the mouse can be undone on the day: back to booked, "Arrived" offered again
    await row.getByRole("button", { name: /^Undo Arrived – Morgan Lee/ }).click();
    await page.getByText("Morgan Lee: back to Booked.").waitFor();
    await row.getByRole("button", { name: arrive }).waitFor();
    await expectAccessible(page, "arrivals after undoing the arrival");
  }, 180_000);

  it("the admin adds time off over Morgan's visit: sees it named before saving, then notifies and rebooks (English and Spanish)", async () => {
    const { page } = session;
    const deskContext = await session.newContext();
    const deskCsrf = await staffApi(deskContext.request, demo.frontDesk);
    const desk = deskContext.request;
    const get = <T>(path: string) => getOk<T>(desk, path);
    const { locations } = await get<{ locations: { id: string; name: string; timeZone: string }[] }>("/api/locations");
    const brooklyn = locations.find((l) => l.name === "Portico Brooklyn") ?? locations[0]!;
    const { providers } = await get<{ providers: { id: string; displayName: string }[] }>("/api/providers");
    const okafor = providers.find((p) => p.displayName.includes("Okafor"))!;
    const { visitTypes } = await get<{ visitTypes: { id: string; name: string }[] }>("/api/visit-types");
    const followUp = visitTypes.find((v) => v.name === "Follow-up visit")!;
    const { results } = await get<{ results: { id: string }[] }>("/api/patients?q=Morgan%20Lee");
    const morgan = results[0]!;
    // a time three weeks out, clear of the weeks the other journeys book in
    const from = new Date(Date.now() + 21 * 86_400_000);
    const { slots } = await get<{ slots: { start: string; end: string }[] }>(
      `/api/slots?visitTypeId=${followUp.id}&providerId=${okafor.id}&locationId=${brooklyn.id}&patientId=${morgan.id}` +
        `&from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(new Date(from.getTime() + 7 * 86_400_000).toISOString())}&limit=1`,
    );
    const slot = slots[0]!;
    const booking = await desk.post(`${baseUrl()}/api/patients/${morgan.id}/appointments`, {
      data: { visitTypeId: followUp.id, providerId: okafor.id, locationId: brooklyn.id, start: slot.start },
      headers: { "x-csrf-token": deskCsrf, "idempotency-key": crypto.randomUUID() },
    });
    expect(booking.status()).toBe(201);
    const appointmentId = ((await booking.json()) as { id: string }).id;
    const local = (iso: string) => {
      const parts = new Intl.DateTimeFormat("en-CA", {
        timeZone: brooklyn.timeZone,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
      }).formatToParts(new Date(iso));
      const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
      return { date: `${part("year")}-${part("month")}-${part("day")}`, time: `${part("hour")}:${part("minute")}` };
    };

    await signInTo(page, demo.admin, `/admin/availability?providerId=${okafor.id}`, { mfa: true });
    await page.getByRole("heading", { level: 1, name: "Availability" }).waitFor();
    const form = page.getByRole("form", { name: "Add time off or extra hours" });
    await form.getByRole("button", { name: /All places/ }).click();
    await page.getByRole("option", { name: brooklyn.name }).click();
    await form.getByLabel("Date", { exact: true }).fill(local(slot.start).date);
    await form.getByLabel("Start time").fill(local(slot.start).time);
    await form.getByLabel("End time").fill(local(slot.end).time);
    await form.getByRole("button", { name: "Add time off or extra hours" }).click();

    // nothing is saved yet: the booked visit is shown, named, at the location's time, with the choice
    const choice = page.locator(".overlap-choice");
    await choice.getByRole("heading", { name: "Time off over 1 booked visit" }).waitFor();
    await expect(choice.getByText("Morgan Lee").isVisible()).resolves.toBe(true);
    // the question takes focus, so a keyboard or screen-reader user meets it first
    await expect(page.evaluate(() => document.activeElement?.classList.contains("overlap-choice"))).resolves.toBe(true);
    await expect(choice.textContent()).resolves.toMatch(/\(Eastern Time\)/);
    await accessibleScreenshots(page, "time off over a booked visit", "time-off-overlap-en");
    await page.getByRole("button", { name: /español/i }).click();
    await choice.getByRole("heading", { name: "Días libres sobre 1 cita reservada" }).waitFor();
    await expect(choice.textContent()).resolves.toMatch(/\(hora (del este|oriental)\)/);
    await expectAccessible(page, "time off over a booked visit (Spanish)");
    await screenshots(page, "time-off-overlap-es");
    await choice.getByRole("button", { name: "Guardar, cancelar estas citas y ofrecer nuevos horarios" }).click();
    await page.getByText(/Se canceló 1 cita reservada/).waitFor();
    await screenshots(page, "time-off-saved-es");
    await page.getByRole("button", { name: /english/i }).click();
    await page.getByText(/1 booked visit was cancelled/).waitFor();
    await expectAccessible(page, "time off saved");

    // Morgan's visit was cancelled by the clinic and Morgan has new times offered
    const after = await get<{ status: string }>(`/api/patients/${morgan.id}/appointments/${appointmentId}`);
    expect(after.status).toBe("cancelled");
    const offers = await get<{ offers: { kind: string; status: string }[] }>(
      `/api/patients/${morgan.id}/waitlist-offers`,
    );
    expect(offers.offers.filter((o) => o.kind === "rebook" && o.status === "open").length).toBeGreaterThan(0);

    // leave the provider's calendar as it was
    const adminContext = await session.newContext();
    const adminCsrf = await staffApi(adminContext.request, demo.admin);
    const { exceptions } = (await (
      await adminContext.request.get(`${baseUrl()}/api/providers/${okafor.id}/availability`)
    ).json()) as { exceptions: { id: string; start: string }[] };
    const mine = exceptions.find((x) => x.start === slot.start);
    expect(mine).toBeDefined();
    const removed = await adminContext.request.delete(
      `${baseUrl()}/api/providers/${okafor.id}/availability/exceptions/${mine!.id}`,
      { headers: { "x-csrf-token": adminCsrf } },
    );
    expect(removed.status()).toBe(204);

    // visit types carry a Spanish description beside the Spanish name, edited here
    await visit(page, `/admin/visit-types/${followUp.id}`);
    const spanishDescription = page.getByLabel("Description in Spanish (optional)");
    await spanishDescription.waitFor();
    await expect(spanishDescription.inputValue()).resolves.toBe(
      "Una visita breve para dar seguimiento a un problema en curso.",
    );
    // and the scored questionnaires asked for before the visit: a follow-up asks for none
    const intake = page.getByRole("group", { name: "Scored questionnaires before the visit" });
    await expect(intake.getByRole("checkbox").count()).resolves.toBe(2);
    await expect(intake.getByRole("checkbox", { name: "PHQ-9 (mood)" }).isChecked()).resolves.toBe(false);
    await expect(intake.getByRole("checkbox", { name: "GAD-7 (anxiety)" }).isChecked()).resolves.toBe(false);
    await accessibleScreenshots(page, "visit type with its Spanish description", "visit-type-description-es-field");
  }, 240_000);

  it("at 320 px the week of times stays short, and 'First available' picks the earliest time", async () => {
    const { page } = session;
    await signIn(page, demo.alex);
    const followUp = (await visitTypeId(page.request, "Follow-up visit")) as string;
    await page.setViewportSize({ width: 320, height: 800 });
    try {
      await visit(page, `/appointments/book?visitTypeId=${followUp}&step=when`);
      await page.getByRole("heading", { level: 1, name: "Choose a time" }).waitFor();
      await page.getByText(/Finding free times/).waitFor({ state: "detached" });
      const shortcut = page.getByRole("region", { name: "First available" });
      await shortcut.waitFor();
      // the week stays short: each provider and place of a day shows its first times (one row) and
      // "Show all N times" (a day was 500+ px, the week 4,300)
      const groups = page.locator(".day__group");
      const groupCount = await groups.count();
      expect(groupCount).toBeGreaterThan(0);
      for (let i = 0; i < groupCount; i++) {
        const group = groups.nth(i);
        expect(await group.locator(".time-button:visible").count()).toBeLessThanOrEqual(3);
        const height = (await group.boundingBox())?.height ?? Number.POSITIVE_INFINITY;
        expect(height, `times of group ${i + 1} at 320 px`).toBeLessThan(170);
      }
      // a day's other times open on request
      const more = page.getByRole("button", { name: /^Show all \d+ times/ }).first();
      if (await more.count()) {
        await more.click();
        await page
          .getByRole("button", { name: /^Show fewer times/ })
          .first()
          .waitFor();
        await page
          .getByRole("button", { name: /^Show fewer times/ })
          .first()
          .click();
      }
      await accessibleScreenshots(page, "week of times at 320 px", "book-when-first-available-en");
      // the switch waits for the Spanish strings as long as a busy server may take (inLanguage)
      await inLanguage(page, "es");
      await page.getByRole("region", { name: "Primer horario disponible" }).waitFor();
      await expectAccessible(page, "week of times at 320 px (Spanish)");
      await screenshots(page, "book-when-first-available-es");
      // the visit types read in the reader's language, descriptions too
      await visit(page, "/appointments/book");
      await page.getByText("Una visita breve para dar seguimiento a un problema en curso.").waitFor();
      await settle(page);
      await screenshots(page, "book-what-es");
      await inLanguage(page, "en");
      await page.getByText("A short visit to follow up on an ongoing concern.").waitFor();
      await visit(page, `/appointments/book?visitTypeId=${followUp}&step=when`);
      await shortcut.waitFor();
      const when = (await shortcut.locator(".first-available__when").textContent()) ?? "";
      await shortcut.getByRole("button", { name: "Choose the first available time" }).click();
      await expectPage(page, /check and book/i, "book: confirm from first available");
      // the confirm step holds the time the shortcut named (the earliest the server has)
      const summary = (await page.locator(".summary-list").textContent()) ?? "";
      const time = /at (\d{1,2}:\d{2}\s?[ap]\.?m\.?)/i.exec(when)?.[1] ?? "";
      expect(time).not.toBe("");
      expect(summary.replace(/\s/g, " ")).toContain(time.replace(/\s/g, " "));
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
      // the switch to Spanish above is saved on Alex's account: when a step after it failed, put
      // it back so that the journeys that follow meet Alex in English (the failure stays this test's)
      await inLanguage(page, "en").catch((error: unknown) =>
        console.warn(`could not put Alex's language back to English: ${(error as Error).message}`),
      );
    }
  }, 180_000);
});
