import type { ProxyInvitationSummary } from "@portico/contracts";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { ActingForSwitcher } from "../../app/ActingForSwitcher";
import { useActingFor } from "../../app/acting-for";
import { Alert } from "../../components/Alert";
import { Card } from "../../components/Card";
import { EmptyState } from "../../components/EmptyState";
import { ButtonLink, Link } from "../../components/Link";
import { PageHeader } from "../../components/PageHeader";
import { LoadingState } from "../../components/Spinner";
import { errorMessage } from "../../lib/errors";
import { CancelInvitation } from "./CancelInvitation";
import { dayOf, GrantList, proxiesQuery } from "./GrantList";

/** "Who can see my record": the people with access, invitations waiting, and inviting someone new. */
export function CaregiversPage() {
  const { t, i18n } = useTranslation("caregivers");
  const common = useTranslation().t;
  const { patient } = useActingFor();
  const search = getRouteApi("/signed-in/profile/caregivers").useSearch();
  const forSelf = patient?.relationship === "self";
  const list = useQuery({ ...proxiesQuery(patient?.id ?? ""), enabled: Boolean(patient && forSelf) });
  const back = (
    <Link to="/profile" className="back-link">
      {common("profile.title")}
    </Link>
  );
  if (!patient || !forSelf) {
    return (
      <div className="stack">
        <PageHeader title={t("page.title")} before={back} />
        <ActingForSwitcher />
        <EmptyState title={t("page.notYoursTitle")}>
          <p>{patient ? t("page.notYoursBody", { name: patient.name }) : t("page.noRecord")}</p>
        </EmptyState>
      </div>
    );
  }
  // the invitation just sent, as the server holds it: its lifetime is the server's to say
  const sent = list.data?.pendingInvitations
    .filter((i) => i.email.toLowerCase() === search.invited?.toLowerCase())
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  return (
    <div className="stack">
      <PageHeader
        title={t("page.title")}
        lead={<p>{t("page.lead")}</p>}
        before={back}
        actions={
          list.data?.canManage ? <ButtonLink to="/profile/caregivers/invite">{t("page.invite")}</ButtonLink> : null
        }
      />
      <ActingForSwitcher />
      {search.invited ? (
        <Alert tone="success" title={t("page.invitedTitle")} live="polite">
          <p>
            {t("page.invitedBody", { email: search.invited })}
            {sent ? ` ${t("page.invitedUntil", { expires: dayOf(sent.expiresAt) })}` : null}
          </p>
        </Alert>
      ) : null}
      {list.isPending ? <LoadingState /> : null}
      {list.isError ? (
        <Alert tone="error" title={t("page.failed")}>
          <p>{errorMessage(list.error, common, i18n.exists)}</p>
        </Alert>
      ) : null}
      {list.data ? (
        <>
          {!list.data.canManage ? (
            <Alert tone="info" title={t("page.minorTitle")}>
              <p>{t("page.minorBody")}</p>
            </Alert>
          ) : null}
          <Card title={t("page.peopleTitle")} id="people">
            <GrantList patientId={patient.id} list={list.data} voice="self" />
          </Card>
          {list.data.canManage ? (
            <Card title={t("page.invitationsTitle")} id="invitations">
              {list.data.pendingInvitations.length === 0 ? (
                <p>{t("page.noInvitations")}</p>
              ) : (
                <ul className="item-list">
                  {list.data.pendingInvitations.map((invitation) => (
                    <Invitation key={invitation.id} invitation={invitation} patientId={patient.id} />
                  ))}
                </ul>
              )}
              <p>
                <Link to="/profile/caregivers/invite">{t("page.inviteLink")}</Link>
              </p>
            </Card>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

function Invitation({ invitation, patientId }: { invitation: ProxyInvitationSummary; patientId: string }) {
  const { t } = useTranslation("caregivers");
  return (
    <li className="item">
      <div className="item__head">
        <h3 className="item__title mono">{invitation.email}</h3>
      </div>
      <p className="item__meta">
        {t(`relationships.${invitation.relationship}`)}
        {" · "}
        {t("page.invitationMeta", { sent: dayOf(invitation.createdAt), expires: dayOf(invitation.expiresAt) })}
      </p>
      <p>{invitation.scopes.map((s) => t(`scopes.${s}.short`)).join(", ")}</p>
      <CancelInvitation invitation={invitation} patientId={patientId} />
    </li>
  );
}
