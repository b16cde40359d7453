import { seedDemoOperations } from "../../seed/demo-operations.ts";
import { defineModule } from "../kit.ts";
import { operationsRoutes } from "./routes.ts";
import { OperationsService } from "./service.ts";

/**
 * The operations dashboard (SPEC §2.9, issue #16): administrators' figures over scheduling,
 * messaging, refills, referrals, visit flow, portal use and surveys — SQL aggregates only, no
 * patient data. Reads other modules' tables; owns only its roll-up of closed days (migration
 * 0041, rollup.ts), kept by a periodic job and marked stale by triggers when a past day changes.
 */
export const operationsModule = defineModule({
  name: "operations",
  services: (p) => ({
    /** the dashboard's figures */
    operations: new OperationsService({ db: p.db, clock: p.clock, access: p.access, jobs: p.jobs }),
  }),
  periodicJobs: (services) => [
    { name: "operations roll-up", scheduleFirst: () => services.operations.scheduleRollup() },
  ],
  routes: (app, services) => operationsRoutes(app, services.operations),
  demoSeed: seedDemoOperations,
});
