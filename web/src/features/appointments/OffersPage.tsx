import type { Appointment, WaitlistOffer } from "@portico/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { ButtonLink, Link } from "../../components/Link";
import { PageHeader } from "../../components/PageHeader";
import { LoadingState } from "../../components/Spinner";
import { currentLocale } from "../../i18n";
import { ApiError, api } from "../../lib/api";
import { formatDateTime } from "../../lib/format";
import { appointmentsKey } from "./data";
import { NotAllowedNotice, SummaryRows } from "./parts";
import { useAppointmentPatient } from "./patient-context";
import { offersQuery } from "./Waitlist";

const route = getRouteApi("/signed-in/appointments/offers");

/** Earlier times held for the patient: take one (the later appointment is released) or say no. */
export function OffersPage() {
  const { t } = useTranslation("appointments");
  const search = route.useSearch();
  const who = useAppointmentPatient(search.patientId);
  const offers = useQuery({ ...offersQuery(who.patientId ?? "none"), enabled: Boolean(who.patientId) });
  const listSearch = { patientId: who.onBehalf ? (who.patientId ?? undefined) : undefined };
  const title = who.forSelf || !who.name ? t("offers.title") : t("offers.titleFor", { name: who.name });
  const open = (offers.data ?? []).filter((o) => o.status === "open");

  return (
    <div className="stack">
      <PageHeader
        title={title}
        lead={<p>{open.some((o) => o.kind === "rebook") ? t("offers.rebookLead") : t("offers.lead")}</p>}
      />
      {!who.patientId ? (
        <EmptyState title={t("book.noPatientTitle")}>
          <p>{t("book.noPatientBody")}</p>
        </EmptyState>
      ) : offers.isPending ? (
        <LoadingState label={t("offers.loading")} />
      ) : offers.isError ? (
        <ErrorAlert title={t("offers.loadFailed")} error={offers.error} onRetry={() => void offers.refetch()} />
      ) : open.length === 0 ? (
        <EmptyState
          title={t("offers.emptyTitle")}
          action={
            <ButtonLink to="/appointments" search={listSearch} variant="secondary">
              {t("offers.toList")}
            </ButtonLink>
          }
        >
          <p>{t("offers.emptyBody")}</p>
        </EmptyState>
      ) : (
        <>
          {!who.canAct ? <NotAllowedNotice name={who.name} /> : null}
          <ul className="offer-list">
            {open.map((offer) => (
              <li key={offer.id}>
                <OfferCard offer={offer} patientId={who.patientId ?? ""} canAct={who.canAct} onBehalf={who.onBehalf} />
              </li>
            ))}
          </ul>
          <p>
            <Link to="/appointments" search={listSearch}>
              {t("offers.toList")}
            </Link>
          </p>
        </>
      )}
    </div>
  );
}

function OfferCard({
  offer,
  patientId,
  canAct,
  onBehalf,
}: {
  offer: WaitlistOffer;
  patientId: string;
  canAct: boolean;
  onBehalf: boolean;
}) {
  const { t } = useTranslation("appointments");
  const locale = currentLocale();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const base = `/api/patients/${patientId}/waitlist-offers/${offer.id}`;
  const refresh = () => queryClient.invalidateQueries({ queryKey: appointmentsKey(patientId) });

  // The answered card stays on the page with its message; other views refetch when next shown.
  const markStale = () => queryClient.invalidateQueries({ queryKey: appointmentsKey(patientId), refetchType: "none" });
  const accept = useMutation({
    mutationFn: () => api<Appointment>(`${base}/accept`, { method: "POST" }),
    onError: markStale,
    onSuccess: async (appointment) => {
      await refresh();
      await navigate({
        to: "/appointments/$appointmentId/booked",
        params: { appointmentId: appointment.id },
        // a new time for a visit the clinic cancelled is a booking; an earlier one moves the visit
        search: {
          patientId: onBehalf ? patientId : undefined,
          kind: offer.kind === "rebook" ? "booked" : "rescheduled",
        },
      });
    },
  });
  const decline = useMutation({
    mutationFn: () => api<WaitlistOffer>(`${base}/decline`, { method: "POST" }),
    onSettled: markStale,
  });
  const status = accept.error instanceof ApiError ? accept.error.status : null;
  const finished = status === 409 || status === 410 || decline.isSuccess;
  const headingId = `offer-${offer.id}`;

  return (
    <article className="card appt-card" aria-labelledby={headingId}>
      <h2 className="card__title" id={headingId}>
        {formatDateTime(offer.start, offer.timeZone, locale)}
      </h2>
      {offer.kind === "rebook" ? <p className="text-muted">{t("offers.rebookHeading")}</p> : null}
      <SummaryRows
        rows={[
          { label: t("offers.provider"), value: offer.providerName },
          { label: t("offers.place"), value: offer.locationName },
          { label: t("offers.expires"), value: formatDateTime(offer.expiresAt, offer.timeZone, locale) },
        ]}
      />
      {status === 409 ? (
        <Alert tone="warning" title={t("offers.taken")} live="assertive" headingLevel={3}>
          <p>{t("offers.takenBody")}</p>
        </Alert>
      ) : status === 410 ? (
        <Alert tone="warning" title={t("offers.expired")} live="assertive" headingLevel={3}>
          <p>{t("offers.expiredBody")}</p>
        </Alert>
      ) : accept.isError ? (
        <ErrorAlert title={t("offers.failed")} error={accept.error} headingLevel={3} />
      ) : null}
      {decline.isSuccess ? (
        <Alert tone="info" title={t("offers.declined")} live="polite" headingLevel={3}>
          <p>{t("offers.declinedBody")}</p>
        </Alert>
      ) : decline.isError ? (
        <ErrorAlert title={t("offers.failed")} error={decline.error} headingLevel={3} />
      ) : null}
      {canAct && !finished ? (
        <div className="appt-card__actions">
          <Button isPending={accept.isPending} isDisabled={decline.isPending} onPress={() => accept.mutate()}>
            {t("offers.accept")}
          </Button>
          <Button
            variant="secondary"
            isPending={decline.isPending}
            isDisabled={accept.isPending}
            onPress={() => decline.mutate()}
          >
            {t("offers.decline")}
          </Button>
        </div>
      ) : null}
    </article>
  );
}
