import { useTranslation } from "react-i18next";
import { useClinic } from "./clinic";

export function SiteFooter() {
  const { t } = useTranslation();
  const clinic = useClinic();
  return (
    <footer className="site-footer">
      <div className="container site-footer__inner">
        <div>
          <p className="site-footer__clinic">{clinic?.name ?? t("app.name")}</p>
          {clinic ? (
            <p>
              {t("footer.help")}{" "}
              <a href={`tel:${clinic.phone.replace(/[^\d+]/g, "")}`} className="site-footer__phone">
                {clinic.phone}
              </a>
            </p>
          ) : null}
        </div>
        <div>
          <p className="site-footer__emergency">
            <strong>{t("footer.emergencyTitle")}</strong> {t("footer.emergencyBody")}
          </p>
          <p className="site-footer__product">{t("footer.poweredBy")}</p>
        </div>
      </div>
    </footer>
  );
}
