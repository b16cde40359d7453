import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { ensureWebBuild, repoRoot } from "../../scripts/web-build.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** where the browser goes, e.g. http://localhost:41234 */
    baseUrl: string;
    /** "pglite" or "postgres" */
    databaseKind: string;
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForReady(url: string, child: ChildProcess, output: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${url}/api/ready`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the server was not ready within ${timeoutMs / 1000} s:\n${output()}`);
}

/**
 * Builds the web app if needed, then starts the real server on a free port with a fresh
 * database (a temporary PGlite directory, or a new PostgreSQL database when
 * E2E_DATABASE_URL is set) and the demo clinic; stops it and removes the data afterwards.
 */
export default async function setup(project: TestProject) {
  ensureWebBuild({ quiet: true });
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "portico-e2e-"));
  const postgresUrl = process.env.E2E_DATABASE_URL?.trim() || undefined;
  let databaseUrl: string | undefined;
  let dropDatabase = async () => {};
  if (postgresUrl) {
    const name = `portico_e2e_${process.pid}_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const target = new URL(postgresUrl);
    target.pathname = `/${name}`;
    databaseUrl = target.toString();
    dropDatabase = async () => {
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    };
  }

  const baseUrl = `http://localhost:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "test",
    PORT: String(port),
    HOST: "127.0.0.1",
    PUBLIC_URL: baseUrl,
    PORTICO_DATA_DIR: dataDir,
    PORTICO_DEMO: "1",
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? "warn",
    RATE_LIMIT_PER_MINUTE: "100000",
    TZ: "UTC",
  };
  delete env.DATABASE_URL;
  delete env.SMTP_URL;
  delete env.REDIS_URL;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;

  let output = "";
  const server = spawn(process.execPath, [path.join(repoRoot, "server/src/main.ts")], {
    cwd: repoRoot,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
    if (process.env.E2E_SERVER_OUTPUT === "1") process.stderr.write(chunk);
  };
  server.stdout?.on("data", keep);
  server.stderr?.on("data", keep);

  const stop = async () => {
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once("exit", resolve));
      server.kill("SIGTERM");
      const timer = setTimeout(() => server.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
    await dropDatabase().catch(() => {});
  };

  try {
    await waitForReady(`http://127.0.0.1:${port}`, server, () => output, 180_000);
  } catch (error) {
    await stop();
    throw error;
  }
  project.provide("baseUrl", baseUrl);
  project.provide("databaseKind", databaseUrl ? "postgres" : "pglite");
  return async () => {
    await stop();
    // server warnings and errors are worth reading when a journey failed
    if (/"level":(50|60)/.test(output)) process.stderr.write(`\nServer errors during the run:\n${output}\n`);
  };
}
