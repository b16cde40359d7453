import type { Config } from "./config.ts";
import type { Database } from "./db/database.ts";
import type { Clock } from "./platform/clock.ts";
import type { FieldCipher } from "./platform/crypto.ts";
import type { Logger } from "./platform/logging.ts";

/** What every service is built from. */
export interface ServiceDeps {
  config: Config;
  db: Database;
  clock: Clock;
  logger: Logger;
  cipher: FieldCipher;
}

/**
 * The composition root: every module's service, built once per process and handed to the
 * routes. A module uses another module only through the service it receives here.
 */
export function createServices(deps: ServiceDeps) {
  return {
    deps,
    /** starts the background job worker; returns a handle to stop it */
    startWorker: undefined as undefined | (() => { stop(): Promise<void> }),
  };
}

export type Services = ReturnType<typeof createServices>;
