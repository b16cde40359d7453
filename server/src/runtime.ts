import path from "node:path";
import { sql } from "kysely";
import { type Config, ConfigError, loadConfig } from "./config.ts";
import { errorCodeOf, isDatabaseUnreachable } from "./db/connection-errors.ts";
import { type DatabaseHandle, openDatabase } from "./db/database.ts";
import { migrateToLatest } from "./db/migrate.ts";
import { FieldCipher, loadKeyRing } from "./platform/crypto.ts";
import { createLogger, type Logger } from "./platform/logging.ts";

export interface Runtime {
  config: Config;
  logger: Logger;
  database: DatabaseHandle;
  cipher: FieldCipher;
}

/** Prints a configuration or connection problem plainly and exits 1 (no stack trace). */
export function fail(message: string): never {
  process.stderr.write(`\nPortico cannot start: ${message}\n\n`);
  process.exit(1);
}

/** config → logger → database (reachable) → migrations: what the server, worker and scripts share. */
export async function openRuntime(options: { migrate?: boolean } = {}): Promise<Runtime> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(`${error.message}. See the configuration table in README.md.`);
    throw error;
  }
  const logger = createLogger(config);
  let cipher: FieldCipher;
  try {
    cipher = new FieldCipher(loadKeyRing(config.encryptionKeys, config.dataDir));
  } catch (error) {
    fail(`PORTICO_ENCRYPTION_KEYS: ${(error as Error).message}`);
  }
  let database: DatabaseHandle;
  try {
    database = config.databaseUrl
      ? await openDatabase({
          kind: "postgres",
          url: config.databaseUrl,
          preparedStatements: config.databasePreparedStatements,
          readUrl: config.databaseReadUrl,
          onPreparedStatementsRefused: (error) =>
            logger.warn(
              { err: { type: "prepared_statements_refused", sqlState: errorCodeOf(error) } },
              "the database refused a named prepared statement as a transaction pooler does (PgBouncer before 1.21 in transaction mode): prepared statements are now off for this process; set DATABASE_PREPARED_STATEMENTS=false",
            ),
          onConnectionError: (error) =>
            logger.warn({ err: { type: "database_connection_lost", sqlState: errorCodeOf(error) } }, error.message),
        })
      : await openDatabase({ kind: "pglite", dataDir: path.join(config.dataDir, "pglite") });
    if (config.databaseUrl) await waitForDatabase(database, config, logger);
    else await sql`select 1`.execute(database.db);
  } catch (error) {
    const variable = config.databaseUrl ? "DATABASE_URL" : "PORTICO_DATA_DIR";
    fail(`${variable}: could not open the database (${(error as Error).message}).`);
  }
  if (options.migrate !== false) {
    try {
      await migrate(config, database);
    } catch (error) {
      await database.close().catch(() => {});
      fail((error as Error).message);
    }
  }
  return { config, logger, database, cipher };
}

/**
 * Brings the schema up to date on DATABASE_MIGRATION_URL when set (e.g. the primary directly
 * while the app's own connections go through PgBouncer), else on the app's database.
 */
export async function migrate(config: Config, database: DatabaseHandle): Promise<string[]> {
  if (!config.databaseMigrationUrl) return migrateToLatest(database.db);
  const direct = await openDatabase({ kind: "postgres", url: config.databaseMigrationUrl, poolSize: 1 });
  try {
    return await migrateToLatest(direct.db);
  } finally {
    await direct.close();
  }
}

/**
 * PostgreSQL may start after Portico (a host reboot, a database restarting, containers in any
 * order): while it cannot be reached, wait and retry with a log line each time, for up to
 * DATABASE_CONNECT_TIMEOUT_SECONDS; then exit with a message. Any other failure (wrong
 * password, no such database) ends the start at once.
 */
async function waitForDatabase(database: DatabaseHandle, config: Config, logger: Logger): Promise<void> {
  const started = Date.now();
  const limitMs = config.databaseConnectTimeoutSeconds * 1_000;
  const where = describeDatabase(config.databaseUrl as string);
  let delayMs = 250;
  for (let attempt = 1; ; attempt++) {
    try {
      await sql`select 1`.execute(database.db);
      if (attempt > 1) logger.info({ attempt, waitedMs: Date.now() - started }, `database at ${where} is reachable`);
      return;
    } catch (error) {
      if (!isDatabaseUnreachable(error)) throw error;
      const waited = Date.now() - started;
      if (waited + delayMs > limitMs) {
        await database.close().catch(() => {});
        fail(
          `DATABASE_URL: could not open the database at ${where} (${reasonOf(error)}): not reachable within ${config.databaseConnectTimeoutSeconds} s. Start PostgreSQL, or wait longer with DATABASE_CONNECT_TIMEOUT_SECONDS.`,
        );
      }
      logger.warn(
        {
          attempt,
          sqlState: errorCodeOf(error),
          retryInMs: delayMs,
          limitSeconds: config.databaseConnectTimeoutSeconds,
        },
        `waiting for the database at ${where}: ${reasonOf(error)}; retrying in ${delayMs} ms (DATABASE_CONNECT_TIMEOUT_SECONDS=${config.databaseConnectTimeoutSeconds})`,
      );
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      delayMs = Math.min(delayMs * 2, 5_000);
    }
  }
}

/** a connection refused on a name with several addresses is an AggregateError without a message */
function reasonOf(error: unknown): string {
  const e = error as { message?: string; code?: string };
  return e.message || e.code || String(error);
}

/** host:port/database, never the password */
function describeDatabase(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || "5432"}${parsed.pathname}`;
  } catch {
    return "DATABASE_URL";
  }
}

/**
 * Long-running processes (server, worker): a promise that lost its database connection and
 * that nobody awaited must not end the process (SPEC §5: a restart means 503 for a moment,
 * not an outage). Any other unhandled rejection still ends it, as Node does by default.
 */
export function surviveLostConnections(logger: Logger): void {
  process.on("unhandledRejection", (reason) => {
    if (isDatabaseUnreachable(reason)) {
      logger.warn({ err: { type: "database_connection_lost", sqlState: errorCodeOf(reason) } }, "database unreachable");
      return;
    }
    logger.fatal({ err: reason }, "unhandled promise rejection");
    process.stderr.write(`\nPortico stopped: an unhandled promise rejection: ${(reason as Error)?.stack ?? reason}\n`);
    process.exit(1);
  });
}

/**
 * On SIGINT or SIGTERM (once): `stop` (requests and jobs in flight finish), then the database
 * closes and the process exits; a stop that takes longer than 3 s exits with status 1.
 */
export function exitOnSignals(logger: Logger, what: string, database: DatabaseHandle, stop: () => Promise<unknown>) {
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, `${what} shutting down`);
    const force = setTimeout(() => {
      logger.warn(`${what} shutdown took longer than 3 s; exiting`);
      process.exit(1);
    }, 3_000);
    force.unref();
    try {
      await stop();
      await database.close();
    } finally {
      clearTimeout(force);
      process.exit(0);
    }
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}
