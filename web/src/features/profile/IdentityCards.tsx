import type { PatientProfile, PatientSummary } from "@portico/contracts";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { Card } from "../../components/Card";
import { ButtonLink } from "../../components/Link";
import { StatusChip } from "../../components/StatusChip";
import { currentLocale } from "../../i18n";
import { formatCalendarDate } from "../../lib/format";
import "../registration/registration.css";
import { Row } from "./detail-section";

/**
 * What a caregiver with restricted access (a parent of a 12–17-year-old) sees: the name and
 * date of birth the server sends, and why there is nothing more.
 */
export function SummaryCard({ summary, name }: { summary: PatientSummary; name: string }) {
  const { t } = useTranslation("registration");
  const locale = currentLocale();
  return (
    <>
      <Alert tone="info" title={t("details.summaryTitle")}>
        <p>{t("details.summaryBody", { name })}</p>
      </Alert>
      <Card title={t("details.identityTitle")} id="identity">
        <dl className="summary-list">
          <Row label={t("person.givenName")}>{summary.legalGivenName}</Row>
          <Row label={t("person.familyName")}>{summary.legalFamilyName}</Row>
          <Row label={t("compare.dateOfBirth")}>{formatCalendarDate(summary.dateOfBirth, locale)}</Row>
        </dl>
      </Card>
    </>
  );
}

export function IdentityCard({
  profile,
  forSelf,
  canEdit,
}: {
  profile: PatientProfile;
  forSelf: boolean;
  canEdit: boolean;
}) {
  const { t } = useTranslation("registration");
  const locale = currentLocale();
  return (
    <Card title={t("details.identityTitle")} id="identity">
      <dl className="summary-list">
        <Row label={t("person.givenName")}>{profile.legalGivenName}</Row>
        <Row label={t("person.familyName")}>{profile.legalFamilyName}</Row>
        <Row label={t("compare.dateOfBirth")}>{formatCalendarDate(profile.dateOfBirth, locale)}</Row>
        <Row label={t("compare.sex")}>{t(`sex.${profile.sex}`)}</Row>
        <Row label={t("banner.mrn")}>
          <span className="mono">{profile.mrn}</span>
        </Row>
        <Row label={t("banner.pcp")}>{profile.pcp?.name ?? t("banner.noPcp")}</Row>
      </dl>
      <p>{forSelf ? t("details.identityHelp") : t("details.identityHelpProxy")}</p>
      {profile.pendingIdentityChangeRequestId ? (
        <p>
          <StatusChip tone="info">{t("details.changeWaiting")}</StatusChip> {t("details.changeWaitingBody")}
        </p>
      ) : canEdit ? (
        <ButtonLink to="/profile/details/identity" variant="secondary">
          {t("details.askFrontDesk")}
        </ButtonLink>
      ) : null}
    </Card>
  );
}
