import type { Dialog, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { signIn } from "../harness/auth.ts";
import { expectAccessible, settle, visit } from "../harness/axe.ts";
import { baseUrl, useBrowser } from "../harness/browser.ts";
import { demo } from "../harness/demo.ts";
import { readMailbox, waitForEmail } from "../harness/mailbox.ts";
import { accessibleScreenshots, hasHorizontalScroll, screenshots } from "../harness/screenshots.ts";
import { chooseOption } from "../harness/select.ts";

interface Profile {
  id: string;
  phone: string | null;
  preferredPharmacy: { id: string; name: string } | null;
  emergencyContact: { name: string; relationship: string; phone: string } | null;
}

async function session(page: Page) {
  const me = (await (await page.request.get(`${baseUrl()}/api/me`)).json()) as {
    csrfToken: string;
    patients: { id: string; relationship: string }[];
  };
  return { csrf: me.csrfToken, patientId: me.patients.find((p) => p.relationship === "self")?.id as string };
}

describe("My details: each section keeps its own edits, confirms its save, and asks before edits are left behind", () => {
  const browser = useBrowser();

  it("Alex changes the phone, saves the pharmacy: the phone is kept; each save is confirmed; leaving with unsaved edits asks", async () => {
    const { page } = browser;
    await signIn(page, demo.alex);
    const { csrf, patientId } = await session(page);
    const original = (await (await page.request.get(`${baseUrl()}/api/patients/${patientId}`)).json()) as Profile;
    const { pharmacies } = (await (await page.request.get(`${baseUrl()}/api/pharmacies`)).json()) as {
      pharmacies: { id: string; name: string }[];
    };
    const other = pharmacies.find((p) => p.id !== original.preferredPharmacy?.id);
    expect(other, "a second pharmacy to choose").toBeDefined();
    const pharmacy = other as { id: string; name: string };
    const phone = original.phone === "(555) 201-0199" ? "(555) 201-0188" : "(555) 201-0199";

    try {
      await visit(page, "/profile/details");
      await page.getByRole("heading", { level: 1, name: /contact details and insurance/i }).waitFor();
      const phoneField = page.getByRole("textbox", { name: /^phone number/i });
      await phoneField.fill(phone);

      // the pharmacy is saved; the phone typed in another section stays as typed
      await page
        .locator("#pharmacy")
        .getByRole("button", { name: /preferred pharmacy/i })
        .click();
      await page.getByRole("option", { name: pharmacy.name, exact: true }).click();
      await page.getByRole("button", { name: "Save pharmacy" }).click();
      const pharmacyCard = page.locator("#pharmacy");
      await pharmacyCard.getByRole("status").getByText("Pharmacy saved").waitFor();
      await expect(phoneField.inputValue()).resolves.toBe(phone);
      // nothing claims the contact details were saved
      await expect(page.getByText("Contact details saved").count()).resolves.toBe(0);
      const afterPharmacy = (await (
        await page.request.get(`${baseUrl()}/api/patients/${patientId}`)
      ).json()) as Profile;
      expect(afterPharmacy.preferredPharmacy?.id).toBe(pharmacy.id);
      expect(afterPharmacy.phone).toBe(original.phone);
      await expectAccessible(page, "details after saving the pharmacy, phone unsaved");

      // an in-app link away with the phone still unsaved: asked first; staying keeps it
      await page.locator("a.back-link").click();
      const dialog = page.getByRole("alertdialog", { name: "Leave without saving?" });
      await dialog.waitFor();
      await expectAccessible(page, "leave without saving? dialog");
      await screenshots(page, "my-details-leave-dialog-en");
      await dialog.getByRole("button", { name: "Stay and save" }).click();
      await dialog.waitFor({ state: "hidden" });
      expect(new URL(page.url()).pathname).toBe("/profile/details");
      await expect(phoneField.inputValue()).resolves.toBe(phone);

      // the contact section saves the phone and says so
      await page.getByRole("button", { name: "Save contact details" }).click();
      await page.locator("#contact").getByRole("status").getByText("Contact details saved").waitFor();
      const afterContact = (await (await page.request.get(`${baseUrl()}/api/patients/${patientId}`)).json()) as Profile;
      expect(afterContact.phone).toBe(phone);
      expect(afterContact.preferredPharmacy?.id).toBe(pharmacy.id);
      await expectAccessible(page, "details after saving both sections");
      await screenshots(page, "my-details-saved-en");
      for (const width of [320, 1280]) {
        await page.setViewportSize({ width, height: 800 });
        expect(await hasHorizontalScroll(page), `details scroll sideways at ${width} px`).toBe(false);
      }
      await page.setViewportSize({ width: 1280, height: 800 });

      // a field the server refuses is shown beside that field, in its own section, and nothing is saved
      const relationship = page.getByRole("textbox", { name: /^how they are related/i });
      const before = await relationship.inputValue();
      await relationship.fill("a".repeat(70));
      await page.getByRole("button", { name: "Save emergency contact" }).click();
      const emergency = page.locator("#emergency");
      await emergency
        .getByRole("alert")
        .getByText("Check “How they are related”: it was not accepted as it is.")
        .waitFor();
      await expect(relationship.getAttribute("aria-invalid")).resolves.toBe("true");
      await expect(emergency.getByText("Emergency contact saved").count()).resolves.toBe(0);
      await expectAccessible(page, "details with a field the server refused");
      await relationship.fill(before);

      // everything saved: leaving does not ask
      await page.locator("a.back-link").click();
      await page.waitForURL((url) => url.pathname === "/profile");
      await settle(page);

      // Spanish: the same confirmation and question, and the emergency contact asks for that person's name
      await visit(page, "/profile/details");
      await page.getByRole("button", { name: /español/i }).click();
      await page.waitForFunction(() => document.documentElement.lang === "es");
      await page.getByRole("textbox", { name: "Nombre completo del contacto de emergencia" }).waitFor();
      await expect(page.getByText("Su nombre completo").count()).resolves.toBe(0);
      await page.getByRole("button", { name: "Guardar farmacia" }).click();
      await page.locator("#pharmacy").getByRole("status").getByText("Farmacia guardada").waitFor();
      await page.getByRole("textbox", { name: "Nombre completo del contacto de emergencia" }).fill("Ana Pérez");
      await page.locator("a.back-link").click();
      const dialogEs = page.getByRole("alertdialog", { name: "¿Salir sin guardar?" });
      await dialogEs.waitFor();
      await expectAccessible(page, "leave without saving? dialog (Spanish)");
      await screenshots(page, "my-details-leave-dialog-es");
      await dialogEs.getByRole("button", { name: "Quedarme y guardar" }).click();
      await dialogEs.waitFor({ state: "hidden" });
      await expectAccessible(page, "details (Spanish)");
      await screenshots(page, "my-details-saved-es");
      await page.getByRole("button", { name: /english/i }).click();
      await page.waitForFunction(() => document.documentElement.lang === "en");

      // closing or reloading the tab with the unsaved name: the browser asks first (beforeunload)
      const asked = new Promise<Dialog>((resolve) => page.once("dialog", resolve));
      await page.close({ runBeforeUnload: true });
      const question = await asked;
      expect(question.type()).toBe("beforeunload");
      await question.dismiss();
      expect(page.isClosed()).toBe(false);
      await expect(page.getByRole("textbox", { name: /^emergency contact's full name/i }).inputValue()).resolves.toBe(
        "Ana Pérez",
      );

      // and leaving anyway is allowed when chosen
      await page.locator("a.back-link").click();
      await page.getByRole("alertdialog").getByRole("button", { name: "Leave without saving" }).click();
      await page.waitForURL((url) => url.pathname === "/profile");

      // the same guard on the request to change identity details (a form of its own)
      await visit(page, "/profile/details/identity");
      await page.getByRole("textbox", { name: /^why does this need to change/i }).fill("I got married");
      await page.locator("a.back-link").click();
      await page.getByRole("alertdialog", { name: "Leave without saving?" }).waitFor();
      await page.getByRole("alertdialog").getByRole("button", { name: "Leave without saving" }).click();
      await page.waitForURL((url) => url.pathname === "/profile/details");
    } finally {
      await page.request.patch(`${baseUrl()}/api/patients/${patientId}`, {
        headers: { "x-csrf-token": csrf },
        data: {
          phone: original.phone,
          ...(original.preferredPharmacy ? { preferredPharmacyId: original.preferredPharmacy.id } : {}),
        },
      });
    }
  });

  it("the front desk gives a parent without an account access to Jamie: the invitation is emailed and the page says what happens next", async () => {
    const { page } = browser;
    await signIn(page, demo.frontDesk, { mfa: true });
    const search = (await (await page.request.get(`${baseUrl()}/api/patients?q=Jamie%20Rivera`)).json()) as {
      results: { id: string; name: string }[];
    };
    const jamie = search.results.find((r) => r.name.includes("Jamie"));
    expect(jamie).toBeDefined();
    const email = `parent.${Date.now()}@example.test`;
    const before = await readMailbox(email);

    await visit(page, `/patients/${jamie?.id}/caregivers/new`);
    await page.getByRole("heading", { level: 1, name: "Add a parent or legal representative" }).waitFor();
    await page.getByRole("textbox", { name: /^their email address/i }).fill(email);
    await chooseOption(page, /relationship|how are they related/i, "Parent");
    await page.getByRole("textbox", { name: /^reason for access/i }).fill("Mother, ID seen at the desk");
    await screenshots(page, "staff-grant-form-en");
    await page.getByRole("button", { name: "Give access" }).click();

    await page.getByRole("heading", { level: 1, name: "Access is waiting for their account" }).waitFor();
    await page.getByRole("status").getByText(`Invitation sent to ${email}`).waitFor();
    await page.getByRole("heading", { name: "What happens next" }).waitFor();
    await expectAccessible(page, "staff grant: invitation sent");
    await screenshots(page, "staff-grant-invited-en");
    const mail = await waitForEmail(email, /caregiver account/i, { ignore: before });
    expect(mail.text).not.toContain("Jamie");
    expect(mail.links.some((l) => l.includes("/invitations/accept?token="))).toBe(true);

    // the patient's page lists it as waiting
    await page.getByRole("link", { name: /^back to/i }).click();
    await page.getByRole("heading", { name: "Waiting for an account" }).waitFor();
    await page.getByText(email).first().waitFor();
    await accessibleScreenshots(page, "chart with an invitation waiting", "staff-grant-waiting-en");

    // Spanish
    await page.getByRole("button", { name: /español/i }).click();
    await page.waitForFunction(() => document.documentElement.lang === "es");
    await page.getByRole("heading", { name: "Esperando su cuenta" }).waitFor();
    await settle(page);
    await screenshots(page, "staff-grant-waiting-es");
    for (const width of [320, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      expect(await hasHorizontalScroll(page), `the chart scrolls sideways at ${width} px`).toBe(false);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    await visit(page, `/patients/${jamie?.id}/caregivers/new`);
    await page.getByRole("textbox", { name: /^correo electrónico de esa persona/i }).fill(email);
    await chooseOption(page, /parentesco|relación/i, "Padre o madre");
    await page.getByRole("textbox", { name: /^motivo del acceso/i }).fill("Madre, identificación vista");
    await page.getByRole("button", { name: "Dar acceso" }).click();
    await page.getByRole("heading", { level: 1, name: "El acceso espera a que cree su cuenta" }).waitFor();
    await page.getByText(/Se reemplazó una invitación anterior/).waitFor();
    await expectAccessible(page, "staff grant: invitation sent (Spanish)");
    await screenshots(page, "staff-grant-invited-es");
    await page.getByRole("button", { name: /english/i }).click();
    await page.waitForFunction(() => document.documentElement.lang === "en");

    // the front desk can withdraw access that is still waiting
    await visit(page, `/patients/${jamie?.id}`);
    await page.getByRole("button", { name: `Cancel the invitation to ${email}` }).click();
    await page.getByRole("heading", { name: "Waiting for an account" }).waitFor({ state: "hidden" });
    await expectAccessible(page, "chart after withdrawing the waiting access");
  });
});
