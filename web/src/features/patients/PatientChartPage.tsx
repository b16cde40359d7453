import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { proxyGrantsQuery, staffPatientQuery } from "../../api/patients";
import { mayOpen } from "../../app/nav";
import { useMe } from "../../app/session";
import { Alert } from "../../components/Alert";
import { Card } from "../../components/Card";
import { ButtonLink } from "../../components/Link";
import { PageHeader } from "../../components/PageHeader";
import { LoadingState } from "../../components/Spinner";
import { isApiError } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import { GrantList } from "../caregivers/GrantList";
import { ChartReferralsCard } from "../referrals/ChartReferralsCard";
import { BackToSearch } from "./BackToSearch";
import { PatientBanner } from "./PatientBanner";

const route = getRouteApi("/signed-in/patients/$patientId");

/** Staff: the patient summary — who they are, how to reach them, and who may act for them. */
export function PatientChartPage() {
  const { t, i18n } = useTranslation("registration");
  const tc = useTranslation("caregivers").t;
  const tr = useTranslation("refills").t;
  const common = useTranslation().t;
  const me = useMe();
  const { patientId } = route.useParams();
  const profile = useQuery(staffPatientQuery(patientId));
  // what this reader may open from the chart is the server's answer, given with the chart
  const can = profile.data?.abilities;
  const proxies = useQuery({ ...proxyGrantsQuery(patientId), enabled: Boolean(can?.canSeeCaregivers) });
  const back = <BackToSearch />;
  if (profile.isPending) return <LoadingState />;
  if (profile.isError) {
    const forbidden = isApiError(profile.error) && (profile.error.status === 403 || profile.error.status === 404);
    if (!forbidden) {
      return (
        <div className="stack">
          <PageHeader title={t("chart.unavailableTitle")} before={back} />
          <Alert tone="error" title={t("chart.unavailableTitle")}>
            <p>{errorMessage(profile.error, common, i18n.exists)}</p>
          </Alert>
        </div>
      );
    }
    // the same answer for a chart one may not open and one that does not exist: say why charts
    // open for someone with this work (the server's abilities), and what to do, never whether
    // this patient exists
    const clinician = mayOpen(me, "inBasket");
    const why = mayOpen(me, "incomingReferrals")
      ? t("chart.whyPhysician")
      : clinician
        ? t("chart.whyNurse")
        : mayOpen(me, "registration")
          ? t("chart.whyFrontDesk")
          : t("chart.forbidden");
    return (
      <div className="stack">
        <PageHeader title={t("chart.unavailableTitle")} before={back} />
        <Alert tone="info" title={t("chart.unavailableTitle")}>
          <p>{why}</p>
          <p>{t("chart.privacy")}</p>
        </Alert>
        {clinician ? (
          <Card title={t("chart.whatTitle")} id="what-to-do">
            <ul className="stack">
              <li>{t("chart.askCareTeam")}</li>
              <li>{t("chart.emergency")}</li>
            </ul>
            <ButtonLink to="/in-basket" variant="secondary">
              {t("chart.openInBasket")}
            </ButtonLink>
          </Card>
        ) : null}
      </div>
    );
  }
  const p = profile.data;
  const name = `${p.legalGivenName} ${p.legalFamilyName}`;
  return (
    <div className="stack">
      <PageHeader title={name} before={back} />
      <PatientBanner patient={p} proxies={p.abilities.canSeeCaregivers ? proxies.data : null} />
      <Card title={t("chart.contactTitle")} id="contact">
        <dl className="summary-list">
          <div>
            <dt>{t("compare.phone")}</dt>
            <dd>{p.phone ?? t("compare.none")}</dd>
          </div>
          <div>
            <dt>{t("compare.email")}</dt>
            <dd className="mono">{p.email ?? t("compare.none")}</dd>
          </div>
          <div>
            <dt>{t("person.language")}</dt>
            <dd>{languageName(p.preferredLanguage, i18n.language)}</dd>
          </div>
          <div>
            <dt>{t("person.addressTitle")}</dt>
            <dd>
              {p.address
                ? [p.address.line1, p.address.line2, p.address.city, p.address.region, p.address.postalCode]
                    .filter(Boolean)
                    .join(", ")
                : t("compare.none")}
            </dd>
          </div>
          <div>
            <dt>{t("person.emergencyTitle")}</dt>
            <dd>
              {p.emergencyContact
                ? `${p.emergencyContact.name} (${p.emergencyContact.relationship}), ${p.emergencyContact.phone}`
                : t("compare.none")}
            </dd>
          </div>
          <div>
            <dt>{t("insurance.title")}</dt>
            <dd>
              {p.insurance.length
                ? p.insurance.map((c) => `${c.payerName} · ${c.memberId}`).join("; ")
                : t("compare.none")}
            </dd>
          </div>
          <div>
            <dt>{t("register.pharmacy")}</dt>
            <dd>{p.preferredPharmacy?.name ?? t("compare.none")}</dd>
          </div>
          <div>
            <dt>{t("chart.portal")}</dt>
            <dd>{p.hasLogin ? t("chart.hasLogin") : t("chart.noLogin")}</dd>
          </div>
        </dl>
      </Card>
      {p.abilities.canOpenMedications ? (
        <Card title={tr("chartMeds.cardTitle")} id="medications">
          <p>{tr("chartMeds.cardLead", { name })}</p>
          <p>
            <ButtonLink to="/patients/$patientId/medications" params={{ patientId }} variant="secondary">
              {tr("chartMeds.open", { name })}
            </ButtonLink>
          </p>
        </Card>
      ) : null}
      {p.abilities.canSeeReferrals ? <ChartReferralsCard patientId={patientId} name={name} /> : null}
      {p.abilities.canSeeCaregivers ? (
        <Card title={tc("staff.title")} id="caregivers">
          <p>{tc("staff.lead")}</p>
          {proxies.isPending ? <LoadingState /> : null}
          {proxies.isError ? (
            <Alert tone="error" title={tc("page.failed")}>
              <p>{errorMessage(proxies.error, common, i18n.exists)}</p>
            </Alert>
          ) : null}
          {proxies.data ? <GrantList patientId={patientId} list={proxies.data} voice="staff" /> : null}
          {p.abilities.canAddCaregiver ? (
            <p>
              <ButtonLink to="/patients/$patientId/caregivers/new" params={{ patientId }} variant="secondary">
                {tc("staff.add")}
              </ButtonLink>
            </p>
          ) : null}
        </Card>
      ) : null}
    </div>
  );
}

/** The patient's language named in the reader's ("inglés" on a Spanish page), by the browser's own list. */
function languageName(tag: string, locale: string): string {
  try {
    const name = new Intl.DisplayNames([locale], { type: "language" }).of(tag) ?? tag;
    return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
  } catch {
    return tag;
  }
}
