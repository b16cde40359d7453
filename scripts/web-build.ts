import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The sources the web build depends on: any of them newer than web/dist means a rebuild. */
const WEB_SOURCES = ["web/src", "web/public", "web/index.html", "web/vite.config.ts", "contracts/src"];

function newestMtime(target: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) {
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

/**
 * Where the built web app goes: web/dist, or PORTICO_WEB_DIST (an absolute path) so that several
 * checkouts' journeys can build and serve their own copy side by side.
 */
export const webDist = process.env.PORTICO_WEB_DIST?.trim() || path.join(repoRoot, "web/dist");

/** Why the web app must be (re)built, or undefined when it is up to date. */
export function webBuildReason(): string | undefined {
  const built = path.join(webDist, "index.html");
  if (!fs.existsSync(built)) return `${path.relative(repoRoot, webDist) || webDist} is missing`;
  const builtAt = fs.statSync(built).mtimeMs;
  for (const source of WEB_SOURCES) {
    if (newestMtime(path.join(repoRoot, source)) > builtAt) return `${source} changed since the last build`;
  }
  return undefined;
}

/** Builds the web app with Vite when its output is missing or older than its sources. */
export function ensureWebBuild(options: { quiet?: boolean } = {}): void {
  const reason = webBuildReason();
  if (!reason) return;
  process.stdout.write(`Building the web app (${reason})…\n`);
  const started = performance.now();
  const result = spawnSync("npm", ["run", "build", "-w", "web", "--", "--outDir", webDist, "--emptyOutDir"], {
    cwd: repoRoot,
    stdio: options.quiet ? ["ignore", "ignore", "inherit"] : "inherit",
  });
  if (result.status !== 0) {
    throw new Error(`the web build failed (npm run build -w web exited with ${result.status ?? result.signal})`);
  }
  process.stdout.write(`Web app built in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}
