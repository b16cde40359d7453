/**
 * `npm run bench:lighthouse`: the public pages as a phone sees them (SPEC §6). Lighthouse 12
 * (mobile, simulated throttling: slow 4G, a 4× slower CPU) audits the landing and sign-in
 * pages of a real Portico server on PGlite in a temporary folder, driving Debian's Chromium;
 * prints performance score, LCP, FCP, TBT and the bytes sent per page, and writes
 * bench/results/<timestamp>-lighthouse.json.
 *
 *   npm run bench:lighthouse -- [--runs 3] [--keep-reports]
 *
 * --keep-reports keeps each run's full Lighthouse report (LCP element, render-blocking requests,
 * main-thread work, unused JavaScript) as bench/results/<timestamp>-lighthouse-<page>-<run>.json.
 *
 * Lighthouse comes from the npm registry through `npx` when the script runs (it is not a
 * dependency of the project); the browser is never downloaded: CHROMIUM_PATH or
 * /usr/bin/chromium. The median of the runs is reported per page. The figures depend on the
 * machine being quiet: the simulated throttling scales CPU time measured on this machine.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureWebBuild } from "../scripts/web-build.ts";
import { startServer } from "./server.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const PAGES = [
  { name: "landing", path: "/" },
  { name: "sign-in", path: "/sign-in" },
];
const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
].join(" ");

interface Audit {
  score: number;
  lcpMs: number;
  fcpMs: number;
  tbtMs: number;
  transferKb: number;
}

function parseRuns(argv: string[]): number {
  const i = argv.findIndex((a) => a === "--runs" || a.startsWith("--runs="));
  if (i < 0) return 3;
  const value = Number(argv[i]?.includes("=") ? argv[i]?.split("=")[1] : argv[i + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error("--runs needs a whole number ≥ 1");
  return value;
}

function lighthouse(url: string, outFile: string): Audit {
  const result = spawnSync(
    "npx",
    [
      "--yes",
      "lighthouse@12",
      url,
      `--chrome-path=${chromium}`,
      `--chrome-flags=${CHROME_FLAGS}`,
      "--only-categories=performance",
      "--output=json",
      `--output-path=${outFile}`,
      "--quiet",
    ],
    { cwd: os.tmpdir(), stdio: ["ignore", "ignore", "inherit"] },
  );
  if (result.status !== 0) throw new Error(`lighthouse exited with ${result.status ?? result.signal}`);
  const report = JSON.parse(fs.readFileSync(outFile, "utf8"));
  const audits = report.audits;
  const items: { transferSize?: number }[] = audits["network-requests"]?.details?.items ?? [];
  return {
    score: Math.round(report.categories.performance.score * 100),
    lcpMs: Math.round(audits["largest-contentful-paint"].numericValue),
    fcpMs: Math.round(audits["first-contentful-paint"].numericValue),
    tbtMs: Math.round(audits["total-blocking-time"].numericValue),
    transferKb: Math.round(items.reduce((sum, item) => sum + (item.transferSize ?? 0), 0) / 1024),
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

async function main(): Promise<void> {
  if (process.argv.includes("--help")) {
    process.stdout.write("Usage: npm run bench:lighthouse -- [--runs 3] [--keep-reports]\n");
    return;
  }
  const runs = parseRuns(process.argv.slice(2));
  const keepReports = process.argv.includes("--keep-reports");
  const resultsDir = path.join(repoRoot, "bench/results");
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  if (!fs.existsSync(chromium))
    throw new Error(`no Chromium at ${chromium} (apt-get install chromium, or CHROMIUM_PATH)`);
  ensureWebBuild({ quiet: true });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "portico-bench-lighthouse-"));
  const server = await startServer(
    { ...process.env, PORTICO_DATA_DIR: dataDir, LOG_LEVEL: "warn", DATABASE_URL: "" },
    { readyTimeoutMs: 300_000 },
  );
  const rows: ({ page: string; runs: Audit[] } & Audit)[] = [];
  try {
    for (const page of PAGES) {
      const results: Audit[] = [];
      for (let run = 0; run < runs; run++) {
        const report = path.join(dataDir, `${page.name}-${run}.json`);
        results.push(lighthouse(`${server.base}${page.path}`, report));
        if (keepReports) {
          fs.mkdirSync(resultsDir, { recursive: true });
          fs.copyFileSync(report, path.join(resultsDir, `${stamp}-lighthouse-${page.name}-${run}.json`));
        }
      }
      rows.push({
        page: page.name,
        runs: results,
        score: median(results.map((r) => r.score)),
        lcpMs: median(results.map((r) => r.lcpMs)),
        fcpMs: median(results.map((r) => r.fcpMs)),
        tbtMs: median(results.map((r) => r.tbtMs)),
        transferKb: median(results.map((r) => r.transferKb)),
      });
    }
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const load = os.loadavg()[0]?.toFixed(2);
  process.stdout.write(
    [
      `Lighthouse 12, mobile, simulated throttling; median of ${runs} run(s); ${os.cpus().length} cores, load ${load}`,
      "| page | performance (budget ≥ 90) | LCP ms (≤ 2500) | FCP ms | TBT ms | transferred KB |",
      "|---|---|---|---|---|---|",
      ...rows.map((r) => `| ${r.page} | ${r.score} | ${r.lcpMs} | ${r.fcpMs} | ${r.tbtMs} | ${r.transferKb} |`),
      "",
    ].join("\n"),
  );
  fs.mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${stamp}-lighthouse.json`);
  fs.writeFileSync(
    file,
    `${JSON.stringify({ date: new Date().toISOString(), cpus: os.cpus().length, load: os.loadavg(), runs, pages: rows }, null, 2)}\n`,
  );
  process.stdout.write(`Results written to ${path.relative(process.cwd(), file)}\n`);
}

main().catch((error) => {
  process.stderr.write(`bench:lighthouse: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
