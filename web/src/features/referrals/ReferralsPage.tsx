import type { Referral, ReferralEvent } from "@portico/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PatientPage, usePatientData } from "../../app/PatientPage";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Dialog, DialogActions } from "../../components/Dialog";
import { EmptyState } from "../../components/EmptyState";
import { ButtonLink } from "../../components/Link";
import { StatusChip } from "../../components/StatusChip";
import { currentLocale } from "../../i18n";
import { JustSent, RequestList } from "../../kit/PatientRequests";
import { errorMessage } from "../../lib/errors";
import { formatCalendarDate } from "../../lib/format";
import { visitName, visitTypesQuery } from "../appointments/data";
import { dayAndTime as when } from "../refills/format";
import { cancelReferral, referralsQuery, STATUS_TONE, specialtyLabel } from "./data";
import "../refills/refills.css";
import "./referrals.css";

const route = getRouteApi("/signed-in/referrals");

/** Every referral request with its status, the decision and its history, and the way to book an approved one. */
export function ReferralsPage() {
  const { t } = useTranslation("referrals");
  const search = route.useSearch();
  const page = usePatientData("referrals", "referrals", search.patient, referralsQuery);
  const { who, query: list, name, forSelf, forWhom } = page;
  const just = search.referral ? list.data?.referrals.find((r) => r.id === search.referral) : undefined;
  const canRequest = list.data?.abilities.canRequest ?? false;

  return (
    <PatientPage
      page={page}
      actions={
        canRequest && who.patientId ? (
          <ButtonLink to="/referrals/new" search={{ patient: who.patientId }}>
            {t("list.request")}
          </ButtonLink>
        ) : null
      }
      words="list"
    >
      {(data) => (
        <>
          {just ? <ReferralSent referral={just} forSelf={forSelf} name={name} /> : null}
          <RequestList
            titleId="referrals-title"
            title={t("list.listTitle")}
            items={data.referrals}
            empty={
              <EmptyState
                title={forWhom("list.emptyTitle")}
                action={
                  canRequest ? (
                    <ButtonLink to="/referrals/new" search={{ patient: data.patient.id }}>
                      {t("list.request")}
                    </ButtonLink>
                  ) : null
                }
              >
                <p>{t("list.emptyBody")}</p>
              </EmptyState>
            }
          >
            {(r) => <ReferralCard referral={r} forSelf={forSelf} />}
          </RequestList>
        </>
      )}
    </PatientPage>
  );
}

/** "Your request was sent", right after asking (focused, so it is heard). */
function ReferralSent({ referral, forSelf, name }: { referral: Referral; forSelf: boolean; name: string }) {
  const { t } = useTranslation("referrals");
  const specialty = specialtyLabel(referral.specialty, t);
  const pcp = referral.pcp?.displayName;
  return (
    <JustSent title={t("sent.title")}>
      <p>
        {forSelf ? t("sent.body", { specialty }) : t("sent.bodyFor", { specialty, name })}{" "}
        {pcp ? t("sent.who", { pcp }) : t("sent.whoPractice")}
      </p>
    </JustSent>
  );
}

