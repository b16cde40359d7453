// Registration: patients registering themselves (public); the front desk registering and verifying
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { onlyFor, rootRoute, type Search, signedInRoute, text } from "../../app/route-roots";

const selfRegisterRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/register",
  component: lazyRouteComponent(() => import("./SelfRegisterPage"), "SelfRegisterPage"),
});
const registerPatientRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/patients/register",
  beforeLoad: onlyFor("registration"),
  component: lazyRouteComponent(() => import("./RegisterPatientPage"), "RegisterPatientPage"),
});
const pendingRegistrationsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/patients/registrations",
  validateSearch: (search: Search): { done?: string } => ({ done: text(search.done) }),
  beforeLoad: onlyFor("registration"),
  component: lazyRouteComponent(() => import("./PendingRegistrationsPage"), "PendingRegistrationsPage"),
});
const pendingRegistrationRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/patients/registrations/$patientId",
  beforeLoad: onlyFor("registration"),
  component: lazyRouteComponent(() => import("./PendingRegistrationsPage"), "PendingRegistrationPage"),
});

/** pages anyone may open */
export const registrationPublicRoutes = [selfRegisterRoute] as const;

/** pages for signed-in people (under the signed-in layout) */
export const registrationRoutes = [registerPatientRoute, pendingRegistrationsRoute, pendingRegistrationRoute] as const;
