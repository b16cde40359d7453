import { execFile, execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { freePort } from "../platform/mail/smtp-test-server.ts";

const run = promisify(execFile);

/**
 * A PostgreSQL server of its own, in a temporary folder on a free port, that a test (or the
 * fault script) may stop, restart or kill without touching the shared one. Built with the
 * machine's `initdb` and `pg_ctl`; as root they run as the `postgres` user, who owns the
 * folder (PostgreSQL refuses to run as root).
 */
export interface PrivatePostgres {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` */
  url: string;
  port: number;
  /** the URL of another database on this server */
  urlOf(database: string): string;
  start(): Promise<void>;
  /** `fast` ends sessions and shuts down cleanly; `immediate` is a crash (recovery at the next start) */
  stop(mode?: "fast" | "immediate"): Promise<void>;
  restart(mode?: "fast" | "immediate"): Promise<void>;
  running(): boolean;
  /** the server's log, for failure messages */
  log(): string;
  /** stops the server (immediately) and removes the folder */
  destroy(): Promise<void>;
}

/** The folder holding initdb and pg_ctl: `PG_BIN`, else the newest /usr/lib/postgresql/<n>/bin, else pg_config's. */
export function postgresBinDir(): string {
  const fromEnv = process.env.PG_BIN?.trim();
  if (fromEnv) return fromEnv;
  const root = "/usr/lib/postgresql";
  if (fs.existsSync(root)) {
    const versions = fs
      .readdirSync(root)
      .filter((v) => fs.existsSync(path.join(root, v, "bin", "pg_ctl")))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return path.join(root, versions[0], "bin");
  }
  try {
    return execFileSync("pg_config", ["--bindir"], { encoding: "utf8" }).trim();
  } catch {
    throw new Error("PostgreSQL server programs (initdb, pg_ctl) were not found: install postgresql or set PG_BIN");
  }
}

/**
 * The ids of the `postgres` user, to run a database program as when the tests run as root (it
 * refuses root); `missing` says what cannot run when there is no such user.
 */
export function postgresUserIds(missing: string): { uid: number; gid: number } {
  const line = fs
    .readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .find((l) => l.startsWith("postgres:"));
  const [, , uid, gid] = line?.split(":") ?? [];
  if (!uid || !gid) throw new Error(missing);
  return { uid: Number(uid), gid: Number(gid) };
}

/** servers still running, with a way to read their postmaster pid */
const live = new Map<PrivatePostgres, () => number | undefined>();
let exitHookInstalled = false;

/** initdb + start. Call `destroy()` when done (a process exit stops any server left running). */
export async function startPrivatePostgres(options: { start?: boolean } = {}): Promise<PrivatePostgres> {
  const bin = postgresBinDir();
  const asRoot = process.getuid?.() === 0;
  // as root the folder must be reachable by the postgres user (TMPDIR may sit under /root),
  // and the socket path inside it must stay short
  const folder = fs.mkdtempSync(path.join(asRoot || os.tmpdir().length > 40 ? "/tmp" : os.tmpdir(), "portico-pg-"));
  if (asRoot) {
    const { uid, gid } = postgresUserIds("running as root needs a `postgres` user to run PostgreSQL as");
    fs.chownSync(folder, uid, gid);
  }
  const dataDir = path.join(folder, "data");
  const logFile = path.join(folder, "postgres.log");
  const port = await freePort();
  const exec = async (program: string, args: string[]) => {
    const file = path.join(bin, program);
    try {
      return asRoot
        ? await run("runuser", ["-u", "postgres", "--", file, ...args], { cwd: folder })
        : await run(file, args, { cwd: folder });
    } catch (error) {
      const e = error as { stderr?: string; stdout?: string; message: string };
      throw new Error(`${program} ${args.join(" ")} failed: ${e.stderr || e.stdout || e.message}`);
    }
  };

  await exec("initdb", ["-D", dataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
  // fsync off: a killed server still leaves its writes with the operating system, which is all
  // these tests kill; synchronous_commit stays on so that an acknowledged commit is in the WAL
  fs.appendFileSync(
    path.join(dataDir, "postgresql.conf"),
    [
      "",
      `port = ${port}`,
      "listen_addresses = '127.0.0.1'",
      `unix_socket_directories = '${folder}'`,
      "fsync = off",
      "full_page_writes = off",
      "max_connections = 100",
      "shared_buffers = 32MB",
      "log_min_messages = warning",
      "",
    ].join("\n"),
  );

  let up = false;
  const pidOf = (): number | undefined => {
    try {
      const pid = Number(fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
      return Number.isInteger(pid) && pid > 0 ? pid : undefined;
    } catch {
      return undefined;
    }
  };
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const instance: PrivatePostgres = {
    url,
    port,
    urlOf: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    start: async () => {
      await exec("pg_ctl", ["-D", dataDir, "-l", logFile, "-w", "-t", "60", "start"]);
      up = true;
    },
    stop: async (mode = "fast") => {
      up = false;
      await exec("pg_ctl", ["-D", dataDir, "-m", mode, "-w", "-t", "60", "stop"]);
    },
    restart: async (mode = "fast") => {
      await exec("pg_ctl", ["-D", dataDir, "-l", logFile, "-m", mode, "-w", "-t", "60", "restart"]);
      up = true;
    },
    running: () => up,
    log: () => {
      try {
        return fs.readFileSync(logFile, "utf8").slice(-4_000);
      } catch {
        return "";
      }
    },
    destroy: async () => {
      live.delete(instance);
      const pid = pidOf();
      if (pid) {
        await exec("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"]).catch(() => {});
      }
      up = false;
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
  live.set(instance, pidOf);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    // a test run that ends abruptly must not leave a postmaster behind
    process.once("exit", () => {
      for (const pidOfServer of live.values()) {
        const pid = pidOfServer();
        if (!pid) continue;
        try {
          process.kill(pid, "SIGQUIT");
        } catch {
          // already gone
        }
      }
    });
  }
  if (options.start !== false) await instance.start();
  return instance;
}
