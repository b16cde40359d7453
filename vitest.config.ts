import { defineConfig } from "vitest/config";

const server = {
  include: ["server/src/**/*.test.ts", "contracts/src/**/*.test.ts"],
  globalSetup: ["server/src/test/global-setup.ts"],
  testTimeout: 30_000,
  hookTimeout: 60_000,
};

/**
 * Server tests run against PGlite always, and against PostgreSQL as well when
 * TEST_DATABASE_URL is set (CI sets it): the same files, two projects. Web unit tests run
 * in Node (no DOM). The browser journeys live in e2e/ with their own config.
 */
export default defineConfig({
  test: {
    projects: [
      { test: { ...server, name: "pglite", env: { PORTICO_TEST_DB: "pglite", TZ: "UTC" } } },
      ...(process.env.TEST_DATABASE_URL
        ? [{ test: { ...server, name: "postgres", env: { PORTICO_TEST_DB: "postgres", TZ: "UTC" } } }]
        : []),
      { test: { name: "web", include: ["web/src/**/*.test.{ts,tsx}"], environment: "node", env: { TZ: "UTC" } } },
    ],
  },
});
