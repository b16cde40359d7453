import type { ReferralQueueItem, ReferralStatus } from "@portico/contracts";
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
import { FormDialog, useFormDialog } from "../../kit/FormDialog";
import { isApiError } from "../../lib/api";
import { formatCalendarDate } from "../../lib/format";
import { visitName, visitTypesQuery } from "../appointments/data";
import { NoteField } from "../appointments/parts";
import { AssignWorkItem } from "../in-basket/AssignWorkItem";
import {
  ClaimRelease,
  DenyAction,
  type QueueNotice,
  QueuePatientCell,
  RequestedCell,
  WorkQueuePage,
} from "../in-basket/WorkQueue";
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
import { when } from "./ReferralsPage";
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
      <Cell label={label("actions")}>
        <div className="row-actions">
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
          <ClaimRelease
            ns="referrals"
            work={work}
            subject={subject}
            act={(id, action) => referralWorkItem(queryClient, id, action)}
            onNotice={onNotice}
          />
          {work ? (
            <AssignWorkItem
              workItem={work}
              subject={t("queue.assignSubject", subject)}
              onAssigned={() => queryClient.invalidateQueries({ queryKey: referralKeys.queueAll })}
            />
          ) : null}
          {!a.canApprove && !a.canDeny && !a.canAskForVisit ? (
            <span className="text-muted">{t("queue.noActions")}</span>
          ) : null}
        </div>
      </Cell>
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
  const initial = () => ({
    providerId: r.preferredProvider?.id ?? ANY,
    visits: "1",
    expiresOn: dateInDays(90),
  });
  const fields = { providerId: `${name}-provider`, visits: `${name}-visits`, expiresOn: `${name}-expires` };
  const dialog = useFormDialog({
    initial,
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
    onSuccess: (approved) => {
      const d = approved.decision;
      onNotice({
        tone: "success",
        title: t("approve.doneTitle"),
        text: t("approve.doneBody", {
          patient: item.patient.displayName,
          specialist:
            d?.provider?.displayName ?? t("card.anySpecialist", { specialty: specialtyLabel(r.specialty, t) }),
          count: d?.visitsAllowed ?? 1,
          date: d ? formatCalendarDate(d.expiresOn, currentLocale()) : "",
        }),
      });
    },
  });
  const { form } = dialog;
  const specialists = (providers.data ?? []).filter((p) => p.specialty === r.specialty);
  const title = t("approve.title", { specialty: specialtyLabel(r.specialty, t), patient: item.patient.displayName });
  return (
    <FormDialog
      dialog={dialog}
      title={title}
      trigger={{ label: t("approve.button") }}
      submitLabel={t("approve.confirm")}
      cancelLabel={t("queue.cancel")}
      intro={<p>{t("approve.body", { patient: item.patient.displayName })}</p>}
    >
      <Select
        name={fields.providerId}
        label={t("approve.specialist")}
        options={[
          { id: ANY, label: t("card.anySpecialist", { specialty: specialtyLabel(r.specialty, t) }) },
          ...specialists.map((p) => ({ id: p.id, label: p.displayName })),
        ]}
        value={form.values.providerId}
        onChange={form.set("providerId")}
        errorMessage={form.errors[fields.providerId]}
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
    </FormDialog>
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
  const initial = () => ({ visitTypeId: NO_VISIT_TYPE, note: "" });
  const dialog = useFormDialog({
    initial,
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
    onSuccess: () => {
      onNotice({
        tone: "success",
        title: t("visit.doneTitle"),
        text: t("visit.doneBody", { patient: item.patient.displayName }),
      });
    },
  });
  const { form } = dialog;
  // visits the patient may book themselves with the primary care practice (not a specialist's referral visit)
  const choices = (visitTypes.data ?? []).filter(
    (v) => v.active !== false && v.bookingKind !== "referral" && v.specialty !== r.specialty,
  );
  const title = t("visit.title", { specialty: specialtyLabel(r.specialty, t), patient: item.patient.displayName });
  return (
    <FormDialog
      dialog={dialog}
      title={title}
      trigger={{ label: t("visit.button"), variant: "secondary" }}
      submitLabel={t("visit.confirm")}
      cancelLabel={t("queue.cancel")}
      intro={<p>{t("visit.body", { patient: item.patient.displayName })}</p>}
    >
      <Select
        name={fields.visitTypeId}
        label={t("visit.type")}
        options={[
          { id: NO_VISIT_TYPE, label: t("visit.anyType") },
          ...choices.map((v) => ({ id: v.id, label: visitName(v, locale) })),
        ]}
        value={form.values.visitTypeId}
        onChange={form.set("visitTypeId")}
        errorMessage={form.errors[fields.visitTypeId]}
      />
      <NoteField
        name={fields.note}
        label={t("visit.note")}
        description={t("visit.noteHint", { patient: item.patient.displayName })}
        value={form.values.note}
        onChange={form.set("note")}
        maxLength={500}
        errorMessage={form.errors[fields.note]}
      />
    </FormDialog>
  );
}
