import { describe, expect, it } from "vitest";
import { signIn, signInTo } from "../harness/auth.ts";
import { expectAccessible, settle, visit } from "../harness/axe.ts";
import { pickFirstFreeTime } from "../harness/booking.ts";
import { useBrowser } from "../harness/browser.ts";
import { demo } from "../harness/demo.ts";
import { bothLanguages, inLanguage } from "../harness/language.ts";
import { accessibleScreenshots, screenshots } from "../harness/screenshots.ts";
import { chooseOption } from "../harness/select.ts";

/** The reason Alex types: unique to this run, so the journey finds its own request among the demo's. */
const REASON = `Palpitations when climbing stairs (${Date.now().toString(36)})`;

describe("referrals", () => {
  const session = useBrowser();

  it("Alex asks for a cardiology referral from booking's dead end; Dr. Okafor approves it (and asks to see Sam first about Sam's); Alex books the cardiologist and the referral shows the visit booked", async () => {
    const { page } = session;
    await signIn(page, demo.alex);

    // home: the approved dermatology referral waits to be booked; a tile to ask for another
    await visit(page, "/home");
    const updates = page.getByRole("region", { name: "Referral updates" });
    await updates.getByText("Your referral to Dermatology is approved: you can book the visit.").waitFor();
    await expect(page.getByRole("link", { name: /^Request a referral/ }).count()).resolves.toBe(1);
    await accessibleScreenshots(page, "home with referral updates", "referrals-home");

    // booking a cardiology consultation needs a referral: the dead end now leads to the request
    await visit(page, "/appointments/book");
    await page.getByRole("link", { name: /Cardiology consultation/ }).click();
    await page.getByRole("heading", { level: 1, name: /who and where/i }).waitFor();
    await page.getByRole("button", { name: "See free times" }).click();
    await page.getByRole("heading", { level: 1, name: /choose a time/i }).waitFor();
    const ask = page.getByRole("link", { name: "Ask for a referral to Cardiology" });
    await ask.waitFor();
    await accessibleScreenshots(page, "booking: needs a referral", "referrals-booking-dead-end");
    await ask.click();

    // the request form, the specialty already chosen
    await page.getByRole("heading", { level: 1, name: "Request a referral" }).waitFor();
    await settle(page);
    await expect(page.getByRole("button", { name: /Kind of specialist/ }).textContent()).resolves.toContain(
      "Cardiology",
    );
    await expectAccessible(page, "request a referral");
    await bothLanguages(page, "referrals-request", /^pedir una remisión$/i);

    // no reason: refused before anything is sent, and what was chosen stays
    await page.getByText("Soon: within about 2 weeks", { exact: true }).click();
    await page.getByRole("button", { name: "Send the request" }).click();
    await page.getByText("Say in a few words why you need the referral").first().waitFor();
    await expect(page.getByRole("radio", { name: "Soon: within about 2 weeks" }).isChecked()).resolves.toBe(true);
    await expectAccessible(page, "request a referral: no reason");
    await screenshots(page, "referrals-request-error");

    await page.getByLabel("Why do you need it?").fill(REASON);
    await page.getByRole("button", { name: "Send the request" }).click();
    await page.getByRole("heading", { level: 1, name: "Your referrals" }).waitFor();
    await page.getByText("Your request was sent").waitFor();
    const card = page.locator("article", { hasText: REASON });
    await expect(card.getByText("Waiting for a decision", { exact: true }).count()).resolves.toBe(1);
    await expect(card.getByText("Soon (about 2 weeks)", { exact: false }).count()).resolves.toBe(1);
    // the demo's earlier decisions are there too: a denied one with its reason
    await page.getByText(/Reason given: Your recent check-up and ECG were normal/).waitFor();
    await settle(page);
    await expectAccessible(page, "referrals: just asked");
    await bothLanguages(page, "referrals-list", /^sus remisiones$/i);

    // Dr. Okafor, Alex's primary care physician, on another device
    const doctorContext = await session.newContext();
    const doctor = await doctorContext.newPage();
    await signInTo(doctor, demo.drOkafor, "/in-basket", { mfa: true });
    const queueLink = doctor.getByRole("link", { name: /^(Referral requests|Solicitudes de remisión)$/ });
    await queueLink.waitFor();
    await accessibleScreenshots(doctor, "in basket with referrals", "referrals-in-basket");
    await queueLink.click();
    await doctor.getByRole("heading", { level: 1, name: /^(Referral requests|Solicitudes de remisión)$/ }).waitFor();
    await inLanguage(doctor, "en");
    await doctor.getByRole("heading", { level: 1, name: "Referral requests" }).waitFor();
    const row = doctor.locator("tr", { hasText: REASON });
    await row.waitFor();
    await expect(row.getByText("Alex Rivera", { exact: true }).count()).resolves.toBe(1);
    await settle(doctor);
    await expectAccessible(doctor, "referral queue");
    await bothLanguages(doctor, "referrals-queue", /^solicitudes de remisión$/i);

    // denying needs a reason the patient will see: refused without one (Sam's request), then cancelled
    const samRow = doctor.locator("tr", { hasText: "Short of breath climbing stairs" });
    {
      await samRow.getByRole("button", { name: /^Deny the Cardiology referral of / }).click();
      const deny = doctor.getByRole("dialog", { name: /^Deny the Cardiology referral of / });
      await deny.getByRole("button", { name: "Deny the referral" }).click();
      await deny.getByText("Write the reason the patient will see").first().waitFor();
      await expectAccessible(doctor, "deny dialog: no reason");
      await screenshots(doctor, "referrals-queue-deny");
      await deny.getByRole("button", { name: "Cancel" }).click();
      await expect(deny.count()).resolves.toBe(0);
    }

    // approve, keyboard first: the button, the dialog's fields, the confirm button
    const approveName = "Approve the Cardiology referral of Alex Rivera";
    await row.getByRole("button", { name: approveName }).focus();
    await doctor.keyboard.press("Enter");
    const dialog = doctor.getByRole("dialog", { name: approveName });
    await dialog.waitFor();
    await chooseOption(doctor, /Specialist or department/, "Dr. Elin Lindqvist", dialog);
    await expect(dialog.getByLabel("Number of visits").inputValue()).resolves.toBe("1");
    await expect(dialog.getByLabel("Book by").inputValue()).resolves.toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await accessibleScreenshots(doctor, "approve dialog", "referrals-queue-approve");
    await dialog.getByRole("button", { name: "Approve the referral" }).focus();
    await doctor.keyboard.press("Enter");
    await doctor.getByText("Referral approved", { exact: true }).waitFor();
    await expect(dialog.count()).resolves.toBe(0);
    await expect(doctor.locator("tr", { hasText: REASON }).count(), "the decided request left the list").resolves.toBe(
      0,
    );
    await expectAccessible(doctor, "referral queue after approving");

    // Sam's request: the doctor would like to see Sam first, and offers a follow-up visit
    const visitName = "Ask Sam Rivera for a visit before the Cardiology referral";
    await samRow.getByRole("button", { name: visitName }).click();
    const visitFirst = doctor.getByRole("dialog", { name: visitName });
    await visitFirst.waitFor();
    await chooseOption(doctor, /Visit to offer/, "Follow-up visit", visitFirst);
    await visitFirst.getByLabel("Note for the patient (optional)").fill("Let's listen to your heart first.");
    await accessibleScreenshots(doctor, "ask for a visit dialog", "referrals-queue-visit-first");
    await visitFirst.getByRole("button", { name: "Ask for a visit" }).click();
    await doctor.getByText("Visit asked for", { exact: true }).waitFor();
    await expect(visitFirst.count()).resolves.toBe(0);

    // Alex sees the decision and books the cardiologist with it
    await visit(page, "/referrals");
    const approved = page.locator("article", { hasText: REASON });
    await approved.getByText("Approved", { exact: true }).waitFor();
    await expect(approved.getByText("Dr. Elin Lindqvist").count()).resolves.toBeGreaterThan(0);
    await expect(approved.getByText("1 of 1", { exact: true }).count()).resolves.toBe(1);
    await accessibleScreenshots(page, "referrals: approved", "referrals-approved");
    await approved.getByRole("link", { name: "Book your Cardiology visit" }).click();
    await page.getByRole("heading", { level: 1, name: /choose a time/i }).waitFor();
    await expect(page.getByText("You can't book this visit online").count()).resolves.toBe(0);
    await pickFirstFreeTime(page, 6);
    await page.getByRole("heading", { level: 1, name: /check and book/i }).waitFor();
    await expectAccessible(page, "book with the referral: confirm");
    await page.getByRole("button", { name: "Book this appointment" }).click();
    await page.getByRole("heading", { level: 1, name: /you're booked/i }).waitFor();

    // the referral shows the visit booked
    await visit(page, "/referrals");
    const scheduled = page.locator("article", { hasText: REASON });
    await scheduled.getByText("Visit booked", { exact: true }).first().waitFor();
    await expect(scheduled.getByText(/with Dr\. Elin Lindqvist/).count()).resolves.toBe(1);
    await expect(scheduled.getByRole("link", { name: "Book your Cardiology visit" }).count()).resolves.toBe(0);
    await settle(page);
    await expectAccessible(page, "referrals: scheduled");
    await bothLanguages(page, "referrals-scheduled", /^sus remisiones$/i);

    // the cardiologist sees the referral sent to her, with the reason and the visit booked
    const specialistContext = await session.newContext();
    const specialist = await specialistContext.newPage();
    await signInTo(specialist, demo.drLindqvist, "/in-basket/incoming-referrals", { mfa: true });
    await specialist
      .getByRole("heading", { level: 1, name: /^(Referrals sent to you|Remisiones enviadas a usted)$/ })
      .waitFor();
    const incoming = specialist.locator("tr", { hasText: REASON });
    await incoming.waitFor();
    await expect(incoming.getByText("Alex Rivera", { exact: true }).count()).resolves.toBe(1);
    await expect(incoming.getByText(/Dr\. Elin Lindqvist/).count()).resolves.toBeGreaterThan(0);
    await accessibleScreenshots(specialist, "incoming referrals", "referrals-incoming");
  }, 300_000);
  it("Sam, as Jamie's parent, reads and asks for Jamie's referrals named for Jamie, and reads that the doctor wants to see Sam before referring", async () => {
    const { page } = session;
    await signIn(page, demo.sam);
    // Sam's account reads Spanish (an earlier journey may have left it in English)
    await inLanguage(page, "es");
    const me = (await (await page.request.get("/api/me")).json()) as {
      patients: { id: string; name: string; relationship: string }[];
    };
    const jamie = me.patients.find((p) => p.name.startsWith("Jamie"));
    expect(jamie, "Sam acts for Jamie").toBeDefined();
    await visit(page, `/referrals?patient=${jamie?.id}`);
    // Sam reads Spanish (the account's language)
    await page.getByRole("heading", { level: 1, name: `Remisiones de ${jamie?.name}` }).waitFor();
    await settle(page);
    await expectAccessible(page, "referrals (caregiver)");
    await page.getByRole("link", { name: "Pedir una remisión" }).first().click();
    await page.getByRole("heading", { level: 1, name: `Pedir una remisión para ${jamie?.name}` }).waitFor();
    await page.getByText(`qué le pasa a ${jamie?.name}`, { exact: false }).first().waitFor();
    await accessibleScreenshots(page, "request a referral (caregiver)", "referrals-request-caregiver");

    // Sam's own cardiology request: the doctor asked to see Sam first, with a visit to book
    const self = me.patients.find((p) => p.relationship === "self");
    await visit(page, `/referrals?patient=${self?.id}`);
    await page.getByRole("heading", { level: 1, name: "Sus remisiones" }).waitFor();
    const card = page.locator("article", { hasText: "Short of breath climbing stairs" });
    await card.getByText("Primero, una consulta", { exact: true }).waitFor();
    await expect(
      card.getByText("Nota del equipo de atención: Let's listen to your heart first.").count(),
    ).resolves.toBe(1);
    await expect(card.getByRole("link", { name: /^Pedir una cita: / }).count()).resolves.toBe(1);
    await accessibleScreenshots(page, "referrals: a visit first", "referrals-visit-first");
  });

  it("Dr. Okafor creates a referral for Sam on Sam's behalf from the referral queue, approved at once; Sam's chart lists it", async () => {
    const { page } = session;
    await signIn(page, demo.drOkafor, { mfa: true });
    await inLanguage(page, "en");
    await visit(page, "/in-basket/referrals");
    await page.getByRole("heading", { level: 1, name: "Referral requests" }).waitFor();
    await page.getByRole("link", { name: "Create a referral" }).click();
    await page.getByRole("heading", { level: 1, name: "Create a referral for a patient" }).waitFor();
    await settle(page);
    await expectAccessible(page, "staff referral: find the patient");
    await page.getByRole("searchbox", { name: /^Find the patient/ }).fill("Sam Rivera");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await page.getByRole("link", { name: /^Create a referral for Sam(uel)? Rivera$/ }).click();
    await page.getByRole("heading", { level: 1, name: "Create a referral for Sam Rivera" }).waitFor();
    await settle(page);
    await expectAccessible(page, "staff referral form");

    // nothing chosen: each missing answer named beside its field, nothing sent
    await page.getByRole("button", { name: "Create the referral" }).click();
    await page.getByText("Choose the kind of specialist").first().waitFor();
    await expectAccessible(page, "staff referral: missing answers");
    await chooseOption(page, /Kind of specialist/, "Dermatology");
    await page.getByRole("textbox", { name: /^Why is the referral needed/ }).fill("Spreading rash on both forearms");
    await page.getByText("Approve it now", { exact: true }).click();
    await page.getByRole("group", { name: "The approval" }).waitFor();
    await expect(page.getByLabel("Number of visits").inputValue()).resolves.toBe("1");
    await settle(page);
    await expectAccessible(page, "staff referral: approving at once");
    await bothLanguages(page, "referrals-staff-create", /^crear una remisión para sam rivera$/i);
    const sent = page.waitForRequest((r) => r.method() === "POST" && r.url().endsWith("/referrals/staff"));
    await page.getByRole("button", { name: "Create and approve the referral" }).click();
    expect((await sent).postDataJSON()).toMatchObject({
      specialty: "dermatology",
      approve: { visits: 1 },
    });
    const done = page.getByRole("status").filter({ hasText: "Referral created" });
    await done.waitFor();
    await expect(done.textContent()).resolves.toMatch(/Dermatology referral for Sam Rivera is approved/);
    await accessibleScreenshots(page, "staff referral: created", "referrals-staff-created");

    // Sam's chart: the Referrals card lists it and offers another
    const found = await (await page.request.get("/api/patients?q=Sam%20Rivera")).json();
    const sam = (found.results as { id: string; name: string }[]).find((r) => /^Sam/.test(r.name));
    await visit(page, `/patients/${sam?.id}`);
    const card = page.getByRole("region", { name: "Referrals" });
    await card.getByText("Dermatology: Approved").first().waitFor();
    await expect(card.getByRole("link", { name: /^Create a referral for Sam(uel)? Rivera$/ }).count()).resolves.toBe(1);
    await accessibleScreenshots(page, "chart with referrals", "referrals-chart-card");
  }, 300_000);
});
