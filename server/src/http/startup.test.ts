import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runningAt, type StartedMain, spawnMain } from "../test/server-process.ts";

/**
 * The real server process (`server/src/main.ts`) as an operator starts it: bad settings end
 * it at once with a message naming the variable; a second start on the same data directory
 * reopens the data without seeding again; SIGTERM ends it within 2 s. Runs once (PGlite
 * project): the processes use the embedded database or no database at all.
 */
const onlyOnce = process.env.PORTICO_TEST_DB === "postgres";

const spawned: StartedMain[] = [];
afterAll(() => {
  for (const s of spawned) if (s.child.exitCode === null) s.child.kill("SIGKILL");
});

describe.skipIf(onlyOnce)("starting the server", () => {
  it("exits 1 with a message naming PORT when PORT is not a number", async () => {
    const server = spawnMain({
      LOG_LEVEL: "warn",
      PORT: "abc",
      PORTICO_DATA_DIR: path.join(os.tmpdir(), "portico-never-created"),
    });
    spawned.push(server);
    const { code } = await server.exited;
    expect(code).toBe(1);
    expect(server.stderr()).toContain("PORT");
    expect(server.stderr()).toContain('must be a whole number, got "abc"');
    expect(server.stderr()).not.toMatch(/\n\s+at /); // no stack trace
  });

  it("exits 1 with a message naming DATABASE_URL when the database cannot be reached", async () => {
    const server = spawnMain({
      LOG_LEVEL: "warn",
      DATABASE_URL: "postgres://nobody@127.0.0.1:1/x",
      PORTICO_DEMO: "0",
      DATABASE_CONNECT_TIMEOUT_SECONDS: "0",
    });
    spawned.push(server);
    const { code } = await server.exited;
    expect(code).toBe(1);
    expect(server.stderr()).toContain("DATABASE_URL");
    expect(server.stderr()).toContain("could not open the database");
    expect(server.stderr()).not.toMatch(/\n\s+at /);
  });

  it("reopens the same data on a second start without seeding again, and stops within 2 s of SIGTERM", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "portico-start-"));
    try {
      const env = { LOG_LEVEL: "warn", PORTICO_DATA_DIR: dataDir, PORTICO_DEMO: "1" };

      const first = spawnMain(env);
      spawned.push(first);
      const url = await runningAt(first);
      expect(first.stdout()).toContain("Demo clinic seeded.");
      expect((await fetch(`${url}/api/ready`)).status).toBe(200);
      const clinic = await (await fetch(`${url}/api/health`)).json();
      expect(clinic).toEqual({ status: "ok" });
      const sent = performance.now();
      first.child.kill("SIGTERM");
      const firstExit = await first.exited;
      expect(firstExit.code).toBe(0);
      expect(firstExit.at - sent).toBeLessThan(2_000);

      const second = spawnMain(env);
      spawned.push(second);
      const url2 = await runningAt(second);
      expect(second.stdout()).not.toContain("Demo clinic seeded.");
      // captured output, not a terminal: the banner points to the logins (startup-output.test.ts)
      expect(second.stdout()).toContain("Demo clinic ready.");
      expect(second.stdout()).not.toContain("admin@demo.portico.test");
      expect((await fetch(`${url2}/api/ready`)).status).toBe(200);
      const sent2 = performance.now();
      second.child.kill("SIGTERM");
      const secondExit = await second.exited;
      expect(secondExit.code).toBe(0);
      expect(secondExit.at - sent2).toBeLessThan(2_000);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
