import { useTranslation } from "react-i18next";
import { Link } from "../../components/Link";

/** The front desk's way back to finding a patient, above a page's title. */
export function BackToSearch() {
  const { t } = useTranslation("registration");
  return (
    <Link to="/patients" className="back-link">
      {t("search.title")}
    </Link>
  );
}
