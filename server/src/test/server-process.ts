import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "../platform/mail/smtp-test-server.ts";

const main = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "main.ts");

/** A fixed test key ring, so that every process started on one database can open its sealed values. */
export const TEST_ENCRYPTION_KEYS = `test1:${Buffer.alloc(32, 7).toString("base64")}`;

/** `server/src/main.ts` running as its own process, as an operator starts it. */
export interface ServerProcess {
  child: ChildProcess;
  base: string;
  output(): string;
  /** resolves with the exit code once the process has ended */
  exited: Promise<number | null>;
  alive(): boolean;
  /** resolves when /api/ready answers 200 (rejects if the process exits first or the time runs out) */
  ready(timeoutMs?: number): Promise<void>;
  kill(signal?: NodeJS.Signals): Promise<number | null>;
}

/** `main.ts` as its own process with `env` over a bare environment (PATH, HOME, TZ=UTC, 127.0.0.1), its output piped. */
function spawnServer(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [main], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? os.tmpdir(), TZ: "UTC", HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** Starts the server with `env` over test defaults; `env.PORT` keeps a port across restarts. */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const port = env.PORT ?? String(await freePort());
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "portico-server-"));
  let output = "";
  const child = spawnServer({
    NODE_ENV: "test",
    LOG_LEVEL: "warn",
    PORTICO_DATA_DIR: dataDir,
    PORTICO_ENCRYPTION_KEYS: TEST_ENCRYPTION_KEYS,
    RATE_LIMIT_PER_MINUTE: "1000000",
    ...env,
    PORT: port,
  });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-50_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code, signal) => {
      fs.rmSync(dataDir, { recursive: true, force: true });
      resolve(code ?? (signal ? 128 : null));
    }),
  );
  const base = `http://127.0.0.1:${port}`;
  const server: ServerProcess = {
    child,
    base,
    output: () => output,
    exited,
    alive: () => child.exitCode === null && child.signalCode === null,
    ready: async (timeoutMs = 30_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        if (!server.alive()) throw new Error(`the server exited with ${child.exitCode}:\n${output}`);
        if (Date.now() > deadline) throw new Error(`the server was not ready within ${timeoutMs} ms:\n${output}`);
        try {
          const response = await fetch(`${base}/api/ready`, { signal: AbortSignal.timeout(2_000) });
          if (response.ok) return;
        } catch {
          // not listening yet
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    kill: async (signal = "SIGKILL") => {
      if (server.alive()) child.kill(signal);
      return exited;
    },
  };
  return server;
}

/** Polls `check` every 50 ms until it returns true; fails with `what` after `timeoutMs`. */
export async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** `main.ts` started by `spawnMain`: its standard output and error apart, and when it ended. */
export interface StartedMain {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  exited: Promise<{ code: number | null; at: number }>;
}

/**
 * `server/src/main.ts` as an operator starts it from a shell, with `env` over a bare
 * environment (PATH, HOME, TZ=UTC, NODE_ENV=development, 127.0.0.1 on any free port), its
 * output through a pipe as a container runtime or a log shipper captures it.
 */
export function spawnMain(env: Record<string, string>): StartedMain {
  let stdout = "";
  let stderr = "";
  const child = spawnServer({ NODE_ENV: "development", PORT: "0", ...env });
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
    child.on("exit", (code) => resolve({ code, at: performance.now() })),
  );
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

/** The address from the "Portico is running at …" line, once it is printed (fails if the process ends first). */
export async function runningAt(server: StartedMain, timeoutMs = 90_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void server.exited.then(() => {
    exited = true;
  });
  while (Date.now() < deadline && !exited) {
    const match = /Portico is running at (http:\/\/\S+)/.exec(server.stdout());
    if (match) return (match[1] as string).replace("localhost", "127.0.0.1");
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the server did not start:\n${server.stdout()}\n${server.stderr()}`);
}
