import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button, type ButtonVariant } from "../components/Button";
import { Dialog, DialogActions } from "../components/Dialog";
import { Form } from "../components/Form";
import { type UseFormOptions, useForm } from "./use-form";

export interface UseFormDialogOptions<V extends object, R> extends UseFormOptions<V, R> {
  /** the values after a save (default: `initial` again; an edit form passes the saved record's) */
  afterSave?: (result: R, values: V) => V;
}

/**
 * The state of "a button, then a dialog with a form": the form (`useForm`), whether the dialog
 * is open, `cancel` (closes and puts the values back as they were: nothing half-typed lingers
 * for next time) and, after a successful save, the dialog closes and the values reset before
 * `onSuccess` runs — where the page confirms the save in its status region.
 */
export function useFormDialog<V extends object, R = unknown>(options: UseFormDialogOptions<V, R>) {
  const [isOpen, setOpen] = useState(false);
  const initialValues = (): V =>
    typeof options.initial === "function" ? (options.initial as () => V)() : (options.initial as V);
  const form = useForm<V, R>({
    ...options,
    onSuccess: async (result, values) => {
      setOpen(false);
      form.reset(options.afterSave ? options.afterSave(result, values) : initialValues());
      await options.onSuccess?.(result, values);
    },
  });
  const cancel = () => {
    setOpen(false);
    form.reset(initialValues());
  };
  return { form, isOpen, open: () => setOpen(true), cancel };
}

export type FormDialogState<V extends object> = ReturnType<typeof useFormDialog<V>>;

interface FormDialogProps<V extends object> {
  /** from `useFormDialog` */
  dialog: FormDialogState<V>;
  /** the dialog's heading and the form's name; say whose it is ("Approve Lisinopril for Alex Rivera") */
  title: string;
  /** the button that opens it */
  trigger: { label: ReactNode; variant?: ButtonVariant; "aria-label"?: string; isDisabled?: boolean };
  /** the save button */
  submitLabel: string;
  submitVariant?: ButtonVariant;
  cancelLabel?: string;
  /** what will happen, shown above the form */
  intro?: ReactNode;
  /** the form's fields */
  children: ReactNode;
}

/**
 * The kit's "button, then a dialog with a form": the trigger (named by `aria-label`, by default
 * the title), a modal dialog (focus trapped, back to the trigger on close), the `Form` with its
 * error summary, save and cancel. Escape, clicking outside and Cancel all cancel (values reset).
 */
export function FormDialog<V extends object>({
  dialog,
  title,
  trigger,
  submitLabel,
  submitVariant = "primary",
  cancelLabel,
  intro,
  children,
}: FormDialogProps<V>) {
  const { t } = useTranslation();
  const { form } = dialog;
  return (
    <>
      <Button
        variant={trigger.variant ?? "primary"}
        onPress={dialog.open}
        aria-label={trigger["aria-label"] ?? title}
        isDisabled={trigger.isDisabled}
      >
        {trigger.label}
      </Button>
      <Dialog title={title} isOpen={dialog.isOpen} onOpenChange={(o) => (o ? dialog.open() : dialog.cancel())}>
        {intro}
        <Form {...form.formProps} aria-label={title}>
          {children}
          <DialogActions>
            <Button type="submit" variant={submitVariant} isPending={form.pending}>
              {submitLabel}
            </Button>
            <Button variant="secondary" onPress={dialog.cancel}>
              {cancelLabel ?? t("form.cancel")}
            </Button>
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
}
