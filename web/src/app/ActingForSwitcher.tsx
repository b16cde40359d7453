import { useTranslation } from "react-i18next";
import { Alert } from "../components/Alert";
import { Select } from "../components/Select";
import { useActingFor } from "./acting-for";

/** "Acting for: Jamie Rivera" — shown wherever a caregiver works for someone else. */
export function ActingForSwitcher() {
  const { t } = useTranslation();
  const { patient, patients, setPatientId } = useActingFor();
  if (!patient || patients.length < 2) return null;
  const options = patients.map((p) => ({
    id: p.id,
    label: p.relationship === "self" ? t("actingFor.yourself", { name: p.name }) : p.name,
  }));
  return (
    <section className="acting-for" aria-label={t("actingFor.region")}>
      <div className="acting-for__row">
        <p className="acting-for__current">
          <span className="acting-for__label">{t("actingFor.label")}</span>{" "}
          <strong>{patient.relationship === "self" ? t("actingFor.yourselfShort") : patient.name}</strong>
        </p>
        <div className="acting-for__select">
          <Select
            label={t("actingFor.change")}
            options={options}
            value={patient.id}
            onChange={setPatientId}
            width="medium"
          />
        </div>
      </div>
      {patient.restricted ? (
        <Alert tone="info" title={t("actingFor.restrictedTitle", { name: patient.name })} headingLevel={2}>
          <p>{t("actingFor.restrictedBody", { name: patient.name })}</p>
        </Alert>
      ) : null}
    </section>
  );
}
