import type { Redis } from "ioredis";
import type { App } from "../app.ts";
import type { AccessService, CareTeamRule } from "../platform/access/patient-access.ts";
import type { AuditLog } from "../platform/audit/audit-log.ts";
import type { SealedColumn } from "../platform/crypto-rotation.ts";
import type { FileStore } from "../platform/files/index.ts";
import type { JobQueue } from "../platform/jobs/index.ts";
import type { Mailer } from "../platform/mail/mailer.ts";
import type { MailTemplate } from "../platform/mail/templates.ts";
import type { DemoSeedContext } from "../seed/demo-clinic.ts";
import type { ServiceDeps } from "../services.ts";
import type { PatientReference } from "./patients/merge-registry.ts";
import type { RecordSection } from "./records/section.ts";

/** What every module's services are built from: the process's dependencies and the platform services. */
export interface Platform extends ServiceDeps {
  /** the outbox: `jobs.enqueue` joins the caller's transaction; handlers are registered when a service is built */
  jobs: JobQueue;
  /** `mailer.send` enqueues a `mail.send` job */
  mailer: Mailer;
  /** the audit log: `audit.record` joins the caller's transaction */
  audit: AuditLog;
  /** the one enforcement point for patient data */
  access: AccessService;
  /** encrypted file storage checked by content */
  files: FileStore;
  /** shared counters across app servers (REDIS_URL; undefined without): `platform/redis.ts` */
  redis: Redis | undefined;
}

/**
 * A job that runs again and again: `scheduleFirst` queues its first run when the worker starts
 * (with a dedupe key, so every process may call it), and each run's handler queues the next.
 */
export interface PeriodicJob {
  /** for the log line when it cannot be scheduled ("could not schedule the <name> job") */
  name: string;
  scheduleFirst(): Promise<void>;
}

/**
 * A module's manifest (`modules/<area>/module.ts`): everything the rest of the server needs to
 * know about it, in one place. `modules/registry.ts` assembles them.
 */
export interface PorticoModule<Needs extends object, Provides extends object> {
  name: string;
  /**
   * Builds the module's services, once per process, from the platform and the services of
   * modules listed before it in the registry (`needs`). Job handlers are registered here.
   */
  services(platform: Platform, needs: Needs): Provides;
  /** its HTTP routes (patient routes through `patientRoute(...)`), given its own services and those it needs */
  routes?(app: App, services: Provides & Needs & { access: AccessService }): Promise<void>;
  /** jobs that repeat (each run schedules the next) */
  periodicJobs?(services: Provides): readonly PeriodicJob[];
  /** the emails it sends (each defined with `defineTemplate`) */
  mailTemplates?: readonly Pick<MailTemplate, "name">[];
  /** columns of its tables that point at a patient chart, moved when charts are merged */
  patientReferences?: readonly PatientReference[];
  /**
   * Its parts of the patient's record download (`modules/records`): every module with
   * `patientReferences` contributes sections, or says in `notInRecordDownload` why it holds
   * nothing the patient should receive (a test checks this).
   */
  recordSections?: readonly RecordSection[];
  /** why a module with `patientReferences` contributes no section to the record download */
  notInRecordDownload?: string;
  /** columns holding values sealed by `FieldCipher`, re-sealed by key rotation */
  sealedColumns?: readonly SealedColumn[];
  /** more ways a clinician is on a patient's care team (`access.addCareTeamRule`) */
  careTeamRules?: readonly CareTeamRule[];
  /** its demo data: a step of the demo seed, run in registry order in one transaction */
  demoSeed?(ctx: DemoSeedContext): Promise<void>;
}

/** Declares a module manifest (the types of its services come from its `services` function). */
export function defineModule<Needs extends object, Provides extends object>(
  module: PorticoModule<Needs, Provides>,
): PorticoModule<Needs, Provides> {
  return module;
}
