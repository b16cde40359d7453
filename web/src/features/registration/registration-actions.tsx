import type {
  DuplicateCandidate,
  PendingRegistration,
  RegistrationRejectionReason,
  RejectRegistrationResponse,
} from "@portico/contracts";
import { type UseMutationResult, useMutation, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { navigateTo } from "../../app/navigation";
import { Button } from "../../components/Button";
import { Card } from "../../components/Card";
import { Dialog, DialogActions } from "../../components/Dialog";
import { type FieldErrors, Form, FormActions } from "../../components/Form";
import { TextField } from "../../components/fields";
import { Select } from "../../components/Select";
import { api } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import "./registration.css";
import { fullName, pendingQueryKey } from "./pending-data";

/**
 * A small form checked here before it sends: the problems found (beside the fields and in the
 * summary), the attempt counter, the failure of the send, and the props for `Form`.
 */
function useCheckedForm(send: UseMutationResult<unknown, Error, void>, label: string, check: () => FieldErrors) {
  const { t, i18n } = useTranslation();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  return {
    errors,
    setErrors,
    formProps: {
      onSubmit: () => {
        const next = check();
        setErrors(next);
        setAttempt((n) => n + 1);
        if (Object.keys(next).length === 0) send.mutate();
      },
      errors,
      formError: send.isError ? errorMessage(send.error, t, i18n.exists) : null,
      attempt,
      "aria-label": label,
    },
  };
}

/**
 * A decision that asks first: its button, then a dialog that says what will happen, with the
 * decision's form, the (danger) confirm button and cancel.
 */
function DecisionDialog({
  trigger,
  title,
  body,
  isOpen,
  onOpenChange,
  form,
  isPending,
  confirm,
  children,
}: {
  trigger: string;
  title: string;
  body: string;
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  /** `formProps` from `useCheckedForm` */
  form: ReturnType<typeof useCheckedForm>["formProps"];
  isPending: boolean;
  confirm: string;
  children: ReactNode;
}) {
  const common = useTranslation().t;
  return (
    <>
      <div className="item__actions">
        <Button variant="secondary" onPress={() => onOpenChange(true)}>
          {trigger}
        </Button>
      </div>
      <Dialog title={title} isOpen={isOpen} onOpenChange={onOpenChange}>
        <p>{body}</p>
        <Form {...form}>
          {children}
          <DialogActions>
            <Button type="submit" variant="danger" isPending={isPending}>
              {confirm}
            </Button>
            <Button variant="secondary" onPress={() => onOpenChange(false)}>
              {common("common.cancel")}
            </Button>
          </DialogActions>
        </Form>
      </Dialog>
    </>
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
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const merge = useMutation({
    mutationFn: () =>
      api(`/api/patients/${sourceId}/merge`, {
        method: "POST",
        body: { intoPatientId: candidate.id, reason: reason.trim() },
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: pendingQueryKey });
      navigateTo("/patients/registrations?done=merged");
    },
  });
  const mergeForm = useCheckedForm(merge, t("pending.mergeTitle"), () => {
    const next: FieldErrors = {};
    if (reason.trim().length < 5) next.mergeReason = t("pending.reasonMissing");
    return next;
  });
  const { errors } = mergeForm;
  return (
    <DecisionDialog
      trigger={t("pending.merge", { mrn: candidate.mrn })}
      title={t("pending.mergeTitle")}
      body={t("pending.mergeBody", { name: sourceName, mrn: candidate.mrn })}
      isOpen={open}
      onOpenChange={setOpen}
      form={mergeForm.formProps}
      isPending={merge.isPending}
      confirm={t("pending.mergeConfirm")}
    >
      <TextField
        name="mergeReason"
        label={t("pending.reason")}
        description={t("pending.mergeReasonHint")}
        value={reason}
        onChange={setReason}
        errorMessage={errors.mergeReason}
        isRequired
      />
    </DecisionDialog>
  );
}

export function VerifyAction({ registration }: { registration: PendingRegistration }) {
  const { t } = useTranslation("registration");
  const queryClient = useQueryClient();
  const needsReason = registration.possibleDuplicates.length > 0;
  const [reason, setReason] = useState("");
  const verify = useMutation({
    mutationFn: () =>
      api(`/api/registrations/${registration.patient.id}/verify`, {
        method: "POST",
        body: needsReason ? { duplicateOverride: { confirmNotDuplicate: true, reason: reason.trim() } } : {},
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: pendingQueryKey });
      navigateTo("/patients/registrations?done=verified");
    },
  });
  const verifyForm = useCheckedForm(verify, t("pending.verifyTitle"), () => {
    const next: FieldErrors = {};
    if (needsReason && reason.trim().length < 5) next.verifyReason = t("pending.reasonMissing");
    return next;
  });
  const { errors } = verifyForm;
  return (
    <Card title={needsReason ? t("pending.verifyAnywayTitle") : t("pending.verifyTitle")} id="verify">
      <p>{needsReason ? t("pending.verifyAnywayBody") : t("pending.verifyBody")}</p>
      <Form {...verifyForm.formProps}>
        {needsReason ? (
          <TextField
            name="verifyReason"
            label={t("pending.reason")}
            description={t("pending.verifyReasonHint")}
            value={reason}
            onChange={setReason}
            errorMessage={errors.verifyReason}
            isRequired
          />
        ) : null}
        <FormActions>
          <Button type="submit" isPending={verify.isPending}>
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
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<RegistrationRejectionReason | null>(null);
  const [note, setNote] = useState("");
  const reject = useMutation({
    mutationFn: () =>
      api<RejectRegistrationResponse>(`/api/registrations/${registration.patient.id}/reject`, {
        method: "POST",
        body: { reason, ...(note.trim() ? { note: note.trim() } : {}) },
      }),
    onSuccess: async () => {
      setOpen(false);
      await queryClient.invalidateQueries({ queryKey: pendingQueryKey });
      navigateTo("/patients/registrations?done=rejected");
    },
  });
  const rejectForm = useCheckedForm(reject, t("pending.rejectDialogTitle"), () => {
    const next: FieldErrors = {};
    if (!reason) next.rejectReason = t("pending.rejectReasonMissing");
    return next;
  });
  const { errors } = rejectForm;
  return (
    <Card title={t("pending.rejectTitle")} id="reject">
      <p>{t("pending.rejectBody")}</p>
      <DecisionDialog
        trigger={t("pending.reject")}
        title={t("pending.rejectDialogTitle")}
        body={t("pending.rejectDialogBody", { name })}
        isOpen={open}
        onOpenChange={setOpen}
        form={rejectForm.formProps}
        isPending={reject.isPending}
        confirm={t("pending.rejectConfirm")}
      >
        <Select
          name="rejectReason"
          label={t("pending.rejectReason")}
          value={reason}
          placeholder={t("person.choose")}
          options={REJECTION_REASONS.map((id) => ({ id, label: t(`pending.rejectReasons.${id}`) }))}
          onChange={(value) => {
            setReason(value as RegistrationRejectionReason);
            rejectForm.setErrors(({ rejectReason: _answered, ...rest }) => rest);
          }}
          errorMessage={errors.rejectReason}
          isRequired
        />
        <TextField
          name="rejectNote"
          label={t("pending.rejectNote")}
          description={t("pending.rejectNoteHint")}
          value={note}
          onChange={setNote}
          maxLength={500}
        />
      </DecisionDialog>
    </Card>
  );
}
