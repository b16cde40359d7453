import type { AppArea, MeResponse } from "@portico/contracts";
import type { QueryClient } from "@tanstack/react-query";
import { createRootRouteWithContext, createRoute, Outlet, redirect } from "@tanstack/react-router";
import { ErrorPage } from "../routes/ErrorPage";
import { NotFoundPage } from "../routes/NotFoundPage";
import { Frame } from "./Frame";
import { mayOpen } from "./nav";
import { meQuery } from "./session";

interface RouterContext {
  queryClient: QueryClient;
}

/** The frame around every page. */
export const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Frame,
  notFoundComponent: NotFoundPage,
  errorComponent: ErrorPage,
});

/** Signed-in pages: the layout route checks the session once and sends others to sign in. */
export const signedInRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: "signed-in",
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (!me) throw redirect({ to: "/sign-in", search: { redirect: location.href, status: undefined } });
    return { me };
  },
  component: Outlet,
});

/**
 * The one guard for pages under the signed-in layout: people the server does not let open any of
 * these areas (`me.abilities.areas`) go home. It only spares them a page the server would refuse;
 * the server decides what they may do.
 */
export const onlyFor =
  (...areas: AppArea[]) =>
  ({ context }: { context: unknown }) => {
    const me = (context as { me: MeResponse | null }).me;
    if (!areas.some((area) => mayOpen(me, area))) throw redirect({ to: "/home" });
  };
