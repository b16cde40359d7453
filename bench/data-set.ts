/**
 * What the benches over one large data set on PostgreSQL (`scenarios/inbox.ts`,
 * `operations.ts`, `scale.ts`) share: their command line (`--requests N`, `--explain`, a few
 * options of their own with a value), the database BENCH_DATABASE_URL names, and the
 * environment of the Portico server they start on it.
 */
import pg from "pg";

export interface DataSetRun {
  requests: number;
  explain: boolean;
  /** the options with a value, by name without the dashes (their defaults when not given) */
  values: Record<string, string>;
  /** BENCH_DATABASE_URL */
  url: string;
  /** the database it names */
  name: string;
  /** prints `<script>: message` and exits with 2 */
  fail(message: string): never;
}

export function dataSetRun(options: {
  /** e.g. "bench:scale", the prefix of its messages */
  script: string;
  /** how it is started, for --help */
  command: string;
  exampleDatabase: string;
  requests: number;
  /** options with a value and their defaults, e.g. { "pg-log": "/var/log/…" } */
  values?: Record<string, string>;
}): DataSetRun {
  const fail = (message: string): never => {
    process.stderr.write(`${options.script}: ${message}\n`);
    process.exit(2);
  };
  const values = { ...options.values };
  const valueHelp = Object.keys(values)
    .map((key) => ` [--${key} ${values[key]}]`)
    .join("");
  let requests = options.requests;
  let explain = false;
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const key = arg.replace(/^--/, "");
    if (arg === "--requests") requests = Number(args[++i]);
    else if (arg === "--explain") explain = true;
    else if (arg.startsWith("--") && key in values) values[key] = args[++i] ?? "";
    else if (arg === "--help" || arg === "-h") {
      process.stdout.write(
        `Usage: BENCH_DATABASE_URL=postgres://…/${options.exampleDatabase} ${options.command} [--requests ${options.requests}] [--explain]${valueHelp}\n`,
      );
      process.exit(0);
    } else fail(`unknown option ${arg}`);
  }
  if (!Number.isInteger(requests) || requests < 1) fail("--requests needs a whole number ≥ 1");
  const url = process.env.BENCH_DATABASE_URL?.trim();
  if (!url)
    fail(
      `set BENCH_DATABASE_URL to a PostgreSQL database, e.g. postgres://postgres@127.0.0.1:5432/${options.exampleDatabase}`,
    );
  const name = decodeURIComponent(new URL(url as string).pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) fail("BENCH_DATABASE_URL must name a database");
  return { requests, explain, values, url: url as string, name, fail };
}

/** The environment of the Portico server a data-set bench starts: the demo clinic on top, no limits, no Redis or mail. */
export function dataSetServerEnv(url: string, more: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "test",
    HOST: "127.0.0.1",
    PORTICO_DEMO: "1",
    DATABASE_URL: url,
    RATE_LIMIT_PER_MINUTE: "1000000",
    LOG_LEVEL: "warn",
    TZ: "UTC",
    ...more,
  };
  delete env.REDIS_URL;
  delete env.SMTP_URL;
  return env;
}

/**
 * Creates the data set's database when it is missing. With `complete`, one that is there but
 * whose generation did not finish (it answers false, or fails) is dropped and made afresh.
 */
export async function ensureDataSetDatabase(
  url: string,
  name: string,
  complete?: (bench: pg.Client) => Promise<boolean>,
): Promise<void> {
  const adminUrl = new URL(url);
  adminUrl.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  let exists = Boolean((await admin.query("select 1 from pg_database where datname = $1", [name])).rowCount);
  if (exists && complete) {
    const bench = new pg.Client({ connectionString: url });
    await bench.connect();
    const finished = await complete(bench).catch(() => false);
    await bench.end();
    if (!finished) {
      await admin.query(`DROP DATABASE ${name}`);
      exists = false;
    }
  }
  if (!exists) await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
}

/** Prints `  label…`, runs it, and ends the line with how long it took. */
export async function step(label: string, run: () => Promise<unknown>): Promise<void> {
  const t0 = performance.now();
  process.stdout.write(`  ${label}…`);
  await run();
  process.stdout.write(` ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
}
