import { createHash, randomBytes } from "node:crypto";
import http from "node:http";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn, signOut } from "../harness/auth.ts";
import { expectAccessible, settle, visit } from "../harness/axe.ts";
import { baseUrl, useBrowser } from "../harness/browser.ts";
import { demo } from "../harness/demo.ts";
import { inLanguage } from "../harness/language.ts";
import { hasHorizontalScroll, screenshots } from "../harness/screenshots.ts";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe("connected apps (SMART App Launch)", () => {
  const session = useBrowser();
  // the app: a page at its redirect address that says it is connected
  let app: http.Server;
  let appUrl = "";
  beforeAll(async () => {
    const port = await freePort();
    appUrl = `http://127.0.0.1:${port}`;
    app = http.createServer((_req, res) =>
      res.writeHead(200, { "content-type": "text/html" }).end("<title>App</title><h1>Connected</h1>"),
    );
    await new Promise<void>((resolve) => app.listen(port, "127.0.0.1", resolve));
  });
  afterAll(async () => {
    await new Promise((resolve) => app?.close(resolve));
  });

  it("an administrator registers an app; Alex connects it, it reads appointments, Alex disconnects it and its next call fails", async () => {
    const { page } = session;
    const base = baseUrl();

    // the administrator registers the app
    await signIn(page, demo.admin, { mfa: true });
    await inLanguage(page, "en");
    await visit(page, "/admin/apps");
    await page.getByRole("heading", { level: 1, name: "Connected app registrations" }).waitFor();
    await page.getByLabel("App name").fill("Step Tracker");
    await page.getByLabel("Redirect addresses").fill(`${appUrl}/callback`);
    await page.getByRole("button", { name: "Register", exact: true }).click();
    await page.getByText("Step Tracker is registered").waitFor();
    const clientId = (await page.locator(".alert code").first().textContent())?.trim() as string;
    expect(clientId).toMatch(/^app-/);
    await expectAccessible(page, "app registration");
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshots(page, "admin-apps-en");
    await signOut(page);

    // the app sends Alex to the authorization server; Alex signs in to the portal first
    const verifier = randomBytes(32).toString("base64url");
    const authorize = new URL(`${base}/oauth/auth`);
    for (const [k, v] of Object.entries({
      response_type: "code",
      client_id: clientId,
      redirect_uri: `${appUrl}/callback`,
      scope: "launch/patient openid fhirUser offline_access patient/*.rs",
      state: "journey",
      aud: `${base}/fhir/R4`,
      code_challenge: createHash("sha256").update(verifier).digest("base64url"),
      code_challenge_method: "S256",
    }))
      authorize.searchParams.set(k, v);
    await page.goto(authorize.toString());
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel(/^email( address)?$/i).fill(demo.alex);
    await page.getByLabel("Password", { exact: true }).fill("Portico-demo-2026!");
    await page.getByRole("button", { name: /^sign in$/i }).click();
    await page.waitForURL(/\/connect-app\//, { timeout: 60_000 });
    await settle(page);
    await page.getByRole("heading", { level: 1, name: "Connect Step Tracker?" }).waitFor();
    await page.getByRole("checkbox", { name: "Appointments" }).waitFor();
    await expectAccessible(page, "consent (English)");
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshots(page, "connect-app-en");
    await inLanguage(page, "es");
    await page.getByRole("heading", { level: 1, name: "¿Conectar Step Tracker?" }).waitFor();
    await expectAccessible(page, "consent (Spanish)");
    await screenshots(page, "connect-app-es");
    await inLanguage(page, "en");
    // Alex leaves messages out
    await page.locator("label.checkbox", { hasText: "Messages" }).click();
    await expect(page.getByRole("checkbox", { name: "Messages" }).isChecked()).resolves.toBe(false);
    await page.getByRole("button", { name: "Allow" }).click();
    await page.waitForURL((url) => url.href.startsWith(`${appUrl}/callback`), { timeout: 30_000 });
    const callback = new URL(page.url());
    expect(callback.searchParams.get("state")).toBe("journey");
    const code = callback.searchParams.get("code") as string;

    // the app exchanges the code and reads Alex's appointments
    const tokenResponse = await fetch(`${base}/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "authorization_code",
        code,
        redirect_uri: `${appUrl}/callback`,
        client_id: clientId,
        code_verifier: verifier,
      }),
    });
    expect(tokenResponse.status).toBe(200);
    const token = (await tokenResponse.json()) as { access_token: string; patient: string; scope: string };
    expect(token.scope).not.toContain("patient/Communication.rs");
    const read = () =>
      fetch(`${base}/fhir/R4/Appointment?patient=${token.patient}`, {
        headers: { authorization: `Bearer ${token.access_token}` },
      });
    const appointments = await read();
    expect(appointments.status).toBe(200);
    expect(((await appointments.json()) as { entry: unknown[] }).entry.length).toBeGreaterThan(0);

    // Alex sees the app under Connected apps and disconnects it
    await visit(page, "/connected-apps");
    await page.getByRole("heading", { level: 1, name: "Connected apps" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Step Tracker" }).waitFor();
    await expectAccessible(page, "connected apps (English)");
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshots(page, "connected-apps-en");
    await page.getByRole("button", { name: "Disconnect Step Tracker" }).click();
    await page.getByRole("dialog", { name: "Disconnect Step Tracker?" }).waitFor();
    await expectAccessible(page, "disconnect dialog");
    await page.getByRole("button", { name: "Disconnect", exact: true }).click();
    await page.getByText("Step Tracker is disconnected.").waitFor();
    await page.getByRole("heading", { name: "No connected apps" }).waitFor();
    await inLanguage(page, "es");
    await page.getByRole("heading", { level: 1, name: "Aplicaciones conectadas" }).waitFor();
    await expectAccessible(page, "connected apps (Spanish)");
    await screenshots(page, "connected-apps-es");
    await inLanguage(page, "en");

    // the app's next call fails
    const after = await read();
    expect(after.status).toBe(401);
  });
  it("a caregiver chooses whose record: Sam is offered himself and the children he cares for, and denies", async () => {
    const { page } = session;
    const base = baseUrl();
    await signIn(page, demo.admin, { mfa: true });
    await inLanguage(page, "en");
    await visit(page, "/admin/apps");
    await page.getByLabel("App name").fill("Family Planner");
    await page.getByLabel("Redirect addresses").fill(`${appUrl}/family`);
    await page.getByRole("button", { name: "Register", exact: true }).click();
    await page.getByText("Family Planner is registered").waitFor();
    const clientId = (await page.locator(".alert code").first().textContent())?.trim() as string;
    await signOut(page);

    await signIn(page, demo.sam);
    await inLanguage(page, "en");
    const authorize = new URL(`${base}/oauth/auth`);
    for (const [k, v] of Object.entries({
      response_type: "code",
      client_id: clientId,
      redirect_uri: `${appUrl}/family`,
      scope: "launch/patient openid patient/*.rs",
      state: "family",
      code_challenge: createHash("sha256").update(randomBytes(32).toString("base64url")).digest("base64url"),
      code_challenge_method: "S256",
    }))
      authorize.searchParams.set(k, v);
    await page.goto(authorize.toString());
    await page.waitForURL(/\/connect-app\//);
    await settle(page);
    await page.getByRole("radiogroup", { name: "Whose records may the app read?" }).waitFor();
    await page.getByRole("radio", { name: /Jamie Rivera/ }).waitFor();
    await page.locator("label.choice", { hasText: "Jamie Rivera" }).click();
    await page.getByRole("checkbox", { name: "Appointments" }).waitFor();
    await expectAccessible(page, "consent, caregiver (English)");
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshots(page, "connect-app-caregiver-en");
    await page.getByRole("button", { name: "Deny" }).click();
    await page.waitForURL((url) => url.href.startsWith(`${appUrl}/family`), { timeout: 30_000 });
    expect(new URL(page.url()).searchParams.get("error")).toBe("access_denied");
  });
});
