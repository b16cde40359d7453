import { useTranslation } from "react-i18next";
import { PageHeader } from "../../components/PageHeader";
import { ActionTiles, type TileKeys } from "../home/ActionTile";

const TILES: TileKeys[] = [
  ["/admin/staff", "people", "staff.title", "hub.staff"],
  ["/admin/locations", "calendar", "locations.title", "hub.locations"],
  ["/admin/providers", "user", "providers.title", "hub.providers"],
  ["/admin/pharmacies", "pill", "pharmacies.title", "hub.pharmacies"],
  ["/admin/refill-protocol", "shield", "refills:protocol.title", "refills:protocol.tile"],
  ["/admin/visit-types", "list", "translation:nav.visitTypes", "hub.visitTypes"],
  ["/admin/availability", "calendar", "translation:nav.availability", "hub.availability"],
  ["/admin/messaging", "people", "translation:nav.messagePools", "hub.messagePools"],
  ["/admin/health-ranges", "shield", "translation:nav.healthRanges", "hub.healthRanges"],
  ["/admin/surveys", "list", "translation:nav.surveyResults", "hub.surveyResults"],
  ["/patients/register", "list", "hub.registerTitle", "hub.register"],
  ["/admin/apps", "list", "connectedApps:admin.title", "connectedApps:admin.hub"],
];

/** Clinic set-up: people, places, providers, pharmacies, and the rules each service works by. */
export function ClinicAdminHome() {
  const { t } = useTranslation("clinicAdmin");
  return (
    <>
      <PageHeader title={t("hub.title")} lead={<p>{t("hub.lead")}</p>} />
      <ul className="action-list">
        <ActionTiles tiles={TILES} t={t} />
      </ul>
    </>
  );
}
