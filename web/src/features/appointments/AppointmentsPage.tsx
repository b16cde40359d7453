import { type Appointment, PAST_PAGE_SIZE } from "@portico/contracts";
import { useInfiniteQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ActingForSwitcher } from "../../app/ActingForSwitcher";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { ButtonLink } from "../../components/Link";
import { PageHeader } from "../../components/PageHeader";
import { LoadingState } from "../../components/Spinner";
import { currentLocale } from "../../i18n";
import { formatDateTime } from "../../lib/format";
import { AppointmentCard } from "./AppointmentCard";
import { appointmentPagesQuery, visitName } from "./data";
import { AppointmentStatusChip, NotAllowedNotice } from "./parts";
import { useAppointmentPatient } from "./patient-context";
import { OffersNotice } from "./Waitlist";

const route = getRouteApi("/signed-in/appointments");

/** Upcoming appointments with what can be done about each, then past visits. */
export function AppointmentsPage() {
  const { t } = useTranslation("appointments");
  const search = route.useSearch();
  const who = useAppointmentPatient(search.patientId);
  const list = useInfiniteQuery({
    ...appointmentPagesQuery(who.patientId ?? "none"),
    enabled: Boolean(who.patientId),
  });
  // the upcoming visits come with the first page; the past ones are every page shown so far
  const first = list.data?.pages[0];
  const past = list.data?.pages.flatMap((p) => p.past) ?? [];
  const bookSearch = who.onBehalf ? { patientId: who.patientId ?? undefined } : {};
  const forName = who.forSelf || !who.name ? null : who.name;
  const title = forName ? t("list.titleFor", { name: forName }) : t("list.title");

  return (
    <div className="stack">
      <PageHeader
        title={title}
        lead={<p>{forName ? t("list.leadFor", { name: forName }) : t("list.lead")}</p>}
        actions={
          who.patientId && who.canAct ? (
            <ButtonLink to="/appointments/book" search={bookSearch}>
              {t("list.book")}
            </ButtonLink>
          ) : null
        }
      />
      {who.onBehalf ? null : <ActingForSwitcher />}
      {search.done === "cancelled" ? (
        <Alert
          tone="success"
          title={forName ? t("cancel.doneTitleFor", { name: forName }) : t("cancel.doneTitle")}
          live="polite"
        >
          <p>{forName ? t("cancel.doneBodyFor") : t("cancel.doneBody")}</p>
        </Alert>
      ) : null}
      {who.patientId ? <OffersNotice patientId={who.patientId} onBehalf={who.onBehalf} forName={forName} /> : null}
      {!who.patientId ? (
        <EmptyState title={t("book.noPatientTitle")}>
          <p>{t("book.noPatientBody")}</p>
        </EmptyState>
      ) : list.isPending ? (
        <LoadingState label={t("list.loading")} />
      ) : list.isError && !first ? (
        <ErrorAlert title={t("list.loadFailed")} error={list.error} onRetry={() => void list.refetch()} />
      ) : first ? (
        <>
          {!who.canAct ? <NotAllowedNotice name={who.name} /> : null}
          <section aria-labelledby="upcoming-title">
            <h2 id="upcoming-title" className="section-title">
              {t("list.upcoming")}
            </h2>
            {first.upcoming.length === 0 ? (
              <EmptyState
                title={t("list.emptyTitle")}
                headingLevel={3}
                action={
                  who.canAct ? (
                    <ButtonLink to="/appointments/book" search={bookSearch}>
                      {t("list.book")}
                    </ButtonLink>
                  ) : null
                }
              >
                <p>{t("list.emptyBody")}</p>
              </EmptyState>
            ) : (
              <ul className="appt-list">
                {first.upcoming.map((a) => (
                  <li key={a.id}>
                    <AppointmentCard appointment={a} canAct={who.canAct} onBehalf={who.onBehalf} />
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="past-title">
            <h2 id="past-title" className="section-title">
              {t("list.past")}
            </h2>
            {past.length === 0 ? (
              <p className="text-muted">{t("list.pastEmpty")}</p>
            ) : (
              <PastVisits
                past={past}
                hasMore={list.hasNextPage}
                loading={list.isFetchingNextPage}
                failed={list.isFetchNextPageError}
                onMore={() => list.fetchNextPage()}
              />
            )}
          </section>
        </>
      ) : null}
    </div>
  );
}

const pastVisitId = (appointmentId: string) => `past-visit-${appointmentId}`;

/**
 * Past visits, newest first, a page at a time: "Show earlier visits" appends the next older
 * page and takes the keyboard to the first visit it brought; a status line says how many are shown.
 */
function PastVisits(props: {
  past: Appointment[];
  hasMore: boolean;
  loading: boolean;
  failed: boolean;
  onMore: () => Promise<unknown>;
}) {
  const { t } = useTranslation("appointments");
  // once the next page is shown, the keyboard goes on to the first visit it brought
  const [focusAt, setFocusAt] = useState<number | null>(null);
  const { past } = props;
  useEffect(() => {
    if (focusAt === null) return;
    const first = past[focusAt];
    if (first) document.getElementById(pastVisitId(first.id))?.focus();
    setFocusAt(null);
  }, [focusAt, past]);
  return (
    <>
      <PastList past={past} />
      <div className="past-more">
        {props.hasMore || past.length > PAST_PAGE_SIZE ? (
          <p className="text-muted" role="status">
            {t("list.pastShown", { count: past.length })}
            {props.hasMore ? null : ` ${t("list.allPastShown")}`}
          </p>
        ) : null}
        {props.failed ? <p role="alert">{t("list.earlierFailed")}</p> : null}
        {props.hasMore ? (
          <Button
            variant="secondary"
            isPending={props.loading}
            onPress={() => {
              const from = past.length;
              void props.onMore().then(() => setFocusAt(from));
            }}
          >
            {props.loading ? t("list.loadingEarlier") : t("list.showEarlier")}
          </Button>
        ) : null}
      </div>
    </>
  );
}

function PastList({ past }: { past: Appointment[] }) {
  const { t } = useTranslation("appointments");
  const locale = currentLocale();
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">{t("list.past")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("summary.when")}</th>
            <th scope="col">{t("summary.what")}</th>
            <th scope="col">{t("summary.who")}</th>
            <th scope="col">{t("summary.status")}</th>
          </tr>
        </thead>
        <tbody>
          {past.map((a) => (
            <tr key={a.id}>
              <td data-label={t("summary.when")} id={pastVisitId(a.id)} tabIndex={-1}>
                {formatDateTime(a.start, a.displayTimeZone, locale)}
              </td>
              <td data-label={t("summary.what")}>{visitName(a.visitType, locale)}</td>
              <td data-label={t("summary.who")}>{a.provider.name}</td>
              <td data-label={t("summary.status")}>
                <AppointmentStatusChip status={a.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
