import type { App } from "../app.ts";
import { registerDevMailboxRoutes } from "../platform/mail/dev-mailbox-routes.ts";
import type { Services } from "../services.ts";
import { registerAuditRoutes } from "./audit/routes.ts";
import { identityRoutes } from "./identity/routes.ts";
import { schedulingRoutes } from "./scheduling/routes.ts";

/** Every module's routes, registered in one place. */
export async function registerModules(app: App, services: Services): Promise<void> {
  await registerDevMailboxRoutes(app, { config: services.deps.config, db: services.deps.db });
  await registerAuditRoutes(app, services);
  await identityRoutes(app, services.identity);
  await schedulingRoutes(app, services.scheduling);
}
