import type { Guidance as GuidanceValue } from "@portico/contracts";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";

/** What to do at once after an urgent update (SPEC §2.7): call 911, or call or text 988. The update is saved either way. */
export function Guidance({ guidance, forSelf, name }: { guidance: GuidanceValue; forSelf: boolean; name: string }) {
  const { t } = useTranslation("health");
  if (!guidance) return null;
  return (
    <Alert tone="error" title={t(`guidance.${guidance}.title`)} headingLevel={2} className="health-guidance">
      <p>{forSelf ? t(`guidance.${guidance}.body`) : t(`guidance.${guidance}.bodyFor`, { name })}</p>
      <p>
        <a className="link health-guidance__call" href={guidance === "emergency" ? "tel:911" : "tel:988"}>
          {t(`guidance.${guidance}.call`)}
        </a>
        {guidance === "crisis" ? (
          <>
            {" "}
            <a className="link health-guidance__call" href="sms:988">
              {t("guidance.crisis.text")}
            </a>
          </>
        ) : null}
      </p>
      <p>{t("guidance.saved")}</p>
    </Alert>
  );
}
