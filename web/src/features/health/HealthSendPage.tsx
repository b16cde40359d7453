import type { HealthUpdates } from "@portico/contracts";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { type PatientData, PatientPage } from "../../app/PatientPage";
import { Alert } from "../../components/Alert";
import { Link } from "../../components/Link";

/**
 * A page that sends the care team something (a reading, a questionnaire): the way back to the
 * patient's health page, the gate's states, "you cannot send" when the server says so, then the form.
 */
export function HealthSendPage({
  page,
  title,
  lead,
  children,
}: {
  page: PatientData<HealthUpdates>;
  title: string;
  lead: ReactNode;
  children: (patientId: string) => ReactNode;
}) {
  const { t } = useTranslation("health");
  const { who, forWhom } = page;
  return (
    <PatientPage
      page={page}
      title={title}
      lead={lead}
      before={
        <Link to="/health" search={who.patientId ? { patient: who.patientId } : {}} className="back-link">
          {forWhom("page.title")}
        </Link>
      }
      words="page"
    >
      {(updates, patientId) =>
        !updates.abilities.canSend ? (
          <Alert tone="info" title={t("send.cannotTitle")}>
            <p>{t("send.cannotBody")}</p>
          </Alert>
        ) : (
          children(patientId)
        )
      }
    </PatientPage>
  );
}