function ReferralCard({ referral: r, forSelf }: { referral: Referral; forSelf: boolean }) {
  const { t } = useTranslation("referrals");
  const locale = currentLocale();
  const headingId = `referral-${r.id}`;
  const specialty = specialtyLabel(r.specialty, t);
  const book = r.abilities.canBook ? r.bookableVisitTypes[0] : undefined;
  const visitFirst = r.status === "visit_requested" ? r.visitRequest : null;
  // the visit type's name in the reader's language (the referral carries the English one)
  const visitTypes = useQuery(visitTypesQuery);
  const visitLabel = (v: { id: string; name: string }) => {
    const found = visitTypes.data?.find((x) => x.id === v.id);
    return found ? visitName(found, locale) : v.name;
  };
  return (
    <article className="request-card referral-card" aria-labelledby={headingId}>
      <div className="request-item__head">
        <h3 className="request-card__title" id={headingId}>
          {t("card.title", { specialty })}
        </h3>
        <StatusChip tone={STATUS_TONE[r.status]}>{t(`status.${r.status}`)}</StatusChip>
      </div>
      <p className="request-card__meta">
        {t("card.askedOn", { date: when(r.createdAt, locale) })} · {t(`urgency.${r.urgency}`)}
        {r.requestedBy.kind === "proxy" ? <> · {t("card.byCaregiver", { name: r.requestedBy.displayName })}</> : null}
        {r.requestedBy.kind === "staff" ? <> · {t("card.byStaff", { name: r.requestedBy.displayName })}</> : null}
      </p>
      <dl className="referral-facts">
        <div>
          <dt>{t("card.reason")}</dt>
          <dd>{r.reason}</dd>
        </div>
        {r.preferredProvider || r.preferredLocation ? (
          <div>
            <dt>{t("card.preferred")}</dt>
            <dd>{[r.preferredProvider?.displayName, r.preferredLocation?.name].filter(Boolean).join(" · ")}</dd>
          </div>
        ) : null}
        {r.pcp ? (
          <div>
            <dt>{t("card.reviewer")}</dt>
            <dd>{r.pcp.displayName}</dd>
          </div>
        ) : null}
      </dl>
      <Decision referral={r} forSelf={forSelf} />
      {visitFirst ? (
        <div className="referral-decision">
          <p>{forSelf ? t("card.visitFirst") : t("card.visitFirstFor", { name: r.patient.displayName })}</p>
          {visitFirst.note ? <p>{t("card.note", { note: visitFirst.note })}</p> : null}
          {visitFirst.visitType ? (
            <ButtonLink
              to="/appointments/book"
              search={{ patientId: r.patient.id, visitTypeId: visitFirst.visitType.id }}
              variant="secondary"
            >
              {t("card.bookVisitFirst", { visit: visitLabel(visitFirst.visitType) })}
            </ButtonLink>
          ) : null}
        </div>
      ) : null}
      {r.appointments.length > 0 ? (
        <div className="referral-visits">
          <h4 className="referral-visits__title">{t("card.visitsTitle")}</h4>
          <ul className="decision-list">
            {r.appointments.map((a) => (
              <li key={a.id}>
                {t("card.visit", {
                  when: when(a.startsAt, locale),
                  provider: a.provider.displayName,
                  visit: visitLabel(a.visitType),
                })}{" "}
                <span className="text-muted">({t(`appointmentStatus.${a.status}`, { defaultValue: a.status })})</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <History referral={r} />
      {book || r.abilities.canCancel ? (
        <div className="row-actions referral-actions">
          {book ? (
            <ButtonLink
              to="/appointments/book"
              search={{ patientId: r.patient.id, visitTypeId: book.id, providerId: book.providerId, step: "when" }}
              aria-label={t("card.bookNamed", { specialty })}
            >
              {t("card.book")}
            </ButtonLink>
          ) : null}
          {r.abilities.canCancel ? <CancelReferral referral={r} /> : null}
        </div>
      ) : null}
    </article>
  );
}

/** The practice's decision in plain words: who, how many visits are left, until when; or why not. */
function Decision({ referral: r, forSelf }: { referral: Referral; forSelf: boolean }) {
  const { t } = useTranslation("referrals");
  const locale = currentLocale();
  if (r.status === "denied") {
    return (
      <div className="referral-decision">
        <p>{t("card.denied")}</p>
        {r.denialReason ? <p>{t("card.denialReason", { reason: r.denialReason })}</p> : null}
      </div>
    );
  }
  const d = r.decision;
  if (!d) {
    return r.status === "requested" ? (
      <p className="referral-decision text-muted">
        {forSelf ? t("card.waiting") : t("card.waitingFor", { name: r.patient.displayName })}
      </p>
    ) : null;
  }
  const left = Math.max(0, d.visitsAllowed - d.visitsUsed);
  return (
    <dl className="referral-facts referral-decision">
      <div>
        <dt>{t("card.approvedBy")}</dt>
        <dd>
          {d.decidedBy}, {formatCalendarDate(d.decidedAt.slice(0, 10), locale)}
        </dd>
      </div>
      <div>
        <dt>{t("card.specialist")}</dt>
        <dd>
          {d.provider ? d.provider.displayName : t("card.anySpecialist", { specialty: specialtyLabel(d.specialty, t) })}
        </dd>
      </div>
      <div>
        <dt>{t("card.visitsLeft")}</dt>
        <dd>{t("card.visitsLeftValue", { count: left, total: d.visitsAllowed })}</dd>
      </div>
      <div>
        <dt>{t("card.expires")}</dt>
        <dd>{formatCalendarDate(d.expiresOn, locale)}</dd>
      </div>
    </dl>
  );
}

/** requested → decided → scheduled → completed, oldest first. */
function History({ referral }: { referral: Referral }) {
  const { t } = useTranslation("referrals");
  const locale = currentLocale();
  const specialty = specialtyLabel(referral.specialty, t);
  return (
    <ol className="timeline" aria-label={t("history.label", { specialty })}>
      {referral.history.map((e: ReferralEvent) => (
        <li key={`${e.at}-${e.event}-${e.status}`} className="timeline__step timeline__step--done">
          <span className="timeline__label">
            {t(`history.${e.event}`)}
            {e.by ? ` (${e.by})` : ""}
          </span>
          <span className="timeline__at">{when(e.at, locale)}</span>
        </li>
      ))}
    </ol>
  );
}

function CancelReferral({ referral: r }: { referral: Referral }) {
  const { t, i18n } = useTranslation("referrals");
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const specialty = specialtyLabel(r.specialty, t);
  const cancel = useMutation({
    mutationFn: () => cancelReferral(queryClient, r.patient.id, r.id),
    onSuccess: () => setOpen(false),
  });
  return (
    <>
      <Button variant="secondary" onPress={() => setOpen(true)} aria-label={t("cancel.named", { specialty })}>
        {t("cancel.button")}
      </Button>
      <Dialog title={t("cancel.title", { specialty })} isOpen={open} onOpenChange={setOpen}>
        <p>{t("cancel.body")}</p>
        {cancel.isError ? (
          <Alert tone="error" title={t("cancel.failed")} live="assertive" headingLevel={3}>
            <p>{errorMessage(cancel.error, tc, i18n.exists)}</p>
          </Alert>
        ) : null}
        <DialogActions>
          <Button variant="danger" isPending={cancel.isPending} onPress={() => cancel.mutate()}>
            {t("cancel.confirm")}
          </Button>
          <Button variant="secondary" onPress={() => setOpen(false)}>
            {t("cancel.keep")}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
