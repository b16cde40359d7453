import type { App } from "../app.ts";
import type { Services } from "../services.ts";

/** Every module's routes, registered in one place. */
export async function registerModules(_app: App, _services: Services): Promise<void> {}
