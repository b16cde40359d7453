// Signing in, two-step verification, activation and password reset (public); account security (signed in)
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { rootRoute, type Search, signedInRoute, text } from "../../app/route-roots";

const signInSearch = (search: Search): { redirect?: string; status?: string } => ({
  redirect: text(search.redirect),
  status: text(search.status),
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/sign-in",
  validateSearch: signInSearch,
  component: lazyRouteComponent(() => import("./SignInPage"), "SignInPage"),
});
const mfaRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/sign-in/verify",
  validateSearch: signInSearch,
  component: lazyRouteComponent(() => import("./MfaPage"), "MfaPage"),
});
const mfaSetupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/sign-in/set-up-verification",
  validateSearch: signInSearch,
  component: lazyRouteComponent(() => import("./MfaSetupPage"), "MfaSetupPage"),
});
const activateRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/activate",
  validateSearch: (search: Search): { code?: string } => ({ code: text(search.code) }),
  component: lazyRouteComponent(() => import("./ActivatePage"), "ActivatePage"),
});
const forgotRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/forgot-password",
  component: lazyRouteComponent(() => import("./ForgotPasswordPage"), "ForgotPasswordPage"),
});
const resetRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/reset-password",
  validateSearch: (search: Search): { token?: string } => ({ token: text(search.token) }),
  component: lazyRouteComponent(() => import("./ResetPasswordPage"), "ResetPasswordPage"),
});
const securityRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/account/security",
  validateSearch: (search: Search): { status?: string } => ({ status: text(search.status) }),
  component: lazyRouteComponent(() => import("./SecurityPage"), "SecurityPage"),
});
const enrolRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/account/security/two-step",
  component: lazyRouteComponent(() => import("./MfaEnrolPage"), "MfaEnrolPage"),
});

/** pages anyone may open */
export const identityPublicRoutes = [
  signInRoute,
  mfaRoute,
  mfaSetupRoute,
  activateRoute,
  forgotRoute,
  resetRoute,
] as const;

/** pages for signed-in people (under the signed-in layout) */
export const identityRoutes = [securityRoute, enrolRoute] as const;
