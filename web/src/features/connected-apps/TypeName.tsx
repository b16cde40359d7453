import { useTranslation } from "react-i18next";

/** A FHIR resource type in plain words ("Observation" → "Vital signs, lab results and scores"). */
export function TypeName({ type }: { type: string }) {
  const { t } = useTranslation("connectedApps");
  if (type === "*") return <>{t("types.all")}</>;
  return <>{t(`types.${type}`, { defaultValue: type })}</>;
}
