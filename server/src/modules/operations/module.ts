import { seedDemoOperations } from "../../seed/demo-operations.ts";
import { defineModule } from "../kit.ts";
import { operationsRoutes } from "./routes.ts";
import { OperationsService } from "./service.ts";

/**
 * The operations dashboard (SPEC §2.9, issue #16): administrators' figures over scheduling,
 * messaging, refills, referrals, visit flow, portal use and surveys — SQL aggregates only, no
 * patient data. Reads other modules' tables; owns none (its migration adds indexes only).
 */
export const operationsModule = defineModule({
  name: "operations",
  services: (p) => ({
    /** the dashboard's figures */
    operations: new OperationsService({ db: p.db, clock: p.clock, access: p.access }),
  }),
  routes: (app, services) => operationsRoutes(app, services.operations),
  demoSeed: seedDemoOperations,
});
