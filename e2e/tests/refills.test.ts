import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { signIn, signInTo } from "../harness/auth.ts";
import { expectAccessible, settle, visit } from "../harness/axe.ts";
import { useBrowser } from "../harness/browser.ts";
import { demo } from "../harness/demo.ts";
import { bothLanguages } from "../harness/language.ts";
import { readMailbox, waitForEmail } from "../harness/mailbox.ts";
import { accessibleScreenshots, screenshots } from "../harness/screenshots.ts";

const ATORVASTATIN = "Atorvastatin 20 mg tablet";
const SERTRALINE = "Sertraline 50 mg tablet";
const METFORMIN = "Metformin 500 mg tablet";
const LEVOTHYROXINE = "Levothyroxine 50 mcg tablet";

/** The section links keep one row at 1280 px. */
async function expectMenuOneRow(page: Page, label: string): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 800 });
  const rows = await page.evaluate(
    () =>
      new Set(
        [...document.querySelectorAll<HTMLElement>(".site-nav__list > li")]
          .filter((el) => el.getClientRects().length > 0)
          .map((el) => Math.round(el.getBoundingClientRect().top)),
      ).size,
  );
  expect(rows, `${label}: menu rows at 1280 px`).toBe(1);
}

/** Ticks a medicine on the medications page (React Aria checkboxes: a person clicks the label). */
async function tick(page: Page, medication: string): Promise<void> {
  const label = `Refill ${medication}`;
  await page.getByText(label, { exact: true }).click();
  await expect(page.getByRole("checkbox", { name: label }).isChecked()).resolves.toBe(true);
}

