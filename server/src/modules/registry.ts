import { registerSealedColumn } from "../platform/crypto-rotation.ts";
import { sealedFileContent } from "../platform/files/index.ts";
import { findTemplate } from "../platform/mail/templates.ts";
import { workQueueModule } from "../platform/work-queue/module.ts";
import type { DemoSeedContext } from "../seed/demo-clinic.ts";
import { auditModule } from "./audit/module.ts";
import { clinicAdminModule } from "./clinic-admin/module.ts";
import { fhirApiModule } from "./fhir-api/module.ts";
import { healthUpdatesModule } from "./health-updates/module.ts";
import { identityModule } from "./identity/module.ts";
import type { PeriodicJob, Platform, PorticoModule } from "./kit.ts";
import { messagingModule } from "./messaging/module.ts";
import { operationsModule } from "./operations/module.ts";
import { patientReferences } from "./patients/merge-registry.ts";
import { patientsModule } from "./patients/module.ts";
import { proxiesModule } from "./proxies/module.ts";
import { recordsModule } from "./records/module.ts";
import { recordSections } from "./records/section.ts";
import { referralsModule } from "./referrals/module.ts";
import { refillsModule } from "./refills/module.ts";
import { schedulingModule } from "./scheduling/module.ts";
import { smartModule } from "./smart/module.ts";
import { surveysModule } from "./surveys/module.ts";

/**
 * Every module, in order: a module's services may use those of the modules before it, routes
 * are registered and demo-seed steps run in this order. Adding a module = adding it here.
 */
export const modules = [
  auditModule,
  identityModule,
  patientsModule,
  schedulingModule,
  proxiesModule,
  clinicAdminModule,
  workQueueModule,
  refillsModule,
  messagingModule,
  referralsModule,
  healthUpdatesModule,
  surveysModule,
  recordsModule,
  smartModule,
  fhirApiModule,
  operationsModule,
] as const;

// biome-ignore lint/suspicious/noExplicitAny: any module, whatever its services
type AnyModule = PorticoModule<any, any>;
type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** The services of every module, by name (`services.scheduling`, `services.patients`, …). */
export type ModuleServices = UnionToIntersection<ReturnType<(typeof modules)[number]["services"]>>;

// what the modules declare about their tables, registered once when the registry is loaded
// (the platform's own sealed column first: the file store's content)
registerSealedColumn(
  sealedFileContent.table,
  sealedFileContent.idColumn,
  sealedFileContent.column,
  sealedFileContent.associatedData,
);
for (const module of modules as readonly AnyModule[]) {
  for (const reference of module.patientReferences ?? []) patientReferences.register(reference);
  for (const section of module.recordSections ?? []) recordSections.register(module.name, section);
  for (const c of module.sealedColumns ?? []) registerSealedColumn(c.table, c.idColumn, c.column, c.associatedData);
  for (const template of module.mailTemplates ?? []) {
    if (findTemplate(template.name) !== template) {
      throw new Error(`module ${module.name}: mail template ${template.name} is not defined with defineTemplate`);
    }
  }
}

/** Builds every module's services in registry order, and adds their care-team rules to the access service. */
export function createModuleServices(platform: Platform): {
  services: ModuleServices;
  periodicJobs: readonly PeriodicJob[];
} {
  const built: Record<string, unknown> = {};
  const periodicJobs: PeriodicJob[] = [];
  for (const module of modules as readonly AnyModule[]) {
    const provided = module.services(platform, built);
    for (const name of Object.keys(provided)) {
      if (name in built) throw new Error(`module ${module.name}: a service named ${name} already exists`);
    }
    Object.assign(built, provided);
    for (const rule of module.careTeamRules ?? []) platform.access.addCareTeamRule(rule);
    periodicJobs.push(...(module.periodicJobs?.(provided) ?? []));
  }
  return { services: built as ModuleServices, periodicJobs };
}

/** The demo seed's steps from the modules, in registry order (after the clinic itself). */
export const moduleDemoSeedSteps: readonly ((ctx: DemoSeedContext) => Promise<void>)[] = (
  modules as readonly AnyModule[]
).flatMap((module) => (module.demoSeed ? [module.demoSeed] : []));
