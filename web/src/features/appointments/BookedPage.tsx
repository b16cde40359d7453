import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Link } from "../../components/Link";
import { PageHeader } from "../../components/PageHeader";
import { LoadingState } from "../../components/Spinner";
import { errorMessage } from "../../lib/errors";
import { appointmentQuery } from "./data";
import { downloadIcs } from "./ics";
import { appointmentRows, SummaryRows } from "./parts";
import { useAppointmentPatient } from "./patient-context";
import { cancellationNotice } from "./rules";

const route = getRouteApi("/signed-in/appointments/$appointmentId/booked");

/** "You're booked": the details, the calendar file, and where to go next. */
export function BookedPage() {
  const { t, i18n } = useTranslation("appointments");
  const { t: tc } = useTranslation();
  const { appointmentId } = route.useParams();
  const search = route.useSearch();
  const who = useAppointmentPatient(search.patientId);
  const appointment = useQuery({
    ...appointmentQuery(who.patientId ?? "none", appointmentId),
    enabled: Boolean(who.patientId),
  });
  const rescheduled = search.kind === "rescheduled";
  // a caregiver or staff member reads about someone else's visit: name them (the server says whose)
  const forName = appointment.data && !appointment.data.readerIsPatient ? appointment.data.patientName : null;
  const listSearch = who.onBehalf ? { patientId: who.patientId ?? undefined } : {};

  return (
    <div className="stack narrow">
      <PageHeader
        title={
          forName
            ? t(rescheduled ? "done.titleMovedFor" : "done.titleFor", { name: forName })
            : rescheduled
              ? t("done.titleMoved")
              : t("done.title")
        }
      />
      {appointment.isPending ? (
        <LoadingState />
      ) : appointment.isError ? (
        <Alert tone="error" title={t("done.loadFailed")} live="assertive">
          <p>{errorMessage(appointment.error, tc, i18n.exists)}</p>
          <p>
            <Link to="/appointments" search={listSearch}>
              {t("done.toList")}
            </Link>
          </p>
        </Alert>
      ) : (
        <>
          <Alert
            tone="success"
            title={
              rescheduled ? t("done.alertMoved") : forName ? t("done.alertFor", { name: forName }) : t("done.alert")
            }
            live="polite"
          >
            <p>{who.onBehalf ? t("done.emailPatient") : forName ? t("done.emailAbout") : t("done.email")}</p>
          </Alert>
          <SummaryRows rows={appointmentRows(appointment.data, t)} />
          <p>{cancellationNotice(t, appointment.data)}</p>
          <div className="appt-card__actions">
            <Button variant="secondary" onPress={() => downloadIcs(appointment.data, t)}>
              {t("card.addToCalendar")}
            </Button>
          </div>
          <ul className="link-list">
            <li>
              <Link to="/appointments" search={listSearch}>
                {t("done.toList")}
              </Link>
            </li>
            {who.onBehalf ? (
              <li>
                <Link to="/front-desk/arrivals">{t("done.toArrivals")}</Link>
              </li>
            ) : (
              <li>
                <Link to="/home">{t("done.toHome")}</Link>
              </li>
            )}
          </ul>
        </>
      )}
    </div>
  );
}
