// Staff: arrivals board, booking for a patient, provider schedules
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { onlyFor, type Search, signedInRoute, text } from "../../app/route-roots";

const arrivalsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/front-desk/arrivals",
  beforeLoad: onlyFor("arrivals"),
  validateSearch: (search: Search): { locationId?: string; date?: string } => ({
    locationId: text(search.locationId),
    date: text(search.date),
  }),
  component: lazyRouteComponent(() => import("./ArrivalsPage"), "ArrivalsPage"),
});
const bookForPatientRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/front-desk/book",
  beforeLoad: onlyFor("schedule"),
  validateSearch: (search: Search): { q?: string } => ({ q: text(search.q) }),
  component: lazyRouteComponent(() => import("./BookForPatientPage"), "BookForPatientPage"),
});
const scheduleRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/schedule",
  beforeLoad: onlyFor("schedule"),
  validateSearch: (search: Search): { providerId?: string; date?: string; view?: "day" | "week" } => ({
    providerId: text(search.providerId),
    date: text(search.date),
    view: search.view === "week" ? "week" : search.view === "day" ? "day" : undefined,
  }),
  component: lazyRouteComponent(() => import("./SchedulePage"), "SchedulePage"),
});

// a nurse or physician reads a visit's intake answers (the server refuses anyone else: 403 / 404)
const visitIntakeRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/schedule/visits/$appointmentId/intake",
  beforeLoad: onlyFor("schedule"),
  component: lazyRouteComponent(() => import("./VisitIntake"), "VisitIntakePage"),
});

/** pages for signed-in people (under the signed-in layout) */
export const scheduleRoutes = [arrivalsRoute, bookForPatientRoute, scheduleRoute, visitIntakeRoute] as const;
