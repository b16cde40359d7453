import type {
  ControlledSchedule,
  CreateMedicationRequest,
  Medication,
  MedicationHistoryEntry,
  UpdateMedicationRequest,
} from "@portico/contracts";
import { type QueryClient, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { providersQuery } from "../../api/clinic";
import { Alert } from "../../components/Alert";
import { Checkbox } from "../../components/Checkbox";
import type { FieldErrors } from "../../components/Form";
import { TextField } from "../../components/fields";
import { Link } from "../../components/Link";
import { PageHeader } from "../../components/PageHeader";
import { Select } from "../../components/Select";
import { LoadingState } from "../../components/Spinner";
import { currentLocale } from "../../i18n";
import { FormDialog, useFormDialog } from "../../kit/FormDialog";
import { LoadFailed } from "../../kit/views";
import { api } from "../../lib/api";
import { type AppLocale, formatDay, formatTime, localTimeZone } from "../../lib/format";
import { NoteField } from "../appointments/parts";
import { ChartLabResults, type LabNotice } from "./ChartLabResults";
import { medicationsQuery, refillKeys, refillProtocolQuery } from "./data";
import { MedicationCard } from "./MedicationsPage";
import "./refills.css";
import "./chart-medications.css";

const route = getRouteApi("/signed-in/patients/$patientId/medications");
const enc = encodeURIComponent;
const SCHEDULES: ControlledSchedule[] = ["none", "II", "III", "IV", "V"];

/** The last save, worded when shown (so a language switch rewords it). */
type Notice =
  | { kind: "added" | "changed" | "stopped"; medication: string; patient: string }
  | ({ kind: "lab" } & LabNotice);

/** Staff (nurse, physician on the care team): a patient's medication list, kept up to date — add, change, stop. */
export function ChartMedicationsPage() {
  const { t } = useTranslation("refills");
  const { patientId } = route.useParams();
  const list = useQuery(medicationsQuery(patientId));
  const [notice, setNotice] = useState<Notice | null>(null);
  const name = list.data?.patient.displayName;
  const back = (
    <Link to="/patients/$patientId" params={{ patientId }} className="back-link">
      {name ? t("chartMeds.backNamed", { name }) : t("chartMeds.back")}
    </Link>
  );
  return (
    <div className="stack">
      <PageHeader
        title={name ? t("chartMeds.title", { name }) : t("chartMeds.titlePlain")}
        before={back}
        lead={<p>{t("chartMeds.lead")}</p>}
        actions={
          list.data?.abilities.canAddMedication ? (
            <MedicationFormAction patientId={patientId} patientName={name ?? ""} onNotice={setNotice} />
          ) : null
        }
      />
      <div aria-live="polite">
        {notice ? (
          notice.kind === "lab" ? (
            <Alert tone="success" title={t("labs.savedTitle")} live="polite">
              <p>{t("labs.savedBody", { test: notice.test, date: notice.date, patient: notice.patient })}</p>
            </Alert>
          ) : (
            <Alert tone="success" title={t(`chartMeds.${notice.kind}Title`)} live="polite">
              <p>{t(`chartMeds.${notice.kind}Body`, { medication: notice.medication, patient: notice.patient })}</p>
            </Alert>
          )
        ) : null}
      </div>
      {list.isPending ? (
        <LoadingState label={t("medications.loading")} />
      ) : list.isError ? (
        <LoadFailed error={list.error} title={t("medications.loadFailed")} />
      ) : list.data.medications.length === 0 ? (
        <p className="text-muted">{t("chartMeds.empty", { name })}</p>
      ) : (
        (["active", "stopped"] as const).map((status) => {
          const items = list.data.medications.filter((m) => m.status === status);
          if (items.length === 0) return null;
          return (
            <section key={status} aria-labelledby={`chart-meds-${status}`} className="stack">
              <h2 id={`chart-meds-${status}`} className="section-title">
                {t(status === "active" ? "medications.activeTitle" : "medications.stoppedTitle")}
              </h2>
              <ul className="med-list chart-med-list">
                {items.map((m) => (
                  <li key={m.id} className="chart-med">
                    <MedicationCard medication={m} patientId={patientId} />
                    {m.abilities.canEdit ? (
                      <div className="row-actions">
                        <MedicationFormAction
                          patientId={patientId}
                          patientName={list.data.patient.displayName}
                          medication={m}
                          onNotice={setNotice}
                        />
                        <StopAction
                          patientId={patientId}
                          patientName={list.data.patient.displayName}
                          medication={m}
                          onNotice={setNotice}
                        />
                      </div>
                    ) : null}
                    <History medication={m} />
                  </li>
                ))}
              </ul>
            </section>
          );
        })
      )}
      <ChartLabResults patientId={patientId} onSaved={(n) => setNotice({ kind: "lab", ...n })} />
    </div>
  );
}

/** What happened to a medication, newest first, in the reader's words. */
function History({ medication: m }: { medication: Medication }) {
  const { t } = useTranslation("refills");
  const locale = currentLocale();
  if (m.history.length === 0) return null;
  const headingId = `med-${m.id}-history`;
  return (
    <section aria-labelledby={headingId} className="history">
      <h4 id={headingId} className="chart-med__history-title">
        {t("chartMeds.historyTitle", { name: m.name })}
      </h4>
      <ol className="history__list">
        {[...m.history].reverse().map((h) => (
          <li key={`${h.at}-${h.event}`}>
            <span className="text-muted">{when(h.at, locale)}</span> — {t(`history.${h.event}`)}
            {h.by ? ` (${h.by})` : ` (${t("history.automatic")})`}
            {describe(h, t)}
          </li>
        ))}
      </ol>
    </section>
  );
}

function describe(h: MedicationHistoryEntry, t: (key: string, options?: Record<string, unknown>) => string) {
  const changes = h.changes.map((c) =>
    t("chartMeds.changeLine", {
      field: t(`chartMeds.fields.${c.field}`, { defaultValue: c.field }),
      from: c.from,
      to: c.to,
    }),
  );
  const parts = [...changes, ...(h.reason ? [h.reason] : [])];
  return parts.length ? `: ${parts.join("; ")}` : "";
}

function when(iso: string, locale: AppLocale): string {
  const zone = localTimeZone();
  return `${formatDay(iso, zone, locale)}, ${formatTime(iso, zone, locale)}`;
}

// ---- add / change ----

interface Draft {
  name: string;
  dose: string;
  purpose: string;
  directions: string;
  quantity: string;
  daysSupply: string;
  refillsRemaining: string;
  lastFilledOn: string;
  rxnormCode: string;
  prescriberId: string;
  controlledSchedule: ControlledSchedule;
  protocolClass: string;
  confidential: boolean;
}

const NO_CLASS = "none";

function draftOf(m: Medication | undefined): Draft {
  return {
    name: m?.name ?? "",
    dose: m?.dose ?? "",
    purpose: m?.purpose ?? "",
    directions: m?.directions ?? "",
    quantity: m ? String(m.quantity) : "",
    daysSupply: m ? String(m.daysSupply) : "",
    refillsRemaining: m ? String(m.refillsRemaining) : "0",
    lastFilledOn: m?.lastFilledOn ?? "",
    rxnormCode: m?.rxnormCode ?? "",
    prescriberId: m?.prescriber?.id ?? "",
    controlledSchedule: m?.controlledSchedule ?? "none",
    protocolClass: m?.protocolClass?.code ?? NO_CLASS,
    confidential: m?.confidential ?? false,
  };
}

/** The request body for a draft: whole for a new medication, only what changed for an existing one. */
function bodyOf(v: Draft): CreateMedicationRequest {
  return {
    name: v.name.trim(),
    dose: v.dose.trim(),
    purpose: v.purpose.trim() || null,
    directions: v.directions.trim(),
    quantity: Number(v.quantity),
    daysSupply: Number(v.daysSupply),
    refillsRemaining: Number(v.refillsRemaining),
    lastFilledOn: v.lastFilledOn.trim() || null,
    rxnormCode: v.rxnormCode.trim() || null,
    prescriberId: v.prescriberId,
    controlledSchedule: v.controlledSchedule,
    protocolClass: v.protocolClass === NO_CLASS ? null : v.protocolClass,
    confidential: v.confidential,
  };
}

function changesOf(v: Draft, before: Draft): UpdateMedicationRequest {
  const now = bodyOf(v);
  const was = bodyOf(before);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(now) as Array<keyof CreateMedicationRequest>) {
    if (JSON.stringify(now[key]) !== JSON.stringify(was[key])) out[key] = now[key];
  }
  return out as UpdateMedicationRequest;
}

