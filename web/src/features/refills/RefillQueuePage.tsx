import type { RefillItemStatus, RefillQueueItem } from "@portico/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Checkbox } from "../../components/Checkbox";
import type { FieldErrors } from "../../components/Form";
import { TextField } from "../../components/fields";
import { Select } from "../../components/Select";
import { StatusChip } from "../../components/StatusChip";
import { currentLocale } from "../../i18n";
import { Cell, DataTable } from "../../kit/DataTable";
import { QueueDecision } from "../../kit/QueueDecision";
import { formatCalendarDate } from "../../lib/format";
import { QueueActionsCell } from "../in-basket/QueueActionsCell";
import { DenyAction, type QueueNotice, QueuePatientCell, RequestedCell, WorkQueuePage } from "../in-basket/WorkQueue";
import {
  approveRefill,
  denyRefill,
  ITEM_TONE,
  type QueueFilters,
  refillKeys,
  refillQueueQuery,
  workItemAction,
} from "./data";
import { dayAndTime as when } from "./format";
import { RefillBulkBar } from "./RefillBulkBar";
import "./refills.css";

const route = getRouteApi("/signed-in/in-basket/refills");

export const QUEUE_STATUSES: RefillItemStatus[] = ["queued", "approved", "denied"];
export const AGE_CHOICES = [0, 24, 48, 72] as const;

type Notice = QueueNotice;

/** The refill queue: requests the protocol could not approve on its own, with what a clinician needs to decide. */
export function RefillQueuePage() {
  const { t } = useTranslation("refills");
  const search = route.useSearch();
  const navigate = useNavigate();
  const filters: QueueFilters = {
    prescriberId: search.prescriberId,
    status: search.status ?? "queued",
    minAgeHours: search.minAgeHours,
  };
  const queue = useQuery(refillQueueQuery(filters));
  const [notice, setNotice] = useState<Notice | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const go = (next: Partial<QueueFilters>) => {
    setSelected([]);
    void navigate({ to: "/in-basket/refills", search: { ...search, ...next } });
  };
  const items = queue.data?.items ?? [];
  const bulkable = items.filter((i) => i.abilities.canBulkApprove);
  const chosen = bulkable.filter((i) => selected.includes(i.id));

  return (
    <WorkQueuePage
      ns="refills"
      filters={
        <>
          <Select
            name="prescriberId"
            label={t("queue.prescriber")}
            options={[
              { id: "all", label: t("queue.allPrescribers") },
              ...(queue.data?.prescribers ?? []).map((p) => ({ id: p.id, label: p.displayName })),
            ]}
            value={filters.prescriberId ?? "all"}
            onChange={(id) => go({ prescriberId: id === "all" ? undefined : id })}
          />
          <Select
            name="status"
            label={t("queue.status")}
            options={QUEUE_STATUSES.map((s) => ({ id: s, label: t(`queue.statuses.${s}`) }))}
            value={filters.status ?? "queued"}
            onChange={(s) => go({ status: s as RefillItemStatus })}
          />
          <Select
            name="minAgeHours"
            label={t("queue.age")}
            options={AGE_CHOICES.map((h) => ({
              id: String(h),
              label: h === 0 ? t("queue.anyAge") : t("queue.olderThan", { count: h }),
            }))}
            value={String(filters.minAgeHours ?? 0)}
            onChange={(h) => go({ minAgeHours: Number(h) || undefined })}
          />
        </>
      }
      notice={notice}
      query={queue}
      count={items.length}
    >
      {bulkable.length > 0 ? (
        <RefillBulkBar
          bulkable={bulkable}
          chosen={chosen}
          onSelectAll={(on) => setSelected(on ? bulkable.map((i) => i.id) : [])}
          onDone={(n) => {
            setSelected([]);
            setNotice(n);
          }}
        />
      ) : null}
      <div className="refill-queue">
        <DataTable
          caption={t("queue.caption", { count: items.length })}
          columns={[
            { label: t("queue.columns.patient") },
            { label: t("queue.columns.medication") },
            { label: t("queue.columns.why") },
            { label: t("queue.columns.requested") },
            { label: t("queue.columns.actions") },
          ]}
          items={items}
          rowKey={(i) => i.id}
          row={(item) => (
            <QueueRow
              key={item.id}
              item={item}
              selected={selected.includes(item.id)}
              onSelect={(on) => setSelected((s) => (on ? [...s, item.id] : s.filter((id) => id !== item.id)))}
              onNotice={setNotice}
            />
          )}
        />
      </div>
    </WorkQueuePage>
  );
}

