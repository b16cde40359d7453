import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { Card } from "../../components/Card";
import { EmptyState } from "../../components/EmptyState";
import { ButtonLink, Link } from "../../components/Link";
import { PageHeader } from "../../components/PageHeader";
import { LoadingState } from "../../components/Spinner";
import { StatusChip } from "../../components/StatusChip";
import { currentLocale } from "../../i18n";
import { errorMessage } from "../../lib/errors";
import { formatCalendarDate, formatDateTime, localTimeZone } from "../../lib/format";
import { type ComparedPerson, DuplicateComparison } from "./DuplicateComparison";
import "./registration.css";
import { BackToSearch } from "../patients/BackToSearch";
import { fullName, pendingQuery } from "./pending-data";
import { MergeAction, RejectAction, VerifyAction } from "./registration-actions";

export { pendingQueryKey } from "./pending-data";

/** Front desk: online registrations waiting to be checked, oldest first. */
export function PendingRegistrationsPage() {
  const { t, i18n } = useTranslation("registration");
  const common = useTranslation().t;
  const pending = useQuery(pendingQuery);
  const locale = currentLocale();
  const search = getRouteApi("/signed-in/patients/registrations").useSearch();
  return (
    <div className="stack">
      <PageHeader title={t("pending.title")} lead={<p>{t("pending.lead")}</p>} before={<BackToSearch />} />
      {search.done ? <Alert tone="success" title={t(`pending.done.${search.done}`)} live="polite" /> : null}
      {pending.isPending ? <LoadingState /> : null}
      {pending.isError ? (
        <Alert tone="error" title={t("pending.failed")}>
          <p>{errorMessage(pending.error, common, i18n.exists)}</p>
        </Alert>
      ) : null}
      {pending.data && pending.data.length === 0 ? (
        <EmptyState title={t("pending.emptyTitle")}>
          <p>{t("pending.emptyBody")}</p>
        </EmptyState>
      ) : null}
      {pending.data && pending.data.length > 0 ? (
        <ul className="item-list" aria-label={t("pending.listLabel", { count: pending.data.length })}>
          {pending.data.map((r) => (
            <li key={r.patient.id} className="item">
              <div className="item__head">
                <h2 className="item__title">{fullName(r.patient)}</h2>
                {r.possibleDuplicates.length > 0 ? (
                  <StatusChip tone="warning">
                    {t("pending.maybeDuplicate", { count: r.possibleDuplicates.length })}
                  </StatusChip>
                ) : (
                  <StatusChip tone="neutral">{t("pending.noMatches")}</StatusChip>
                )}
              </div>
              <p className="item__meta">
                {t("pending.meta", {
                  dob: formatCalendarDate(r.patient.dateOfBirth, locale),
                  when: formatDateTime(r.submittedAt, localTimeZone(), locale),
                })}
              </p>
              <div className="item__actions">
                <ButtonLink
                  to="/patients/registrations/$patientId"
                  params={{ patientId: r.patient.id }}
                  aria-label={t("pending.reviewNamed", { name: fullName(r.patient) })}
                >
                  {t("pending.review")}
                </ButtonLink>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** One registration: the details sent, any charts that may be the same person, and the decision. */
export function PendingRegistrationPage() {
  const { t, i18n } = useTranslation("registration");
  const common = useTranslation().t;
  const { patientId } = getRouteApi("/signed-in/patients/registrations/$patientId").useParams();
  const pending = useQuery(pendingQuery);
  const locale = currentLocale();
  const registration = pending.data?.find((r) => r.patient.id === patientId);
  const back = (
    <Link to="/patients/registrations" search={{ done: undefined }} className="back-link">
      {t("pending.title")}
    </Link>
  );
  if (pending.isPending) return <LoadingState />;
  if (pending.isError || !registration) {
    return (
      <div className="stack">
        <PageHeader title={t("pending.goneTitle")} before={back} />
        <Alert tone={pending.isError ? "error" : "info"} title={t("pending.goneTitle")}>
          <p>{pending.isError ? errorMessage(pending.error, common, i18n.exists) : t("pending.goneBody")}</p>
        </Alert>
      </div>
    );
  }
  const p = registration.patient;
  const typed: ComparedPerson = {
    name: fullName(p),
    preferredName: p.preferredName,
    dateOfBirth: p.dateOfBirth,
    sex: p.sex,
    phone: p.phone,
    email: p.email,
  };
  return (
    <div className="stack">
      <PageHeader
        title={t("pending.reviewTitle", { name: fullName(p) })}
        lead={<p>{t("pending.reviewLead")}</p>}
        before={back}
      />
      <Card title={t("pending.sentTitle")} id="sent">
        <dl className="summary-list">
          <Row label={t("compare.name")} value={fullName(p)} />
          <Row label={t("compare.preferredName")} value={p.preferredName ?? t("compare.none")} />
          <Row label={t("compare.dateOfBirth")} value={formatCalendarDate(p.dateOfBirth, locale)} />
          <Row label={t("compare.sex")} value={t(`sex.${p.sex}`)} />
          <Row label={t("compare.phone")} value={p.phone ?? t("compare.none")} />
          <Row label={t("compare.email")} value={p.email ?? t("compare.none")} />
          <Row
            label={t("person.addressTitle")}
            value={
              p.address
                ? [p.address.line1, p.address.line2, p.address.city, p.address.region, p.address.postalCode]
                    .filter(Boolean)
                    .join(", ")
                : t("compare.none")
            }
          />
          <Row
            label={t("compare.submitted")}
            value={formatDateTime(registration.submittedAt, localTimeZone(), locale)}
          />
        </dl>
      </Card>
      {registration.possibleDuplicates.length > 0 ? (
        <>
          <h2 className="section-title">
            {t("pending.matchesTitle", { count: registration.possibleDuplicates.length })}
          </h2>
          <p>{t("pending.matchesLead")}</p>
          <ul className="compare-list">
            {registration.possibleDuplicates.map((candidate) => (
              <li key={candidate.id}>
                <DuplicateComparison
                  typed={typed}
                  typedHeading={t("compare.sent")}
                  candidate={candidate}
                  actions={<MergeAction sourceId={p.id} candidate={candidate} sourceName={fullName(p)} />}
                />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <VerifyAction registration={registration} />
      <RejectAction registration={registration} />
    </div>
  );
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
