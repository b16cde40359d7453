import type { HealthUpdates, QuestionnaireResponse } from "@portico/contracts";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { PatientPage, usePatientData } from "../../app/PatientPage";
import { Alert } from "../../components/Alert";
import { EmptyState } from "../../components/EmptyState";
import { ButtonLink } from "../../components/Link";
import { StatusChip } from "../../components/StatusChip";
import { currentLocale } from "../../i18n";
import { DataTable } from "../../kit/DataTable";
import { formatDateTime, localTimeZone } from "../../lib/format";
import { FLAG_TONE, healthUpdatesQuery } from "./data";
import { TrendsView } from "./TrendsView";
import "./health.css";

const route = getRouteApi("/signed-in/health");
const QUESTIONNAIRES = ["phq9", "gad7"] as const;

/** A patient's (or the person a caregiver helps) readings as trends, questionnaires, and the ways to send more. */
export function HealthPage() {
  const { t } = useTranslation("health");
  const search = route.useSearch();
  const page = usePatientData("health", "health_updates", search.patient, healthUpdatesQuery);
  const { who, query: data, forSelf } = page;
  const canSend = data.data?.abilities.canSend ?? false;
  return (
    <PatientPage
      page={page}
      actions={
        canSend && who.patientId ? (
          <ButtonLink to="/health/new" search={{ patient: who.patientId }}>
            {t("page.send")}
          </ButtonLink>
        ) : null
      }
      words="page"
    >
      {(updates) => <HealthContent data={updates} forSelf={forSelf} />}
    </PatientPage>
  );
}

function HealthContent({ data, forSelf }: { data: HealthUpdates; forSelf: boolean }) {
  const { t } = useTranslation("health");
  const name = data.patient.displayName;
  return (
    <>
      <Alert tone="warning" title={t("page.emergencyTitle")} headingLevel={2}>
        <p>{t("page.emergencyBody")}</p>
      </Alert>
      {data.abilities.canSend ? (
        <nav className="health-actions" aria-label={t("page.questionnairesNav")}>
          {QUESTIONNAIRES.map((kind) => (
            <ButtonLink
              key={kind}
              variant="secondary"
              to="/health/questionnaire"
              search={{ patient: data.patient.id, kind }}
            >
              {t(`questionnaire.${kind}.short`)}
            </ButtonLink>
          ))}
        </nav>
      ) : null}
      {data.trends.length === 0 ? (
        <EmptyState title={forSelf ? t("page.emptyTitle") : t("page.emptyTitleFor", { name })}>
          <p>{t("page.emptyBody")}</p>
        </EmptyState>
      ) : (
        <TrendsView trends={data.trends} />
      )}
      <QuestionnaireHistory items={data.questionnaires} />
    </>
  );
}

export function QuestionnaireHistory({ items }: { items: QuestionnaireResponse[] }) {
  const { t } = useTranslation("health");
  const locale = currentLocale();
  if (items.length === 0) return null;
  return (
    <section className="card stack" aria-labelledby="questionnaire-history">
      <h2 id="questionnaire-history">{t("questionnaire.history")}</h2>
      <DataTable
        caption={t("questionnaire.historyCaption")}
        columns={[
          { label: t("trend.when"), cell: (q) => formatDateTime(q.createdAt, localTimeZone(), locale) },
          {
            label: t("questionnaire.name"),
            cell: (q) => (
              <>
                {t(`questionnaire.${q.kind}.short`)}
                {q.intakeFor ? (
                  <span className="health-intake-for">
                    {t("questionnaire.intakeFor", {
                      when: formatDateTime(q.intakeFor.start, q.intakeFor.timeZone, locale),
                    })}
                  </span>
                ) : null}
              </>
            ),
          },
          {
            label: t("questionnaire.score"),
            cell: (q) =>
              t("questionnaire.scoreText", {
                score: q.score,
                max: q.maxScore,
                severity: t(`severity.${q.severity}`),
              }),
          },
          {
            label: t("trend.flag"),
            cell: (q) => <StatusChip tone={FLAG_TONE[q.flag]}>{t(`flag.${q.flag}`)}</StatusChip>,
          },
        ]}
        items={items}
        rowKey={(q) => q.id}
      />
    </section>
  );
}
