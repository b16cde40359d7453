import { Outlet, useRouter } from "@tanstack/react-router";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { UnsavedChangesGuard } from "../kit/unsaved-changes";
import { ActingForProvider } from "./acting-for";
import { IdleTimeout } from "./IdleTimeout";
import { SiteFooter } from "./SiteFooter";
import { SiteHeader } from "./SiteHeader";
import { useMe } from "./session";

/** Every page: skip link, header with navigation, the page in <main>, footer. */
export function Frame() {
  const { t } = useTranslation();
  const me = useMe();
  const main = useRef<HTMLElement>(null);
  useFocusOnNavigation(main);
  return (
    <ActingForProvider>
      <a href="#main-content" className="skip-link">
        {t("common.skipToContent")}
      </a>
      <SiteHeader me={me} />
      <main id="main-content" ref={main} tabIndex={-1} className="site-main">
        <div className="container">
          <Outlet />
        </div>
      </main>
      <SiteFooter />
      {me ? <IdleTimeout me={me} /> : null}
      <UnsavedChangesGuard />
    </ActingForProvider>
  );
}

/** After a client-side navigation, move focus to the new page so screen readers start there. */
function useFocusOnNavigation(main: React.RefObject<HTMLElement | null>) {
  const router = useRouter();
  useEffect(() => {
    let first = true;
    return router.subscribe("onResolved", (event) => {
      if (first) {
        first = false;
        if (!event.fromLocation) return;
      }
      if (event.fromLocation?.pathname === event.toLocation.pathname) return;
      const heading = main.current?.querySelector("h1");
      if (heading instanceof HTMLElement) {
        heading.tabIndex = -1;
        heading.focus({ preventScroll: true });
      } else {
        main.current?.focus({ preventScroll: true });
      }
    });
  }, [router, main]);
}
