import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ButtonVariant } from "../components/Button";
import { FormDialog, type UseFormDialogOptions, useFormDialog } from "./FormDialog";
import type { FormApi } from "./use-form";

type Values = Record<string, unknown>;

interface QueueDecisionProps<V extends object, R> {
  /** the feature's words: `<words>.button`, `.title`, `.body`, `.confirm`, `.doneTitle`, `.doneBody`, and `queue.cancel` */
  ns: string;
  /** the decision's key in those words ("approve", "visit") */
  words: string;
  /** the values the title names (say whose it is: the medication or specialty and the patient) */
  title: Values;
  /** the values of what will happen, shown above the form (`<words>.body`); without it, no intro */
  intro?: Values;
  /** the values of the confirmation (`<words>.doneBody`), from the server's answer and the values sent */
  done: (result: R, values: V) => Values;
  /** the queue's notice: where the confirmation is read */
  onNotice: (notice: { tone: "success"; title: string; text: string }) => void;
  /** the opening button's look (default primary) */
  variant?: ButtonVariant;
  submitVariant?: ButtonVariant;
  /** the form: its values, checks and request (a success is confirmed in the queue's notice) */
  form: Omit<UseFormDialogOptions<V, R>, "onSuccess">;
  /** the form's fields */
  children: (form: FormApi<V>) => ReactNode;
}

/**
 * A work queue's decision on one item ("Approve…", "Ask for a visit…"): the button, the dialog
 * with its form (`FormDialog`), and after a save the confirmation in the queue's polite notice.
 * What the decision allows is the server's (`abilities`); this only asks and sends.
 */
export function QueueDecision<V extends object, R = unknown>({
  ns,
  words,
  title,
  intro,
  done,
  onNotice,
  variant,
  submitVariant,
  form,
  children,
}: QueueDecisionProps<V, R>) {
  const { t } = useTranslation(ns);
  const dialog = useFormDialog<V, R>({
    ...form,
    onSuccess: (result, values) => {
      onNotice({ tone: "success", title: t(`${words}.doneTitle`), text: t(`${words}.doneBody`, done(result, values)) });
    },
  });
  return (
    <FormDialog
      dialog={dialog}
      title={t(`${words}.title`, title)}
      trigger={{ label: t(`${words}.button`), variant }}
      submitLabel={t(`${words}.confirm`)}
      submitVariant={submitVariant}
      cancelLabel={t("queue.cancel")}
      intro={intro ? <p>{t(`${words}.body`, intro)}</p> : undefined}
    >
      {children(dialog.form)}
    </FormDialog>
  );
}