function QueueRow({
  item,
  selected,
  onSelect,
  onNotice,
}: {
  item: RefillQueueItem;
  selected: boolean;
  onSelect: (on: boolean) => void;
  onNotice: (n: Notice) => void;
}) {
  const { t } = useTranslation("refills");
  const locale = currentLocale();
  const queryClient = useQueryClient();
  const m = item.medication;
  const work = item.workItem;
  const label = (key: string) => t(`queue.columns.${key}`);
  return (
    <tr className={work?.overdue ? "queue-row queue-row--overdue" : "queue-row"}>
      <QueuePatientCell ns="refills" label={label("patient")} patient={item.patient} />
      <Cell label={label("medication")}>
        {item.abilities.canBulkApprove ? (
          <Checkbox isSelected={selected} onChange={onSelect}>
            <strong>{m.name}</strong>
            <span className="visually-hidden"> {t("queue.forPatient", { name: item.patient.displayName })}</span>
          </Checkbox>
        ) : (
          <strong>{m.name}</strong>
        )}
        <p className="queue-med">{m.directions}</p>
        <p className="queue-med text-muted">
          {t("queue.supply", { quantity: m.quantity, days: m.daysSupply })} ·{" "}
          {t("medications.refills", { count: m.refillsRemaining })} ·{" "}
          {m.lastFilledOn
            ? t("queue.lastFilled", { date: formatCalendarDate(m.lastFilledOn, locale) })
            : t("medications.neverFilled")}
        </p>
        <p className="queue-med text-muted">
          {t("queue.prescribedBy", { name: m.prescriber?.displayName ?? t("medications.noPrescriber") })}
          {m.controlledSchedule !== "none" ? <> · {t("queue.controlled", { schedule: m.controlledSchedule })}</> : null}
        </p>
        <p className="queue-med text-muted">{t("queue.pharmacy", { name: item.pharmacy.name })}</p>
        <History item={item} />
      </Cell>
      <Cell label={label("why")}>
        <StatusChip tone={ITEM_TONE[item.status]}>{t(`queue.statuses.${item.status}`)}</StatusChip>
        <ul className="reason-list">
          {item.decision.reasons.map((r) => (
            <li key={r.code}>{locale === "en" && r.detail ? r.detail : t(`reasons.${r.code}`)}</li>
          ))}
        </ul>
        {item.labs.length > 0 ? (
          <>
            <p className="queue-med queue-labs__title">{t("labs.queueTitle")}</p>
            <ul className="reason-list queue-labs">
              {item.labs.map((lab) => {
                const words = { test: lab.labName, max: lab.maxAgeDays };
                return (
                  <li key={lab.labCode}>
                    {lab.latestOn === null
                      ? t("labs.queueMissing", words)
                      : t(lab.recentEnough ? "labs.queueRecent" : "labs.queueOld", {
                          ...words,
                          date: formatCalendarDate(lab.latestOn, locale),
                          count: lab.ageDays ?? 0,
                        })}
                  </li>
                );
              })}
            </ul>
          </>
        ) : null}
        <p className="text-muted queue-med">{t("queue.protocolVersion", { version: item.decision.protocolVersion })}</p>
        {item.review ? (
          <p className="queue-med">
            {item.status === "denied"
              ? t("queue.deniedBy", { name: item.review.by, reason: item.review.denialReason ?? "" })
              : t("queue.approvedBy", {
                  name: item.review.by,
                  quantity: item.review.quantity ?? "",
                  refills: item.review.refills ?? "",
                })}
          </p>
        ) : null}
      </Cell>
      <RequestedCell
        ns="refills"
        label={label("requested")}
        at={when(item.requestedAt, locale)}
        ageHours={item.ageHours}
        work={work}
      />
      <QueueActionsCell
        ns="refills"
        label={label("actions")}
        work={work}
        subject={{ medication: m.name, patient: item.patient.displayName }}
        act={(id, action) => workItemAction(queryClient, id, action)}
        queueKey={refillKeys.queueAll}
        canDecide={item.abilities.canApprove || item.abilities.canDeny}
        onNotice={onNotice}
      >
        {item.abilities.canApprove ? <ApproveAction item={item} onNotice={onNotice} /> : null}
        {item.abilities.canDeny ? (
          <DenyAction
            ns="refills"
            id={item.id}
            patient={item.patient.displayName}
            what={{ medication: item.medication.name }}
            deny={(reason) => denyRefill(queryClient, item.id, reason)}
            onNotice={onNotice}
          />
        ) : null}
      </QueueActionsCell>
    </tr>
  );
}

