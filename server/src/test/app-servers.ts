import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "../platform/mail/smtp-test-server.ts";
import { TEST_KEYS } from "./app.ts";

const main = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../main.ts");

/** An app server process started by `startAppServer`. */
export interface AppServer {
  url: string;
  child: ChildProcess;
}

/**
 * One app server process (`server/src/main.ts`, no worker, no demo) on a free port, serving
 * `databaseUrl` (more settings in `env`, e.g. DATABASE_READ_URL): start two on one PostgreSQL
 * database to race requests through both. Resolves
 * once `/api/ready` answers (up to 90 s on a busy machine); stop it with `child.kill("SIGTERM")`.
 */
export async function startAppServer(databaseUrl: string, env: Record<string, string> = {}): Promise<AppServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [main], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "test",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      PORTICO_DEMO: "0",
      PORTICO_WORKER: "0",
      PORTICO_ENCRYPTION_KEYS: TEST_KEYS,
      RATE_LIMIT_PER_MINUTE: "1000000",
      LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 900; i++) {
    try {
      if ((await fetch(`${url}/api/ready`)).ok) return { url, child };
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill("SIGKILL");
  throw new Error("app server did not become ready");
}
