import { useTranslation } from "react-i18next";
import { PageHeader } from "../../components/PageHeader";
import { ActionTile } from "../home/ActionTile";

/** Clinic set-up: people, places, providers, pharmacies, and the rules each service works by. */
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
        <ActionTile
          to="/admin/visit-types"
          icon="list"
          title={t("translation:nav.visitTypes")}
          text={t("hub.visitTypes")}
        />
        <ActionTile
          to="/admin/availability"
          icon="calendar"
          title={t("translation:nav.availability")}
          text={t("hub.availability")}
        />
        <ActionTile
          to="/admin/messaging"
          icon="people"
          title={t("translation:nav.messagePools")}
          text={t("hub.messagePools")}
        />
        <ActionTile
          to="/admin/health-ranges"
          icon="shield"
          title={t("translation:nav.healthRanges")}
          text={t("hub.healthRanges")}
        />
        <ActionTile
          to="/admin/surveys"
          icon="list"
          title={t("translation:nav.surveyResults")}
          text={t("hub.surveyResults")}
        />
        <ActionTile to="/patients/register" icon="list" title={t("hub.registerTitle")} text={t("hub.register")} />
        <ActionTile
          to="/admin/apps"
          icon="list"
          title={t("connectedApps:admin.title")}
          text={t("connectedApps:admin.hub")}
        />
      </ul>
    </>
  );
}
