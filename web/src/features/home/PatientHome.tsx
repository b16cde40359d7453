import { useQuery } from "@tanstack/react-query";
import { useSearch } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { ActingForSwitcher } from "../../app/ActingForSwitcher";
import { useActingFor } from "../../app/acting-for";
import { useMe } from "../../app/session";
import { Alert } from "../../components/Alert";
import { EmptyState } from "../../components/EmptyState";
import { PageHeader } from "../../components/PageHeader";
import { appointmentsQuery } from "../appointments/data";
import { NextAppointmentCard } from "../appointments/NextAppointmentCard";
import { MessagesTile, UnreadMessagesCard, useUnreadMessageCount } from "../messages/HomeEntries";
import { ReferralTile, ReferralUpdates, useReferralUpdateCount } from "../referrals/HomeEntries";
import { RefillsInProgress, RefillTile, useOpenRefillCount } from "../refills/HomeEntries";
import { ActionTile } from "./ActionTile";
import { firstName, greeting } from "./greeting";

export function PatientHome() {
  const { t } = useTranslation();
  const me = useMe();
  const { patient, can } = useActingFor();
  const search = useSearch({ strict: false }) as { welcome?: unknown };
  const seesAppointments = Boolean(patient && can("appointments"));
  const appointments = useQuery({ ...appointmentsQuery(patient?.id ?? ""), enabled: seesAppointments });
  // "nothing needs your attention" only once we know there is nothing to show
  const openRefills = useOpenRefillCount(patient?.id ?? "", Boolean(patient && can("medications")));
  const unreadMessages = useUnreadMessageCount(patient?.id ?? "", Boolean(patient && can("messages")));
  const referralUpdates = useReferralUpdateCount(patient?.id ?? "", Boolean(patient && can("referrals")));
  const nothingToShow =
    (!seesAppointments || (appointments.isSuccess && appointments.data.upcoming.length === 0)) &&
    openRefills === 0 &&
    unreadMessages === 0 &&
    referralUpdates === 0;
  if (!me) return null;
  const forSelf = !patient || patient.relationship === "self";
  return (
    <>
      <PageHeader
        title={greeting(firstName(me.user.displayName), t)}
        lead={<p>{forSelf ? t("home.leadSelf") : t("home.leadProxy", { name: patient?.name })}</p>}
      />
      {search.welcome ? (
        <Alert tone="success" title={t("home.welcomeTitle")} live="polite" className="home-welcome">
          <p>{t("home.welcomeBody")}</p>
        </Alert>
      ) : null}
      <ActingForSwitcher />
      {!patient ? (
        <EmptyState title={t("home.noRecordTitle")}>
          <p>{t("home.noRecordBody")}</p>
        </EmptyState>
      ) : (
        <>
          <h2 className="section-title">{t("home.attentionTitle")}</h2>
          {seesAppointments ? <NextAppointmentCard patientId={patient.id} canAct /> : null}
          {can("messages") ? <UnreadMessagesCard patient={patient} /> : null}
          {can("medications") ? <RefillsInProgress patient={patient} /> : null}
          {can("referrals") ? <ReferralUpdates patient={patient} /> : null}
          {nothingToShow ? (
            <EmptyState title={t("home.attentionEmptyTitle")} headingLevel={3}>
              <p>{forSelf ? t("home.attentionEmptySelf") : t("home.attentionEmptyProxy", { name: patient.name })}</p>
            </EmptyState>
          ) : null}
          <h2 className="section-title">{t("home.careTitle")}</h2>
          <ul className="action-list">
            {can("appointments") ? (
              <ActionTile
                to="/appointments/book"
                icon="calendar"
                title={t("appointments:home.bookTitle")}
                text={t("appointments:home.bookText")}
              />
            ) : null}
            {can("messages") ? <MessagesTile patient={patient} /> : null}
            {can("medications") ? <RefillTile patient={patient} /> : null}
            {can("referrals") ? <ReferralTile patient={patient} /> : null}
            {forSelf ? (
              <ActionTile
                to="/profile"
                icon="user"
                title={t("home.tiles.profile.title")}
                text={t("home.tiles.profile.text")}
              />
            ) : null}
            {can("records") ? (
              <ActionTile
                to="/profile/access-log"
                icon="list"
                title={t("home.tiles.accessLog.title")}
                text={
                  forSelf ? t("home.tiles.accessLog.text") : t("home.tiles.accessLog.textProxy", { name: patient.name })
                }
              />
            ) : null}
            <ActionTile
              to="/account/security"
              icon="shield"
              title={t("home.tiles.security.title")}
              text={t("home.tiles.security.text")}
            />
          </ul>
        </>
      )}
    </>
  );
}
