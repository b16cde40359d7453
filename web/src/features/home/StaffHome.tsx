import type { MeResponse } from "@portico/contracts";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../components/PageHeader";
import { currentLocale } from "../../i18n";
import { formatDay, localTimeZone } from "../../lib/format";
import { InBasketTile } from "../in-basket/InBasketTile";
import { ActionTiles, type TileKeys } from "./ActionTile";
import { firstName, greeting } from "./greeting";

const ROLE_ORDER = ["admin", "physician", "nurse", "front_desk"] as const;

const TILES = {
  register: ["/patients/register", "user", "registration:register.title", "registration:tiles.register"],
  pending: ["/patients/registrations", "list", "registration:pending.title", "registration:tiles.pending"],
  identityChanges: [
    "/patients/identity-changes",
    "list",
    "registration:identityReview.title",
    "registration:identityReview.tile",
  ],
  search: ["/patients", "people", "registration:search.title", "registration:tiles.search"],
  clinic: ["/admin/clinic", "calendar", "clinicAdmin:hub.title", "clinicAdmin:hub.tile"],
  audit: ["/admin/audit", "list", "staffHome.tiles.audit.title", "staffHome.tiles.audit.text"],
  security: ["/account/security", "shield", "home.tiles.security.title", "staffHome.tiles.security.text"],
  ownCare: ["/my-health", "heart", "staffHome.tiles.ownCare.title", "staffHome.tiles.ownCare.text"],
} satisfies Record<string, TileKeys>;

/** "Today": the work each staff role can do here, first. */
export function StaffHome({ me, alsoPatient }: { me: MeResponse; alsoPatient: boolean }) {
  const { t } = useTranslation();
  const today = formatDay(new Date(), localTimeZone(), currentLocale());
  const roles = ROLE_ORDER.filter((r) => me.roles.includes(r)).map((r) => t(`roles.${r}`));
  return (
    <>
      <PageHeader
        eyebrow={t("staffHome.today", { date: today })}
        title={greeting(firstName(me.user.displayName), t)}
        lead={<p>{t("staffHome.lead", { roles: roles.join(", ") })}</p>}
      />
      <h2 className="section-title">{t("staffHome.workTitle")}</h2>
      <ul className="action-list">
        <ActionTiles
          t={t}
          tiles={[
            me.abilities.registerPatients && TILES.register,
            me.abilities.registerPatients && TILES.pending,
            me.abilities.registerPatients && TILES.identityChanges,
          ]}
        />
        {me.abilities.workInBasket ? <InBasketTile /> : null}
        <ActionTiles
          t={t}
          tiles={[
            me.abilities.searchPatients && TILES.search,
            me.abilities.administerClinic && TILES.clinic,
            me.abilities.readAuditLog && TILES.audit,
            TILES.security,
            alsoPatient && TILES.ownCare,
          ]}
        />
      </ul>
    </>
  );
}
