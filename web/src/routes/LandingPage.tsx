import { useTranslation } from "react-i18next";
import { useClinic } from "../app/clinic";
import { useMe } from "../app/session";
import { Card } from "../components/Card";
import { Icon, type IconName } from "../components/Icon";
import { ButtonLink, Link } from "../components/Link";
import { useDocumentTitle } from "../components/PageHeader";

const FEATURES: Array<{ key: string; icon: IconName }> = [
  { key: "appointments", icon: "calendar" },
  { key: "messages", icon: "message" },
  { key: "medications", icon: "pill" },
  { key: "referrals", icon: "referral" },
  { key: "readings", icon: "heart" },
  { key: "family", icon: "people" },
];

export function LandingPage() {
  const { t } = useTranslation();
  const clinic = useClinic();
  const me = useMe();
  const clinicName = clinic?.name ?? t("landing.yourClinic");
  useDocumentTitle(t("landing.docTitle", { clinic: clinicName }));
  return (
    <>
      <section className="hero" aria-labelledby="landing-title">
        <div>
          <p className="hero__kicker">{clinicName}</p>
          <h1 className="hero__title" id="landing-title">
            {t("landing.title")}
          </h1>
          <p className="hero__lead">{t("landing.lead")}</p>
          <div className="hero__actions">
            {me ? (
              <ButtonLink to="/home">{t("landing.goHome")}</ButtonLink>
            ) : (
              <>
                <ButtonLink to="/sign-in">{t("common.signIn")}</ButtonLink>
                <ButtonLink to="/activate" variant="secondary">
                  {t("landing.activate")}
                </ButtonLink>
              </>
            )}
          </div>
        </div>
        <div className="hero__panel">
          <h2>{t("landing.firstTimeTitle")}</h2>
          <ul className="check-list">
            <li>{t("landing.firstTime1")}</li>
            <li>{t("landing.firstTime2")}</li>
            <li>{t("landing.firstTime3")}</li>
          </ul>
          <p>
            <Link to="/activate">{t("landing.activateLink")}</Link>
          </p>
        </div>
      </section>

      <h2 id="features-title">{t("landing.featuresTitle")}</h2>
      <ul className="feature-grid" aria-labelledby="features-title">
        {FEATURES.map((feature) => (
          <li key={feature.key} className="feature">
            <Icon name={feature.icon} className="action-tile__icon" />
            <h3>{t(`landing.features.${feature.key}.title`)}</h3>
            <p>{t(`landing.features.${feature.key}.body`)}</p>
          </li>
        ))}
      </ul>

      <div className="band">
        <Card title={t("landing.newPatientTitle")} id="new-patient">
          <p>{t("landing.newPatientBody")}</p>
          <p>
            <Link to="/register">{t("landing.registerLink")}</Link>
          </p>
          {clinic ? (
            <p>
              <a className="phone-big" href={`tel:${clinic.phone.replace(/[^\d+]/g, "")}`}>
                {clinic.phone}
              </a>
            </p>
          ) : null}
        </Card>
        <Card title={t("landing.helpTitle")} id="help">
          <p>{t("landing.helpBody")}</p>
          <ul>
            <li>
              <Link to="/forgot-password">{t("landing.helpForgot")}</Link>
            </li>
            <li>
              <Link to="/activate">{t("landing.helpActivate")}</Link>
            </li>
          </ul>
          <p className="text-muted">{t("landing.privacy")}</p>
        </Card>
      </div>
    </>
  );
}
