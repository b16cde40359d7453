import type { App } from "../app.ts";
import { registerDevMailboxRoutes } from "../platform/mail/dev-mailbox-routes.ts";
import type { Services } from "../services.ts";
import { registerAuditRoutes } from "./audit/routes.ts";
import { clinicAdminRoutes } from "./clinic-admin/routes.ts";
import { identityRoutes } from "./identity/routes.ts";
import { patientRoutes } from "./patients/routes.ts";
import { proxyRoutes } from "./proxies/routes.ts";
import { schedulingRoutes, schedulingStaffRoutes, schedulingWaitlistRoutes } from "./scheduling/routes.ts";

/** Every module's routes, registered in one place. */
export async function registerModules(app: App, services: Services): Promise<void> {
  await registerDevMailboxRoutes(app, {
    config: services.deps.config,
    db: services.deps.db,
    sessions: services.identity.sessions,
  });
  await registerAuditRoutes(app, services);
  await identityRoutes(app, services.identity);
  await schedulingRoutes(app, services);
  await schedulingStaffRoutes(app, services);
  await schedulingWaitlistRoutes(app, services);
  await patientRoutes(app, services.patients, services.patientFiles, services.access);
  await proxyRoutes(app, services.proxies, services.identity.cookie, services.access);
  await clinicAdminRoutes(app, services.clinicAdmin);
}
