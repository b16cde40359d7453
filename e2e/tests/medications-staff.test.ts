import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { signIn } from "../harness/auth.ts";
import { expectAccessible, visit } from "../harness/axe.ts";
import { useBrowser } from "../harness/browser.ts";
import { demo } from "../harness/demo.ts";
import { dismissLanguageNotice } from "../harness/language.ts";
import { look, screenshotsNoScroll } from "../harness/screenshots.ts";

const MED = "Amlodipine 5 mg tableta";
const FIRST_DIRECTIONS = "Tome 1 tableta por la boca una vez al día";
const NEW_DIRECTIONS = "Tome 1 tableta por la boca cada noche";
const REASON = "Tobillos hinchados; se cambia por otro medicamento";

/** Picks the first option of a React Aria Select found by its label, inside the dialog. */
async function chooseFirst(scope: ReturnType<Page["getByRole"]>, page: Page, label: RegExp): Promise<void> {
  await scope.getByRole("button", { name: label }).first().click();
  await page.getByRole("option").first().click();
}

describe("clinicians keep a patient's medication list", () => {
  const session = useBrowser();

  it("the nurse adds a medication to Alex's chart, changes its directions, stops it with a reason and sees the history", async () => {
    const { page } = session;
    await signIn(page, demo.nurse, { mfa: true });
    // the demo's nurse reads Spanish (her account's language)
    const search = await (await page.request.get("/api/patients?q=Alex%20Rivera")).json();
    const alex = (search.results as { id: string; name: string }[]).find((r) => /Alex/.test(r.name));
    expect(alex, "Alex Rivera found").toBeTruthy();

    await visit(page, `/patients/${alex?.id}`);
    await page.getByRole("heading", { level: 1, name: /^Alexandra Rivera$/ }).waitFor();
    await expectAccessible(page, "chart");
    await page.getByRole("link", { name: /^Abrir los medicamentos de Alex(andra)? Rivera$/ }).click();
    await page.getByRole("heading", { level: 1, name: "Medicamentos de Alex Rivera" }).waitFor();
    await look(page, "chart medications", "chart-medications-es");

    // add: an empty form names what is missing beside each field
    await page.getByRole("button", { name: "Agregar un medicamento para Alex Rivera" }).click();
    const add = page.getByRole("dialog", { name: "Agregar un medicamento para Alex Rivera" });
    await add.waitFor();
    await add.getByRole("button", { name: "Agregar medicamento", exact: true }).click();
    await add.getByText("Escriba el nombre y la concentración del medicamento").first().waitFor();
    await add.getByText("Elija quién lo receta").first().waitFor();
    await expectAccessible(page, "add medication: missing fields");
    await add.getByRole("textbox", { name: /^Nombre y concentración/ }).fill(MED);
    await add.getByRole("textbox", { name: /^Dosis/ }).fill("5 mg");
    await add.getByRole("textbox", { name: /^Para qué es/ }).fill("Presión arterial");
    await add.getByRole("textbox", { name: /^Indicaciones/ }).fill(FIRST_DIRECTIONS);
    await add.getByRole("textbox", { name: /^Cantidad/ }).fill("30");
    await add.getByRole("textbox", { name: /^Días de suministro/ }).fill("30");
    await add.getByRole("textbox", { name: /^Resurtidos/ }).fill("2");
    await chooseFirst(add, page, /Quien lo receta/);
    await look(page, "add medication dialog", "chart-medications-add-es");
    await add.getByRole("button", { name: "Agregar medicamento", exact: true }).click();
    await page.getByRole("status").filter({ hasText: "Medicamento agregado" }).waitFor();
    const card = page.getByRole("article", { name: MED });
    await card.waitFor();
    await expect(card.textContent()).resolves.toContain(FIRST_DIRECTIONS);
    await expectAccessible(page, "medication added");

    // change: only the directions go to the server
    await page.getByRole("button", { name: `Cambiar ${MED} de Alex Rivera` }).click();
    const change = page.getByRole("dialog", { name: `Cambiar ${MED} de Alex Rivera` });
    await change.waitFor();
    await change.getByRole("textbox", { name: /^Indicaciones/ }).fill(NEW_DIRECTIONS);
    await expectAccessible(page, "change medication dialog");
    const patch = page.waitForRequest((r) => r.method() === "PATCH" && r.url().includes("/medications/"));
    await change.getByRole("button", { name: "Guardar cambios" }).click();
    expect((await patch).postDataJSON()).toEqual({ directions: NEW_DIRECTIONS });
    await page.getByRole("status").filter({ hasText: "Medicamento cambiado" }).waitFor();
    const history = page.getByRole("region", { name: `Historial de ${MED}` });
    await history.getByText(`Indicaciones de «${FIRST_DIRECTIONS}» a «${NEW_DIRECTIONS}»`).waitFor();
    await expectAccessible(page, "medication changed");

    // stop: a reason is required, and the patient sees it
    await page.getByRole("button", { name: `Suspender ${MED} de Alex Rivera` }).click();
    const stop = page.getByRole("dialog", { name: `Suspender ${MED} de Alex Rivera` });
    await stop.waitFor();
    await stop.getByRole("button", { name: "Suspender medicamento" }).click();
    await stop.getByText("Diga por qué se suspende (al menos 3 caracteres)").first().waitFor();
    await expectAccessible(page, "stop medication: no reason");
    await screenshotsNoScroll(page, "chart-medications-stop-es");
    await stop.getByRole("textbox", { name: /^Motivo de la suspensión/ }).fill(REASON);
    await stop.getByRole("button", { name: "Suspender medicamento" }).click();
    await page.getByRole("status").filter({ hasText: "Medicamento suspendido" }).waitFor();
    const stopped = page.getByRole("region", { name: "Medicamentos suspendidos" });
    await stopped.getByRole("article", { name: MED }).waitFor();
    // a stopped medication offers no change or stop
    await expect(page.getByRole("button", { name: `Cambiar ${MED} de Alex Rivera` }).count()).resolves.toBe(0);
    const entries = await history.getByRole("listitem").allTextContents();
    expect(entries).toHaveLength(3);
    expect(entries[0]).toContain("Suspendido");
    expect(entries[0]).toContain(REASON);
    expect(entries[1]).toContain("Cambiado");
    expect(entries[2]).toContain("Recetado");
    await look(page, "medication stopped", "chart-medications-done-es");

    // a lab result the refill protocol reads: nothing typed is refused beside each field, then saved
    const labs = page.getByRole("region", { name: "Resultados de laboratorio" });
    await labs.waitFor();
    await labs.getByRole("button", { name: "Registrar un resultado de laboratorio de Alex Rivera" }).click();
    const lab = page.getByRole("dialog", { name: "Registrar un resultado de laboratorio de Alex Rivera" });
    await lab.waitFor();
    await lab.getByRole("button", { name: "Guardar resultado" }).click();
    await lab.getByText("Escriba la fecha como AAAA-MM-DD").first().waitFor();
    await expectAccessible(page, "lab result: missing date");
    await lab
      .getByRole("button", { name: /Prueba/ })
      .first()
      .click();
    await page.getByRole("option", { name: /^TSH/ }).click();
    const resultedOn = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
    await lab.getByRole("textbox", { name: /^Fecha del resultado/ }).fill(resultedOn);
    await lab.getByRole("textbox", { name: /^Valor/ }).fill("2.1 mIU/L");
    await look(page, "lab result dialog", "chart-lab-result-es");
    const posted = page.waitForRequest((r) => r.method() === "POST" && r.url().endsWith("/lab-results"));
    await lab.getByRole("button", { name: "Guardar resultado" }).click();
    expect((await posted).postDataJSON()).toMatchObject({ resultedOn, value: "2.1 mIU/L" });
    await page.getByRole("status").filter({ hasText: "Resultado registrado" }).waitFor();
    await labs.getByRole("listitem").filter({ hasText: "2.1 mIU/L" }).waitFor();
    await expect(lab.count()).resolves.toBe(0);
    await look(page, "lab result recorded", "chart-lab-result-done-es");

    // the same page in English (the switch is saved on her account: switch back at the end)
    await page.getByRole("button", { name: /english/i }).click();
    await page.getByRole("heading", { level: 1, name: "Medications for Alex Rivera" }).waitFor();
    await dismissLanguageNotice(page, "en");
    await look(page, "chart medications (en)", "chart-medications-done-en");
    await page.getByRole("region", { name: "Lab results" }).getByText("2.1 mIU/L").first().waitFor();
    await page.getByRole("button", { name: "Record a lab result for Alex Rivera" }).click();
    await page.getByRole("dialog", { name: "Record a lab result for Alex Rivera" }).waitFor();
    await expectAccessible(page, "lab result dialog (en)");
    await screenshotsNoScroll(page, "chart-lab-result-en");
    await page.getByRole("button", { name: "Cancel" }).click();
    await page.getByRole("button", { name: "Add a medication for Alex Rivera" }).click();
    await page.getByRole("dialog", { name: "Add a medication for Alex Rivera" }).waitFor();
    await expectAccessible(page, "add medication dialog (en)");
    await screenshotsNoScroll(page, "chart-medications-add-en");
    await page.getByRole("button", { name: "Cancel" }).click();
    await page.getByRole("button", { name: /español/i }).click();
    await page.waitForFunction(() => document.documentElement.lang === "es");
    await dismissLanguageNotice(page, "es");
  }, 300_000);
});