async function afterChange(queryClient: QueryClient, patientId: string) {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: refillKeys.patient(patientId) }),
    queryClient.invalidateQueries({ queryKey: refillKeys.queueAll }),
  ]);
}

const whole = (s: string, min: number, max: number) => /^\d+$/.test(s.trim()) && +s >= min && +s <= max;

/** "Add medication" (no `medication`) or "Change" one: a dialog with the medication's fields. */
function MedicationFormAction({
  patientId,
  patientName,
  medication,
  onNotice,
}: {
  patientId: string;
  patientName: string;
  medication?: Medication;
  onNotice: (n: Notice) => void;
}) {
  const { t } = useTranslation("refills");
  const queryClient = useQueryClient();
  const before = draftOf(medication);
  const f = (key: string) => t(`chartMeds.fields.${key}`);
  const labels = Object.fromEntries(Object.keys(before).map((k) => [k, f(k)]));
  const dialog = useFormDialog<Draft, Medication>({
    initial: () => draftOf(medication),
    afterSave: (saved) => draftOf(medication ? saved : undefined),
    labels,
    validate: (v) => {
      const e: FieldErrors = {};
      if (!v.name.trim()) e.name = t("chartMeds.errors.name");
      if (!v.dose.trim()) e.dose = t("chartMeds.errors.dose");
      if (!v.directions.trim()) e.directions = t("chartMeds.errors.directions");
      if (!whole(v.quantity, 1, 1000)) e.quantity = t("chartMeds.errors.quantity");
      if (!whole(v.daysSupply, 1, 365)) e.daysSupply = t("chartMeds.errors.daysSupply");
      if (!whole(v.refillsRemaining, 0, 11)) e.refillsRemaining = t("chartMeds.errors.refillsRemaining");
      if (!v.prescriberId) e.prescriberId = t("chartMeds.errors.prescriberId");
      if (v.lastFilledOn.trim() && !/^\d{4}-\d{2}-\d{2}$/.test(v.lastFilledOn.trim()))
        e.lastFilledOn = t("chartMeds.errors.lastFilledOn");
      if (v.rxnormCode.trim() && !/^\d{1,10}$/.test(v.rxnormCode.trim()))
        e.rxnormCode = t("chartMeds.errors.rxnormCode");
      if (medication && Object.keys(e).length === 0 && Object.keys(changesOf(v, before)).length === 0)
        e.name = t("chartMeds.nothingChanged");
      return e;
    },
    submit: async (v) => {
      const base = `/api/patients/${enc(patientId)}/medications`;
      let saved: Medication;
      if (medication) {
        const body = changesOf(v, before);
        saved = await api<Medication>(`${base}/${enc(medication.id)}`, { method: "PATCH", body });
      } else {
        saved = await api<Medication>(base, { method: "POST", body: bodyOf(v) });
      }
      await afterChange(queryClient, patientId);
      return saved;
    },
    onSuccess: (saved) => {
      onNotice({ kind: medication ? "changed" : "added", medication: saved.name, patient: patientName });
    },
  });
  const { form } = dialog;
  const providers = useQuery({ ...providersQuery(), enabled: dialog.isOpen });
  const protocol = useQuery({ ...refillProtocolQuery, enabled: dialog.isOpen });
  const title = medication
    ? t("chartMeds.changeTitle", { medication: medication.name, patient: patientName })
    : t("chartMeds.addTitle", { patient: patientName });
  const providerOptions = (providers.data ?? []).map((p) => ({ id: p.id, label: p.displayName }));
  if (medication?.prescriber && !providerOptions.some((o) => o.id === medication.prescriber?.id)) {
    providerOptions.unshift({ id: medication.prescriber.id, label: medication.prescriber.displayName });
  }
  const classOptions = [
    { id: NO_CLASS, label: t("chartMeds.noClass") },
    ...(protocol.data?.current.classes ?? []).map((c) => ({ id: c.code, label: c.label })),
  ];
  if (medication?.protocolClass && !classOptions.some((o) => o.id === medication.protocolClass?.code)) {
    classOptions.push({ id: medication.protocolClass.code, label: medication.protocolClass.label });
  }
  return (
    <FormDialog
      dialog={dialog}
      title={title}
      trigger={{
        label: medication ? t("chartMeds.change") : t("chartMeds.add"),
        variant: medication ? "secondary" : "primary",
      }}
      submitLabel={medication ? t("chartMeds.saveChange") : t("chartMeds.saveAdd")}
      cancelLabel={t("queue.cancel")}
      intro={providers.isError ? <LoadFailed error={providers.error} title={t("chartMeds.providersFailed")} /> : null}
    >
      <TextField {...form.field("name")} label={f("name")} description={t("chartMeds.hints.name")} isRequired />
      <TextField {...form.field("dose")} label={f("dose")} width="medium" isRequired />
      <TextField {...form.field("purpose")} label={f("purpose")} description={t("chartMeds.hints.purpose")} />
      <TextField
        {...form.field("directions")}
        label={f("directions")}
        description={t("chartMeds.hints.directions")}
        isRequired
      />
      <TextField {...form.field("quantity")} label={f("quantity")} inputMode="numeric" width="short" isRequired />
      <TextField {...form.field("daysSupply")} label={f("daysSupply")} inputMode="numeric" width="short" isRequired />
      <TextField
        {...form.field("refillsRemaining")}
        label={f("refillsRemaining")}
        description={t("chartMeds.hints.refillsRemaining")}
        inputMode="numeric"
        width="short"
        isRequired
      />
      <TextField
        {...form.field("lastFilledOn")}
        label={f("lastFilledOn")}
        description={t("chartMeds.hints.lastFilledOn")}
        width="medium"
      />
      <TextField
        {...form.field("rxnormCode")}
        label={f("rxnormCode")}
        description={t("chartMeds.hints.rxnormCode")}
        inputMode="numeric"
        width="medium"
      />
      <Select
        name="prescriberId"
        label={f("prescriberId")}
        options={providerOptions}
        value={form.values.prescriberId || null}
        onChange={form.set("prescriberId")}
        errorMessage={form.errors.prescriberId}
        placeholder={t("chartMeds.choose")}
        isRequired
        width="medium"
      />
      <Select
        name="controlledSchedule"
        label={f("controlledSchedule")}
        options={SCHEDULES.map((s) => ({ id: s, label: t(`chartMeds.schedules.${s}`) }))}
        value={form.values.controlledSchedule}
        onChange={(s) => form.set("controlledSchedule")(s as ControlledSchedule)}
        errorMessage={form.errors.controlledSchedule}
        isRequired
        width="medium"
      />
      <Select
        name="protocolClass"
        label={f("protocolClass")}
        description={t("chartMeds.hints.protocolClass")}
        options={classOptions}
        value={form.values.protocolClass}
        onChange={form.set("protocolClass")}
        errorMessage={form.errors.protocolClass}
        width="medium"
      />
      <Checkbox {...form.checkbox("confidential")} description={t("chartMeds.hints.confidential")}>
        {f("confidential")}
      </Checkbox>
    </FormDialog>
  );
}

