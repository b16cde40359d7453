// SMART App Launch: the consent page an app sends the patient to, connected apps, and app registration (admins)
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { onlyFor, signedInRoute } from "../../app/route-roots";

/** the authorization server sends the browser here; signing in first comes back here (the signed-in layout) */
const connectAppRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/connect-app/$uid",
  component: lazyRouteComponent(() => import("./ConnectAppPage"), "ConnectAppPage"),
});

const connectedAppsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/connected-apps",
  component: lazyRouteComponent(() => import("./ConnectedAppsPage"), "ConnectedAppsPage"),
});

const adminAppsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/admin/apps",
  beforeLoad: onlyFor("clinicSetup"),
  component: lazyRouteComponent(() => import("./AdminAppsPage"), "AdminAppsPage"),
});

/** pages for signed-in people (under the signed-in layout) */
export const connectedAppsRoutes = [connectAppRoute, connectedAppsRoute, adminAppsRoute] as const;
