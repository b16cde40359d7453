import type { Appointment, Slot } from "@portico/contracts";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Link } from "../../components/Link";
import { PageHeader } from "../../components/PageHeader";
import { LoadingState } from "../../components/Spinner";
import { currentLocale } from "../../i18n";
import { formatDateTime } from "../../lib/format";
import { ConfirmSlot, cancellationRule, confirmStepSearch, slotSearch } from "./ConfirmSlot";
import { appointmentQuery, locationsQuery, todayIn, visitName, visitTypesQuery } from "./data";
import { NotAllowedNotice, PhoneLink } from "./parts";
import { useAppointmentPatient } from "./patient-context";
import { WeekOfTimes } from "./WeekOfTimes";

export interface RescheduleSearch {
  patientId?: string;
  step?: "confirm";
  week?: string;
  start?: string;
  slotProviderId?: string;
  slotLocationId?: string;
  /** the zone the server shows the chosen time in (the slot's `displayTimeZone`) */
  slotZone?: string;
}

const route = getRouteApi("/signed-in/appointments/$appointmentId/reschedule");

/** Move an appointment: a week of times for the same visit, then confirm. The old time stays until the new one is secured. */
export function ReschedulePage() {
  const { t } = useTranslation("appointments");
  const { appointmentId } = route.useParams();
  const search = route.useSearch();
  const navigate = useNavigate();
  const who = useAppointmentPatient(search.patientId);
  const appointment = useQuery({
    ...appointmentQuery(who.patientId ?? "none", appointmentId),
    enabled: Boolean(who.patientId),
  });
  const visitTypes = useQuery(visitTypesQuery);
  const locations = useQuery(locationsQuery);
  const confirming = search.step === "confirm" && Boolean(search.start);
  const listSearch = who.onBehalf ? { patientId: who.patientId ?? undefined } : {};

  const a = appointment.data;
  // the zone the server shows this visit in: the location's (in person) or the patient's own (video)
  const zone = a?.displayTimeZone ?? "UTC";
  const week = search.week ?? todayIn(zone);
  return (
    <div className="stack">
      <PageHeader
        before={
          confirming ? (
            <Link
              to="/appointments/$appointmentId/reschedule"
              params={{ appointmentId }}
              search={{ patientId: search.patientId, week: search.week }}
              className="back-link"
            >
              {t("book.back")}
            </Link>
          ) : (
            <Link to="/appointments" search={listSearch} className="back-link">
              {t("book.backToList")}
            </Link>
          )
        }
        eyebrow={t("book.stepOf", { step: confirming ? 2 : 1, total: 2 })}
        title={confirming ? t("move.confirmTitle") : t("move.title")}
      />
      {appointment.isPending || visitTypes.isPending || locations.isPending ? (
        <LoadingState />
      ) : appointment.isError || !a ? (
        <ErrorAlert title={t("done.loadFailed")} error={appointment.error} />
      ) : !who.canAct ? (
        <NotAllowedNotice name={who.name} />
      ) : (
        <>
          <Alert tone="info" title={t("move.currentTitle")} headingLevel={2}>
            <p>
              {t("move.current", {
                visit: visitName(a.visitType, currentLocale()),
                when: formatDateTime(a.start, zone, currentLocale()),
                provider: a.provider.name,
              })}
            </p>
            <p>{t("move.keep")}</p>
          </Alert>
          {confirming ? (
            <ConfirmMove
              appointment={a}
              search={search}
              noticeMinutes={visitTypes.data?.find((v) => v.id === a.visitType.id)?.cancellationNoticeMinutes ?? 0}
              slotZone={
                search.slotZone ?? locations.data?.find((l) => l.id === search.slotLocationId)?.timeZone ?? zone
              }
              slotLocationName={locations.data?.find((l) => l.id === search.slotLocationId)?.name ?? a.location.name}
            />
          ) : (
            <WeekOfTimes
              visitTypeId={a.visitType.id}
              patientId={a.patientId}
              providerId={a.provider.id}
              week={week}
              timeZone={zone}
              onBehalf={who.onBehalf}
              onWeek={(next) =>
                navigate({
                  to: "/appointments/$appointmentId/reschedule",
                  params: { appointmentId },
                  search: { ...search, week: next },
                })
              }
              onPick={(slot: Slot) =>
                navigate({
                  to: "/appointments/$appointmentId/reschedule",
                  params: { appointmentId },
                  search: { ...search, ...confirmStepSearch(slot, week) },
                })
              }
            />
          )}
        </>
      )}
    </div>
  );
}

function ConfirmMove({
  appointment: a,
  search,
  noticeMinutes,
  slotZone,
  slotLocationName,
}: {
  appointment: Appointment;
  search: RescheduleSearch;
  noticeMinutes: number;
  slotZone: string;
  slotLocationName: string;
}) {
  const { t } = useTranslation("appointments");
  const navigate = useNavigate();
  const locale = currentLocale();
  const start = search.start as string;
  const phone = a.location.phone;
  return (
    <ConfirmSlot
      patientId={a.patientId}
      request={() => ({
        path: `/api/patients/${a.patientId}/appointments/${a.id}/reschedule`,
        body: { start, providerId: search.slotProviderId, locationId: search.slotLocationId },
      })}
      onDone={(moved) =>
        navigate({
          to: "/appointments/$appointmentId/booked",
          params: { appointmentId: moved.id },
          search: { patientId: search.patientId ?? a.patientId, kind: "rescheduled" },
        })
      }
      onPickAlternative={(slot) =>
        void navigate({
          to: "/appointments/$appointmentId/reschedule",
          params: { appointmentId: a.id },
          search: { ...search, ...slotSearch(slot) },
          replace: true,
        })
      }
      rows={[
        { label: t("summary.what"), value: visitName(a.visitType, locale) },
        { label: t("move.newTime"), value: formatDateTime(start, slotZone, locale) },
        { label: t("summary.who"), value: a.provider.name },
        {
          label: t("summary.where"),
          value: a.visitType.modality === "video" ? t("summary.video") : slotLocationName,
        },
      ]}
      rule={cancellationRule(t, start, noticeMinutes, slotZone)}
      formLabel={t("move.confirmTitle")}
      submitLabel={t("move.confirm")}
      failureNote={
        <p>
          {t("move.keptOld")} {phone ? <PhoneLink phone={phone} /> : null}
        </p>
      }
    />
  );
}