// ---- stop ----

function StopAction({
  patientId,
  patientName,
  medication: m,
  onNotice,
}: {
  patientId: string;
  patientName: string;
  medication: Medication;
  onNotice: (n: Notice) => void;
}) {
  const { t } = useTranslation("refills");
  const queryClient = useQueryClient();
  const name = `stop-${m.id}`;
  const dialog = useFormDialog({
    initial: { reason: "" },
    labels: { [name]: t("chartMeds.stopReason") },
    serverField: (path) => (path === "reason" ? name : undefined),
    validate: (v) => (v.reason.trim().length < 3 ? { [name]: t("chartMeds.errors.stopReason") } : {}),
    submit: async (v) => {
      const saved = await api<Medication>(`/api/patients/${enc(patientId)}/medications/${enc(m.id)}/stop`, {
        method: "POST",
        body: { reason: v.reason.trim() },
      });
      await afterChange(queryClient, patientId);
      return saved;
    },
    onSuccess: () => {
      onNotice({ kind: "stopped", medication: m.name, patient: patientName });
    },
  });
  const { form } = dialog;
  const title = t("chartMeds.stopTitle", { medication: m.name, patient: patientName });
  return (
    <FormDialog
      dialog={dialog}
      title={title}
      trigger={{ label: t("chartMeds.stop"), variant: "secondary" }}
      submitLabel={t("chartMeds.stopConfirm")}
      submitVariant="danger"
      cancelLabel={t("queue.cancel")}
    >
      <NoteField
        name={name}
        label={t("chartMeds.stopReason")}
        description={t("chartMeds.stopReasonHint", { patient: patientName })}
        value={form.values.reason}
        onChange={form.set("reason")}
        maxLength={500}
        errorMessage={form.errors[name]}
      />
    </FormDialog>
  );
}
