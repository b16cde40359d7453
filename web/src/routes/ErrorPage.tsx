import type { ErrorComponentProps } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useClinic } from "../app/clinic";
import { Button } from "../components/Button";
import { Link } from "../components/Link";
import { PageHeader } from "../components/PageHeader";
import { errorMessage } from "../lib/errors";

/** Shown when a page fails to load: say what happened and what to do, never a stack trace. */
export function ErrorPage({ error, reset }: ErrorComponentProps) {
  const { t, i18n } = useTranslation();
  const clinic = useClinic();
  const chunkFailed =
    error instanceof Error && /dynamically imported module|Failed to fetch|Importing a module/i.test(error.message);
  return (
    <div className="narrow">
      <PageHeader
        title={t("errorPage.title")}
        lead={<p>{chunkFailed ? t("errorPage.updated") : errorMessage(error, t, i18n.exists)}</p>}
      />
      <p>{t("errorPage.body")}</p>
      <div className="form-actions">
        <Button
          onPress={() => {
            if (chunkFailed) window.location.reload();
            else reset();
          }}
        >
          {t("errorPage.retry")}
        </Button>
        <Link to="/">{t("errorPage.home")}</Link>
      </div>
      {clinic ? (
        <p className="text-muted">
          {t("errorPage.call")} <a href={`tel:${clinic.phone.replace(/[^\d+]/g, "")}`}>{clinic.phone}</a>
        </p>
      ) : null}
    </div>
  );
}
