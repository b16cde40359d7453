import { useTranslation } from "react-i18next";
import { Link } from "../../components/Link";

/** "Back to messaging settings": the way back from a pool's or a location's page to the admin list. */
export function BackToMessaging() {
  const { t } = useTranslation("messages");
  return (
    <Link to="/admin/messaging" className="back-link">
      {t("admin.back")}
    </Link>
  );
}