function History({ item }: { item: RefillQueueItem }) {
  const { t } = useTranslation("refills");
  const locale = currentLocale();
  const history = item.medication.history;
  if (history.length === 0) return null;
  return (
    <details className="history">
      <summary>{t("queue.history", { count: history.length })}</summary>
      <ol className="history__list">
        {[...history].reverse().map((h) => (
          <li key={`${h.at}-${h.event}`}>
            <span className="text-muted">{when(h.at, locale)}</span> — {t(`history.${h.event}`)}
            {h.by ? ` (${h.by})` : ` (${t("history.automatic")})`}
            {h.changes.length > 0 ? `: ${h.changes.map((c) => `${c.field} ${c.from} → ${c.to}`).join("; ")}` : ""}
            {h.reason ? `: ${h.reason}` : ""}
          </li>
        ))}
      </ol>
    </details>
  );
}

function ApproveAction({ item, onNotice }: { item: RefillQueueItem; onNotice: (n: Notice) => void }) {
  const { t } = useTranslation("refills");
  const queryClient = useQueryClient();
  const name = `approve-${item.id}`;
  return (
    <QueueDecision
      ns="refills"
      words="approve"
      title={{ medication: item.medication.name, patient: item.patient.displayName }}
      intro={{ pharmacy: item.pharmacy.name }}
      done={(_, v) => ({
        medication: item.medication.name,
        patient: item.patient.displayName,
        quantity: v.quantity,
        refills: v.refills,
        pharmacy: item.pharmacy.name,
      })}
      onNotice={onNotice}
      form={{
        initial: () => ({ quantity: String(item.suggested.quantity), refills: String(item.suggested.refills) }),
        labels: { quantity: t("approve.quantity"), refills: t("approve.refills") },
        serverField: (path) => (path === "quantity" || path === "refills" ? path : undefined),
        validate: (v) => {
          const e: FieldErrors = {};
          const q = Number(v.quantity);
          const r = Number(v.refills);
          if (!/^\d+$/.test(v.quantity.trim()) || q < 1 || q > 1000) e.quantity = t("approve.errors.quantity");
          if (!/^\d+$/.test(v.refills.trim()) || r > 11) e.refills = t("approve.errors.refills");
          return e;
        },
        submit: (v) =>
          approveRefill(queryClient, item.id, { quantity: Number(v.quantity), refills: Number(v.refills) }),
      }}
    >
      {(form) => (
        <>
          <TextField
            {...form.field("quantity", `${name}-quantity`)}
            label={t("approve.quantity")}
            inputMode="numeric"
            width="short"
            isRequired
          />
          <TextField
            {...form.field("refills", `${name}-refills`)}
            label={t("approve.refills")}
            description={t("approve.refillsHint")}
            inputMode="numeric"
            width="short"
            isRequired
          />
        </>
      )}
    </QueueDecision>
  );
}
