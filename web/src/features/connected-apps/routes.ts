// SMART App Launch: the consent page an app sends the patient to, connected apps, and app registration (admins)
import { lazyRouteComponent } from "@tanstack/react-router";
import { pageRoute } from "../../app/page-route";
import { signedInRoute } from "../../app/route-roots";

/** pages for signed-in people (under the signed-in layout) */
export const connectedAppsRoutes = [
  // the authorization server sends the browser here; signing in first comes back here (the signed-in layout)
  pageRoute(signedInRoute, "/connect-app/$uid", {
    page: lazyRouteComponent(() => import("./ConnectAppPage"), "ConnectAppPage"),
  }),
  pageRoute(signedInRoute, "/connected-apps", {
    page: lazyRouteComponent(() => import("./ConnectedAppsPage"), "ConnectedAppsPage"),
  }),
  pageRoute(signedInRoute, "/admin/apps", {
    only: "clinicSetup",
    page: lazyRouteComponent(() => import("./AdminAppsPage"), "AdminAppsPage"),
  }),
] as const;
