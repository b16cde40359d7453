// Registration: patients registering themselves (public); the front desk registering and verifying
import { lazyRouteComponent } from "@tanstack/react-router";
import { pageRoute, texts } from "../../app/page-route";
import { rootRoute, signedInRoute } from "../../app/route-roots";

/** pages anyone may open */
export const registrationPublicRoutes = [
  pageRoute(rootRoute, "/register", {
    page: lazyRouteComponent(() => import("./SelfRegisterPage"), "SelfRegisterPage"),
  }),
] as const;

/** pages for signed-in people (under the signed-in layout) */
export const registrationRoutes = [
  pageRoute(signedInRoute, "/patients/register", {
    only: "registration",
    page: lazyRouteComponent(() => import("./RegisterPatientPage"), "RegisterPatientPage"),
  }),
  pageRoute(signedInRoute, "/patients/registrations", {
    only: "registration",
    search: texts("done"),
    page: lazyRouteComponent(() => import("./PendingRegistrationsPage"), "PendingRegistrationsPage"),
  }),
  pageRoute(signedInRoute, "/patients/registrations/$patientId", {
    only: "registration",
    page: lazyRouteComponent(() => import("./PendingRegistrationsPage"), "PendingRegistrationPage"),
  }),
] as const;
