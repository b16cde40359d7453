import { defineConfig } from "vitest/config";

/**
 * Browser journeys against the real server and the built web app. One server for the run
 * (global setup), one Chromium per test file; files run one after another because each
 * drives a whole browser and the suite must fit on a 2-core machine.
 */
export default defineConfig({
  test: {
    name: "e2e",
    include: ["tests/**/*.test.ts"],
    globalSetup: ["harness/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    env: { TZ: "UTC" },
  },
});
