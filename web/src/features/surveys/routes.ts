// Post-visit surveys: the public page of the emailed single-use link; results per provider and location (admins)
import { lazyRouteComponent } from "@tanstack/react-router";
import { oneOf, pageRoute, text, texts } from "../../app/page-route";
import { rootRoute, signedInRoute } from "../../app/route-roots";

/** public pages (no sign-in) */
export const surveysPublicRoutes = [
  pageRoute(rootRoute, "/survey", {
    search: { token: text, lang: oneOf(["en", "es"]) },
    page: lazyRouteComponent(() => import("./SurveyPage"), "SurveyPage"),
  }),
] as const;
/** pages for signed-in people (under the signed-in layout) */
export const surveysRoutes = [
  pageRoute(signedInRoute, "/admin/surveys", {
    only: "operations",
    search: texts("from", "to", "locationId"),
    page: lazyRouteComponent(() => import("./SurveyResultsPage"), "SurveyResultsPage"),
  }),
] as const;