describe("prescription refills", () => {
  const session = useBrowser();

  it("Alex asks for a renewal the clinic's protocol covers and sees it approved at once", async () => {
    const { page } = session;
    await signInTo(page, demo.alex, "/home");
    await screenshots(page, "refills-home");
    await page.getByRole("link", { name: /request a refill/i }).click();
    await page.getByRole("heading", { level: 1, name: "Your medications" }).waitFor();
    await settle(page);
    await expectAccessible(page, "medications");
    // plain words for each medicine: what it is for, how to take it, refills left, prescriber
    const card = page.locator("article", { has: page.getByRole("heading", { name: ATORVASTATIN }) });
    await expect(card.getByText("What it is for").count()).resolves.toBe(1);
    await expect(card.getByText("How to take it").count()).resolves.toBe(1);
    await expect(card.getByText("None left (needs a renewal)").count()).resolves.toBe(1);
    // the usual pharmacy is already chosen
    await expect(page.getByRole("button", { name: /usual pharmacy/i }).count()).resolves.toBeGreaterThan(0);
    await bothLanguages(page, "refills-medications", /sus medicamentos/i);

    // nothing ticked: the form says what to do and sends nothing
    await page.getByRole("button", { name: "Request refill" }).click();
    await page.getByText("Choose at least one medicine to refill").first().waitFor();
    await expectAccessible(page, "medications: nothing chosen");

    // two at once: one the protocol renews, one asked for too early
    await tick(page, ATORVASTATIN);
    await tick(page, METFORMIN);
    await page.getByRole("button", { name: "Request 2 refills" }).click();
    await page.getByRole("heading", { level: 1, name: "Your refill requests" }).waitFor();
    await page.getByText("Your request was sent").waitFor();
    const sent = page.locator(".just-sent");
    await expect(sent.getByText(ATORVASTATIN).count()).resolves.toBe(1);
    await expect(sent.getByText(/Renewal approved under the clinic's rules/).count()).resolves.toBe(1);
    await expect(
      sent.getByText(/It is too early for this refill: you can ask from \d+ \w+ \d{4}/).count(),
    ).resolves.toBe(1);
    await settle(page);
    await expectAccessible(page, "refill requests: approved under protocol");
    // the steps: asked for → approved automatically (→ sent to the pharmacy, when the outbox has sent it)
    const steps = page.getByRole("list", { name: `Steps for ${ATORVASTATIN}` }).first();
    await expect(steps.getByText("Asked for").count()).resolves.toBe(1);
    await expect(steps.getByText("Approved automatically").count()).resolves.toBe(1);
    await bothLanguages(page, "refills-requests", /sus solicitudes de resurtido/i);

    // the medicine waiting for the doctor is not offered again while its request is open
    await visit(page, "/medications");
    await expect(page.getByRole("checkbox", { name: `Refill ${METFORMIN}` }).count()).resolves.toBe(0);
    const metformin = page.locator("article", { has: page.getByRole("heading", { name: METFORMIN }) });
    await expect(metformin.getByText("Refill requested", { exact: true }).count()).resolves.toBe(1);

    // and the home page says a request is in progress, with the way to it
    await visit(page, "/home");
    await page.getByRole("heading", { name: "1 refill request in progress" }).waitFor();
    await page.getByRole("link", { name: "See where they are" }).click();
    await page.getByRole("heading", { level: 1, name: "Your refill requests" }).waitFor();
    await expectAccessible(page, "refill requests from home");
  });

  it("Alex asks for a medicine the protocol sends to the doctor; the nurse approves it; Alex sees it and gets an email", async () => {
    const { page } = session;
    await signInTo(page, demo.alex, "/medications");
    // Sertraline's class is not covered; Levothyroxine's thyroid test is too old: both go to the doctor
    await tick(page, SERTRALINE);
    await tick(page, LEVOTHYROXINE);
    await page.getByRole("button", { name: "Request 2 refills" }).click();
    await page.getByText("Your request was sent").waitFor();
    await expect(
      page
        .locator(".just-sent")
        .getByText(/Sent to your doctor to decide/)
        .count(),
    ).resolves.toBe(2);
    await accessibleScreenshots(page, "refill requests: sent to the doctor", "refills-requests-queued");
    const mailBefore = await readMailbox(demo.alex);

    // the nurse, on another device
    const nurseContext = await session.newContext();
    const nurse = await nurseContext.newPage();
    await signInTo(nurse, demo.nurse, "/home", { mfa: true });
    // the demo's nurse reads Spanish (her account's language): her home leads to the In Basket
    // and says how much is waiting
    const tile = nurse.getByRole("main").getByRole("link", { name: /^Bandeja de trabajo/ });
    await expect(tile.textContent()).resolves.toMatch(/\d+ tareas? pendientes?/);
    await screenshots(nurse, "in-basket-home-tile");
    await tile.click();
    await nurse.getByRole("heading", { level: 1, name: "Bandeja de trabajo" }).waitFor();
    const refillsQueue = nurse.locator(".queue-card", {
      has: nurse.getByRole("link", { name: "Solicitudes de resurtido" }),
    });
    const waiting = Number(await refillsQueue.locator("dd").first().textContent());
    expect(waiting, "refill requests waiting").toBeGreaterThanOrEqual(1);
    await bothLanguages(nurse, "in-basket", /^in basket$/i);

    await nurse.getByRole("link", { name: "Solicitudes de resurtido" }).click();
    await nurse.getByRole("heading", { level: 1, name: "Cola de resurtidos" }).waitFor();
    await settle(nurse);
    await expectAccessible(nurse, "refill queue");
    const row = nurse.locator("tr", { hasText: SERTRALINE }).filter({ hasText: "Alex Rivera" });
    await row.waitFor();
    // the protocol's reasons beside the request
    await expect(row.getByText(/clase/i).count()).resolves.toBeGreaterThan(0);
    await bothLanguages(nurse, "refill-queue", /^refill queue$/i);

    // the protocol's lab rule beside Levothyroxine: the TSH with its date, recent enough or not
    const levoRow = nurse.locator("tr", { hasText: LEVOTHYROXINE }).filter({ hasText: "Alex Rivera" });
    await levoRow
      .getByText(/^TSH \(thyroid test\): .*365/)
      .first()
      .waitFor();

    // give Sertraline to a colleague: only those the server lists, a choice required, confirmed in words
    const assignName = `Asignar ${SERTRALINE} de Alex Rivera a un colega`;
    await row.getByRole("button", { name: assignName }).click();
    const assign = nurse.getByRole("dialog", { name: assignName });
    await assign.waitFor();
    await assign.getByRole("button", { name: "Asignar", exact: true }).click();
    await assign.getByText("Elija el colega a quien se lo da.").first().waitFor();
    await expectAccessible(nurse, "assign dialog: nobody chosen");
    await assign
      .getByRole("button", { name: /Colega/ })
      .first()
      .click();
    const colleague = nurse.getByRole("option").first();
    const colleagueName = ((await colleague.textContent()) ?? "").split(" (")[0]?.trim() ?? "";
    expect(colleagueName.length).toBeGreaterThan(2);
    await colleague.click();
    await accessibleScreenshots(nurse, "assign dialog", "refill-queue-assign");
    await assign.getByRole("button", { name: "Asignar", exact: true }).click();
    await nurse
      .getByRole("status")
      .filter({ hasText: `a ${colleagueName}.` })
      .waitFor();
    await expect(assign.count()).resolves.toBe(0);
    await row.getByText(`Tomada por ${colleagueName}`).waitFor();
    await expectAccessible(nurse, "refill queue after assigning");

    // keyboard only: the approve button, the dialog's fields, the confirm button
    const approve = row.getByRole("button", { name: `Aprobar ${SERTRALINE} de Alex Rivera` });
    await approve.focus();
    await nurse.keyboard.press("Enter");
    const dialog = nurse.getByRole("dialog", { name: `Aprobar ${SERTRALINE} de Alex Rivera` });
    await dialog.waitFor();
    await expectAccessible(nurse, "approve dialog");
    await expect(dialog.getByLabel("Cantidad").inputValue()).resolves.toMatch(/^\d+$/);
    await dialog.getByLabel("Resurtidos", { exact: true }).fill("2");
    await screenshots(nurse, "refill-queue-approve");
    await dialog.getByRole("button", { name: "Aprobar y enviar" }).focus();
    await nurse.keyboard.press("Enter");
    await nurse.getByText("Resurtido aprobado", { exact: true }).waitFor();
    await expect(dialog.count()).resolves.toBe(0);
    await expectAccessible(nurse, "refill queue after approving");
    await expect(
      nurse.locator("tr", { hasText: SERTRALINE }).filter({ hasText: "Alex Rivera" }).count(),
      "the approved request has left the waiting list",
    ).resolves.toBe(0);

    // Levothyroxine may be approved in bulk (not controlled, class covered, not early); Sam's
    // diuretic (class not covered) may not, so it has no box
    const levo = nurse.locator("tr", { hasText: LEVOTHYROXINE }).filter({ hasText: "Alex Rivera" });
    await levo.locator(".checkbox").click();
    await expect(levo.getByRole("checkbox").isChecked()).resolves.toBe(true);
    await expect(nurse.locator("tr", { hasText: "Hydrochlorothiazide" }).getByRole("checkbox").count()).resolves.toBe(
      0,
    );
    await nurse.getByRole("button", { name: "Aprobar 1 seleccionada" }).click();
    const bulk = nurse.getByRole("dialog", { name: "¿Aprobar 1 resurtido?" });
    await bulk.waitFor();
    await expect(bulk.getByText(`Alex Rivera: ${LEVOTHYROXINE}`, { exact: false }).count()).resolves.toBe(1);
    await expectAccessible(nurse, "bulk approve dialog");
    await screenshots(nurse, "refill-queue-bulk");
    await bulk.getByRole("button", { name: "Aprobar 1 resurtido" }).click();
    await nurse.getByText("1 resurtido aprobado", { exact: true }).waitFor();
    await expect(levo.count()).resolves.toBe(0);

    // Alex sees the decision and its steps, and the email arrives (no medicine named in it)
    await visit(page, "/refills");
    const item = page.locator(".request-item", { hasText: SERTRALINE }).first();
    await item.getByText(/^Approved by Rosa/).waitFor();
    await expect(item.getByText("Approved", { exact: true }).count()).resolves.toBe(1);
    await expect(item.getByText(/Approved by your care team/).count()).resolves.toBe(1);
    await expectAccessible(page, "refill requests: approved by the nurse");
    await screenshots(page, "refills-requests-approved");
    const mail = await waitForEmail(demo.alex, /refill request has an answer/i, { ignore: mailBefore });
    expect(mail.text).not.toContain("Sertraline");
    expect(mail.text).toMatch(/approved/i);
  }, 300_000);

  it("Sam, as Taylor's parent, sees Taylor's medicines named for Taylor without the confidential one; the nurse denies Sam's own request and Sam reads why", async () => {
    const { page } = session;
    await signIn(page, demo.sam);
    const me = (await (await page.request.get("/api/me")).json()) as {
      patients: { id: string; name: string; relationship: string }[];
    };
    const taylor = me.patients.find((p) => p.name.startsWith("Taylor"));
    expect(taylor, "Sam acts for Taylor").toBeDefined();
    // the link a decision email carries names the patient; the page then works for Taylor
    await visit(page, `/medications?patient=${taylor?.id}`);
    // Sam reads Spanish (the account's language)
    await page.getByRole("heading", { level: 1, name: "Medicamentos de Taylor Rivera" }).waitFor();
    await page.getByRole("heading", { name: "Albuterol 90 mcg inhaler" }).waitFor();
    await expect(page.getByText(/Norethindrone/).count(), "a confidential medicine stays hidden").resolves.toBe(0);
    await expectAccessible(page, "medications (caregiver)");
    await bothLanguages(page, "refills-medications-caregiver", /^Taylor Rivera's medications$/);

    const nurseContext = await session.newContext();
    const nurse = await nurseContext.newPage();
    await signInTo(nurse, demo.nurse, "/in-basket/refills", { mfa: true });
    const row = nurse.locator("tr", { hasText: "Hydrochlorothiazide 25 mg tablet" }).filter({ hasText: "Sam Rivera" });
    await row.getByRole("button", { name: "Rechazar Hydrochlorothiazide 25 mg tablet de Sam Rivera" }).click();
    const dialog = nurse.getByRole("dialog", { name: "Rechazar Hydrochlorothiazide 25 mg tablet de Sam Rivera" });
    await dialog.waitFor();
    // no reason: refused before anything is sent
    await dialog.getByRole("button", { name: "Rechazar el resurtido" }).click();
    await dialog.getByText("Escriba el motivo que verá el paciente").first().waitFor();
    await expectAccessible(nurse, "deny dialog: no reason");
    await screenshots(nurse, "refill-queue-deny");
    await dialog.getByLabel("Motivo").fill("Primero pida una cita para tomarle la presión.");
    await dialog.getByRole("button", { name: "Rechazar el resurtido" }).click();
    await nurse.getByText("Resurtido rechazado", { exact: true }).waitFor();
    await expectAccessible(nurse, "refill queue after denying");

    // Sam's own requests (Sam is Sam's own patient first)
    const self = me.patients.find((p) => p.relationship === "self");
    await visit(page, `/refills?patient=${self?.id}`);
    await page.getByRole("heading", { level: 1, name: "Sus solicitudes de resurtido" }).waitFor();
    const item = page.locator(".request-item", { hasText: "Hydrochlorothiazide 25 mg tablet" }).first();
    await item.getByText("Motivo: Primero pida una cita para tomarle la presión.").waitFor();
    await expect(item.getByText("No aprobado", { exact: true }).count()).resolves.toBeGreaterThan(0);
    await expectAccessible(page, "refill requests: denied with a reason");
    await screenshots(page, "refills-requests-denied");
  });

  it("an admin reads the refill protocol and saves it as a new version", async () => {
    const { page } = session;
    await signInTo(page, demo.admin, "/admin/clinic", { mfa: true });
    // the protocol lives in Clinic set-up (one more admin menu entry would not fit one row in Spanish)
    await page.getByRole("link", { name: /^Refill protocol/ }).click();
    await page.getByRole("heading", { level: 1, name: "Refill protocol" }).waitFor();
    await settle(page);
    await expectAccessible(page, "refill protocol");
    const versionHeading = page.getByRole("heading", { name: /^Version \d+ \(in use\)$/ });
    const version = Number((await versionHeading.textContent())?.match(/\d+/)?.[0]);
    expect(version).toBeGreaterThanOrEqual(1);
    await expectMenuOneRow(page, "admin, English");
    await page.getByRole("button", { name: /español/i }).click();
    await page.getByRole("heading", { level: 1, name: /protocolo de resurtidos/i }).waitFor();
    await expectMenuOneRow(page, "admin, Spanish");
    await page.getByRole("button", { name: /english/i }).click();
    await page.getByRole("heading", { level: 1, name: "Refill protocol" }).waitFor();
    await bothLanguages(page, "refill-protocol", /protocolo de resurtidos/i);

    // a bad value is refused before anything is sent, and the input is kept
    const visitWindow = page.getByLabel("Visit window (days)");
    await visitWindow.fill("0");
    await page.getByRole("button", { name: "Save the protocol" }).click();
    await page.getByText("Enter a visit window from 1 to 1095 days").first().waitFor();
    await expect(visitWindow.inputValue()).resolves.toBe("0");
    await expectAccessible(page, "refill protocol: a bad value");

    await visitWindow.fill("400");
    await page.getByRole("button", { name: "Save the protocol" }).click();
    const confirm = page.getByRole("dialog", { name: `Save as version ${version + 1}?` });
    await confirm.waitFor();
    await expectAccessible(page, "refill protocol: confirm");
    await confirm.getByRole("button", { name: "Save as the new version" }).click();
    await page.getByText(`Saved as version ${version + 1}`).waitFor();
    await page.getByRole("heading", { name: `Version ${version + 1} (in use)` }).waitFor();
    await expect(page.getByLabel("Visit window (days)").inputValue()).resolves.toBe("400");
    // two thirds stays exactly two thirds through a save (never 66.67 %)
    await expect(page.getByLabel("Share of supply used before a refill").inputValue()).resolves.toBe("2/3");
    await expectAccessible(page, "refill protocol: saved");
    await screenshots(page, "refill-protocol-saved");
  });
});
