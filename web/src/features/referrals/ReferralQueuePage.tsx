import type { Referral, ReferralQueueItem, ReferralStatus } from "@portico/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { providersQuery } from "../../api/clinic";
import { mayOpen } from "../../app/nav";
import { useMe } from "../../app/session";
import type { FieldErrors } from "../../components/Form";
import { TextField } from "../../components/fields";
import { ButtonLink, Link } from "../../components/Link";
import { Select } from "../../components/Select";
import { StatusChip } from "../../components/StatusChip";
import { currentLocale } from "../../i18n";
import { Cell, DataTable } from "../../kit/DataTable";
import { QueueDecision } from "../../kit/QueueDecision";
import { isApiError } from "../../lib/api";
import { formatCalendarDate } from "../../lib/format";
import { visitName, visitTypesQuery } from "../appointments/data";
import { NoteField } from "../appointments/parts";
import { QueueActionsCell } from "../in-basket/QueueActionsCell";
import { DenyAction, type QueueNotice, QueuePatientCell, RequestedCell, WorkQueuePage } from "../in-basket/WorkQueue";
import { dayAndTime as when } from "../refills/format";
import {
  approveReferral,
  askForVisit,
  dateInDays,
  denyReferral,
  referralKeys,
  referralQueueQuery,
  referralWorkItem,
  STATUS_TONE,
  specialtyLabel,
} from "./data";
import "../refills/refills.css";
import "./referrals.css";

const route = getRouteApi("/signed-in/in-basket/referrals");

const FILTERS: Array<ReferralStatus | "open"> = ["open", "approved", "denied", "scheduled", "expired"];

export type Notice = QueueNotice;

/** The primary care practice's referral queue: requests to approve, deny, or answer with "a visit first". */
export function ReferralQueuePage() {
  const { t } = useTranslation("referrals");
  const search = route.useSearch();
  const navigate = useNavigate();
  const queue = useQuery(referralQueueQuery(search.status));
  const [notice, setNotice] = useState<Notice | null>(null);
  const me = useMe();
  const items = queue.data?.items ?? [];
  return (
    <WorkQueuePage
      ns="referrals"
      actions={
        <>
          <ButtonLink to="/in-basket/referrals/new" variant="secondary">
            {t("staffForm.create")}
          </ButtonLink>
          {mayOpen(me, "incomingReferrals") ? (
            <Link to="/in-basket/incoming-referrals">{t("incoming.title")}</Link>
          ) : null}
        </>
      }
      filters={
        <Select
          name="status"
          label={t("queue.status")}
          options={FILTERS.map((s) => ({ id: s, label: t(`queue.statuses.${s}`) }))}
          value={search.status ?? "open"}
          onChange={(s) =>
            void navigate({
              to: "/in-basket/referrals",
              search: { status: s === "open" ? undefined : (s as ReferralStatus) },
            })
          }
          width="medium"
        />
      }
      notice={notice}
      query={queue}
      count={items.length}
    >
      <div className="refill-queue">
        <DataTable
          caption={t("queue.caption", { count: items.length })}
          columns={[
            { label: t("queue.columns.patient") },
            { label: t("queue.columns.referral") },
            { label: t("queue.columns.requested") },
            { label: t("queue.columns.actions") },
          ]}
          items={items}
          rowKey={(i) => i.referral.id}
          row={(item) => <QueueRow key={item.referral.id} item={item} onNotice={setNotice} />}
        />
      </div>
    </WorkQueuePage>
  );
}

/** The patient's context and the referral: what is asked, why, how soon; the decision when there is one. */
export function PatientCell({ item, label }: { item: ReferralQueueItem; label: string }) {
  return <QueuePatientCell ns="referrals" label={label} patient={item.patient} />;
}

