// Post-visit surveys: the public page of the emailed single-use link; results per provider and location (admins)
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { onlyFor, rootRoute, type Search, signedInRoute, text } from "../../app/route-roots";

const surveyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/survey",
  validateSearch: (search: Search): { token?: string; lang?: "en" | "es" } => ({
    token: text(search.token),
    lang: search.lang === "es" || search.lang === "en" ? search.lang : undefined,
  }),
  component: lazyRouteComponent(() => import("./SurveyPage"), "SurveyPage"),
});
const surveyResultsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/admin/surveys",
  beforeLoad: onlyFor("operations"),
  validateSearch: (search: Search): { from?: string; to?: string; locationId?: string } => ({
    from: text(search.from),
    to: text(search.to),
    locationId: text(search.locationId),
  }),
  component: lazyRouteComponent(() => import("./SurveyResultsPage"), "SurveyResultsPage"),
});

/** public pages (no sign-in) */
export const surveysPublicRoutes = [surveyRoute] as const;
/** pages for signed-in people (under the signed-in layout) */
export const surveysRoutes = [surveyResultsRoute] as const;
