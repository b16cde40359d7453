import type { MeResponse } from "@portico/contracts";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../components/PageHeader";
import { currentLocale } from "../../i18n";
import { formatDay, localTimeZone } from "../../lib/format";
import { InBasketTile } from "../in-basket/InBasketTile";
import { ActionTile } from "./ActionTile";
import { firstName, greeting } from "./greeting";

const ROLE_ORDER = ["admin", "physician", "nurse", "front_desk"] as const;

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
        {me.abilities.registerPatients ? (
          <>
            <ActionTile
              to="/patients/register"
              icon="user"
              title={t("registration:register.title")}
              text={t("registration:tiles.register")}
            />
            <ActionTile
              to="/patients/registrations"
              icon="list"
              title={t("registration:pending.title")}
              text={t("registration:tiles.pending")}
            />
            <ActionTile
              to="/patients/identity-changes"
              icon="list"
              title={t("registration:identityReview.title")}
              text={t("registration:identityReview.tile")}
            />
          </>
        ) : null}
        {me.abilities.workInBasket ? <InBasketTile /> : null}
        {me.abilities.searchPatients ? (
          <ActionTile
            to="/patients"
            icon="people"
            title={t("registration:search.title")}
            text={t("registration:tiles.search")}
          />
        ) : null}
        {me.abilities.administerClinic ? (
          <ActionTile
            to="/admin/clinic"
            icon="calendar"
            title={t("clinicAdmin:hub.title")}
            text={t("clinicAdmin:hub.tile")}
          />
        ) : null}
        {me.abilities.readAuditLog ? (
          <ActionTile
            to="/admin/audit"
            icon="list"
            title={t("staffHome.tiles.audit.title")}
            text={t("staffHome.tiles.audit.text")}
          />
        ) : null}
        <ActionTile
          to="/account/security"
          icon="shield"
          title={t("home.tiles.security.title")}
          text={t("staffHome.tiles.security.text")}
        />
        {alsoPatient ? (
          <ActionTile
            to="/my-health"
            icon="heart"
            title={t("staffHome.tiles.ownCare.title")}
            text={t("staffHome.tiles.ownCare.text")}
          />
        ) : null}
      </ul>
    </>
  );
}
