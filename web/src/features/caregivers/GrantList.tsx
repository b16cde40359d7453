import type { ProxyGrant, ProxyGrantList, ProxyInvitationSummary } from "@portico/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { patientKeys, proxyGrantsQuery } from "../../api/patients";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { StatusChip } from "../../components/StatusChip";
import { currentLocale } from "../../i18n";
import { api } from "../../lib/api";
import { formatCalendarDate } from "../../lib/format";
import "../registration/registration.css";
import "./caregivers.css";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorAlert } from "../../components/ErrorAlert";
import { CancelInvitation } from "./CancelInvitation";

/** the grants list (kept under this name for the pages that import it from here) */
export const proxiesQuery = proxyGrantsQuery;

/** An instant as a calendar day ("3 March 2026"), for since/until. */
export function dayOf(iso: string): string {
  return formatCalendarDate(iso.slice(0, 10), currentLocale());
}

/** The people who can see a record, each with what they can do in plain words, and a revoke button when allowed. */
export function GrantList({
  patientId,
  list,
  voice,
}: {
  patientId: string;
  list: ProxyGrantList;
  /** "self": the patient looking at their own record; "staff": the front desk */
  voice: "self" | "staff";
}) {
  const { t } = useTranslation("caregivers");
  const grants = list.grants;
  // the patient's own page lists their invitations apart; staff see the grants waiting for an account here
  const waiting = voice === "staff" ? list.pendingInvitations : [];
  return (
    <>
      {grants.length === 0 ? (
        <EmptyState title={t("list.emptyTitle")} headingLevel={3}>
          <p>{voice === "self" && list.canManage ? t("list.emptySelf") : t("list.emptyBody")}</p>
        </EmptyState>
      ) : (
        <ul className="item-list">
          {grants.map((grant) => (
            <GrantItem key={grant.id} grant={grant} patientId={patientId} canManage={list.canManage} voice={voice} />
          ))}
        </ul>
      )}
      {waiting.length > 0 ? (
        <section aria-labelledby="waiting-heading" className="waiting-invitations">
          <h3 id="waiting-heading">{t("list.waitingTitle")}</h3>
          <ul className="item-list">
            {waiting.map((invitation) => (
              <WaitingItem
                key={invitation.id}
                invitation={invitation}
                patientId={patientId}
                canManage={list.canManage}
              />
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

/** Access the front desk gave to an email with no account yet: it starts when they create one. */
function WaitingItem({
  invitation,
  patientId,
  canManage,
}: {
  invitation: ProxyInvitationSummary;
  patientId: string;
  canManage: boolean;
}) {
  const { t } = useTranslation("caregivers");
  return (
    <li className="item">
      <div className="item__head">
        <h4 className="item__title">{invitation.email}</h4>
        <StatusChip tone="info">{t("list.waiting")}</StatusChip>
      </div>
      <p className="item__meta">
        {t(`relationships.${invitation.relationship}`)}
        {" · "}
        {t("list.waitingSince", { since: dayOf(invitation.createdAt), until: dayOf(invitation.expiresAt) })}
      </p>
      <ul className="scope-list">
        {invitation.scopes.map((s) => (
          <li key={s}>{t(`scopes.${s}.short`)}</li>
        ))}
      </ul>
      {canManage ? <CancelInvitation invitation={invitation} patientId={patientId} /> : null}
    </li>
  );
}

function GrantItem({
  grant,
  patientId,
  canManage,
  voice,
}: {
  grant: ProxyGrant;
  patientId: string;
  canManage: boolean;
  voice: "self" | "staff";
}) {
  const { t } = useTranslation("caregivers");
  const _common = useTranslation().t;
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const revoke = useMutation({
    mutationFn: () => api(`/api/patients/${patientId}/proxies/${grant.id}`, { method: "DELETE" }),
    onSuccess: async () => {
      setOpen(false);
      await queryClient.invalidateQueries({ queryKey: patientKeys.proxies(patientId) });
    },
  });
  const name = grant.proxy.displayName;
  const held = grant.effectiveScopes;
  const withheld = grant.scopes.filter((s) => !held.includes(s));
  return (
    <li className="item">
      <div className="item__head">
        <h3 className="item__title">{name}</h3>
        {grant.inForce ? (
          <StatusChip tone="success">{t("list.active")}</StatusChip>
        ) : (
          <StatusChip tone="neutral">{t("list.ended")}</StatusChip>
        )}
      </div>
      <p className="item__meta">
        {t(`relationships.${grant.relationship}`)}
        {" · "}
        {grant.endsAt
          ? t("list.sinceUntil", { since: dayOf(grant.startsAt), until: dayOf(grant.endsAt) })
          : t("list.since", { since: dayOf(grant.startsAt) })}
      </p>
      {grant.inForce ? (
        <>
          <p>{t("list.canDo", { name })}</p>
          {held.length > 0 ? (
            <ul className="scope-list">
              {held.map((s) => (
                <li key={s}>{t(`scopes.${s}.short`)}</li>
              ))}
            </ul>
          ) : (
            <p>{t("list.nothing")}</p>
          )}
        </>
      ) : null}
      {grant.restricted ? (
        <Alert tone="info" title={t("list.restrictedTitle")} headingLevel={3}>
          <p>
            {t("list.restrictedBody")}
            {withheld.length > 0
              ? ` ${t("list.withheld", { list: withheld.map((s) => t(`scopes.${s}.short`)).join(", ") })}`
              : ""}
          </p>
        </Alert>
      ) : null}
      {voice === "staff" && grant.reason ? (
        <p className="item__meta">
          {t("list.reason", { reason: grant.reason })}
          {grant.grantedBy ? ` · ${t("list.grantedBy", { name: grant.grantedBy })}` : ""}
        </p>
      ) : null}
      {canManage && grant.inForce ? (
        <div className="item__actions">
          <Button variant="secondary" onPress={() => setOpen(true)} aria-label={t("list.revokeNamed", { name })}>
            {t("list.revoke")}
          </Button>
        </div>
      ) : null}
      <ConfirmDialog
        title={t("list.revokeTitle", { name })}
        isOpen={open}
        onOpenChange={setOpen}
        confirmLabel={t("list.revokeConfirm")}
        isPending={revoke.isPending}
        onConfirm={() => revoke.mutate()}
        keepLabel={t("list.keep")}
      >
        <p>{voice === "self" ? t("list.revokeBodySelf", { name }) : t("list.revokeBodyStaff", { name })}</p>
        {revoke.isError ? <ErrorAlert title={t("list.revokeFailed")} error={revoke.error} /> : null}
      </ConfirmDialog>
    </li>
  );
}
