import type { Appointment } from "@portico/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Dialog, DialogActions } from "../../components/Dialog";
import { ErrorAlert } from "../../components/ErrorAlert";
import { ButtonLink } from "../../components/Link";
import { currentLocale } from "../../i18n";
import { api } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import { formatDateTime } from "../../lib/format";
import { appointmentsKey, isToday, phoneOf, visitName } from "./data";
import { IntakeList } from "./Intake";
import { downloadIcs } from "./ics";
import { AppointmentStatusChip, appointmentRows, NoteField, PhoneLink, SummaryRows } from "./parts";
import { WaitlistControl } from "./Waitlist";

const CHANGEABLE = ["booked", "confirmed", "checked_in"];
const HOUR = 3_600_000;

/** One upcoming appointment: the details, its status in words, and what can be done now. */
export function AppointmentCard({
  appointment: a,
  canAct,
  onBehalf,
  headingLevel = 3,
}: {
  appointment: Appointment;
  canAct: boolean;
  onBehalf: boolean;
  headingLevel?: 2 | 3;
}) {
  const { t, i18n } = useTranslation("appointments");
  const { t: tc } = useTranslation();
  const locale = currentLocale();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [cancelOpen, setCancelOpen] = useState(false);
  const [reason, setReason] = useState("");
  const now = Date.now();
  const start = new Date(a.start).getTime();
  const changeable = CHANGEABLE.includes(a.status);
  const inPerson = a.visitType.modality === "in_person";
  const checkInOpen =
    changeable && !a.eCheckInCompletedAt && now >= new Date(a.eCheckInOpensAt).getTime() && now < start;
  const canSayHere =
    inPerson && changeable && !a.arrivedAt && isToday(a.start, a.location.timeZone) && now >= start - HOUR;
  const patientSearch = { patientId: a.patientId };
  const Heading = headingLevel === 2 ? "h2" : "h3";

  const refresh = () => queryClient.invalidateQueries({ queryKey: appointmentsKey(a.patientId) });
  const cancel = useMutation({
    mutationFn: () =>
      api<Appointment>(`/api/patients/${a.patientId}/appointments/${a.id}/cancel`, {
        method: "POST",
        body: reason.trim() ? { reason: reason.trim() } : {},
      }),
    onSuccess: async () => {
      setCancelOpen(false);
      setReason("");
      await refresh();
      await navigate({
        to: "/appointments",
        search: { patientId: onBehalf ? a.patientId : undefined, done: "cancelled" },
      });
    },
  });
  const arrive = useMutation({
    mutationFn: () => api(`/api/patients/${a.patientId}/appointments/${a.id}/arrive`, { method: "POST" }),
    onSuccess: refresh,
  });
  const latePhone = phoneOf(cancel.error) ?? a.location.phone;

  return (
    <article className="card appt-card" aria-labelledby={`appt-${a.id}`}>
      <div className="appt-card__head">
        <Heading className="card__title" id={`appt-${a.id}`}>
          {formatDateTime(a.start, a.displayTimeZone, locale)}
        </Heading>
        <AppointmentStatusChip status={a.status} />
      </div>
      <SummaryRows rows={appointmentRows(a, t).filter((r) => r.label !== t("summary.when"))} />
      {a.movedFrom ? (
        <p className="text-muted">
          {t("card.movedFrom", { when: formatDateTime(a.movedFrom, a.displayTimeZone, locale) })}
        </p>
      ) : null}
      {a.eCheckInCompletedAt ? <p className="text-muted">{t("card.checkInDone")}</p> : null}
      <IntakeList items={a.intake} appointment={a} headingLevel={headingLevel === 2 ? 3 : 4} />
      {a.arrivedAt ? (
        <p className="text-muted">
          {a.readerIsPatient ? t("card.arrivedNoted") : t("card.arrivedNotedFor", { name: a.patientName })}
        </p>
      ) : null}
      {arrive.isError ? <ErrorAlert title={t("card.hereFailed")} error={arrive.error} headingLevel={3} /> : null}
      {arrive.isSuccess ? (
        <Alert
          tone="success"
          title={a.readerIsPatient ? t("card.hereDone") : t("card.hereDoneFor", { name: a.patientName })}
          live="polite"
          headingLevel={3}
        >
          <p>{t("card.hereDoneBody")}</p>
        </Alert>
      ) : null}
      {canAct && changeable && !a.canCancelOnline ? (
        <Alert tone="info" title={t("card.lateTitle")} headingLevel={3}>
          <p>
            {t("card.lateBody", { location: a.location.name })}{" "}
            {a.location.phone ? <PhoneLink phone={a.location.phone} /> : null}
          </p>
        </Alert>
      ) : null}
      {canAct && changeable && now < start ? <WaitlistControl appointment={a} /> : null}
      <div className="appt-card__actions">
        {canAct && canSayHere ? (
          <Button isPending={arrive.isPending} onPress={() => arrive.mutate()}>
            {a.readerIsPatient ? t("card.imHere") : t("card.imHereFor", { name: a.patientName })}
          </Button>
        ) : null}
        {canAct && checkInOpen ? (
          <ButtonLink
            to="/appointments/$appointmentId/check-in"
            params={{ appointmentId: a.id }}
            search={patientSearch}
            variant={canSayHere ? "secondary" : "primary"}
          >
            {a.readerIsPatient ? t("card.checkIn") : t("card.checkInFor", { name: a.patientName })}
          </ButtonLink>
        ) : null}
        {canAct && changeable && (a.canCancelOnline || onBehalf) ? (
          <>
            <ButtonLink
              to="/appointments/$appointmentId/reschedule"
              params={{ appointmentId: a.id }}
              search={patientSearch}
              variant="secondary"
            >
              {t("card.reschedule")}
            </ButtonLink>
            <Button variant="secondary" onPress={() => setCancelOpen(true)}>
              {t("card.cancel")}
            </Button>
          </>
        ) : null}
        <Button variant="quiet" onPress={() => downloadIcs(a, t)}>
          {t("card.addToCalendar")}
        </Button>
      </div>
      <Dialog
        title={t("cancel.title")}
        isOpen={cancelOpen}
        onOpenChange={(open) => {
          setCancelOpen(open);
          if (!open) cancel.reset();
        }}
      >
        <p>
          {t("cancel.body", {
            visit: visitName(a.visitType, locale),
            when: formatDateTime(a.start, a.displayTimeZone, locale),
          })}
        </p>
        {cancel.isError ? (
          <Alert tone="error" title={t("cancel.failed")} live="assertive" headingLevel={3}>
            <p>{errorMessage(cancel.error, tc, i18n.exists)}</p>
            {latePhone ? (
              <p>
                {t("cancel.call")} <PhoneLink phone={latePhone} />
              </p>
            ) : null}
          </Alert>
        ) : null}
        <NoteField
          name="cancelReason"
          label={t("cancel.reason")}
          description={t("cancel.reasonHint")}
          value={reason}
          onChange={setReason}
          maxLength={300}
        />
        <DialogActions>
          <Button variant="danger" isPending={cancel.isPending} onPress={() => cancel.mutate()}>
            {t("cancel.confirm")}
          </Button>
          <Button variant="secondary" onPress={() => setCancelOpen(false)}>
            {t("cancel.keep")}
          </Button>
        </DialogActions>
      </Dialog>
    </article>
  );
}
