import type {
  OperationsFigure,
  OperationsFigureName,
  OperationsOverview,
  OperationsRow,
  OperationsUnit,
} from "@portico/contracts";
import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import type { FieldErrors } from "../../components/Form";
import { TextField } from "../../components/fields";
import { PageHeader } from "../../components/PageHeader";
import { Select } from "../../components/Select";
import { LoadingState } from "../../components/Spinner";
import { ViewSwitch } from "../../components/ViewSwitch";
import { currentLocale } from "../../i18n";
import { bindField } from "../../kit/bind-field";
import { DataTable } from "../../kit/DataTable";
import { FilterCard } from "../../kit/FilterCard";
import { api } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import { formatCalendarDate } from "../../lib/format";
import type { ChartDatum } from "./FigureChart";
import "./operations.css";

const FigureChart = lazy(() => import("./FigureChart"));

interface Filters {
  from: string;
  to: string;
  locationId: string;
  providerId: string;
}

const ALL = "all";
/** marks the total row in the table view */
const TOTAL = "__total";
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What each figure's chart draws: the row's label, and the columns drawn as bars (one unit each). */
const CHARTS: Record<OperationsFigureName, { label: (r: OperationsRow) => string[]; series: string[] }> = {
  "third-next-available": { label: (r) => [String(r.provider), String(r.visitType)], series: ["days"] },
  "lead-time": { label: (r) => [String(r.visitType)], series: ["medianDays", "p90Days"] },
  attendance: { label: (r) => [String(r.provider)], series: ["noShowRate", "lateCancellationRate"] },
  "message-response": { label: (r) => [String(r.pool)], series: ["withinTarget"] },
  "refill-turnaround": { label: (r) => [String(r.decidedBy)], series: ["medianHoursToDecision", "p90HoursToDecision"] },
  "referral-turnaround": { label: (r) => [String(r.stage)], series: ["medianDays", "p90Days"] },
  "arrival-wait": { label: (r) => [String(r.location)], series: ["medianMinutes", "p90Minutes"] },
  "portal-adoption": { label: (r) => [String(r.measure)], series: ["share"] },
  "survey-score": { label: (r) => [String(r.provider)], series: ["meanScore"] },
};

/** columns whose text is one of a few words the page translates */
const TRANSLATED = new Set(["decidedBy", "stage", "measure"]);

function query(filters: Filters, extra?: string): string {
  const params = new URLSearchParams();
  if (filters.from) params.set("from", filters.from);
  if (filters.to) params.set("to", filters.to);
  if (filters.locationId !== ALL) params.set("locationId", filters.locationId);
  if (filters.providerId !== ALL) params.set("providerId", filters.providerId);
  if (extra) params.set("format", extra);
  return params.toString();
}

/** The operations dashboard: clinic-wide figures with filters, each as a chart or a table, with a CSV. */
export function OperationsPage() {
  const { t } = useTranslation("operations");
  const locale = currentLocale();
  const overview = useQuery({
    queryKey: ["operations"],
    queryFn: ({ signal }) => api<OperationsOverview>("/api/operations", { signal }),
  });
  const [draft, setDraft] = useState<Filters | null>(null);
  const [applied, setApplied] = useState<Filters | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);

  if (overview.isPending) return <LoadingState label={t("loading")} />;
  if (overview.isError) return <FailedToLoad error={overview.error} />;
  const o = overview.data;
  const defaults: Filters = { from: o.from, to: o.to, locationId: ALL, providerId: ALL };
  const form = draft ?? defaults;
  const filters = applied ?? defaults;

  function submit() {
    const next: FieldErrors = {};
    if (!DATE.test(form.from)) next.from = t("filters.dateInvalid");
    if (!DATE.test(form.to)) next.to = t("filters.dateInvalid");
    if (!next.from && !next.to && form.from > form.to) next.to = t("filters.dateOrder");
    setErrors(next);
    setAttempt((n) => n + 1);
    if (Object.keys(next).length === 0) setApplied(form);
  }
  const set = (key: keyof Filters) => (value: string) => setDraft({ ...form, [key]: value });
  const field = bindField(form, errors, set);
  const place = filters.locationId === ALL ? null : o.locations.find((l) => l.id === filters.locationId)?.name;
  const person = filters.providerId === ALL ? null : o.providers.find((p) => p.id === filters.providerId)?.name;

  return (
    <>
      <PageHeader
        title={t("title")}
        lead={
          <>
            <p>{t("lead")}</p>
            <p className="text-muted">{t("zone", { zone: o.timeZone })}</p>
          </>
        }
      />
      <FilterCard
        id="operations-filters"
        title={t("filters.title")}
        onSubmit={submit}
        errors={errors}
        attempt={attempt}
        after={
          <p className="operations-showing" role="status">
            {t("filters.showing", {
              from: formatCalendarDate(filters.from, locale),
              to: formatCalendarDate(filters.to, locale),
              place: place ?? t("filters.allLocations"),
              person: person ?? t("filters.allProviders"),
            })}
          </p>
        }
      >
        <TextField {...field("from")} type="date" label={t("filters.from")} isRequired />
        <TextField {...field("to")} type="date" label={t("filters.to")} isRequired />
        <Select
          {...field("locationId")}
          label={t("filters.location")}
          options={[
            { id: ALL, label: t("filters.allLocations") },
            ...o.locations.map((l) => ({ id: l.id, label: l.name })),
          ]}
        />
        <Select
          {...field("providerId")}
          label={t("filters.provider")}
          options={[
            { id: ALL, label: t("filters.allProviders") },
            ...o.providers.map((p) => ({ id: p.id, label: p.name })),
          ]}
        />
        <div className="form-actions">
          <Button type="submit">{t("filters.apply")}</Button>
        </div>
      </FilterCard>
      <div className="operations-figures">
        {o.figures.map((name) => (
          <FigureCard key={name} name={name} filters={filters} />
        ))}
      </div>
    </>
  );
}

