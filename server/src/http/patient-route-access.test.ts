import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { App } from "../app.ts";
import { patientRoute } from "../platform/access/route-guards.ts";
import { TestClock } from "../platform/clock.ts";
import type { Services } from "../services.ts";
import { buildTestApp } from "../test/app.ts";
import { createTestDatabase, type TestDatabase } from "../test/database.ts";

/**
 * A route under /api/patients/:patientId must be declared with `patientRoute(...)` (its scope
 * and action, or an explicit exemption): the server refuses to start otherwise.
 */
const extra = vi.hoisted(() => ({ routes: null as null | ((app: App, services: Services) => void) }));

vi.mock("../modules/index.ts", async (importOriginal) => {
  const original = await importOriginal<typeof import("../modules/index.ts")>();
  return {
    ...original,
    registerModules: async (app: App, services: Services) => {
      await original.registerModules(app, services);
      extra.routes?.(app, services);
    },
  };
});

describe("patient routes declare their access", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    extra.routes = null;
    await database?.close();
  });

  async function build(): Promise<App> {
    const app = await buildTestApp(database, { clock: new TestClock(new Date()) });
    await app.ready();
    return app;
  }

  it("refuses to start when a patient route has no access declaration", async () => {
    extra.routes = (app) => {
      app.get("/api/patients/:patientId/notes", async () => ({ notes: [] }));
    };
    await expect(build()).rejects.toThrow(/GET \/api\/patients\/:patientId\/notes .*declares no access/);
  });

  it("refuses the bare /api/patients/:patientId path too, and routes added in a plugin", async () => {
    extra.routes = (app) => {
      void app.register(async (scoped) => {
        scoped.delete("/api/patients/:patientId", async () => null);
      });
    };
    await expect(build()).rejects.toThrow(/DELETE \/api\/patients\/:patientId .*declares no access/);
  });

  it("starts when the route declares its scope and action, or an explicit exemption", async () => {
    extra.routes = (app, services) => {
      app.get(
        "/api/patients/:patientId/notes",
        { ...patientRoute(services.access, { scope: "records", action: "read", resourceType: "note" }) },
        async () => ({ notes: [] }),
      );
      app.get(
        "/api/patients/:patientId/notes/export",
        { ...patientRoute(services.access, { exempt: "the service checks access for each note" }) },
        async () => ({ notes: [] }),
      );
      // other paths are not patient routes
      app.get("/api/patients-overview", async () => ({}));
    };
    const app = await build();
    await app.close();
  });
});
