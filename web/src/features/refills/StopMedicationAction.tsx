import type { Medication } from "@portico/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { FormDialog, useFormDialog } from "../../kit/FormDialog";
import { api } from "../../lib/api";
import { NoteField } from "../appointments/parts";
import { afterChange, type ChartMedsNotice, enc } from "./chart-medications";

/** "Stop": a dialog asking why (kept in the medication's history), then the medication moves to the stopped list. */
export function StopMedicationAction({
  patientId,
  patientName,
  medication: m,
  onNotice,
}: {
  patientId: string;
  patientName: string;
  medication: Medication;
  onNotice: (n: ChartMedsNotice) => void;
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
