import type {
  ControlledSchedule,
  CreateMedicationRequest,
  Medication,
  UpdateMedicationRequest,
} from "@portico/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { providersQuery } from "../../api/clinic";
import { Checkbox } from "../../components/Checkbox";
import type { FieldErrors } from "../../components/Form";
import { TextField } from "../../components/fields";
import { Select } from "../../components/Select";
import { FormDialog, useFormDialog } from "../../kit/FormDialog";
import { LoadFailed } from "../../kit/views";
import { api } from "../../lib/api";
import { afterChange, type ChartMedsNotice, enc } from "./chart-medications";
import { refillProtocolQuery } from "./data";

const SCHEDULES: ControlledSchedule[] = ["none", "II", "III", "IV", "V"];

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

const whole = (s: string, min: number, max: number) => /^\d+$/.test(s.trim()) && +s >= min && +s <= max;

/** "Add medication" (no `medication`) or "Change" one: a dialog with the medication's fields. */
export function MedicationFormAction({
  patientId,
  patientName,
  medication,
  onNotice,
}: {
  patientId: string;
  patientName: string;
  medication?: Medication;
  onNotice: (n: ChartMedsNotice) => void;
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
        {...form.field("prescriberId")}
        label={f("prescriberId")}
        options={providerOptions}
        placeholder={t("chartMeds.choose")}
        isRequired
        width="medium"
      />
      <Select
        {...form.field("controlledSchedule")}
        label={f("controlledSchedule")}
        options={SCHEDULES.map((s) => ({ id: s, label: t(`chartMeds.schedules.${s}`) }))}
        isRequired
        width="medium"
      />
      <Select
        {...form.field("protocolClass")}
        label={f("protocolClass")}
        description={t("chartMeds.hints.protocolClass")}
        options={classOptions}
        width="medium"
      />
      <Checkbox {...form.checkbox("confidential")} description={t("chartMeds.hints.confidential")}>
        {f("confidential")}
      </Checkbox>
    </FormDialog>
  );
}
