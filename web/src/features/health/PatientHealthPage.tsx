import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../components/EmptyState";
import { Link } from "../../components/Link";
import { PageHeader } from "../../components/PageHeader";
import { Loaded } from "../../kit/views";
import { healthUpdatesQuery } from "./data";
import { QuestionnaireHistory } from "./HealthPage";
import { TrendsView } from "./TrendsView";
import "./health.css";

const route = getRouteApi("/signed-in/patients/$patientId/health");

/** A clinician's view of one patient's readings and questionnaires (the care team's; others get "not found"). */
export function PatientHealthPage() {
  const { t } = useTranslation("health");
  const { patientId } = route.useParams();
  const data = useQuery(healthUpdatesQuery(patientId));
  const name = data.data?.patient.displayName ?? "";
  return (
    <div className="stack">
      <PageHeader
        title={name ? t("chart.titleFor", { name }) : t("chart.title")}
        lead={<p>{t("chart.lead")}</p>}
        before={
          <Link to="/in-basket/health" search={{}} className="back-link">
            {t("queue.title")}
          </Link>
        }
        actions={
          name ? (
            <Link to="/staff/messages" search={{ patientId, patientName: name }}>
              {t("queue.message", { name })}
            </Link>
          ) : null
        }
      />
      <Loaded query={data} loading={t("page.loading")} failed={t("page.loadFailed")}>
        {(updates) =>
          updates.trends.length === 0 && updates.questionnaires.length === 0 ? (
            <EmptyState title={t("page.emptyTitleFor", { name })}>
              <p>{t("chart.emptyBody")}</p>
            </EmptyState>
          ) : (
            <>
              <TrendsView trends={updates.trends} />
              <QuestionnaireHistory items={updates.questionnaires} />
            </>
          )
        }
      </Loaded>
    </div>
  );
}
