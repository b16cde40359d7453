import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { patientProfileQuery } from "../../api/patients";
import { ActingForSwitcher } from "../../app/ActingForSwitcher";
import { useActingFor } from "../../app/acting-for";
import { Alert } from "../../components/Alert";
import { Link } from "../../components/Link";
import { PageHeader } from "../../components/PageHeader";
import { LoadingState } from "../../components/Spinner";
import { errorMessage } from "../../lib/errors";
import "../registration/registration.css";
import { EmergencyCard, PharmacyCard } from "./CareCards";
import { ContactCard } from "./ContactCard";
import { IdentityCard, SummaryCard } from "./IdentityCards";
import { InsuranceCard } from "./InsuranceCard";
import { TimeZoneCard } from "./TimeZoneCard";

/** The patient's details: contact, language, pharmacy, insurance, emergency contact; identity read-only. */
export function PatientDetailsPage() {
  const { t, i18n } = useTranslation("registration");
  const common = useTranslation().t;
  const { patient } = useActingFor();
  const profile = useQuery({ ...patientProfileQuery(patient?.id ?? ""), enabled: Boolean(patient) });
  const forSelf = patient?.relationship === "self";
  // the server says what this reader may change (and, for a restricted caregiver, sends only the summary)
  const canEdit = profile.data?.view === "full" ? profile.data.canEdit : false;
  const back = (
    <Link to="/profile" className="back-link">
      {common("profile.title")}
    </Link>
  );
  const title = forSelf || !patient ? t("details.title") : t("details.titleFor", { name: patient.name });
  return (
    <div className="stack">
      <PageHeader
        title={title}
        lead={profile.data?.view === "summary" ? undefined : <p>{t("details.lead")}</p>}
        before={back}
      />
      <ActingForSwitcher />
      {!patient ? (
        <Alert tone="info" title={t("details.noRecord")} />
      ) : profile.isPending ? (
        <LoadingState />
      ) : profile.isError ? (
        <Alert tone="error" title={t("details.failed")}>
          <p>{errorMessage(profile.error, common, i18n.exists)}</p>
        </Alert>
      ) : profile.data.view === "summary" ? (
        <SummaryCard summary={profile.data} name={patient.name} />
      ) : (
        <>
          {!canEdit ? (
            <Alert tone="info" title={t("details.readOnlyTitle")}>
              <p>{t("details.readOnlyBody", { name: patient.name })}</p>
            </Alert>
          ) : null}
          <IdentityCard profile={profile.data} forSelf={forSelf} canEdit={canEdit} />
          {/* one form per section, each keeping its own edits across the others' saves (no remount on new data) */}
          <ContactCard profile={profile.data} canEdit={canEdit} />
          <TimeZoneCard profile={profile.data} canEdit={canEdit} />
          <EmergencyCard profile={profile.data} canEdit={canEdit} />
          <PharmacyCard profile={profile.data} canEdit={canEdit} />
          <InsuranceCard profile={profile.data} canEdit={canEdit} />
        </>
      )}
    </div>
  );
}
