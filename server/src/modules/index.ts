import type { App } from "../app.ts";
import { registerDevMailboxRoutes } from "../platform/mail/dev-mailbox-routes.ts";
import type { Services } from "../services.ts";
import { modules } from "./registry.ts";

/** Every module's routes (from its manifest, in registry order), and the development mailbox. */
export async function registerModules(app: App, services: Services): Promise<void> {
  await registerDevMailboxRoutes(app, {
    config: services.deps.config,
    db: services.deps.db,
    sessions: services.identity.sessions,
  });
  for (const module of modules) await module.routes?.(app, services);
}
