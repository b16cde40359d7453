/**
 * `npm test`: lint + format check, type-check, unit and integration tests (PGlite, and
 * PostgreSQL when TEST_DATABASE_URL is set), then the browser suite. Stops at the first
 * failing step and exits non-zero; prints a summary ending with "N passed, N failed".
 *
 *   npm test -- --no-e2e        skip the browser suite (or PORTICO_TEST_E2E=0)
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { repoRoot } from "./web-build.ts";

const args = process.argv.slice(2);
if (args.includes("--help")) {
  process.stdout.write(
    [
      "Usage: npm test [-- --no-e2e]",
      "",
      "Runs in order, stopping at the first failure:",
      "  1. biome check .          lint and formatting; no import cycles (npm run lint:cycles)",
      "  2. npm run typecheck      tsc for every workspace",
      "  3. vitest run             server tests on PGlite (and PostgreSQL when TEST_DATABASE_URL is set)",
      "  4. npm test -w e2e        browser journeys in Chromium with axe (PGlite; with",
      "                            TEST_DATABASE_URL, half of them on PostgreSQL, or all on both",
      "                            with PORTICO_E2E_EVERY_DATABASE=1)",
      "",
      "  --no-e2e or PORTICO_TEST_E2E=0   skip step 4",
      "",
    ].join("\n"),
  );
  process.exit(0);
}
const runE2e = !args.includes("--no-e2e") && process.env.PORTICO_TEST_E2E !== "0";
const postgresUrl = process.env.TEST_DATABASE_URL?.trim() || undefined;

interface StepResult {
  name: string;
  ok: boolean;
  seconds: number;
  passed?: number;
  failed?: number;
  note?: string;
}

const results: StepResult[] = [];
const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), "portico-test-"));

function run(command: string, commandArgs: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { cwd: repoRoot, stdio: "inherit", env });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("exit", (code, signal) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

/** Counts from a Vitest JSON report (undefined when the run died before writing it). */
function readCounts(file: string): { passed: number; failed: number } | undefined {
  try {
    const report = JSON.parse(fs.readFileSync(file, "utf8")) as {
      numPassedTests: number;
      numFailedTests: number;
      testResults?: { status: string; assertionResults: unknown[] }[];
    };
    // a file that fails to load (syntax error, failing beforeAll) has no tests but counts as a failure
    const brokenFiles = (report.testResults ?? []).filter(
      (file) => file.status === "failed" && file.assertionResults.length === 0,
    ).length;
    return { passed: report.numPassedTests, failed: report.numFailedTests + brokenFiles };
  } catch {
    return undefined;
  }
}

async function step(
  name: string,
  command: string,
  commandArgs: string[],
  options: { report?: string; env?: NodeJS.ProcessEnv; goOn?: boolean } = {},
) {
  process.stdout.write(`\n━━ ${name} ━━\n`);
  const started = performance.now();
  const code = await run(command, commandArgs, options.env);
  const result: StepResult = { name, ok: code === 0, seconds: (performance.now() - started) / 1000 };
  if (options.report) {
    const counts = readCounts(options.report);
    if (counts) Object.assign(result, counts);
    else if (code !== 0) Object.assign(result, { passed: 0, failed: 1, note: "no test report was written" });
    if (counts && code !== 0 && counts.failed === 0) {
      result.failed = 1;
      result.note = "the run failed outside any test (setup or teardown)";
    }
  } else if (code !== 0) {
    // a failed check counts as one failure so that the last line never reads "0 failed" on a failed run
    Object.assign(result, { passed: 0, failed: 1 });
  }
  results.push(result);
  if (!result.ok && !options.goOn) finish();
}

function finish(): never {
  const lines = ["", "━━ Summary ━━"];
  for (const r of results) {
    const counts = r.passed === undefined ? "" : `  ${r.passed} passed, ${r.failed} failed`;
    lines.push(
      `  ${r.ok ? "✔" : "✘"} ${r.name.padEnd(34)} ${r.seconds.toFixed(1).padStart(6)} s${counts}${r.note ? `  (${r.note})` : ""}`,
    );
  }
  if (!runE2e) lines.push("  – browser journeys skipped (--no-e2e)");
  const passed = results.reduce((sum, r) => sum + (r.passed ?? 0), 0);
  const failed = results.reduce((sum, r) => sum + (r.failed ?? 0), 0);
  const ok = results.every((r) => r.ok);
  const total = results.reduce((sum, r) => sum + r.seconds, 0);
  lines.push(
    `  ${ok ? "All steps passed" : "FAILED"} in ${total.toFixed(0)} s`,
    "",
    `${passed} passed, ${failed} failed`,
    "",
  );
  process.stdout.write(lines.join("\n"));
  fs.rmSync(reportDir, { recursive: true, force: true });
  process.exit(ok ? 0 : 1);
}

const vitestReport = (name: string) => {
  const file = path.join(reportDir, `${name}.json`);
  return { file, args: ["--reporter=default", "--reporter=json", `--outputFile.json=${file}`] };
};

await step("Lint and format (biome)", "npx", ["biome", "check", "."]);
await step("Import cycles (dpdm)", "npm", ["run", "--silent", "lint:cycles"]);
await step("Type-check (tsc)", "npm", ["run", "--silent", "typecheck"]);

const unit = vitestReport("unit");
const unitName = postgresUrl ? "Unit + integration (PGlite, PostgreSQL)" : "Unit + integration (PGlite)";
await step(unitName, "npx", ["vitest", "run", ...unit.args], { report: unit.file });

/**
 * Which journeys run on which database. Every server test runs on both (step 3), so by default
 * each journey runs once: the public pages and every other journey file on PGlite, the rest on
 * PostgreSQL, which keeps the suite inside the CI budget on two cores.
 * PORTICO_E2E_EVERY_DATABASE=1 runs every journey on both.
 */
function journeySplit(): { pglite: string[]; postgres: string[] } {
  const files = fs
    .readdirSync(path.join(repoRoot, "e2e/tests"))
    .filter((f) => f.endsWith(".test.ts"))
    .sort()
    .map((f) => `tests/${f}`);
  const isPublic = (f: string) => f.startsWith("tests/public-");
  if (process.env.PORTICO_E2E_EVERY_DATABASE === "1")
    return { pglite: files, postgres: files.filter((f) => !isPublic(f)) };
  const rest = files.filter((f) => !isPublic(f));
  return {
    pglite: [...files.filter(isPublic), ...rest.filter((_, i) => i % 2 === 0)],
    postgres: rest.filter((_, i) => i % 2 === 1),
  };
}

if (runE2e) {
  const split = postgresUrl ? journeySplit() : undefined;
  const e2e = vitestReport("e2e-pglite");
  const env = { ...process.env, E2E_DATABASE_URL: "" };
  await step("Browser journeys (PGlite)", "npm", ["test", "-w", "e2e", "--", ...(split?.pglite ?? []), ...e2e.args], {
    report: e2e.file,
    env,
    goOn: true,
  });
  if (split) {
    const e2ePg = vitestReport("e2e-postgres");
    const pgEnv = { ...process.env, E2E_DATABASE_URL: postgresUrl };
    await step("Browser journeys (PostgreSQL)", "npm", ["test", "-w", "e2e", "--", ...split.postgres, ...e2ePg.args], {
      report: e2ePg.file,
      env: pgEnv,
      goOn: true,
    });
  }
}
finish();
