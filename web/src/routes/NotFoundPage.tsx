import { useTranslation } from "react-i18next";
import { useMe } from "../app/session";
import { ButtonLink, Link } from "../components/Link";
import { PageHeader } from "../components/PageHeader";

export function NotFoundPage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <div className="narrow">
      <PageHeader title={t("notFound.title")} lead={<p>{t("notFound.lead")}</p>} />
      <p>{t("notFound.body")}</p>
      <div className="form-actions">
        <ButtonLink to={me ? "/home" : "/"}>{me ? t("notFound.home") : t("notFound.start")}</ButtonLink>
        {me ? null : <Link to="/sign-in">{t("common.signIn")}</Link>}
      </div>
    </div>
  );
}
