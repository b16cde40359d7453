import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { signIn, signInTo } from "../harness/auth.ts";
import { expectAccessible, expectPage, settle, visit } from "../harness/axe.ts";
import { useBrowser } from "../harness/browser.ts";
import { DEMO_PASSWORD, demo } from "../harness/demo.ts";
import { firstAppLink, readMailbox, waitForEmail } from "../harness/mailbox.ts";
import { hasHorizontalScroll, screenshots } from "../harness/screenshots.ts";
import { chooseOption } from "../harness/select.ts";

/**
 * The signed-in menu at 1280 px: its links on one row and the account controls on one row
 * (nothing wraps), and at 320 px a menu button that opens it without sideways scrolling.
 */
async function expectMenuFits(page: Page, label: string): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 800 });
  const rows = await page.evaluate(() => {
    const tops = (selector: string) =>
      [...document.querySelectorAll<HTMLElement>(selector)]
        .filter((el) => el.getClientRects().length > 0)
        .map((el) => {
          const box = el.getBoundingClientRect();
          return Math.round(box.top + box.height / 2);
        });
    return {
      links: new Set(tops(".site-nav__list > li")).size,
      account: new Set(tops(".site-nav__account > *")).size,
    };
  });
  expect(rows, `${label}: menu rows at 1280 px`).toEqual({ links: 1, account: 1 });
  await screenshots(page, `admin-menu-${label}`);
  await page.setViewportSize({ width: 320, height: 800 });
  const toggle = page.locator(".menu-toggle");
  await toggle.click();
  await page.locator("#site-nav .site-nav__list").waitFor({ state: "visible" });
  expect(await hasHorizontalScroll(page)).toBe(false);
  await screenshots(page, `admin-menu-open-${label}`);
  await toggle.click();
  await page.setViewportSize({ width: 1280, height: 800 });
}

