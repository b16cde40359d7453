// Staff: arrivals board, booking for a patient, provider schedules
import { lazyRouteComponent } from "@tanstack/react-router";
import { oneOf, pageRoute, text, texts } from "../../app/page-route";
import { signedInRoute } from "../../app/route-roots";

/** pages for signed-in people (under the signed-in layout) */
export const scheduleRoutes = [
  pageRoute(signedInRoute, "/front-desk/arrivals", {
    only: "arrivals",
    search: texts("locationId", "date"),
    page: lazyRouteComponent(() => import("./ArrivalsPage"), "ArrivalsPage"),
  }),
  pageRoute(signedInRoute, "/front-desk/book", {
    only: "schedule",
    search: texts("q"),
    page: lazyRouteComponent(() => import("./BookForPatientPage"), "BookForPatientPage"),
  }),
  pageRoute(signedInRoute, "/schedule", {
    only: "schedule",
    search: { providerId: text, date: text, view: oneOf(["day", "week"]) },
    page: lazyRouteComponent(() => import("./SchedulePage"), "SchedulePage"),
  }),
  // a nurse or physician reads a visit's intake answers (the server refuses anyone else: 403 / 404)
  pageRoute(signedInRoute, "/schedule/visits/$appointmentId/intake", {
    only: "schedule",
    page: lazyRouteComponent(() => import("./VisitIntake"), "VisitIntakePage"),
  }),
] as const;
