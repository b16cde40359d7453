import type { App } from "../../app.ts";
import type { AccessService } from "../../platform/access/patient-access.ts";
import { patientAppointmentRoutes } from "./appointment-routes.ts";
import { availabilityRoutes } from "./availability-routes.ts";
import type { AvailabilityService } from "./availability-service.ts";
import type { CheckInService } from "./check-in-service.ts";
import { frontDeskRoutes } from "./front-desk-routes.ts";
import type { FrontDeskService } from "./front-desk-service.ts";
import { reminderRoutes } from "./reminder-routes.ts";
import type { ReminderService } from "./reminders.ts";
import type { SchedulingService } from "./service.ts";
import { slotRoutes } from "./slot-routes.ts";
import { visitDayRoutes } from "./visit-day-routes.ts";
import { waitlistRoutes } from "./waitlist-routes.ts";
import type { WaitlistService } from "./waitlist-service.ts";

/**
 * HTTP only (schemas, the call into the service, the response), one file per resource. They
 * are registered in this order, which is the order of the paths in the API document.
 */
export async function schedulingRoutes(
  app: App,
  services: {
    scheduling: SchedulingService;
    frontDesk: FrontDeskService;
    availability: AvailabilityService;
    checkIn: CheckInService;
    waitlist: WaitlistService;
    reminders: ReminderService;
    access: AccessService;
  },
): Promise<void> {
  await slotRoutes(app, services);
  await patientAppointmentRoutes(app, services);
  await frontDeskRoutes(app, services);
  await visitDayRoutes(app, services);
  await availabilityRoutes(app, services);
  await waitlistRoutes(app, services);
  await reminderRoutes(app, services);
}
