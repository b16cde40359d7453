import type { MeResponse } from "@portico/contracts";
import { useMutation } from "@tanstack/react-query";
import { useRouterState } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import { createPortal } from "react-dom";
import { useTranslation } from "react-i18next";
import { Alert } from "../components/Alert";
import { Button } from "../components/Button";
import { changeLocale, currentLocale } from "../i18n";
import { api } from "../lib/api";
import type { AppLocale } from "../lib/format";
import { setMe, useMe } from "./session";

/** PATCH /api/me: the one language of this person, for pages and emails, saved on their account. */
export function saveAccountLanguage(me: MeResponse, locale: AppLocale): Promise<void> {
  return api<MeResponse | undefined>("/api/me", { method: "PATCH", body: { locale } }).then((updated) => {
    setMe(updated && "user" in updated ? updated : { ...me, user: { ...me.user, locale } });
  });
}

/**
 * "Español" / "English": each shown in its own language. Signed in, the choice is saved on the
 * account (the language of pages after sign-in on any device, and of every email) and the save
 * is confirmed on screen; signed out, it is remembered on this device.
 */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const me = useMe();
  const target: AppLocale = currentLocale() === "en" ? "es" : "en";
  const [outcome, setOutcome] = useState<"saved" | "saveFailed" | null>(null);
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  // the notice belongs to the page it was given on
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on path change only
  useEffect(() => setOutcome(null), [pathname]);
  const save = useMutation({
    mutationFn: ({ account, locale }: { account: MeResponse; locale: AppLocale }) =>
      saveAccountLanguage(account, locale),
    onSuccess: () => setOutcome("saved"),
    onError: () => setOutcome("saveFailed"),
  });
  return (
    <>
      <Button
        variant="quiet"
        className="lang-switch"
        onPress={async () => {
          setOutcome(null);
          await changeLocale(target);
          if (me) save.mutate({ account: me, locale: target });
        }}
        aria-label={t(`language.switchTo.${target}`)}
      >
        <span lang={target}>{t(`language.name.${target}`)}</span>
      </Button>
      {outcome
        ? createPortal(
            <div className="lang-saved">
              <Alert
                tone={outcome === "saved" ? "success" : "error"}
                title={t(`language.${outcome}`)}
                live={outcome === "saved" ? "polite" : "assertive"}
                headingLevel={2}
              >
                <Button variant="secondary" onPress={() => setOutcome(null)}>
                  {t("language.dismiss")}
                </Button>
              </Alert>
            </div>,
            document.body,
          )
        : null}
    </>
  );
}
