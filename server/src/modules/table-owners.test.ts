import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * One writer per table: logins, their roles and their sessions are written by identity only
 * (`modules/identity`, `platform/auth`); other modules call `services.identity.users`.
 * Tests and the demo seed may write them directly.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const src = path.join(here, "..");
const OWNED: Record<string, readonly string[]> = {
  users: ["modules/identity/", "platform/auth/"],
  user_roles: ["modules/identity/", "platform/auth/"],
  sessions: ["modules/identity/", "platform/auth/"],
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "test" || entry.name === "seed" ? [] : sourceFiles(full);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

describe("table owners", () => {
  it("only identity writes users, user_roles and sessions", () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(src)) {
      const relative = path.relative(src, file).split(path.sep).join("/");
      const text = fs.readFileSync(file, "utf8");
      for (const [table, owners] of Object.entries(OWNED)) {
        if (owners.some((owner) => relative.startsWith(owner))) continue;
        const write = new RegExp(
          `(insertInto|updateTable|deleteFrom)\\(\\s*"${table}"|(insert into|update|delete from) ${table}\\b`,
          "i",
        );
        if (write.test(text)) offenders.push(`${relative}: ${table}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
