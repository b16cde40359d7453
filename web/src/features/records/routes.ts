// The whole-record download (patients and caregivers with `records`)
import { lazyRouteComponent } from "@tanstack/react-router";
import { pageRoute } from "../../app/page-route";
import { signedInRoute } from "../../app/route-roots";

/** pages for signed-in people (under the signed-in layout) */
export const recordsRoutes = [
  pageRoute(signedInRoute, "/record", {
    page: lazyRouteComponent(() => import("./RecordDownloadPage"), "RecordDownloadPage"),
  }),
] as const;
