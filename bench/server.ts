import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** A real Portico server process started by a benchmark. */
export interface RunningServer {
  child: ChildProcess;
  base: string;
  /** milliseconds from spawn to the first 200 from /api/ready */
  readyMs: number;
  /** SIGTERM, then SIGKILL after 5 s */
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The resident memory of a process in MB, from /proc (undefined where there is no /proc). */
export function rssMb(pid: number): number | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kb) ? kb / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** The flags of `npm start`'s `node` command (e.g. the young generation's size), so the bench measures what runs. */
const START_NODE_FLAGS: readonly string[] = (
  JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")).scripts.start as string
)
  .split(" ")
  .filter((word) => word.startsWith("--"));

/** Spawns `server/src/main.ts` with `env` on a free port (or `port`) and waits for /api/ready. */
export async function startServer(
  env: NodeJS.ProcessEnv,
  options: { port?: number; readyTimeoutMs?: number } = {},
): Promise<RunningServer> {
  const port = options.port ?? (await freePort());
  const timeout = options.readyTimeoutMs ?? 120_000;
  let output = "";
  const started = performance.now();
  // the Node flags `npm start` runs the server with (package.json), then e.g.
  // BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the server under load
  const nodeArgs = [...START_NODE_FLAGS, ...(process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean)];
  // Node's compile cache on from the first module, as `npm start` turns it on (scripts/start.mjs)
  const compileCache = env.NODE_COMPILE_CACHE ?? path.join(os.tmpdir(), "node-compile-cache");
  const child = spawn(process.execPath, [...nodeArgs, path.join(repoRoot, "server/src/main.ts")], {
    cwd: repoRoot,
    env: { ...env, NODE_COMPILE_CACHE: compileCache, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-10_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeout;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the server was not ready within ${Math.round(timeout / 1000)} s:\n${output}`);
    }
    try {
      if ((await fetch(`${base}/api/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  const readyMs = performance.now() - started;
  return {
    child,
    base,
    readyMs,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
