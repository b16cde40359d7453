import type { Config } from "./config.ts";
import type { Database } from "./db/database.ts";
import type { Platform } from "./modules/kit.ts";
import { createModuleServices } from "./modules/registry.ts";
import { AccessService } from "./platform/access/patient-access.ts";
import { AuditLog } from "./platform/audit/audit-log.ts";
import type { Clock } from "./platform/clock.ts";
import type { FieldCipher } from "./platform/crypto.ts";
import { FileStore } from "./platform/files/index.ts";
import { JobQueue, registerHousekeeping, type WorkerHandle } from "./platform/jobs/index.ts";
import type { Logger } from "./platform/logging.ts";
import { Mailer } from "./platform/mail/mailer.ts";
import { sharedRedis } from "./platform/redis.ts";

/** What every service is built from. */
export interface ServiceDeps {
  config: Config;
  db: Database;
  clock: Clock;
  logger: Logger;
  cipher: FieldCipher;
}

/**
 * The composition root: the platform services, then every module's services (built once per
 * process by `modules/registry.ts` from each module's manifest) handed to the routes. A module
 * uses another module only through the services it receives.
 */
export function createServices(deps: ServiceDeps) {
  const jobs = new JobQueue({ db: deps.db, clock: deps.clock, logger: deps.logger });
  registerHousekeeping(jobs, deps.db, deps.clock, deps.logger);
  const mailer = new Mailer({ config: deps.config, db: deps.db, jobs, logger: deps.logger });
  const audit = new AuditLog({ db: deps.db, clock: deps.clock, logger: deps.logger });
  const access = new AccessService({ db: deps.db, clock: deps.clock, audit });
  const files = new FileStore({ db: deps.db, cipher: deps.cipher });
  const redis = sharedRedis(deps.config.redisUrl);
  const platform: Platform = { ...deps, jobs, mailer, audit, access, files, redis };
  const modules = createModuleServices(platform);
  return {
    deps,
    /** the outbox: `jobs.enqueue` joins the caller's transaction */
    jobs,
    /** `mailer.send` enqueues a `mail.send` job */
    mailer,
    /** the audit log: `audit.record` joins the caller's transaction; `recordIndependent` survives a rollback */
    audit,
    /** the one enforcement point for patient data: `authorizePatient`, `authorizeStaff`, route guards */
    access,
    /** encrypted file storage checked by content (insurance cards, attachments) */
    files,
    /** the request limits' shared counters across app servers (REDIS_URL), connected when the HTTP server starts */
    redis,
    /** every module's services, by name: see each `modules/<area>/module.ts` */
    ...modules.services,
    /** starts the background job worker and the audit-chain linker; returns a handle to stop both */
    startWorker: ((): WorkerHandle => {
      for (const job of modules.periodicJobs) {
        job
          .scheduleFirst()
          .catch((error) => deps.logger.warn({ err: error }, `could not schedule the ${job.name} job`));
      }
      const worker = jobs.startWorker({ pollMs: 1_000 });
      const linker = audit.startLinker({ intervalMs: 1_000 });
      return { stop: async () => void (await Promise.all([worker.stop(), linker.stop()])) };
    }) as undefined | (() => { stop(): Promise<void> }),
  };
}

export type Services = ReturnType<typeof createServices>;