describe("registration, caregivers and clinic set-up", () => {
  const session = useBrowser();

  it("the front desk registers a patient, who then activates their account with the code and signs in", async () => {
    const { page } = session;
    const unique = Date.now().toString(36).replace(/\d/g, "");
    const given = `Quinn${unique}`;
    const family = `Halvorsen${unique}`;
    await signInTo(page, demo.frontDesk, "/patients/register", { mfa: true });
    await expectPage(page, /register a patient/i, "register a patient");
    await page.getByLabel("Legal first name").fill(given);
    await page.getByLabel("Legal last name").fill(family);
    await page.getByLabel("Month").fill("7");
    await page.getByLabel("Day").fill("21");
    await page.getByLabel("Year").fill("1990");
    await chooseOption(page, /^.*sex/i, /^female$/i);
    await page.getByLabel(/^phone number/i).fill("(555) 404-7788");
    await page.getByLabel("Street address").fill("12 Harbor Lane");
    await page.getByLabel("Town or city").fill("Brooklyn");
    await page.getByLabel("State").fill("NY");
    await page.getByLabel("ZIP code").fill("11201");
    await screenshots(page, "registration-form");
    expect(await hasHorizontalScroll(page)).toBe(false);
    await page.getByRole("button", { name: /^register patient$/i }).click();

    await expectPage(page, /is registered/i, "registration done");
    const code = (await page.getByTestId("activation-code").textContent())?.trim() ?? "";
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await expect(page.getByRole("link", { name: /print activation letter/i }).getAttribute("href")).resolves.toMatch(
      /activation-letter\?code=/,
    );
    await screenshots(page, "registration-done");

    // the patient, on their own device
    const patientContext = await session.newContext();
    const patient = await patientContext.newPage();
    await visit(patient, "/activate");
    await patient.getByLabel("Activation code").fill(code);
    await patient.getByLabel("Month").fill("7");
    await patient.getByLabel("Day").fill("21");
    await patient.getByLabel("Year").fill("1990");
    const email = `${given.toLowerCase()}@example.test`;
    await patient.getByLabel(/^email/i).fill(email);
    await patient.getByLabel("Choose a password", { exact: true }).fill("a long walk by the harbor 2026");
    await patient.getByRole("button", { name: /activate my account/i }).click();
    await patient.waitForURL(/\/home/, { timeout: 60_000 });
    await settle(patient);
    await expectAccessible(patient, "new patient's home");
    const me = await patient.request.get("/api/me");
    expect(me.status()).toBe(200);
    const body = (await me.json()) as { patients: Array<{ name: string; relationship: string }> };
    expect(body.patients[0]?.relationship).toBe("self");
    expect(body.patients[0]?.name).toContain(family);

    // their profile shows what the front desk entered, with identity read-only
    await visit(patient, "/profile/details");
    await expectPage(patient, /contact details and insurance/i, "patient details");
    await expect(patient.getByLabel("Street address").inputValue()).resolves.toBe("12 Harbor Lane");
    await expect(patient.getByRole("link", { name: /ask the front desk to change this/i }).isVisible()).resolves.toBe(
      true,
    );
    await screenshots(patient, "profile-details");
  }, 180_000);

  it("someone registers online in Spanish; the front desk rejects it with a reason they are emailed in Spanish; a saved language follows the account", async () => {
    const { page } = session;
    const unique = Date.now().toString(36).replace(/\d/g, "");
    const email = `solicitante.${unique}@example.test`;
    // the applicant, on their own device, reading the site in Spanish
    const applicantContext = await session.newContext();
    const applicant = await applicantContext.newPage();
    await visit(applicant, "/register");
    await applicant.getByRole("button", { name: /español/i }).click();
    await expectPage(applicant, /registrarse como paciente nuevo/i, "self-registration (Spanish)");
    await applicant.getByLabel("Nombre legal", { exact: true }).fill(`Rocío${unique}`);
    await applicant.getByLabel("Apellido legal", { exact: true }).fill(`Salinas${unique}`);
    await applicant.getByLabel("Mes", { exact: true }).fill("2");
    await applicant.getByLabel("Día", { exact: true }).fill("14");
    await applicant.getByLabel("Año", { exact: true }).fill("1979");
    await chooseOption(applicant, /^.*sexo/i, /^femenino$/i);
    await applicant.getByLabel(/^número de teléfono/i).fill("(555) 404-2299");
    await applicant.getByLabel(/^correo electrónico/i).fill(email);
    await applicant.getByLabel("Calle y número", { exact: true }).fill("8 Atlantic Ave");
    await applicant.getByLabel("Ciudad o pueblo", { exact: true }).fill("Brooklyn");
    await applicant.getByLabel("Estado", { exact: true }).fill("NY");
    await applicant.getByLabel("Código postal", { exact: true }).fill("11201");
    await applicant.getByLabel("Elija una contraseña", { exact: true }).fill("a long walk by the harbor 2026");
    await screenshots(applicant, "self-registration-es");
    await applicant.getByRole("button", { name: /^enviar mi registro$/i }).click();
    await applicant
      .getByText(/recibimos su registro/i)
      .first()
      .waitFor({ state: "visible" });
    // the first email: received and will be checked, in Spanish; it does not say "sign in now"
    const received = await waitForEmail(email, /recibimos su registro/i);
    expect(received.text).toMatch(/le escribiremos de nuevo cuando su cuenta esté lista/i);
    expect(received.text).not.toMatch(/ya puede iniciar sesión/i);

    // the front desk rejects it, with a reason, from a dialog used with the keyboard
    await signInTo(page, demo.frontDesk, "/patients/registrations", { mfa: true });
    await expectPage(page, /online registrations to check/i, "pending registrations");
    await page.getByRole("link", { name: new RegExp(`review rocío${unique}`, "i") }).click();
    await expectPage(page, /^check /i, "pending registration");
    const reject = page.getByRole("button", { name: /^reject registration$/i });
    await reject.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: /reject this registration/i });
    await dialog.waitFor({ state: "visible" });
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    await expect(reject.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press("Enter");
    await dialog.waitFor({ state: "visible" });
    // the reason is required
    await dialog.getByRole("button", { name: /^reject and email them$/i }).click();
    await dialog
      .getByText(/choose the reason they are told/i)
      .first()
      .waitFor({ state: "visible" });
    await chooseOption(page, /reason they are told/i, /we are not taking new patients/i);
    await dialog.getByLabel(/note for the clinic/i).fill("Practice full until spring");
    await expectAccessible(page, "reject registration dialog");
    await screenshots(page, "registration-reject-dialog");
    await dialog.getByRole("button", { name: /^reject and email them$/i }).click();
    await expectPage(page, /online registrations to check/i, "pending registrations after rejecting");
    await page.getByRole("heading", { name: /registration rejected/i }).waitFor({ state: "visible" });
    await expect(page.getByRole("link", { name: new RegExp(`review rocío${unique}`, "i") }).count()).resolves.toBe(0);
    await screenshots(page, "registration-rejected");
    const told = await waitForEmail(email, /no pudimos aceptar su registro/i);
    expect(told.text).toMatch(/no podemos aceptar pacientes nuevos/i);
    expect(told.text).not.toMatch(/practice full/i);

    // the language switch saves the one language on the account, and says so
    await page.getByRole("button", { name: /español/i }).click();
    await page.getByRole("heading", { name: /idioma guardado en su cuenta/i }).waitFor({ state: "visible" });
    await expectAccessible(page, "language saved (Spanish)");
    await screenshots(page, "language-saved-es");
    try {
      expect(((await (await page.request.get("/api/me")).json()) as { user: { locale: string } }).user.locale).toBe(
        "es",
      );
      // on another device, the pages follow the account's language once signed in
      const otherDevice = await (await session.newContext()).newPage();
      await signIn(otherDevice, demo.frontDesk, { mfa: true });
      await otherDevice.waitForFunction(() => document.documentElement.lang === "es");
      await visit(otherDevice, "/patients/registrations");
      await expectPage(otherDevice, /registros en línea|registros/i, "pending registrations (Spanish, other device)");
      await screenshots(otherDevice, "registrations-es");
      // the reject dialog in Spanish (opened and cancelled: the demo registration stays)
      await otherDevice.getByRole("link", { name: /priyanka desai/i }).click();
      await otherDevice.getByRole("button", { name: /^rechazar registro$/i }).click();
      const dialogEs = otherDevice.getByRole("dialog", { name: /rechazar este registro/i });
      await dialogEs.waitFor({ state: "visible" });
      await expectAccessible(otherDevice, "reject registration dialog (Spanish)");
      await screenshots(otherDevice, "registration-reject-dialog-es");
      await dialogEs.getByRole("button", { name: /^cancelar$/i }).click();
      await dialogEs.waitFor({ state: "hidden" });
      // the profile's language choice saves the same account language, and says so
      await visit(otherDevice, "/profile");
      await chooseOption(otherDevice, /idioma del portal y de los correos/i, /^english$/i);
      await otherDevice.getByRole("heading", { name: /language saved to your account/i }).waitFor({ state: "visible" });
      await expectAccessible(otherDevice, "profile language saved");
      await screenshots(otherDevice, "profile-language-saved");
    } finally {
      await page.getByRole("button", { name: /english/i }).click();
      await page.getByRole("heading", { name: /language saved to your account/i }).waitFor({ state: "visible" });
    }
    await screenshots(page, "language-saved-en");
  }, 240_000);

  it("Alex invites a caregiver by email, who accepts and then acts for Alex within the granted scope only", async () => {
    const { page } = session;
    await signInTo(page, demo.alex, "/profile/caregivers");
    await expectPage(page, /who can see my record/i, "caregivers");
    await page.getByRole("link", { name: /^invite someone$/i }).click();
    await expectPage(page, /invite a family member or caregiver/i, "invite a caregiver");
    await page.getByLabel("Their email address").fill(demo.morgan);
    await chooseOption(page, /how are they related/i, /^caregiver$/i);
    // appointments is ticked by default; nothing else
    await expect(page.getByRole("checkbox", { name: /book and manage appointments/i }).isChecked()).resolves.toBe(true);
    await expect(page.getByRole("checkbox", { name: /see the record and change details/i }).isChecked()).resolves.toBe(
      false,
    );
    await screenshots(page, "caregiver-invite");
    const before = await readMailbox(demo.morgan);
    await page.getByRole("button", { name: /^send invitation$/i }).click();
    await expectPage(page, /who can see my record/i, "caregivers after inviting");
    await page.getByRole("heading", { name: /invitation sent/i }).waitFor({ state: "visible" });
    await page.getByRole("heading", { level: 3, name: demo.morgan }).waitFor({ state: "visible" });
    await screenshots(page, "caregivers");

    const email = await waitForEmail(demo.morgan, /invited to help/i, { ignore: before });
    const link = firstAppLink(email);
    expect(link.pathname).toBe("/invitations/accept");

    // the caregiver, on their own device: preview → sign in → accept
    const context = await session.newContext();
    const caregiver = await context.newPage();
    await visit(caregiver, `${link.pathname}${link.search}`);
    await expectPage(caregiver, /accept an invitation/i, "invitation preview");
    await expect(caregiver.getByText(/Alex has invited you/i).isVisible()).resolves.toBe(true);
    await caregiver.getByRole("link", { name: /sign in to accept/i }).click();
    await caregiver.waitForURL(/\/sign-in/);
    await settle(caregiver);
    await caregiver.getByLabel(/^email( address)?$/i).fill(demo.morgan);
    await caregiver.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
    await caregiver.getByRole("button", { name: /^sign in$/i }).click();
    await caregiver.waitForURL(/\/invitations\/accept/, { timeout: 60_000 });
    await expectPage(caregiver, /accept an invitation/i, "invitation signed in");
    await caregiver.getByRole("button", { name: /^accept invitation$/i }).click();
    await caregiver.waitForURL(/\/home/, { timeout: 60_000 });
    await settle(caregiver);
    await expectAccessible(caregiver, "caregiver home acting for Alex");

    const me = (await (await caregiver.request.get("/api/me")).json()) as {
      patients: Array<{ id: string; name: string; relationship: string; scopes: string[] }>;
    };
    const alex = me.patients.find((p) => p.name.includes("Rivera"));
    expect(alex?.relationship).toBe("caregiver");
    expect(alex?.scopes).toEqual(["appointments"]);
    // within scope: the profile can be read; outside it: the access log and managing access are refused
    expect((await caregiver.request.get(`/api/patients/${alex?.id}`)).status()).toBe(200);
    expect([403, 404]).toContain((await caregiver.request.get(`/api/patients/${alex?.id}/access-log`)).status());
    expect([403, 404]).toContain((await caregiver.request.get(`/api/patients/${alex?.id}/proxies`)).status());

    // the app says so too: Alex's details are read-only for this caregiver
    await visit(caregiver, "/profile/details");
    await caregiver.getByRole("heading", { name: /you can look but not change/i }).waitFor({ state: "visible" });
    await expectAccessible(caregiver, "details read-only for a caregiver");

    // and Alex sees the new caregiver in the list
    await visit(page, "/profile/caregivers");
    await page.getByRole("heading", { level: 3, name: /morgan lee/i }).waitFor({ state: "visible" });
    await expectAccessible(page, "caregivers with Morgan");
  }, 180_000);

  it("an admin adds a location and a provider who works there", async () => {
    const { page } = session;
    const suffix = Date.now().toString(36).slice(-4);
    const locationName = `Lakeside Clinic ${suffix}`;
    await signInTo(page, demo.admin, "/admin/clinic", { mfa: true });
    await expectPage(page, /clinic set-up/i, "clinic set-up");
    await expectMenuFits(page, "en");
    await page.getByRole("button", { name: /español/i }).click();
    await page.getByRole("heading", { level: 1, name: /configuración de la clínica/i }).waitFor();
    await expectMenuFits(page, "es");
    await page.getByRole("button", { name: /english/i }).click();
    await page.getByRole("heading", { level: 1, name: /clinic set-up/i }).waitFor();
    await visit(page, "/admin/locations");
    await expectPage(page, /^locations$/i, "locations");
    await page.getByRole("link", { name: /^add a location$/i }).click();
    await expectPage(page, /add a location/i, "new location");
    await page.getByLabel("Name", { exact: true }).fill(locationName);
    await page.getByLabel("Street address").fill("400 Lake Street");
    await page.getByLabel("Town or city").fill("Chicago");
    await page.getByLabel("State").fill("IL");
    await page.getByLabel("ZIP code").fill("60601");
    await chooseOption(page, /time zone/i, /America\/Chicago/);
    // React Aria checkboxes: a person clicks the label
    await page.getByText(/^open on monday$/i).click();
    await page.getByLabel("Monday opens at").fill("08:30");
    await page.getByLabel("Monday closes at").fill("17:00");
    await screenshots(page, "admin-location-form");
    await page.getByRole("button", { name: /^add location$/i }).click();
    await expectPage(page, /^locations$/i, "locations after adding");
    await page.getByRole("link", { name: locationName }).waitFor({ state: "visible" });
    await screenshots(page, "admin-locations");

    await visit(page, "/admin/providers");
    await expectPage(page, /^providers$/i, "providers");
    await page.getByRole("link", { name: /^add a provider$/i }).click();
    await expectPage(page, /add a provider/i, "new provider");
    await page.getByLabel("Name", { exact: true }).fill(`Dr. Imani Brooks ${suffix}`);
    await chooseOption(page, /specialty/i, /^cardiology$/i);
    await page.getByText(locationName, { exact: true }).click();
    await page.getByRole("button", { name: /^add provider$/i }).click();
    await expectPage(page, /^providers$/i, "providers after adding");
    const row = page.getByRole("row", { name: new RegExp(`Imani Brooks ${suffix}`) });
    await row.waitFor({ state: "visible" });
    await expect(row.textContent()).resolves.toContain(locationName);
    await screenshots(page, "admin-providers");
  }, 180_000);

  it("a field the server refuses on the visit-type form is shown beside that field and in the error summary", async () => {
    const { page } = session;
    await signInTo(page, demo.admin, "/admin/visit-types/new", { mfa: true });
    await expectPage(page, /add a visit type/i, "new visit type");
    // the form checks only that a name is given; the server allows at most 120 characters
    const name = page.getByLabel("Name", { exact: true });
    await name.fill(`Extended consultation ${"x".repeat(120)}`);
    await page.getByRole("button", { name: /^add visit type$/i }).click();
    const summary = page.getByRole("alert").filter({ hasText: /there is a problem/i });
    await summary.waitFor({ state: "visible" });
    await expect(summary.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await expect(name.getAttribute("aria-invalid")).resolves.toBe("true");
    const describedBy = (await name.getAttribute("aria-describedby")) ?? "";
    const described = await page.evaluate(
      (ids) => ids.map((id) => document.getElementById(id)?.textContent ?? "").join(" "),
      describedBy.split(/\s+/).filter(Boolean),
    );
    expect(described).toMatch(/check “name”: it was not accepted/i);
    await summary.getByRole("link", { name: /check “name”/i }).click();
    await expect(name.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await expectAccessible(page, "visit type refused by the server");
    await screenshots(page, "admin-visit-type-server-field-error");
  }, 120_000);
});
