import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { signIn } from "../harness/auth.ts";
import { expectAccessible, visit } from "../harness/axe.ts";
import { useBrowser } from "../harness/browser.ts";
import { demo } from "../harness/demo.ts";
import { inLanguage } from "../harness/language.ts";
import { hasHorizontalScroll, screenshots } from "../harness/screenshots.ts";

describe("record download", () => {
  const session = useBrowser();

  it("Alex downloads the record as JSON and as FHIR, seeing the bytes received while it arrives", async () => {
    const { page } = session;
    await signIn(page, demo.alex);
    await inLanguage(page, "en");
    await visit(page, "/record");
    await page.getByRole("heading", { level: 1, name: "Download your record" }).waitFor();
    // the parts the download holds, as the server lists them (Alex's own record: nothing left out)
    await page.getByRole("listitem").filter({ hasText: "Lab results" }).waitFor();
    await expect(page.getByRole("heading", { name: "Left out" }).count()).resolves.toBe(0);
    await expectAccessible(page, "record download (English)");
    await screenshots(page, "record-download-en");

    // a slow connection, so the progress shows before the file is complete
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 20,
      downloadThroughput: 24 * 1024,
      uploadThroughput: 1024 * 1024,
    });
    const saved = page.waitForEvent("download", { timeout: 60_000 });
    await page.getByRole("button", { name: "Download as JSON" }).click();
    await page.getByText(/^Downloading… .+ received$/).waitFor({ timeout: 30_000 });
    await expect(page.locator("progress").count()).resolves.toBe(1);
    const download = await saved;
    await page.getByText(/^Saved health-record-\d{4}-\d{2}-\d{2}\.json \(/).waitFor({ timeout: 60_000 });
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    const record = JSON.parse(fs.readFileSync((await download.path()) as string, "utf8"));
    expect(record.format).toBe("portico.record");
    expect(record.sections.appointments.length).toBeGreaterThan(0);
    expect(record.sections.accessLog.length).toBeGreaterThan(0);
    expect(record.sections.labResults.length).toBeGreaterThan(0);
    await expectAccessible(page, "record downloaded (English)");

    await inLanguage(page, "es");
    await page.getByRole("heading", { level: 1, name: "Descargar su expediente" }).waitFor();
    const fhirSaved = page.waitForEvent("download", { timeout: 60_000 });
    await page.getByRole("button", { name: "Descargar en FHIR" }).click();
    const fhir = await fhirSaved;
    await page.getByText(/^Se guardó health-record-\d{4}-\d{2}-\d{2}\.fhir\.json/).waitFor({ timeout: 60_000 });
    const bundle = JSON.parse(fs.readFileSync((await fhir.path()) as string, "utf8"));
    expect(bundle).toMatchObject({ resourceType: "Bundle", type: "collection" });
    await expectAccessible(page, "record download (Spanish)");
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshots(page, "record-download-es");
    await inLanguage(page, "en");
  });
});