export function ReferralCell({ item, label }: { item: ReferralQueueItem; label: string }) {
  const { t } = useTranslation("referrals");
  const locale = currentLocale();
  const r = item.referral;
  const d = r.decision;
  return (
    <Cell label={label}>
      <strong>{t("card.title", { specialty: specialtyLabel(r.specialty, t) })}</strong>{" "}
      <StatusChip tone={STATUS_TONE[r.status]}>{t(`status.${r.status}`)}</StatusChip>
      <p className="queue-med">{t("queue.reason", { reason: r.reason })}</p>
      <p className="queue-med text-muted">
        {t(`urgency.${r.urgency}`)}
        {r.preferredProvider ? <> · {t("queue.prefers", { name: r.preferredProvider.displayName })}</> : null}
        {r.preferredLocation ? <> · {t("queue.prefersPlace", { name: r.preferredLocation.name })}</> : null}
      </p>
      {r.pcp ? <p className="queue-med text-muted">{t("queue.pcp", { name: r.pcp.displayName })}</p> : null}
      {d ? (
        <p className="queue-med">
          {t("queue.approved", {
            name: d.decidedBy,
            specialist:
              d.provider?.displayName ?? t("card.anySpecialist", { specialty: specialtyLabel(d.specialty, t) }),
            count: d.visitsAllowed,
            used: d.visitsUsed,
            date: formatCalendarDate(d.expiresOn, locale),
          })}
        </p>
      ) : null}
      {r.denialReason ? <p className="queue-med">{t("card.denialReason", { reason: r.denialReason })}</p> : null}
      {r.visitRequest ? (
        <p className="queue-med">
          {t("queue.visitAsked")}
          {r.visitRequest.visitType ? ` — ${r.visitRequest.visitType.name}` : ""}
          {r.visitRequest.note ? ` — ${r.visitRequest.note}` : ""}
        </p>
      ) : null}
    </Cell>
  );
}

function QueueRow({ item, onNotice }: { item: ReferralQueueItem; onNotice: (n: Notice) => void }) {
  const { t } = useTranslation("referrals");
  const locale = currentLocale();
  const queryClient = useQueryClient();
  const r = item.referral;
  const work = item.workItem;
  const label = (key: string) => t(`queue.columns.${key}`);
  const subject = { specialty: specialtyLabel(r.specialty, t), patient: item.patient.displayName };
  const a = r.abilities;
  return (
    <tr className={work?.overdue ? "queue-row queue-row--overdue" : "queue-row"}>
      <PatientCell item={item} label={label("patient")} />
      <ReferralCell item={item} label={label("referral")} />
      <RequestedCell
        ns="referrals"
        label={label("requested")}
        at={when(r.createdAt, locale)}
        ageHours={item.ageHours}
        work={work}
      />
      <QueueActionsCell
        ns="referrals"
        label={label("actions")}
        work={work}
        subject={subject}
        act={(id, action) => referralWorkItem(queryClient, id, action)}
        queueKey={referralKeys.queueAll}
        canDecide={a.canApprove || a.canDeny || a.canAskForVisit}
        onNotice={onNotice}
      >
        {a.canApprove ? <ApproveAction item={item} onNotice={onNotice} /> : null}
        {a.canDeny ? (
          <DenyAction
            ns="referrals"
            id={r.id}
            patient={item.patient.displayName}
            what={{ specialty: subject.specialty }}
            deny={(reason) => denyReferral(queryClient, r.id, reason)}
            onNotice={onNotice}
          />
        ) : null}
        {a.canAskForVisit ? <AskForVisitAction item={item} onNotice={onNotice} /> : null}
      </QueueActionsCell>
    </tr>
  );
}

const ANY = "any";

