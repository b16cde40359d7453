import type { App } from "../../app.ts";
import { patientThreadRoutes } from "./patient-routes.ts";
import type { MessagingRouteServices } from "./route-helpers.ts";
import { settingsRoutes } from "./settings-routes.ts";
import { staffThreadRoutes } from "./staff-routes.ts";
import { uploadRoutes } from "./upload-routes.ts";

/**
 * HTTP only: schemas, the call into the service, the response. One file per area, registered
 * in this order: the patient side (patient-routes.ts), attachment uploads (upload-routes.ts),
 * the staff side (staff-routes.ts), the settings (settings-routes.ts).
 */
export async function messagingRoutes(app: App, services: MessagingRouteServices): Promise<void> {
  patientThreadRoutes(app, services);
  await uploadRoutes(app, services);
  staffThreadRoutes(app, services);
  settingsRoutes(app, services);
}
