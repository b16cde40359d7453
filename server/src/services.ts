import type { Config } from "./config.ts";
import type { Database } from "./db/database.ts";
import { AuditTrailService } from "./modules/audit/service.ts";
import { ClinicAdminService } from "./modules/clinic-admin/service.ts";
import { createIdentityService } from "./modules/identity/service.ts";
import { PatientFiles } from "./modules/patients/files.ts";
import { PatientService } from "./modules/patients/service.ts";
import { ProxyService } from "./modules/proxies/service.ts";
import { AvailabilityService } from "./modules/scheduling/availability-service.ts";
import { appointmentCareTeamRule } from "./modules/scheduling/care-team.ts";
import { CheckInService } from "./modules/scheduling/check-in-service.ts";
import { FrontDeskService } from "./modules/scheduling/front-desk-service.ts";
import { ReminderService } from "./modules/scheduling/reminders.ts";
import { SchedulingNotifier } from "./modules/scheduling/scheduling-events.ts";
import { SchedulingService } from "./modules/scheduling/service.ts";
import { WaitlistService } from "./modules/scheduling/waitlist-service.ts";
import { AccessService } from "./platform/access/patient-access.ts";
import { AuditLog } from "./platform/audit/audit-log.ts";
import type { Clock } from "./platform/clock.ts";
import type { FieldCipher } from "./platform/crypto.ts";
import { FileStore } from "./platform/files/index.ts";
import { JobQueue, registerHousekeeping, type WorkerHandle } from "./platform/jobs/index.ts";
import type { Logger } from "./platform/logging.ts";
import { Mailer } from "./platform/mail/mailer.ts";

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
  const schedulingEvents = new SchedulingNotifier({
    db: deps.db,
    clock: deps.clock,
    jobs,
    mailer,
    config: deps.config,
  });
  const scheduling = new SchedulingService({ db: deps.db, clock: deps.clock, access, events: schedulingEvents });
  const reminders = new ReminderService({ ...deps, jobs, mailer, audit });
  const waitlist = new WaitlistService({ ...deps, access, jobs, mailer, scheduling });
  const frontDesk = new FrontDeskService({ db: deps.db, clock: deps.clock, access, audit });
  const availability = new AvailabilityService({ db: deps.db, clock: deps.clock, access, audit });
  const checkIn = new CheckInService({ db: deps.db, clock: deps.clock, access, cipher: deps.cipher });
  const auditTrail = new AuditTrailService({ db: deps.db, access, audit });
  const identity = createIdentityService({ ...deps, audit, mailer });
  const patients = new PatientService({ ...deps, access, audit, mailer, identity });
  const files = new FileStore({ db: deps.db, cipher: deps.cipher });
  const patientFiles = new PatientFiles({ db: deps.db, access, audit, store: files });
  const proxies = new ProxyService({ ...deps, access, audit, mailer, jobs, accounts: identity.onboarding });
  const clinicAdmin = new ClinicAdminService({ ...deps, access, audit, mailer });
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
    /** appointment reminders (job) and the confirm link from their emails */
    reminders,
    /** earlier-appointment requests and offers; the slot-freed and offer-expiry jobs */
    waitlist,
    /** arrivals board, provider schedules, visit statuses, “I'm here” */
    frontDesk,
    /** visit types, weekly templates, exceptions */
    availability,
    /** eCheck-in */
    checkIn,
    /** reading the audit log: the patient's access log and the admins' search */
    auditTrail,
    /** sign-in, sessions, MFA, password reset, activation; `identity.issueActivationCode` for registration */
    identity,
    /** registration, profile, duplicate review, merges, identity change requests, staff search */
    patients,
    /** encrypted file storage checked by content (insurance cards, attachments) */
    files,
    /** a patient's uploaded documents, behind the profile's access rules */
    patientFiles,
    /** caregiver grants, invitations, revocation; the daily end-of-parental-access job */
    proxies,
    /** staff accounts, locations, providers, pharmacies */
    clinicAdmin,
    /** starts the background job worker and the audit-chain linker; returns a handle to stop both */
    startWorker: ((): WorkerHandle => {
      proxies
        .scheduleDaily()
        .catch((error) => deps.logger.warn({ err: error }, "could not schedule the daily proxy job"));
      waitlist
        .scheduleExpirySweep()
        .catch((error) => deps.logger.warn({ err: error }, "could not schedule the waitlist offer expiry job"));
      const worker = jobs.startWorker({ pollMs: 1_000 });
      const linker = audit.startLinker({ intervalMs: 1_000 });
      return { stop: async () => void (await Promise.all([worker.stop(), linker.stop()])) };
    }) as undefined | (() => { stop(): Promise<void> }),
  };
}

export type Services = ReturnType<typeof createServices>;