function FigureCard({ name, filters }: { name: OperationsFigureName; filters: Filters }) {
  const { t } = useTranslation("operations");
  const locale = currentLocale();
  const id = useId();
  const [view, setView] = useState<"chart" | "table">("chart");
  const figure = useQuery({
    queryKey: ["operations", name, filters],
    queryFn: ({ signal }) => api<OperationsFigure>(`/api/operations/figures/${name}?${query(filters)}`, { signal }),
    placeholderData: (previous) => previous,
  });
  const title = t(`figures.${name}.title`);
  const numbers = new Intl.NumberFormat(locale === "es" ? "es-US" : "en-US", { maximumFractionDigits: 1 });
  const word = (column: string, value: string) => (TRANSLATED.has(column) ? t(`values.${value}`) : value);
  const cellText = (unit: OperationsUnit, column: string, value: string | number | null | undefined) => {
    if (value === null || value === undefined) return t("none");
    if (typeof value === "string") return word(column, value);
    return unit === "percent" ? t("percent", { value: numbers.format(value) }) : numbers.format(value);
  };

  let body: React.ReactNode;
  if (figure.isPending) body = <LoadingState label={t("loadingFigure", { figure: title })} />;
  else if (figure.isError) body = <FailedToLoad error={figure.error} />;
  else {
    const f = figure.data;
    const chart = CHARTS[name];
    const summary = summarise(
      name,
      f,
      (v) => (v === null || v === undefined ? t("none") : numbers.format(Number(v))),
      t,
    );
    const unitOf = (key: string) => f.columns.find((c) => c.key === key)?.unit ?? "count";
    const data: ChartDatum[] = f.rows
      .filter((r) => chart.series.some((s) => typeof r[s] === "number"))
      .map((r) => {
        const datum: ChartDatum = {
          label: chart
            .label(r)
            .map((part, i) => word(f.columns[i]?.key ?? "", part))
            .join(" · "),
        };
        for (const s of chart.series) datum[s] = r[s] ?? null;
        return datum;
      });
    const firstUnit = unitOf(chart.series[0] as string);
    const ignored = filters.locationId !== ALL && !f.applies.location;
    body = (
      <>
        <p className="operations-figure__summary">{summary}</p>
        {ignored ? <p className="text-muted">{t("locationNotApplied")}</p> : null}
        {!f.applies.dateRange ? <p className="text-muted">{t("asOfNow")}</p> : null}
        {f.rows.length === 0 ? null : view === "chart" ? (
          <div className="operations-chart" role="img" aria-label={t("chartLabel", { figure: title, summary })}>
            <Suspense fallback={<LoadingState label={t("loadingChart")} />}>
              <FigureChart
                data={data}
                series={chart.series.map((s) => ({ key: s, name: t(`columns.${s}`) }))}
                format={(v) => cellText(firstUnit, "", v)}
              />
            </Suspense>
          </div>
        ) : (
          // a labelled region (a section with a name): a table wider than its card scrolls inside it,
          // and the region takes focus so the keyboard can scroll it
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1)
          <section className="operations-table" aria-label={t("tableRegion", { figure: title })} tabIndex={0}>
            <DataTable
              caption={t("tableCaption", { figure: title })}
              columns={f.columns.map((c, i) => ({
                label: t(`columns.${c.key}`),
                cell: (r: OperationsRow) => (i === 0 && r[TOTAL] ? t("total") : cellText(c.unit, c.key, r[c.key])),
              }))}
              items={f.total ? [...f.rows, { ...f.total, [TOTAL]: 1 }] : f.rows}
              rowKey={(r) => f.columns.map((c) => String(r[c.key])).join("|") + (r[TOTAL] ? "|total" : "")}
            />
          </section>
        )}
      </>
    );
  }

  return (
    <section className="card operations-figure" aria-labelledby={id} aria-busy={figure.isFetching || undefined}>
      <div className="operations-figure__head">
        <h2 id={id} className="operations-figure__title">
          {title}
        </h2>
        <ViewSwitch
          legend={t("viewAs", { figure: title })}
          value={view}
          onChange={setView}
          options={[
            { id: "chart", label: t("chart") },
            { id: "table", label: t("table") },
          ]}
        />
      </div>
      <p className="text-muted operations-figure__what">{t(`figures.${name}.what`)}</p>
      {body}
      <p>
        <a href={`/api/operations/figures/${name}?${query(filters, "csv")}`} download>
          {t("csv", { figure: title })}
        </a>
      </p>
    </section>
  );
}

