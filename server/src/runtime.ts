import path from "node:path";
import { sql } from "kysely";
import { type Config, ConfigError, loadConfig } from "./config.ts";
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
      ? await openDatabase({ kind: "postgres", url: config.databaseUrl })
      : await openDatabase({ kind: "pglite", dataDir: path.join(config.dataDir, "pglite") });
    await sql`select 1`.execute(database.db);
  } catch (error) {
    const variable = config.databaseUrl ? "DATABASE_URL" : "PORTICO_DATA_DIR";
    fail(`${variable}: could not open the database (${(error as Error).message}).`);
  }
  if (options.migrate !== false) {
    try {
      await migrateToLatest(database.db);
    } catch (error) {
      await database.close().catch(() => {});
      fail((error as Error).message);
    }
  }
  return { config, logger, database, cipher };
}
