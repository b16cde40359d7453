import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useActingFor } from "../../app/acting-for";
import { saveAccountLanguage } from "../../app/LanguageSwitch";
import { useMe } from "../../app/session";
import { Alert } from "../../components/Alert";
import { Card } from "../../components/Card";
import { Link } from "../../components/Link";
import { PageHeader } from "../../components/PageHeader";
import { Select } from "../../components/Select";
import { StatusChip } from "../../components/StatusChip";
import { changeLocale, currentLocale } from "../../i18n";
import type { AppLocale } from "../../lib/format";

/** The signed-in person's own account: who they are, their language, and how their record is protected. */
export function ProfilePage() {
  const { t } = useTranslation();
  const me = useMe();
  const { can } = useActingFor();
  const [languageSave, setLanguageSave] = useState<"saved" | "saveFailed" | null>(null);
  if (!me) return null;
  const locale = currentLocale();
  return (
    <div className="stack">
      <PageHeader title={t("profile.title")} lead={<p>{t("profile.lead")}</p>} />
      <Card title={t("profile.accountTitle")} id="account">
        <dl className="summary-list">
          <div>
            <dt>{t("profile.name")}</dt>
            <dd>{me.user.displayName}</dd>
          </div>
          <div>
            <dt>{t("fields.email")}</dt>
            <dd className="mono">{me.user.email}</dd>
          </div>
          <div>
            <dt>{t("security.mfaTitle")}</dt>
            <dd>
              <StatusChip tone={me.user.mfaEnabled ? "success" : "neutral"}>
                {me.user.mfaEnabled ? t("security.mfaOn") : t("security.mfaOff")}
              </StatusChip>
            </dd>
          </div>
        </dl>
        <p className="text-muted">{t("profile.nameHelp")}</p>
      </Card>
      <Card title={t("profile.languageTitle")} id="language">
        <Select
          label={t("profile.languageLabel")}
          description={t("profile.languageHint")}
          width="medium"
          value={locale}
          options={[
            { id: "en", label: "English" },
            { id: "es", label: "Español" },
          ]}
          onChange={async (value) => {
            const next = value as AppLocale;
            setLanguageSave(null);
            await changeLocale(next);
            try {
              await saveAccountLanguage(me, next);
              setLanguageSave("saved");
            } catch {
              setLanguageSave("saveFailed");
            }
          }}
        />
        {languageSave ? (
          <Alert
            tone={languageSave === "saved" ? "success" : "error"}
            title={t(`language.${languageSave}`)}
            live={languageSave === "saved" ? "polite" : "assertive"}
            headingLevel={3}
          />
        ) : null}
      </Card>
      <Card title={t("profile.privacyTitle")} id="privacy">
        <ul>
          <li>
            <Link to="/profile/details">{t("registration:details.title")}</Link>
          </li>
          <li>
            <Link to="/profile/caregivers" search={{ invited: undefined }}>
              {t("caregivers:page.title")}
            </Link>
          </li>
          <li>
            <Link to="/account/security" search={{ status: undefined }}>
              {t("profile.securityLink")}
            </Link>
          </li>
          <li>
            <Link to="/connected-apps">{t("connectedApps:list.title")}</Link>
          </li>
          {can("records") ? (
            <>
              <li>
                <Link to="/profile/access-log">{t("profile.accessLogLink")}</Link>
              </li>
              <li>
                <Link to="/record">{t("profile.recordLink")}</Link>
              </li>
            </>
          ) : null}
        </ul>
      </Card>
    </div>
  );
}
