import type { SurveyFigures, SurveyResults } from "@portico/contracts";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { PageHeader, useDocumentTitle } from "../../components/PageHeader";
import { Select } from "../../components/Select";
import { LoadingState } from "../../components/Spinner";
import { currentLocale } from "../../i18n";
import { type Column, DataTable } from "../../kit/DataTable";
import { api } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import { formatCalendarDate } from "../../lib/format";
import "./surveys.css";

const route = getRouteApi("/signed-in/admin/surveys");

/**
 * Post-visit survey results (admins): answers, average score and net promoter score per
 * provider and per location over a date range, and how many answers carry a comment. The
 * comments' words are never shown here (they stay sealed).
 */
export function SurveyResultsPage() {
  const { t, i18n } = useTranslation("surveys");
  const search = route.useSearch();
  const navigate = useNavigate();
  useDocumentTitle(t("results.title"));
  const results = useQuery({
    queryKey: ["survey-results", search.from, search.to, search.locationId],
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => {
      const query = new URLSearchParams();
      if (search.from) query.set("from", search.from);
      if (search.to) query.set("to", search.to);
      if (search.locationId) query.set("locationId", search.locationId);
      return api<SurveyResults>(`/api/surveys/results?${query}`, { signal });
    },
  });
  const locale = currentLocale();
  const data = results.data;
  const number = (n: number | null) =>
    n === null ? t("results.none") : new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(n);
  const figureColumns = <T extends SurveyFigures>(): Column<T>[] => [
    { label: t("results.answered"), cell: (r) => t("results.answeredOf", { answered: r.answered, sent: r.sent }) },
    { label: t("results.average"), cell: (r) => number(r.averageScore) },
    { label: t("results.nps"), cell: (r) => number(r.netPromoterScore) },
    {
      label: t("results.split"),
      cell: (r) => t("results.splitValue", { promoters: r.promoters, passives: r.passives, detractors: r.detractors }),
    },
    { label: t("results.comments"), cell: (r) => r.comments },
  ];

  return (
    <>
      <PageHeader
        title={t("results.title")}
        lead={
          <p>
            {data
              ? t("results.lead", {
                  from: formatCalendarDate(data.from, locale),
                  to: formatCalendarDate(data.to, locale),
                })
              : t("results.leadLoading")}
          </p>
        }
      />
      {results.isError ? (
        <Alert tone="error" live="assertive">
          <p>{errorMessage(results.error, t, i18n.exists)}</p>
        </Alert>
      ) : !data ? (
        <LoadingState label={t("results.loading")} />
      ) : (
        <div className="stack">
          <Select
            label={t("results.location")}
            name="locationId"
            width="medium"
            value={search.locationId ?? "all"}
            onChange={(key) =>
              void navigate({
                to: "/admin/surveys",
                search: { ...search, locationId: key === "all" ? undefined : key },
              })
            }
            options={[
              { id: "all", label: t("results.allLocations") },
              ...data.locations.map((l) => ({ id: l.id, label: l.name })),
            ]}
          />
          <section aria-labelledby="survey-overall" className="survey-overall">
            <h2 id="survey-overall">{t("results.overall")}</h2>
            <dl className="survey-figures">
              <div>
                <dt>{t("results.average")}</dt>
                <dd>{number(data.overall.averageScore)}</dd>
              </div>
              <div>
                <dt>{t("results.nps")}</dt>
                <dd>{number(data.overall.netPromoterScore)}</dd>
              </div>
              <div>
                <dt>{t("results.answered")}</dt>
                <dd>{t("results.answeredOf", { answered: data.overall.answered, sent: data.overall.sent })}</dd>
              </div>
              <div>
                <dt>{t("results.comments")}</dt>
                <dd>{data.overall.comments}</dd>
              </div>
            </dl>
            <p className="field__hint">{t("results.npsHint")}</p>
          </section>
          <DataTable
            caption={t("results.byProvider")}
            items={data.byProvider}
            rowKey={(r) => r.providerId}
            columns={[
              { label: t("results.provider"), cell: (r) => r.providerName },
              ...figureColumns<(typeof data.byProvider)[number]>(),
            ]}
          />
          <DataTable
            caption={t("results.byLocation")}
            items={data.byLocation}
            rowKey={(r) => r.locationId}
            columns={[
              { label: t("results.locationColumn"), cell: (r) => r.locationName },
              ...figureColumns<(typeof data.byLocation)[number]>(),
            ]}
          />
        </div>
      )}
    </>
  );
}
