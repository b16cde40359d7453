/**
 * `npm start`: builds the web app when it is missing or stale, then runs the server in this
 * same process so that Ctrl-C and SIGTERM reach it directly.
 */
import { ensureWebBuild } from "./web-build.ts";

try {
  ensureWebBuild();
} catch (error) {
  process.stderr.write(`\nPortico cannot start: ${(error as Error).message}\n\n`);
  process.exit(1);
}

await import("../server/src/main.ts");
