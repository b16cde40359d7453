// Signing in, two-step verification, activation and password reset (public); account security (signed in)
import { lazyRouteComponent } from "@tanstack/react-router";
import { pageRoute, texts } from "../../app/page-route";
import { rootRoute, signedInRoute } from "../../app/route-roots";

const signInSearch = texts("redirect", "status");

/** pages anyone may open */
export const identityPublicRoutes = [
  pageRoute(rootRoute, "/sign-in", {
    search: signInSearch,
    page: lazyRouteComponent(() => import("./SignInPage"), "SignInPage"),
  }),
  pageRoute(rootRoute, "/sign-in/verify", {
    search: signInSearch,
    page: lazyRouteComponent(() => import("./MfaPage"), "MfaPage"),
  }),
  pageRoute(rootRoute, "/sign-in/set-up-verification", {
    search: signInSearch,
    page: lazyRouteComponent(() => import("./MfaSetupPage"), "MfaSetupPage"),
  }),
  pageRoute(rootRoute, "/activate", {
    search: texts("code"),
    page: lazyRouteComponent(() => import("./ActivatePage"), "ActivatePage"),
  }),
  pageRoute(rootRoute, "/forgot-password", {
    page: lazyRouteComponent(() => import("./ForgotPasswordPage"), "ForgotPasswordPage"),
  }),
  pageRoute(rootRoute, "/reset-password", {
    search: texts("token"),
    page: lazyRouteComponent(() => import("./ResetPasswordPage"), "ResetPasswordPage"),
  }),
] as const;

/** pages for signed-in people (under the signed-in layout) */
export const identityRoutes = [
  pageRoute(signedInRoute, "/account/security", {
    search: texts("status"),
    page: lazyRouteComponent(() => import("./SecurityPage"), "SecurityPage"),
  }),
  pageRoute(signedInRoute, "/account/security/two-step", {
    page: lazyRouteComponent(() => import("./MfaEnrolPage"), "MfaEnrolPage"),
  }),
] as const;
