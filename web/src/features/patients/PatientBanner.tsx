import type { PatientProfile, ProxyGrantList } from "@portico/contracts";
import { useTranslation } from "react-i18next";
import { StatusChip } from "../../components/StatusChip";
import { currentLocale } from "../../i18n";
import { formatCalendarDate } from "../../lib/format";
import "../registration/registration.css";

/** The patient in context, always visible while staff work on them: name, age, MRN, PCP, proxies. */
export function PatientBanner({
  patient,
  proxies,
}: {
  patient: PatientProfile;
  /** null when this role may not see who has proxy access */
  proxies: ProxyGrantList | null | undefined;
}) {
  const { t } = useTranslation("registration");
  const name = `${patient.legalGivenName} ${patient.legalFamilyName}`;
  const inForce = proxies?.grants.filter((g) => g.inForce) ?? [];
  return (
    <section className="patient-banner" aria-label={t("banner.label", { name })}>
      <p className="patient-banner__name">
        {name}
        {patient.preferredName && patient.preferredName !== patient.legalGivenName
          ? ` (${t("banner.prefers", { name: patient.preferredName })})`
          : ""}
      </p>
      {patient.status === "pending_verification" ? (
        <StatusChip tone="warning">{t("status.pending_verification")}</StatusChip>
      ) : null}
      <dl className="patient-banner__facts">
        <div>
          <dt>{t("banner.age")}</dt>
          <dd>
            {t("banner.ageValue", {
              age: patient.age,
              dob: formatCalendarDate(patient.dateOfBirth, currentLocale()),
            })}
          </dd>
        </div>
        <div>
          <dt>{t("banner.sex")}</dt>
          <dd>{t(`sex.${patient.sex}`)}</dd>
        </div>
        <div>
          <dt>{t("banner.mrn")}</dt>
          <dd className="mono">{patient.mrn}</dd>
        </div>
        <div>
          <dt>{t("banner.pcp")}</dt>
          <dd>{patient.pcp?.name ?? t("banner.noPcp")}</dd>
        </div>
        <div>
          <dt>{t("banner.proxies")}</dt>
          <dd>
            {proxies === undefined
              ? "…"
              : proxies === null
                ? t("banner.proxiesHidden")
                : inForce.length === 0
                  ? t("banner.noProxies")
                  : inForce
                      .map((g) => `${g.proxy.displayName} (${t(`caregivers:relationships.${g.relationship}`)})`)
                      .join(", ")}
          </dd>
        </div>
      </dl>
    </section>
  );
}
