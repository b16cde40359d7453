import type { MeResponse } from "@portico/contracts";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Button } from "../components/Button";
import { changeLocale, currentLocale } from "../i18n";
import { api } from "../lib/api";
import type { AppLocale } from "../lib/format";
import { setMe, useMe } from "./session";

/** "Español" / "English": each shown in its own language, remembered here and on the account. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const me = useMe();
  const target: AppLocale = currentLocale() === "en" ? "es" : "en";
  const save = useMutation({
    mutationFn: (locale: AppLocale) => api<MeResponse | undefined>("/api/me", { method: "PATCH", body: { locale } }),
  });
  return (
    <Button
      variant="quiet"
      className="lang-switch"
      onPress={async () => {
        await changeLocale(target);
        if (me) {
          save.mutate(target, {
            onSuccess: (updated) => {
              if (updated && "user" in updated) setMe(updated);
            },
          });
        }
      }}
      aria-label={t(`language.switchTo.${target}`)}
    >
      <span lang={target}>{t(`language.name.${target}`)}</span>
    </Button>
  );
}
