// The clinicians' In Basket
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { onlyFor, signedInRoute } from "../../app/route-roots";

const inBasketRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/in-basket",
  beforeLoad: onlyFor("inBasket"),
  component: lazyRouteComponent(() => import("./InBasketPage"), "InBasketPage"),
});

/** pages for signed-in people (under the signed-in layout) */
export const inBasketRoutes = [inBasketRoute] as const;
