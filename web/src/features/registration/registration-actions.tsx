import type {
  DuplicateCandidate,
  PendingRegistration,
  RegistrationRejectionReason,
  RejectRegistrationResponse,
} from "@portico/contracts";
import { useQueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { navigateTo } from "../../app/navigation";
import { Button } from "../../components/Button";
import { Card } from "../../components/Card";
import { type FieldErrors, Form, FormActions } from "../../components/Form";
import { TextField } from "../../components/fields";
import { Select } from "../../components/Select";
import { FormDialog, type FormDialogState, useFormDialog } from "../../kit/FormDialog";
import { useForm } from "../../kit/use-form";
import { api } from "../../lib/api";
import { renamed } from "../../lib/errors";
import "./registration.css";
import { fullName, pendingQueryKey } from "./pending-data";

/** The merge and reject decisions ask first: a secondary button, then the kit's dialog (`FormDialog`) with a danger confirm. */
function DecisionDialog<V extends object>({
  dialog,
  trigger,
  title,
  body,
  confirm,
  children,
}: {
  dialog: FormDialogState<V>;
  trigger: string;
  title: string;
  body: string;
  confirm: string;
  children: ReactNode;
}) {
  return (
    <div className="item__actions">
      <FormDialog
        dialog={dialog}
        title={title}
        trigger={{ label: trigger, variant: "secondary", "aria-label": trigger }}
        submitLabel={confirm}
        submitVariant="danger"
        intro={<p>{body}</p>}
      >
        {children}
      </FormDialog>
    </div>
  );
}

/** The front desk's three decisions on a pending registration: merge into an existing chart, verify, reject. */
export function MergeAction({
  sourceId,
  sourceName,
  candidate,
}: {
  sourceId: string;
  sourceName: string;
  candidate: DuplicateCandidate;
}) {
  const { t } = useTranslation("registration");
  const queryClient = useQueryClient();
  const dialog = useFormDialog({
    initial: { mergeReason: "" },
    validate: (v): FieldErrors => (v.mergeReason.trim().length < 5 ? { mergeReason: t("pending.reasonMissing") } : {}),
    submit: (v) =>
      api(`/api/patients/${sourceId}/merge`, {
        method: "POST",
        body: { intoPatientId: candidate.id, reason: v.mergeReason.trim() },
      }),
    serverField: renamed({ reason: "mergeReason" }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: pendingQueryKey });
      navigateTo("/patients/registrations?done=merged");
    },
  });
  return (
    <DecisionDialog
      dialog={dialog}
      trigger={t("pending.merge", { mrn: candidate.mrn })}
      title={t("pending.mergeTitle")}
      body={t("pending.mergeBody", { name: sourceName, mrn: candidate.mrn })}
      confirm={t("pending.mergeConfirm")}
    >
      <TextField
        {...dialog.form.field("mergeReason")}
        label={t("pending.reason")}
        description={t("pending.mergeReasonHint")}
        isRequired
      />
    </DecisionDialog>
  );
}

export function VerifyAction({ registration }: { registration: PendingRegistration }) {
  const { t } = useTranslation("registration");
  const queryClient = useQueryClient();
  const needsReason = registration.possibleDuplicates.length > 0;
  const form = useForm({
    initial: { verifyReason: "" },
    validate: (v): FieldErrors =>
      needsReason && v.verifyReason.trim().length < 5 ? { verifyReason: t("pending.reasonMissing") } : {},
    submit: (v) =>
      api(`/api/registrations/${registration.patient.id}/verify`, {
        method: "POST",
        body: needsReason ? { duplicateOverride: { confirmNotDuplicate: true, reason: v.verifyReason.trim() } } : {},
      }),
    serverField: renamed({ "duplicateOverride.reason": "verifyReason" }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: pendingQueryKey });
      navigateTo("/patients/registrations?done=verified");
    },
  });
  return (
    <Card title={needsReason ? t("pending.verifyAnywayTitle") : t("pending.verifyTitle")} id="verify">
      <p>{needsReason ? t("pending.verifyAnywayBody") : t("pending.verifyBody")}</p>
      <Form {...form.formProps} aria-label={t("pending.verifyTitle")}>
        {needsReason ? (
          <TextField
            {...form.field("verifyReason")}
            label={t("pending.reason")}
            description={t("pending.verifyReasonHint")}
            isRequired
          />
        ) : null}
        <FormActions>
          <Button type="submit" isPending={form.pending}>
            {needsReason ? t("pending.verifyAnyway") : t("pending.verify")}
          </Button>
        </FormActions>
      </Form>
    </Card>
  );
}

const REJECTION_REASONS: readonly RegistrationRejectionReason[] = [
  "duplicate_record",
  "details_not_confirmed",
  "not_accepting_patients",
  "other",
];

/** Reject with a reason the applicant is emailed in their own language; asks first, in a dialog. */
export function RejectAction({ registration }: { registration: PendingRegistration }) {
  const { t } = useTranslation("registration");
  const queryClient = useQueryClient();
  const name = fullName(registration.patient);
  const dialog = useFormDialog({
    initial: { rejectReason: "", rejectNote: "" },
    validate: (v): FieldErrors => (v.rejectReason ? {} : { rejectReason: t("pending.rejectReasonMissing") }),
    submit: (v) =>
      api<RejectRegistrationResponse>(`/api/registrations/${registration.patient.id}/reject`, {
        method: "POST",
        body: {
          reason: v.rejectReason as RegistrationRejectionReason,
          ...(v.rejectNote.trim() ? { note: v.rejectNote.trim() } : {}),
        },
      }),
    serverField: renamed({ reason: "rejectReason", note: "rejectNote" }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: pendingQueryKey });
      navigateTo("/patients/registrations?done=rejected");
    },
  });
  const { form } = dialog;
  const reason = form.field("rejectReason");
  return (
    <Card title={t("pending.rejectTitle")} id="reject">
      <p>{t("pending.rejectBody")}</p>
      <DecisionDialog
        dialog={dialog}
        trigger={t("pending.reject")}
        title={t("pending.rejectDialogTitle")}
        body={t("pending.rejectDialogBody", { name })}
        confirm={t("pending.rejectConfirm")}
      >
        <Select
          {...reason}
          label={t("pending.rejectReason")}
          placeholder={t("person.choose")}
          options={REJECTION_REASONS.map((id) => ({ id, label: t(`pending.rejectReasons.${id}`) }))}
          onChange={(value) => {
            reason.onChange(value);
            form.forget("rejectReason");
          }}
          isRequired
        />
        <TextField
          {...form.field("rejectNote")}
          label={t("pending.rejectNote")}
          description={t("pending.rejectNoteHint")}
          maxLength={500}
        />
      </DecisionDialog>
    </Card>
  );
}
