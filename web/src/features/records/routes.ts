// The whole-record download (patients and caregivers with `records`)
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { signedInRoute } from "../../app/route-roots";

const recordRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/record",
  component: lazyRouteComponent(() => import("./RecordDownloadPage"), "RecordDownloadPage"),
});

/** pages for signed-in people (under the signed-in layout) */
export const recordsRoutes = [recordRoute] as const;
