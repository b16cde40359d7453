import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { type App, type AppOptions, buildApp } from "../app.ts";
import { type Config, loadConfig } from "../config.ts";
import { TestClock } from "../platform/clock.ts";
import { FieldCipher, parseKeyRing } from "../platform/crypto.ts";
import { createLogger } from "../platform/logging.ts";
import { createTestDatabase, type TestDatabase } from "./database.ts";

/** A fixed key ring for tests: sealed values are reproducible across a test file. */
export const TEST_KEYS = `test1:${Buffer.alloc(32, 7).toString("base64")}`;

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    PORTICO_DEMO: "0",
    PORTICO_WORKER: "0",
    PORTICO_ENCRYPTION_KEYS: TEST_KEYS,
    PORTICO_DATA_DIR: "/tmp/portico-test-data",
    RATE_LIMIT_PER_MINUTE: "100000",
    ...overrides,
  });
}

/**
 * An app as the tests build it on `database`: the test config, the fixed keys, its logger and no
 * web app, unless `options` say otherwise. Not ready yet, so a test may add routes of its own
 * first; two built on one database are two app servers sharing it.
 */
export function buildTestApp(
  database: AppOptions["database"],
  options: Partial<Omit<AppOptions, "database">> = {},
): Promise<App> {
  const config = options.config ?? testConfig();
  return buildApp({
    logger: createLogger(config),
    cipher: new FieldCipher(parseKeyRing(TEST_KEYS)),
    webRoot: "/nonexistent",
    ...options,
    config,
    database,
  });
}

export interface TestContext {
  app: App;
  database: TestDatabase;
  clock: TestClock;
  cipher: FieldCipher;
  config: Config;
}

/**
 * One app and one fresh database for a test file. Use inside a `describe` or at file level:
 * `const t = useTestApp();` then `t.app.inject(...)` in tests.
 */
export function useTestApp(overrides: Record<string, string> = {}): TestContext {
  const context = {} as TestContext;
  beforeAll(async () => {
    context.config = testConfig(overrides);
    context.database = await createTestDatabase();
    context.clock = new TestClock(new Date());
    context.cipher = new FieldCipher(parseKeyRing(TEST_KEYS));
    context.app = await buildTestApp(context.database, {
      config: context.config,
      clock: context.clock,
      cipher: context.cipher,
    });
    await context.app.ready();
  });
  afterAll(async () => {
    await context.app?.close();
    await context.database?.close();
  });
  return context;
}

/**
 * One app serving a web build the test file writes (`write` fills a temporary folder, then the
 * app serves it as its web root), with a fresh database; all removed after the file's tests.
 */
export function useWebServingApp(write: (webRoot: string) => void): { app: App } {
  const context = {} as { app: App; database: TestDatabase; webRoot: string };
  beforeAll(async () => {
    context.webRoot = fs.mkdtempSync(path.join(os.tmpdir(), "portico-web-"));
    write(context.webRoot);
    context.database = await createTestDatabase();
    context.app = await buildTestApp(context.database, { webRoot: context.webRoot });
    await context.app.ready();
  });
  afterAll(async () => {
    await context.app?.close();
    await context.database?.close();
    fs.rmSync(context.webRoot, { recursive: true, force: true });
  });
  return context;
}