function ApproveAction({ item, onNotice }: { item: ReferralQueueItem; onNotice: (n: Notice) => void }) {
  const { t } = useTranslation("referrals");
  const queryClient = useQueryClient();
  const providers = useQuery(providersQuery());
  const r = item.referral;
  const name = `approve-${r.id}`;
  const fields = { providerId: `${name}-provider`, visits: `${name}-visits`, expiresOn: `${name}-expires` };
  const specialists = (providers.data ?? []).filter((p) => p.specialty === r.specialty);
  const anySpecialist = (specialty: string) => t("card.anySpecialist", { specialty: specialtyLabel(specialty, t) });
  return (
    <QueueDecision
      ns="referrals"
      words="approve"
      title={{ specialty: specialtyLabel(r.specialty, t), patient: item.patient.displayName }}
      intro={{ patient: item.patient.displayName }}
      done={(approved: Referral) => {
        const d = approved.decision;
        return {
          patient: item.patient.displayName,
          specialist: d?.provider?.displayName ?? anySpecialist(r.specialty),
          count: d?.visitsAllowed ?? 1,
          date: d ? formatCalendarDate(d.expiresOn, currentLocale()) : "",
        };
      }}
      onNotice={onNotice}
      form={{
        initial: () => ({ providerId: r.preferredProvider?.id ?? ANY, visits: "1", expiresOn: dateInDays(90) }),
        labels: {
          [fields.providerId]: t("approve.specialist"),
          [fields.visits]: t("approve.visits"),
          [fields.expiresOn]: t("approve.expires"),
        },
        serverField: (path) => (path in fields ? fields[path as keyof typeof fields] : undefined),
        validate: (v) => {
          const e: FieldErrors = {};
          const n = Number(v.visits);
          if (!/^\d+$/.test(v.visits.trim()) || n < 1 || n > 12) e[fields.visits] = t("approve.errors.visits");
          if (!/^\d{4}-\d{2}-\d{2}$/.test(v.expiresOn)) e[fields.expiresOn] = t("approve.errors.expires");
          return e;
        },
        explain: (error) => {
          if (isApiError(error, "invalid_expiry"))
            return { errors: { [fields.expiresOn]: t("approve.errors.invalid_expiry") } };
          if (isApiError(error, "unknown_provider"))
            return { errors: { [fields.providerId]: t("approve.errors.unknown_provider") } };
          return undefined;
        },
        submit: (v) =>
          approveReferral(queryClient, r.id, {
            specialty: r.specialty,
            providerId: v.providerId === ANY ? null : v.providerId,
            visits: Number(v.visits),
            expiresOn: v.expiresOn,
          }),
      }}
    >
      {(form) => (
        <>
          <Select
            {...form.field("providerId", fields.providerId)}
            label={t("approve.specialist")}
            options={[
              { id: ANY, label: anySpecialist(r.specialty) },
              ...specialists.map((p) => ({ id: p.id, label: p.displayName })),
            ]}
          />
          <TextField
            {...form.field("visits", fields.visits)}
            label={t("approve.visits")}
            description={t("approve.visitsHint")}
            inputMode="numeric"
            width="short"
            isRequired
          />
          <TextField
            {...form.field("expiresOn", fields.expiresOn)}
            type="date"
            label={t("approve.expires")}
            description={t("approve.expiresHint")}
            width="short"
            isRequired
          />
        </>
      )}
    </QueueDecision>
  );
}

const NO_VISIT_TYPE = "none";

function AskForVisitAction({ item, onNotice }: { item: ReferralQueueItem; onNotice: (n: Notice) => void }) {
  const { t } = useTranslation("referrals");
  const queryClient = useQueryClient();
  const visitTypes = useQuery(visitTypesQuery);
  const locale = currentLocale();
  const r = item.referral;
  const name = `visit-${r.id}`;
  const fields = { visitTypeId: `${name}-type`, note: `${name}-note` };
  // visits the patient may book themselves with the primary care practice (not a specialist's referral visit)
  const choices = (visitTypes.data ?? []).filter(
    (v) => v.active !== false && v.bookingKind !== "referral" && v.specialty !== r.specialty,
  );
  return (
    <QueueDecision
      ns="referrals"
      words="visit"
      title={{ specialty: specialtyLabel(r.specialty, t), patient: item.patient.displayName }}
      intro={{ patient: item.patient.displayName }}
      done={() => ({ patient: item.patient.displayName })}
      onNotice={onNotice}
      variant="secondary"
      form={{
        initial: () => ({ visitTypeId: NO_VISIT_TYPE, note: "" }),
        labels: { [fields.visitTypeId]: t("visit.type"), [fields.note]: t("visit.note") },
        serverField: (path) => (path in fields ? fields[path as keyof typeof fields] : undefined),
        explain: (error) =>
          isApiError(error, "unknown_visit_type")
            ? { errors: { [fields.visitTypeId]: t("visit.errors.unknown_visit_type") } }
            : undefined,
        submit: (v) =>
          askForVisit(queryClient, r.id, {
            visitTypeId: v.visitTypeId === NO_VISIT_TYPE ? null : v.visitTypeId,
            note: v.note.trim() ? v.note.trim() : null,
          }),
      }}
    >
      {(form) => (
        <>
          <Select
            {...form.field("visitTypeId", fields.visitTypeId)}
            label={t("visit.type")}
            options={[
              { id: NO_VISIT_TYPE, label: t("visit.anyType") },
              ...choices.map((v) => ({ id: v.id, label: visitName(v, locale) })),
            ]}
          />
          <NoteField
            {...form.field("note", fields.note)}
            label={t("visit.note")}
            description={t("visit.noteHint", { patient: item.patient.displayName })}
            maxLength={500}
          />
        </>
      )}
    </QueueDecision>
  );
}
