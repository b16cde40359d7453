import type { AccessLog, AccessLogEntry } from "@portico/contracts";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ActingForSwitcher } from "../../app/ActingForSwitcher";
import { useActingFor } from "../../app/acting-for";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { Link } from "../../components/Link";
import { PageHeader } from "../../components/PageHeader";
import { LoadingState } from "../../components/Spinner";
import { currentLocale } from "../../i18n";
import { api } from "../../lib/api";
import { type AppLocale, formatDateTime, formatDay, formatTime, localTimeZone, timeZoneLabel } from "../../lib/format";
import { ChoiceGroup } from "../appointments/parts";
import "./access-log.css";
import { ErrorAlert } from "../../components/ErrorAlert";

type Who = AccessLog["who"];
const PAGE_SIZE = 20;

/**
 * "Who viewed my record": each access to the acting patient's record as a sentence in the
 * reader's language ("Dr. Lena Okafor (physician) viewed your appointments"), newest first, a
 * page at a time. By default the reader's own visits are left out (the server filters).
 */
export function AccessLogPage() {
  const { t } = useTranslation("accessLog");
  const common = useTranslation().t;
  const { patient, can } = useActingFor();
  const allowed = Boolean(patient && can("records"));
  const [who, setWho] = useState<Who>("others");
  const [page, setPage] = useState(1);
  // the first page's newest entry: later pages are counted up to it, so they hold still
  const [asOf, setAsOf] = useState<string | null>(null);
  const patientId = patient?.id;
  const log = useQuery({
    queryKey: ["access-log", patientId, who, page, page === 1 ? null : asOf],
    enabled: allowed,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => {
      const query = new URLSearchParams({ who, page: String(page), pageSize: String(PAGE_SIZE) });
      if (page > 1 && asOf) query.set("asOf", asOf);
      return api<AccessLog>(`/api/patients/${patientId}/access-log?${query}`, { signal });
    },
  });
  useEffect(() => {
    if (log.data && log.data.page === 1) setAsOf(log.data.asOf);
  }, [log.data]);
  // a new person or filter starts again from the newest entries
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the patient changes
  useEffect(() => {
    setPage(1);
    setAsOf(null);
  }, [patientId]);

  const forSelf = patient?.relationship === "self";
  const data = log.data;

  return (
    <>
      <PageHeader
        before={
          <Link to="/profile" className="back-link">
            {common("profile.back")}
          </Link>
        }
        title={forSelf || !patient ? t("title") : t("titleFor", { name: patient.name })}
        lead={<p>{t("lead")}</p>}
      />
      <ActingForSwitcher />
      {!allowed ? (
        <Alert tone="info" title={t("notAllowedTitle")}>
          <p>{t("notAllowedBody", { name: patient?.name ?? "" })}</p>
        </Alert>
      ) : (
        <div className="stack">
          <ChoiceGroup
            name="access-log-who"
            label={t("filterLabel")}
            compact
            value={who}
            onChange={(value) => {
              setWho(value as Who);
              setPage(1);
              setAsOf(null);
            }}
            options={[
              { id: "others", label: t("filterOthers") },
              { id: "everyone", label: t("filterEveryone") },
            ]}
          />
          {log.isPending ? (
            <LoadingState />
          ) : log.isError && !data ? (
            <ErrorAlert title={t("failed")} error={log.error} onRetry={() => void log.refetch()} />
          ) : data && data.total === 0 ? (
            who === "others" ? (
              <EmptyState title={t("emptyOthersTitle")}>
                <p>{t("emptyOthersBody")}</p>
              </EmptyState>
            ) : (
              <EmptyState title={t("emptyTitle")}>
                <p>{t("emptyBody")}</p>
              </EmptyState>
            )
          ) : data ? (
            <AccessList log={data} busy={log.isFetching} onPage={(next) => setPage(next)} key={`${patientId}-${who}`} />
          ) : null}
        </div>
      )}
    </>
  );
}

