import type { Appointment } from "@portico/contracts";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { ActingForSwitcher } from "../../app/ActingForSwitcher";
import { Alert } from "../../components/Alert";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { ButtonLink } from "../../components/Link";
import { PageHeader } from "../../components/PageHeader";
import { LoadingState } from "../../components/Spinner";
import { currentLocale } from "../../i18n";
import { formatDateTime } from "../../lib/format";
import { AppointmentCard } from "./AppointmentCard";
import { appointmentsQuery, visitName } from "./data";
import { AppointmentStatusChip, NotAllowedNotice } from "./parts";
import { useAppointmentPatient } from "./patient-context";
import { OffersNotice } from "./Waitlist";

const route = getRouteApi("/signed-in/appointments");

/** Upcoming appointments with what can be done about each, then past visits. */
export function AppointmentsPage() {
  const { t } = useTranslation("appointments");
  const search = route.useSearch();
  const who = useAppointmentPatient(search.patientId);
  const list = useQuery({
    ...appointmentsQuery(who.patientId ?? "none"),
    enabled: Boolean(who.patientId),
  });
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
      ) : list.isError ? (
        <ErrorAlert title={t("list.loadFailed")} error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          {!who.canAct ? <NotAllowedNotice name={who.name} /> : null}
          <section aria-labelledby="upcoming-title">
            <h2 id="upcoming-title" className="section-title">
              {t("list.upcoming")}
            </h2>
            {list.data.upcoming.length === 0 ? (
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
                {list.data.upcoming.map((a) => (
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
            {list.data.past.length === 0 ? (
              <p className="text-muted">{t("list.pastEmpty")}</p>
            ) : (
              <PastList past={list.data.past} />
            )}
          </section>
        </>
      )}
    </div>
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
              <td data-label={t("summary.when")}>{formatDateTime(a.start, a.displayTimeZone, locale)}</td>
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
