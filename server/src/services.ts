import type { Config } from "./config.ts";
import type { Database } from "./db/database.ts";
import { AuditTrailService } from "./modules/audit/service.ts";
import { createIdentityService } from "./modules/identity/service.ts";
import { AccessService } from "./platform/access/patient-access.ts";
import { AuditLog } from "./platform/audit/audit-log.ts";
import type { Clock } from "./platform/clock.ts";
import type { FieldCipher } from "./platform/crypto.ts";
import { JobQueue, registerHousekeeping, type WorkerHandle } from "./platform/jobs/index.ts";
import type { Logger } from "./platform/logging.ts";
import { Mailer } from "./platform/mail/mailer.ts";
import { appointmentCareTeamRule } from "./modules/scheduling/care-team.ts";
import { SchedulingService } from "./modules/scheduling/service.ts";

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
  const jobs = new JobQueue({ db: deps.db, clock: deps.clock, logger: deps.logger });
  registerHousekeeping(jobs, deps.db, deps.clock, deps.logger);
  const mailer = new Mailer({ config: deps.config, db: deps.db, jobs, logger: deps.logger });
  const audit = new AuditLog({ db: deps.db, clock: deps.clock, logger: deps.logger });
  const access = new AccessService({ db: deps.db, clock: deps.clock, audit });
  access.addCareTeamRule(appointmentCareTeamRule);
  const scheduling = new SchedulingService({ db: deps.db, clock: deps.clock, access });
  const auditTrail = new AuditTrailService({ db: deps.db, access, audit });
  const identity = createIdentityService({ ...deps, audit, mailer });
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
    /** visit types, slot search, booking, rescheduling, cancelling */
    scheduling,
    /** reading the audit log: the patient's access log and the admins' search */
    auditTrail,
    /** sign-in, sessions, MFA, password reset, activation; `identity.issueActivationCode` for registration */
    identity,
    /** starts the background job worker; returns a handle to stop it */
    startWorker: ((): WorkerHandle => jobs.startWorker({ pollMs: 1_000 })) as
      | undefined
      | (() => { stop(): Promise<void> }),
  };
}

export type Services = ReturnType<typeof createServices>;
