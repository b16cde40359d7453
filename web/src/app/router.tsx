import type { QueryClient } from "@tanstack/react-query";
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from "@tanstack/react-router";
import { ErrorPage } from "../routes/ErrorPage";
import { NotFoundPage } from "../routes/NotFoundPage";
import { Frame } from "./Frame";
import { registerNavigation } from "./navigation";
import { queryClient } from "./query-client";
import { hasRole, meQuery } from "./session";

interface RouterContext {
  queryClient: QueryClient;
}

type Search = Record<string, unknown>;
const text = (value: unknown): string | undefined => (typeof value === "string" && value ? value : undefined);

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Frame,
  notFoundComponent: NotFoundPage,
  errorComponent: ErrorPage,
});

// Public pages
const landingRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/",
  component: lazyRouteComponent(() => import("../routes/LandingPage"), "LandingPage"),
});

const signInSearch = (search: Search): { redirect?: string; status?: string } => ({
  redirect: text(search.redirect),
  status: text(search.status),
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/sign-in",
  validateSearch: signInSearch,
  component: lazyRouteComponent(() => import("../features/identity/SignInPage"), "SignInPage"),
});
const mfaRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/sign-in/verify",
  validateSearch: signInSearch,
  component: lazyRouteComponent(() => import("../features/identity/MfaPage"), "MfaPage"),
});
const mfaSetupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/sign-in/set-up-verification",
  validateSearch: signInSearch,
  component: lazyRouteComponent(() => import("../features/identity/MfaSetupPage"), "MfaSetupPage"),
});
const activateRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/activate",
  validateSearch: (search: Search): { code?: string } => ({ code: text(search.code) }),
  component: lazyRouteComponent(() => import("../features/identity/ActivatePage"), "ActivatePage"),
});
const forgotRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/forgot-password",
  component: lazyRouteComponent(() => import("../features/identity/ForgotPasswordPage"), "ForgotPasswordPage"),
});
const resetRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/reset-password",
  validateSearch: (search: Search): { token?: string } => ({ token: text(search.token) }),
  component: lazyRouteComponent(() => import("../features/identity/ResetPasswordPage"), "ResetPasswordPage"),
});

// Signed-in pages: the layout route checks the session once and sends others to sign in.
const signedInRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: "signed-in",
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (!me) throw redirect({ to: "/sign-in", search: { redirect: location.href, status: undefined } });
    return { me };
  },
  component: Outlet,
});

const homeRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/home",
  component: lazyRouteComponent(() => import("../features/home/HomePage"), "HomePage"),
});
const myHealthRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/my-health",
  component: lazyRouteComponent(() => import("../features/home/PatientHome"), "PatientHome"),
});
const profileRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/profile",
  component: lazyRouteComponent(() => import("../features/profile/ProfilePage"), "ProfilePage"),
});
const accessLogRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/profile/access-log",
  component: lazyRouteComponent(() => import("../features/profile/AccessLogPage"), "AccessLogPage"),
});
const securityRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/account/security",
  validateSearch: (search: Search): { status?: string } => ({ status: text(search.status) }),
  component: lazyRouteComponent(() => import("../features/identity/SecurityPage"), "SecurityPage"),
});
const enrolRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/account/security/two-step",
  component: lazyRouteComponent(() => import("../features/identity/MfaEnrolPage"), "MfaEnrolPage"),
});
const adminAuditRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/admin/audit",
  beforeLoad: ({ context }) => {
    const me = (context as unknown as { me: Parameters<typeof hasRole>[0] }).me;
    if (!hasRole(me, "admin")) throw redirect({ to: "/home" });
  },
  component: lazyRouteComponent(() => import("../features/admin/AuditLogPage"), "AuditLogPage"),
});

const routeTree = rootRoute.addChildren([
  landingRoute,
  signInRoute,
  mfaRoute,
  mfaSetupRoute,
  activateRoute,
  forgotRoute,
  resetRoute,
  signedInRoute.addChildren([
    homeRoute,
    myHealthRoute,
    profileRoute,
    accessLogRoute,
    securityRoute,
    enrolRoute,
    adminAuditRoute,
  ]),
]);

export const router = createRouter({
  routeTree,
  context: { queryClient },
  defaultPreload: "intent",
  defaultPendingMs: 400,
  scrollRestoration: true,
  defaultNotFoundComponent: NotFoundPage,
  defaultErrorComponent: ErrorPage,
});

registerNavigation(
  (to) => void router.navigate({ href: to }),
  () => router.state.location.href,
);

declare module "@tanstack/react-router" {
  interface Register {
    router: typeof router;
  }
}
