import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort } from "../platform/mail/smtp-test-server.ts";
import { postgresUserIds } from "./private-postgres.ts";

/**
 * A PgBouncer of its own for a test: transaction pooling (`pool_mode = transaction`), in a
 * temporary folder (config file, auth file, log) on a free port, in front of the PostgreSQL
 * server of `upstream` (trust authentication, as the test servers use). Every database of that
 * server is reachable through it under its own name.
 */
export interface PgBouncer {
  port: number;
  /** the URL of `database` through the pooler */
  urlOf(database: string): string;
  /** the pooler's log, for failure messages */
  log(): string;
  /** stops PgBouncer and removes its folder */
  stop(): Promise<void>;
}

/** `PGBOUNCER`, else /usr/sbin/pgbouncer (Debian's package), else `pgbouncer` on PATH; undefined when none. */
export function pgbouncerBinary(): string | undefined {
  const candidates = [process.env.PGBOUNCER?.trim(), "/usr/sbin/pgbouncer", "/usr/bin/pgbouncer"].filter(
    (c): c is string => Boolean(c),
  );
  for (const c of candidates) if (fs.existsSync(c)) return c;
  try {
    return execFileSync("sh", ["-c", "command -v pgbouncer"], { encoding: "utf8" }).trim() || undefined;
  } catch {
    return undefined;
  }
}

export async function startPgBouncer(options: {
  /** any URL of the PostgreSQL server to pool (its host, port and user are used) */
  upstream: string;
  /** server connections per database and user (default 8: fewer than the app servers' clients) */
  poolSize?: number;
}): Promise<PgBouncer> {
  const binary = pgbouncerBinary();
  if (!binary) throw new Error("pgbouncer is not installed");
  const upstream = new URL(options.upstream);
  const user = decodeURIComponent(upstream.username || "postgres");
  const asRoot = process.getuid?.() === 0;
  const folder = fs.mkdtempSync(path.join(asRoot ? "/tmp" : os.tmpdir(), "portico-pgbouncer-"));
  const port = await freePort();
  const logFile = path.join(folder, "pgbouncer.log");
  const authFile = path.join(folder, "users.txt");
  const configFile = path.join(folder, "pgbouncer.ini");
  fs.writeFileSync(authFile, `"${user}" ""\n`);
  fs.writeFileSync(
    configFile,
    [
      "[databases]",
      `* = host=${upstream.hostname} port=${upstream.port || "5432"}`,
      "",
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${port}`,
      `unix_socket_dir = ${folder}`,
      "auth_type = trust",
      `auth_file = ${authFile}`,
      "pool_mode = transaction",
      `default_pool_size = ${options.poolSize ?? 8}`,
      "max_client_conn = 1000",
      `logfile = ${logFile}`,
      `pidfile = ${path.join(folder, "pgbouncer.pid")}`,
      // a server connection goes back to the pool after each transaction; nothing is reset
      // (transaction mode: the server_reset_query is not used)
      "server_reset_query =",
      "log_connections = 0",
      "log_disconnections = 0",
      "",
    ].join("\n"),
  );
  if (asRoot) {
    const { uid, gid } = postgresUserIds(
      "PgBouncer refuses to run as root, and there is no `postgres` user to run it as",
    );
    for (const f of [folder, authFile, configFile]) fs.chownSync(f, uid, gid);
  }
  // as root: `-u postgres` (PgBouncer will not run as root); the child is PgBouncer itself
  const child: ChildProcess = spawn(binary, asRoot ? ["-u", "postgres", configFile] : [configFile], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => {
    stderr += d.toString();
  });
  let exited = false;
  child.on("exit", () => {
    exited = true;
  });
  const readLog = () => {
    try {
      return `${stderr}${fs.readFileSync(logFile, "utf8")}`.slice(-4_000);
    } catch {
      return stderr.slice(-4_000);
    }
  };
  const urlOf = (database: string) => `postgres://${encodeURIComponent(user)}@127.0.0.1:${port}/${database}`;
  const stop = async () => {
    if (!exited) {
      const gone = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGINT"); // PgBouncer: SIGINT is a quick shutdown
      await Promise.race([gone, new Promise((resolve) => setTimeout(resolve, 3_000))]);
      if (!exited) child.kill("SIGKILL");
    }
    fs.rmSync(folder, { recursive: true, force: true });
  };
  process.once("exit", () => {
    if (!exited) child.kill("SIGKILL");
  });
  // ready once a query goes through it
  const started = Date.now();
  for (;;) {
    if (exited) {
      const log = readLog();
      fs.rmSync(folder, { recursive: true, force: true });
      throw new Error(`pgbouncer exited at start: ${log}`);
    }
    const client = new pg.Client({ connectionString: urlOf(upstream.pathname.slice(1) || "postgres") });
    try {
      await client.connect();
      await client.query("select 1");
      await client.end();
      break;
    } catch (error) {
      await client.end().catch(() => {});
      if (Date.now() - started > 15_000) {
        await stop();
        throw new Error(`pgbouncer did not answer: ${(error as Error).message}\n${readLog()}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return { port, urlOf, log: readLog, stop };
}