/** What went wrong, in the reader's language, and what to do next. */
function FailedToLoad({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation();
  return (
    <Alert tone="error">
      <p>{errorMessage(error, t, i18n.exists)}</p>
    </Alert>
  );
}

type T = (key: string, options?: Record<string, unknown>) => string;

/** One sentence in words for each figure, from its total (or its rows). */
function summarise(
  name: OperationsFigureName,
  f: OperationsFigure,
  n: (v: string | number | null | undefined) => string,
  t: T,
): string {
  const total = f.total;
  const rows = f.rows;
  if (rows.length === 0) return t("empty");
  const by = (key: string, value: string) => rows.find((r) => r[key] === value);
  switch (name) {
    case "third-next-available": {
      const known = rows.filter((r) => typeof r.days === "number");
      if (known.length === 0) return t("figures.third-next-available.noneOpen");
      const worst = known.reduce((a, b) => ((b.days as number) > (a.days as number) ? b : a));
      const best = known.reduce((a, b) => ((b.days as number) < (a.days as number) ? b : a));
      return t("figures.third-next-available.summary", {
        count: rows.length,
        min: n(best.days),
        max: n(worst.days),
        worst: `${worst.provider} · ${worst.visitType}`,
      });
    }
    case "lead-time":
      return t("figures.lead-time.summary", {
        count: total?.appointments ?? 0,
        median: n(total?.medianDays),
        p90: n(total?.p90Days),
      });
    case "attendance":
      return t("figures.attendance.summary", {
        count: total?.appointments ?? 0,
        noShow: n(total?.noShowRate),
        late: n(total?.lateCancellationRate),
      });
    case "message-response":
      return t("figures.message-response.summary", {
        count: total?.waits ?? 0,
        within: n(total?.withinTarget),
        median: n(total?.medianHours),
        overdue: total?.overdueUnanswered ?? 0,
      });
    case "refill-turnaround":
      return t("figures.refill-turnaround.summary", {
        count: total?.requests ?? 0,
        automatic: n(by("decidedBy", "automatic")?.medianHoursToDecision),
        manual: n(by("decidedBy", "manual")?.medianHoursToDecision),
      });
    case "referral-turnaround":
      return t("figures.referral-turnaround.summary", {
        count: total?.referrals ?? 0,
        decision: n(by("stage", "decision")?.medianDays),
        scheduling: n(by("stage", "scheduling")?.medianDays),
      });
    case "arrival-wait":
      return t("figures.arrival-wait.summary", {
        count: total?.visits ?? 0,
        median: n(total?.medianMinutes),
        p90: n(total?.p90Minutes),
      });
    case "portal-adoption":
      return t("figures.portal-adoption.summary", {
        account: n(by("measure", "withPortalAccount")?.share),
        online: n(by("measure", "bookedOnline")?.share),
        bookings: by("measure", "bookings")?.count ?? 0,
      });
    case "survey-score":
      return t("figures.survey-score.summary", {
        answered: total?.answered ?? 0,
        sent: total?.sent ?? 0,
        rate: n(total?.responseRate),
        mean: n(total?.meanScore),
      });
  }
}
