import type { Measure, MeasureTrend } from "@portico/contracts";
import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { LoadingState } from "../../components/Spinner";
import { StatusChip } from "../../components/StatusChip";
import { ViewSwitch } from "../../components/ViewSwitch";
import { currentLocale } from "../../i18n";
import { DataTable } from "../../kit/DataTable";
import { formatDateTime, localTimeZone } from "../../lib/format";
import { FLAG_TONE, unitLabel, valueText } from "./data";

// Recharts is loaded only when a chart is shown: never by the landing page or the rest of the app
const TrendChart = lazy(() => import("./TrendChart"));

const shortDay = (iso: string, locale: string, timeZone: string) =>
  new Intl.DateTimeFormat(locale === "es" ? "es-US" : "en-GB", { day: "numeric", month: "short", timeZone }).format(
    new Date(iso),
  );

/** The trend of every measure with readings: a summary in words, then the chart or the table. */
export function TrendsView({ trends, headingLevel = 2 }: { trends: MeasureTrend[]; headingLevel?: 2 | 3 }) {
  return (
    <div className="stack health-trends">
      {trends.map((trend) => (
        <TrendSection key={trend.measure} trend={trend} headingLevel={headingLevel} />
      ))}
    </div>
  );
}

function TrendSection({ trend, headingLevel }: { trend: MeasureTrend; headingLevel: 2 | 3 }) {
  const { t } = useTranslation("health");
  const [view, setView] = useState<"chart" | "table">("chart");
  const locale = currentLocale();
  const zone = localTimeZone();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const id = `trend-${trend.measure}`;
  const unit = unitLabel(trend.unit);
  const s = trend.summary;
  const bp = trend.measure === "blood_pressure";
  const summary = [
    t("trend.latest", {
      value: valueText(trend.measure, s.latest.value, s.latest.value2, locale),
      unit,
      when: formatDateTime(s.latest.takenAt, zone, locale),
    }),
    s.count > 1
      ? bp
        ? t("trend.rangeBp", {
            count: s.count,
            min: Math.round(s.min),
            max: Math.round(s.max),
            min2: Math.round(s.min2 ?? 0),
            max2: Math.round(s.max2 ?? 0),
            unit,
          })
        : t("trend.range", {
            count: s.count,
            min: valueText(trend.measure, s.min, null, locale),
            max: valueText(trend.measure, s.max, null, locale),
            unit,
          })
      : "",
    t(`trend.direction.${s.trend}`),
    s.flagged > 0 ? t("trend.flagged", { count: s.flagged }) : t("trend.noneFlagged"),
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <section className="health-trend card" aria-labelledby={id}>
      <div className="health-trend__head">
        <Heading id={id} className="health-trend__title">
          {t(`measures.${trend.measure}`)}
        </Heading>
        <ViewSwitch
          legend={t("trend.viewAs", { measure: t(`measures.${trend.measure}`) })}
          value={view}
          onChange={setView}
          options={[
            { id: "chart", label: t("trend.chart") },
            { id: "table", label: t("trend.table") },
          ]}
        />
      </div>
      <p className="health-trend__summary">{summary}</p>
      {view === "chart" ? (
        <>
          <div className="health-chart" role="img" aria-label={t("trend.chartLabel", { summary })}>
            <Suspense fallback={<LoadingState label={t("trend.loadingChart")} />}>
              <TrendChart
                trend={trend}
                locale={locale}
                formatDay={(iso) => shortDay(iso, locale, zone)}
                labels={bp ? { value: t("fields.systolic"), value2: t("fields.diastolic") } : { value: unit }}
              />
            </Suspense>
          </div>
          <p className="health-chart__key text-muted">{bp ? t("trend.keyBp") : t("trend.key")}</p>
        </>
      ) : (
        <TrendTable trend={trend} measure={trend.measure} />
      )}
    </section>
  );
}

function TrendTable({ trend, measure }: { trend: MeasureTrend; measure: Measure }) {
  const { t } = useTranslation("health");
  const locale = currentLocale();
  const zone = localTimeZone();
  const unit = unitLabel(trend.unit);
  const points = [...trend.points].reverse();
  return (
    <DataTable
      caption={t("trend.tableCaption", { measure: t(`measures.${measure}`), unit })}
      columns={[
        { label: t("trend.when"), cell: (p) => formatDateTime(p.takenAt, zone, locale) },
        {
          label: t("trend.value", { unit }),
          cell: (p) => valueText(measure, p.value, p.value2, locale),
        },
        {
          label: t("trend.flag"),
          cell: (p) => <StatusChip tone={FLAG_TONE[p.flag]}>{t(`flag.${p.flag}`)}</StatusChip>,
        },
      ]}
      items={points}
      rowKey={(p) => p.readingId}
    />
  );
}
