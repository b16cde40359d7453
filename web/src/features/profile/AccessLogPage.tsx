import type { AccessLogEntry } from "@portico/contracts";
import { useInfiniteQuery } from "@tanstack/react-query";
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
import { errorMessage } from "../../lib/errors";
import { formatDateTime, localTimeZone } from "../../lib/format";

interface AccessLogResponse {
  entries: AccessLogEntry[];
  nextCursor: string | null;
}

/** "Who viewed my record": every access to the acting patient's record, newest first. */
export function AccessLogPage() {
  const { t, i18n } = useTranslation();
  const { patient, can } = useActingFor();
  const allowed = Boolean(patient && can("records"));
  const log = useInfiniteQuery({
    queryKey: ["access-log", patient?.id],
    enabled: allowed,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const query = pageParam ? `?cursor=${encodeURIComponent(pageParam)}` : "";
      return api<AccessLogResponse>(`/api/patients/${patient!.id}/access-log${query}`, { signal });
    },
    getNextPageParam: (last) => last.nextCursor,
  });
  const forSelf = patient?.relationship === "self";
  const locale = currentLocale();
  const zone = localTimeZone();
  const entries = log.data?.pages.flatMap((p) => p.entries) ?? [];

  return (
    <>
      <PageHeader
        before={
          <Link to="/profile" className="back-link">
            {t("profile.back")}
          </Link>
        }
        title={forSelf || !patient ? t("accessLog.title") : t("accessLog.titleFor", { name: patient.name })}
        lead={<p>{t("accessLog.lead")}</p>}
      />
      <ActingForSwitcher />
      {!allowed ? (
        <Alert tone="info" title={t("accessLog.notAllowedTitle")}>
          <p>{t("accessLog.notAllowedBody", { name: patient?.name ?? "" })}</p>
        </Alert>
      ) : log.isPending ? (
        <LoadingState />
      ) : log.isError ? (
        <Alert tone="error" title={t("accessLog.failed")} live="assertive">
          <p>{errorMessage(log.error, t, i18n.exists)}</p>
          <Button variant="secondary" onPress={() => void log.refetch()}>
            {t("common.tryAgain")}
          </Button>
        </Alert>
      ) : entries.length === 0 ? (
        <EmptyState title={t("accessLog.emptyTitle")}>
          <p>{t("accessLog.emptyBody")}</p>
        </EmptyState>
      ) : (
        <>
          <div className="table-wrap">
            <table className="data-table">
              <caption className="visually-hidden">{t("accessLog.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("accessLog.when")}</th>
                  <th scope="col">{t("accessLog.who")}</th>
                  <th scope="col">{t("accessLog.what")}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => (
                  <tr key={entry.id}>
                    <td data-label={t("accessLog.when")}>{formatDateTime(entry.at, zone, locale)}</td>
                    <td data-label={t("accessLog.who")}>
                      {entry.who}
                      {entry.whoRole && entry.whoRole !== "patient" ? (
                        <span className="text-muted"> ({roleLabel(entry.whoRole, t, i18n.exists)})</span>
                      ) : null}
                      {entry.onBehalfOf ? (
                        <span className="text-muted"> {t("accessLog.onBehalfOf", { name: entry.onBehalfOf })}</span>
                      ) : null}
                    </td>
                    <td data-label={t("accessLog.what")}>{describeAction(entry, t, i18n.exists)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {log.hasNextPage ? (
            <Button variant="secondary" onPress={() => void log.fetchNextPage()} isPending={log.isFetchingNextPage}>
              {t("common.showMore")}
            </Button>
          ) : null}
        </>
      )}
    </>
  );
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

function roleLabel(role: string, t: Translate, exists: (key: string) => boolean): string {
  return exists(`roles.${role}`) ? t(`roles.${role}`) : role.replace(/_/g, " ");
}

function describeAction(entry: AccessLogEntry, t: Translate, exists: (key: string) => boolean): string {
  const what = exists(`records.${entry.what}`) ? t(`records.${entry.what}`) : entry.what.replace(/[_.]/g, " ");
  const key = `accessLog.actions.${entry.action}`;
  return exists(key) ? t(key, { what }) : `${entry.action.replace(/[_.]/g, " ")}: ${what}`;
}
