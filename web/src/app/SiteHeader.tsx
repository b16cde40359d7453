import type { MeResponse } from "@portico/contracts";
import { useRouterState } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../components/Button";
import { Link } from "../components/Link";
import { signOut } from "./auth-actions";
import { useClinic } from "./clinic";
import { LanguageSwitch } from "./LanguageSwitch";
import { navFor } from "./nav";

export function SiteHeader({ me }: { me: MeResponse | null }) {
  const { t } = useTranslation();
  const clinic = useClinic();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const [menuOpen, setMenuOpen] = useState(false);

  // close the phone menu after moving to another page
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on path change only
  useEffect(() => setMenuOpen(false), [pathname]);

  const items = me ? navFor(me) : [];
  return (
    <header className="site-header">
      <div className="site-header__bar container">
        <Link to={me ? "/home" : "/"} className="brand link--plain">
          <svg className="brand__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
            <rect width="32" height="32" rx="7" />
            <path d="M8 25V11l8-5 8 5v14h-5v-8h-6v8z" />
          </svg>
          <span className="brand__text">
            <span className="brand__clinic">{clinic?.name ?? t("app.name")}</span>
            <span className="brand__product">{t("app.tagline")}</span>
          </span>
        </Link>
        <div className="site-header__tools">
          {me ? <Account me={me} place="bar" /> : null}
          <LanguageSwitch />
          {me ? (
            <Button
              variant="quiet"
              className="menu-toggle"
              aria-expanded={menuOpen}
              aria-controls="site-nav"
              onPress={() => setMenuOpen((open) => !open)}
            >
              <span className="menu-toggle__icon" aria-hidden="true" />
              {t("nav.menu")}
            </Button>
          ) : null}
        </div>
      </div>
      {me ? (
        <nav id="site-nav" className="site-nav" data-open={menuOpen || undefined} aria-label={t("nav.label")}>
          <div className="container site-nav__inner">
            <ul className="site-nav__list">
              {items.map((item) => (
                <li key={item.id}>
                  <Link
                    to={item.to}
                    className="site-nav__link link--plain"
                    activeOptions={{ exact: Boolean(item.exact) }}
                    activeProps={{ "aria-current": "page" }}
                  >
                    {t(item.label)}
                  </Link>
                </li>
              ))}
            </ul>
            <Account me={me} place="menu" />
          </div>
        </nav>
      ) : null}
    </header>
  );
}

/**
 * Who is signed in, their security page and "Sign out". On wide screens it sits in the top bar
 * so the section links keep a row of their own (long Spanish labels included); on phones it is
 * part of the menu. Only one of the two is displayed at a time.
 */
function Account({ me, place }: { me: MeResponse; place: "bar" | "menu" }) {
  const { t } = useTranslation();
  return (
    <div className={`site-nav__account site-nav__account--${place}`}>
      <p className="site-nav__user">
        <span className="visually-hidden">{t("nav.signedInAs")} </span>
        {me.user.displayName}
      </p>
      <Link to="/account/security" className="site-nav__link link--plain" activeProps={{ "aria-current": "page" }}>
        {t("nav.security")}
      </Link>
      <Button variant="quiet" className="site-nav__signout" onPress={() => void signOut()}>
        {t("nav.signOut")}
      </Button>
    </div>
  );
}
