import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../components/PageHeader";
import { finishSignIn } from "./finish-sign-in";
import { MfaEnrolment } from "./MfaEnrolment";

const route = getRouteApi("/sign-in/set-up-verification");

/** Staff set up two-step verification the first time they sign in. */
export function MfaSetupPage() {
  const { t } = useTranslation();
  const { redirect } = route.useSearch();
  return (
    <div className="narrow">
      <PageHeader title={t("mfaSetup.title")} lead={<p>{t("mfaSetup.staffLead")}</p>} />
      <MfaEnrolment onDone={() => void finishSignIn(redirect)} />
    </div>
  );
}
