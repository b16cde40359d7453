import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { navigateTo } from "../../app/navigation";
import { meQueryKey } from "../../app/session";
import { Link } from "../../components/Link";
import { PageHeader } from "../../components/PageHeader";
import { MfaEnrolment } from "./MfaEnrolment";
import { useReauth } from "./ReauthDialog";

/** A patient turns on two-step verification from the Security page. */
export function MfaEnrolPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const reauth = useReauth();
  return (
    <div className="narrow">
      <PageHeader
        before={
          <Link to="/account/security" search={{ status: undefined }} className="back-link">
            {t("security.back")}
          </Link>
        }
        title={t("mfaSetup.title")}
        lead={<p>{t("mfaSetup.patientLead")}</p>}
      />
      <MfaEnrolment
        onReauthRequired={(retry) => reauth.request(retry)}
        onDone={async () => {
          await queryClient.invalidateQueries({ queryKey: meQueryKey });
          navigateTo("/account/security?status=mfa-on");
        }}
      />
      {reauth.dialog}
    </div>
  );
}
