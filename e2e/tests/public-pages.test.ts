import { describe, expect, it } from "vitest";
import { expectAccessible, settle, visit } from "../harness/axe.ts";
import { useBrowser } from "../harness/browser.ts";
import { hasHorizontalScroll, screenshots } from "../harness/screenshots.ts";

describe("public pages", () => {
  const session = useBrowser();

  it("the landing page loads, names the portal and offers sign-in", async () => {
    const { page } = session;
    await visit(page, "/");
    await expect(page.getByRole("heading", { level: 1 }).first().isVisible()).resolves.toBe(true);
    await expect(page.title()).resolves.toMatch(/Portico/);
    const signIn = page.getByRole("link", { name: /sign in/i }).or(page.getByRole("button", { name: /sign in/i }));
    await expect(signIn.first().isVisible()).resolves.toBe(true);
    await screenshots(page, "landing");
  });

  it("a visitor who is not signed in sees no failed request or error in the console", async () => {
    const { page } = session;
    const failed: string[] = [];
    page.on("response", (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${new URL(response.url()).pathname}`);
    });
    page.on("console", (message) => {
      if (message.type() === "error") failed.push(`console: ${message.text()}`);
    });
    for (const path of ["/", "/sign-in"]) await visit(page, path);
    expect(failed).toEqual([]);
  });

  it("the landing page fits a 320 px screen without sideways scrolling", async () => {
    const { page } = session;
    await page.setViewportSize({ width: 320, height: 640 });
    await visit(page, "/");
    expect(await hasHorizontalScroll(page)).toBe(false);
  });

  it("an unknown address shows a helpful not-found page with a way home", async () => {
    const { page } = session;
    await visit(page, "/no-such-page-here");
    const heading = page.getByRole("heading", { level: 1 }).first();
    await expect(heading.textContent()).resolves.toMatch(/not found|can.t find|couldn.t find|does not exist/i);
    await expect(
      page
        .getByRole("link", { name: /home|start|portico/i })
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    await screenshots(page, "not-found");
  });

  it("switching the language to Spanish translates the page and survives a reload", async () => {
    const { page } = session;
    await visit(page, "/");
    expect(await page.getAttribute("html", "lang")).toMatch(/^en/);
    const picker = page.getByLabel(/language|idioma/i);
    if ((await picker.count()) > 0 && (await picker.first().evaluate((el) => el.tagName === "SELECT"))) {
      await picker.first().selectOption({ label: "Español" });
    } else {
      const control = page
        .getByRole("button", { name: /español/i })
        .or(page.getByRole("link", { name: /español/i }))
        .or(page.getByRole("button", { name: /language|idioma/i }));
      await control.first().click();
      const option = page
        .getByRole("option", { name: /español/i })
        .or(page.getByRole("menuitem", { name: /español/i }));
      if (
        await option
          .first()
          .isVisible()
          .catch(() => false)
      )
        await option.first().click();
    }
    await page.waitForFunction(() => document.documentElement.lang.startsWith("es"));
    await expectAccessible(page, "/ (Spanish)");
    await page.reload();
    await settle(page);
    expect(await page.getAttribute("html", "lang")).toMatch(/^es/);
    await expect(
      page
        .getByRole("link", { name: /iniciar sesión|entrar/i })
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    await screenshots(page, "landing-es");
  });

  it("the API documentation page loads and lists the health endpoint", async () => {
    const { page } = session;
    // Swagger UI is third-party and not a page patients use, so it gets no axe check here.
    const response = await page.goto("/api/docs");
    expect(response?.status()).toBe(200);
    await page.getByText("/api/health", { exact: true }).first().waitFor({ state: "visible", timeout: 20_000 });
    const spec = await page.request.get("/api/docs/json");
    expect(spec.status()).toBe(200);
    const document = (await spec.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toContain("/api/ready");
  });
});
