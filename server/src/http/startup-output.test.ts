import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../db/database.ts";
import { startupBanner } from "../seed/banner.ts";
import type { DemoSeedResult } from "../seed/demo.ts";
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from "../seed/demo-clinic.ts";
import { runningAt, type StartedMain, spawnMain } from "../test/server-process.ts";

/**
 * What the server writes when it starts with the demo clinic. Its standard output is its log
 * stream (JSON lines from pino, plus the start-up banner); captured anywhere — a container log,
 * a file, a pipe as here — it must hold no patient names, dates of birth, activation codes,
 * passwords, TOTP secrets or email addresses. The credentials are printed only to a terminal.
 * Runs once (PGlite project): the process uses the embedded database.
 */
const onlyOnce = process.env.PORTICO_TEST_DB === "postgres";

const spawned: StartedMain[] = [];
afterAll(() => {
  for (const s of spawned) if (s.child.exitCode === null) s.child.kill("SIGKILL");
});

const isoDate = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value));

describe.skipIf(onlyOnce)("start-up output with the demo clinic", () => {
  it("holds no patient data or credentials in captured output, at the most verbose log level", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "portico-startlog-"));
    try {
      const server = spawnMain({ PORTICO_DATA_DIR: dataDir, PORTICO_DEMO: "1", LOG_LEVEL: "trace" });
      spawned.push(server);
      const url = await runningAt(server);
      // some traffic and worker time, so request and job logging is in the capture too
      expect((await fetch(`${url}/api/ready`)).status).toBe(200);
      const login = await fetch(`${url}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "alex.rivera@demo.portico.test", password: DEMO_PASSWORD }),
      });
      expect(login.status).toBe(200);
      expect((await fetch(`${url}/api/dev/mailbox`)).status).toBe(200);
      await new Promise((r) => setTimeout(r, 1_500));
      server.child.kill("SIGTERM");
      expect((await server.exited).code).toBe(0);

      const stdout = server.stdout();
      const output = stdout + server.stderr();
      // what a newcomer still needs, without the secrets
      expect(stdout).toContain("Demo clinic seeded.");
      expect(stdout).toContain("README.md (Demo clinic)");
      expect(stdout).toContain("start Portico in a");
      expect(stdout).toContain("/dev/mailbox");
      // the log stream is there and was captured
      const logLines = output.split("\n").filter((line) => line.startsWith("{"));
      expect(logLines.length).toBeGreaterThan(0);
      for (const line of logLines) expect(() => JSON.parse(line), line).not.toThrow();

      // everything the demo seed holds that must not reach a log
      const database = await openDatabase({ kind: "pglite", dataDir: path.join(dataDir, "pglite") });
      const forbidden = new Set<string>([DEMO_PASSWORD, DEMO_TOTP_SECRET]);
      try {
        const marker = await database.db
          .selectFrom("settings")
          .select("value")
          .where("key", "=", "demo_seeded_at")
          .executeTakeFirstOrThrow();
        const notes = (marker.value as { notes: string[] }).notes;
        const activation = notes.map((note) => /: ([A-Z0-9]{4}(?:-[A-Z0-9]{4})+)$/.exec(note)?.[1]).find(Boolean);
        expect(activation, notes.join("\n")).toBeTruthy();
        forbidden.add(activation as string).add((activation as string).replaceAll("-", ""));
        const patients = await database.db
          .selectFrom("patients")
          .select(["legal_given_name", "legal_family_name", "date_of_birth", "mrn"])
          .execute();
        expect(patients.length).toBeGreaterThan(3);
        for (const p of patients) {
          forbidden.add(`${p.legal_given_name} ${p.legal_family_name}`).add(p.legal_family_name);
          forbidden.add(isoDate(p.date_of_birth)).add(p.mrn);
        }
        const users = await database.db.selectFrom("users").select(["email", "display_name"]).execute();
        for (const u of users) forbidden.add(u.email).add(u.display_name);
      } finally {
        await database.close();
      }
      const found = [...forbidden].filter((value) => value && output.includes(value));
      expect(found, `found in the captured output:\n${output.slice(0, 4000)}`).toEqual([]);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);

  it("stops at once in production without SMTP_URL, naming it", async () => {
    const server = spawnMain({
      NODE_ENV: "production",
      DATABASE_URL: "postgres://nobody@127.0.0.1:1/x",
      PORTICO_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 3).toString("base64")}`,
      PORTICO_DATA_DIR: path.join(os.tmpdir(), "portico-never-created"),
    });
    spawned.push(server);
    expect((await server.exited).code).toBe(1);
    expect(server.stderr()).toContain("SMTP_URL: is required when NODE_ENV=production");
    expect(server.stderr()).not.toMatch(/\n\s+at /);
  });
});

describe("the start-up banner", () => {
  const seed: DemoSeedResult = {
    seeded: true,
    password: DEMO_PASSWORD,
    logins: [{ email: "admin@demo.portico.test", role: "practice administrator" }],
    notes: ["Activation code for Casey Nguyen (born 1980-02-03): ABCD-EFGH-JKLM"],
  };
  const banner = {
    url: "http://localhost:3000",
    docsUrl: "http://localhost:3000/api/docs",
    databaseKind: "pglite",
    startedInMs: 812.4,
    seed,
    devMailboxUrl: "http://localhost:3000/dev/mailbox",
  };

  it("shows a person at a terminal the logins, password, TOTP secret and activation code", () => {
    const text = startupBanner(banner, true);
    expect(text).toContain("Portico is running at http://localhost:3000  (pglite, started in 812 ms)");
    for (const part of [DEMO_PASSWORD, DEMO_TOTP_SECRET, "admin@demo.portico.test", seed.notes[0] as string]) {
      expect(text).toContain(part);
    }
  });

  it("leaves them out anywhere else and says where to find them", () => {
    const text = startupBanner(banner, false);
    expect(text).toContain("Portico is running at http://localhost:3000");
    expect(text).toContain("Demo clinic seeded.");
    expect(text).toContain("README.md (Demo clinic)");
    for (const part of [DEMO_PASSWORD, DEMO_TOTP_SECRET, "admin@demo.portico.test", "Casey", "1980-02-03", "ABCD"]) {
      expect(text).not.toContain(part);
    }
  });

  it("has no demo section without the demo", () => {
    const text = startupBanner({ ...banner, seed: undefined }, true);
    expect(text).not.toContain("Demo");
    expect(text).not.toContain("Dev mailbox");
  });
});
