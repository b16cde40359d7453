// The clinicians' In Basket
import { lazyRouteComponent } from "@tanstack/react-router";
import { pageRoute } from "../../app/page-route";
import { signedInRoute } from "../../app/route-roots";

/** pages for signed-in people (under the signed-in layout) */
export const inBasketRoutes = [
  pageRoute(signedInRoute, "/in-basket", {
    only: "inBasket",
    page: lazyRouteComponent(() => import("./InBasketPage"), "InBasketPage"),
  }),
] as const;
