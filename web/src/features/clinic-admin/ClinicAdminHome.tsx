import { useTranslation } from "react-i18next";
import { PageHeader } from "../../components/PageHeader";
import { ActionTile } from "../home/ActionTile";

/** Clinic set-up: people, places, providers and pharmacies. */
export function ClinicAdminHome() {
  const { t } = useTranslation("clinicAdmin");
  return (
    <>
      <PageHeader title={t("hub.title")} lead={<p>{t("hub.lead")}</p>} />
      <ul className="action-list">
        <ActionTile to="/admin/staff" icon="people" title={t("staff.title")} text={t("hub.staff")} />
        <ActionTile to="/admin/locations" icon="calendar" title={t("locations.title")} text={t("hub.locations")} />
        <ActionTile to="/admin/providers" icon="user" title={t("providers.title")} text={t("hub.providers")} />
        <ActionTile to="/admin/pharmacies" icon="pill" title={t("pharmacies.title")} text={t("hub.pharmacies")} />
        <ActionTile
          to="/admin/refill-protocol"
          icon="shield"
          title={t("refills:protocol.title")}
          text={t("refills:protocol.tile")}
        />
        <ActionTile to="/patients/register" icon="list" title={t("hub.registerTitle")} text={t("hub.register")} />
      </ul>
    </>
  );
}