function AccessList({ log, busy, onPage }: { log: AccessLog; busy: boolean; onPage: (page: number) => void }) {
  const { t } = useTranslation("accessLog");
  const locale = currentLocale();
  const zone = localTimeZone();
  const pages = Math.max(1, Math.ceil(log.total / log.pageSize));
  const from = log.entries.length === 0 ? 0 : (log.page - 1) * log.pageSize + 1;
  const to = (log.page - 1) * log.pageSize + log.entries.length;
  const range = t("range", { from, to, total: log.total });
  const rangeRef = useRef<HTMLParagraphElement>(null);
  const moved = useRef(false);
  // after a page change the range is announced (live region) and focus goes to it, so a
  // keyboard user starts reading the new page from its top, even when the button they used is now off
  useEffect(() => {
    if (moved.current && !busy) {
      moved.current = false;
      rangeRef.current?.focus();
    }
  }, [busy]);
  const go = (page: number) => {
    moved.current = true;
    onPage(page);
  };
  return (
    <section className="access-log" aria-labelledby="access-log-caption">
      <h2 id="access-log-caption" className="visually-hidden">
        {t("caption")}
      </h2>
      <p className="access-log__range" ref={rangeRef} tabIndex={-1} aria-live="polite" aria-atomic="true">
        {range}
      </p>
      <ol className="access-log__list" aria-busy={busy || undefined}>
        {log.entries.map((entry) => (
          <li key={entry.id} className="access-log__entry">
            <p className="access-log__sentence">{sentenceOf(entry, log, t)}</p>
            <p className="access-log__when text-muted">
              <time dateTime={entry.at}>{whenOf(entry, zone, locale, t)}</time>
            </p>
          </li>
        ))}
      </ol>
      {pages > 1 ? (
        <nav className="access-log__pager" aria-label={t("pagesLabel")}>
          <Button variant="secondary" isDisabled={log.page <= 1 || busy} onPress={() => go(log.page - 1)}>
            {t("previous")}
          </Button>
          <span className="access-log__page">{t("pageOf", { page: log.page, pages })}</span>
          <Button variant="secondary" isDisabled={log.page >= pages || busy} onPress={() => go(log.page + 1)}>
            {t("next")}
          </Button>
        </nav>
      ) : null}
    </section>
  );
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** When: one time, or for a run of the same look its count and span ("3 times, Monday 30 November, 9:02 am to 9:40 am (Eastern Time)"). */
function whenOf(entry: AccessLogEntry, zone: string, locale: AppLocale, t: Translate): string {
  if (entry.times === 1) return formatDateTime(entry.at, zone, locale);
  const day = formatDay(entry.at, zone, locale);
  if (formatDay(entry.firstAt, zone, locale) !== day) {
    return t("timesAcrossDays", {
      count: entry.times,
      from: formatDateTime(entry.firstAt, zone, locale),
      to: formatDateTime(entry.at, zone, locale),
    });
  }
  return t("timesOneDay", {
    count: entry.times,
    day,
    from: formatTime(entry.firstAt, zone, locale),
    to: formatTime(entry.at, zone, locale),
    zone: timeZoneLabel(zone, locale, new Date(entry.at)),
  });
}

/** "Dr. Lena Okafor (physician) viewed your appointments" / "… viewed Jamie's appointments". */
function sentenceOf(entry: AccessLogEntry, log: AccessLog, t: Translate): string {
  const role = t(`roles.${entry.whoRole}`, { defaultValue: t("roles.patient") });
  const who = entry.byReader
    ? t("you")
    : entry.whoRole === "system"
      ? t("whoWithRole", { name: t("portico"), role })
      : t("whoWithRole", { name: entry.who ?? t("someone"), role });
  const form = log.reader === "proxy" ? "theirs" : "mine";
  return t(`sentences.${entry.sentence}_${form}`, {
    who,
    patient: log.patientName,
    defaultValue: t(`sentences.accessed_record_${form}`, { who, patient: log.patientName }),
  });
}
