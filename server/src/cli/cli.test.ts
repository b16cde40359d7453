import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { parseKeyRing } from "../platform/crypto.ts";

/** The admin commands as an operator runs them (`npm run migrate` etc.): real processes. */
const here = path.dirname(fileURLToPath(import.meta.url));
const onlyOnce = process.env.PORTICO_TEST_DB === "postgres";
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "portico-cli-"));

function run(script: string, args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [path.join(here, script), ...args], {
      env: {
        PATH: process.env.PATH ?? "",
        TZ: "UTC",
        NODE_ENV: "development",
        LOG_LEVEL: "warn",
        PORTICO_DATA_DIR: dataDir,
        ...env,
      },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => {
      stdout += c;
    });
    child.stderr.on("data", (c: Buffer) => {
      stderr += c;
    });
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe.skipIf(onlyOnce)("admin commands", () => {
  it.each([
    ["migrate.ts", "npm run migrate"],
    ["seed.ts", "npm run seed"],
    ["rotate-key.ts", "npm run keys:rotate"],
  ])("%s explains itself with --help and refuses unknown options", async (script, usage) => {
    const help = await run(script, ["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain(`Usage: ${usage}`);
    const bad = await run(script, ["--frobnicate"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--frobnicate");
    expect(bad.stderr).toContain(`Usage: ${usage}`);
  });

  it("prints a rotated key ring: a new current key, then the keys in use", async () => {
    const current = `k1:${Buffer.alloc(32, 9).toString("base64")}`;
    const result = await run("rotate-key.ts", [], { PORTICO_ENCRYPTION_KEYS: current });
    expect(result.code).toBe(0);
    const line = result.stdout.split("\n").find((l) => l.startsWith("PORTICO_ENCRYPTION_KEYS="));
    const ring = parseKeyRing((line as string).slice("PORTICO_ENCRYPTION_KEYS=".length));
    expect([...ring.keys.keys()]).toEqual([ring.currentKeyId, "k1"]);
    expect(ring.currentKeyId).not.toBe("k1");
    expect(ring.keys.get("k1")?.equals(Buffer.alloc(32, 9))).toBe(true);
  });

  it("migrates, seeds once, and rotates the development key re-sealing existing secrets", async () => {
    const migrated = await run("migrate.ts", []);
    expect(migrated.code, migrated.stderr).toBe(0);
    expect(migrated.stdout).toMatch(/Applied \d+ migration\(s\):\n {2}0001_platform/);

    const seeded = await run("seed.ts", []);
    expect(seeded.code, seeded.stderr).toBe(0);
    expect(seeded.stdout).toContain("Demo clinic seeded.");
    const again = await run("seed.ts", []);
    expect(again.stdout).toContain("already seeded; nothing changed");

    const upToDate = await run("migrate.ts", []);
    expect(upToDate.stdout).toContain("The database schema is up to date.");

    const keyFile = path.join(dataDir, "keys", "encryption-keys");
    const before = parseKeyRing(fs.readFileSync(keyFile, "utf8"));
    const rotated = await run("rotate-key.ts", []);
    expect(rotated.code, rotated.stderr).toBe(0);
    const after = parseKeyRing(fs.readFileSync(keyFile, "utf8"));
    expect(after.currentKeyId).not.toBe(before.currentKeyId);
    expect(after.keys.has(before.currentKeyId)).toBe(true);
    expect(rotated.stdout).toMatch(/users\.mfa_secret\s+re-sealed [1-9]\d*/);
    expect(rotated.stdout).toContain(`Values by key now: ${after.currentKeyId}:`);
    expect(rotated.stdout).not.toContain(`${before.currentKeyId}:`);
  }, 300_000);

  it("refuses to seed demo data in production", async () => {
    const result = await run("seed.ts", [], {
      NODE_ENV: "production",
      PORTICO_DEMO: "0",
      PORTICO_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 9).toString("base64")}`,
      SMTP_URL: "smtp://127.0.0.1:2525",
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("NODE_ENV: demo data is never seeded when NODE_ENV=production");
  });
});
