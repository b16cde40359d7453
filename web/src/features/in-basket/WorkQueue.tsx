import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { Link } from "../../components/Link";
import { PageHeader } from "../../components/PageHeader";
import { LoadingState } from "../../components/Spinner";
import { FormDialog, useFormDialog } from "../../kit/FormDialog";
import { LoadFailed } from "../../kit/views";
import { NoteField } from "../appointments/parts";

/** What a queue's action says happened, in the queue's polite live region. */
export type QueueNotice = { tone: "success" | "error" | "warning"; title: string; text: string };

/** A work queue's header: its title and lead (`<words>.title`, `.lead` of the feature's words) and the way back to the In Basket (`queue.back`). */
export function QueueHeader({ ns, words = "queue", actions }: { ns: string; words?: string; actions?: ReactNode }) {
  const { t } = useTranslation(ns);
  return (
    <PageHeader
      title={t(`${words}.title`)}
      lead={<p>{t(`${words}.lead`)}</p>}
      before={
        <Link to="/in-basket" className="back-link">
          {t("queue.back")}
        </Link>
      }
      actions={actions}
    />
  );
}

interface WorkQueuePageProps {
  /** the feature's words: `queue.title`, `.lead`, `.back`, `.filters`, `.loading`, `.loadFailed`, `.emptyTitle`, `.emptyBody` */
  ns: string;
  actions?: ReactNode;
  /** the queue's filter controls */
  filters: ReactNode;
  notice: QueueNotice | null;
  query: UseQueryResult<unknown>;
  count: number;
  /** the queue itself, when it has items */
  children: ReactNode;
}

/** A work queue page: header, filters, what the last action did, then loading, failed, empty or the queue. */
export function WorkQueuePage({ ns, actions, filters, notice, query, count, children }: WorkQueuePageProps) {
  const { t } = useTranslation(ns);
  return (
    <div className="stack">
      <QueueHeader ns={ns} actions={actions} />
      <form className="filters" aria-label={t("queue.filters")} onSubmit={(e) => e.preventDefault()}>
        {filters}
      </form>
      <div aria-live="polite" className="board-notice">
        {notice ? (
          <Alert tone={notice.tone} title={notice.title}>
            <p>{notice.text}</p>
          </Alert>
        ) : null}
      </div>
      {query.isPending ? (
        <LoadingState label={t("queue.loading")} />
      ) : query.isError ? (
        <LoadFailed error={query.error} title={t("queue.loadFailed")} />
      ) : count === 0 ? (
        <div className="empty-state">
          <h2 className="empty-state__title">{t("queue.emptyTitle")}</h2>
          <p className="empty-state__text">{t("queue.emptyBody")}</p>
        </div>
      ) : (
        children
      )}
    </div>
  );
}

interface DenyActionProps {
  /** the feature's words: `deny.*` and `queue.cancel` */
  ns: string;
  /** the item's id, for the reason field's name */
  id: string;
  patient: string;
  /** what is denied, for the dialog's title and the confirmation (e.g. `{ medication }`) */
  what: Record<string, string>;
  deny: (reason: string) => Promise<unknown>;
  onNotice: (notice: QueueNotice) => void;
}

/** "Deny…": a dialog asking the reason (the patient reads it), then a confirmation in the queue's notice. */
export function DenyAction({ ns, id, patient, what, deny, onNotice }: DenyActionProps) {
  const { t } = useTranslation(ns);
  const name = `deny-${id}`;
  // the reason typed stays while the dialog is open; cancelling drops it
  const dialog = useFormDialog({
    initial: { reason: "" },
    labels: { [name]: t("deny.reason") },
    serverField: (path) => (path === "reason" ? name : undefined),
    validate: (v) => (v.reason.trim().length < 3 ? { [name]: t("deny.errors.reason") } : {}),
    submit: (v) => deny(v.reason.trim()),
    onSuccess: () => {
      onNotice({ tone: "success", title: t("deny.doneTitle"), text: t("deny.doneBody", { ...what, patient }) });
    },
  });
  const { form } = dialog;
  return (
    <FormDialog
      dialog={dialog}
      title={t("deny.title", { ...what, patient })}
      trigger={{ label: t("deny.button"), variant: "secondary" }}
      submitLabel={t("deny.confirm")}
      submitVariant="danger"
      cancelLabel={t("queue.cancel")}
    >
      <NoteField
        name={name}
        label={t("deny.reason")}
        description={t("deny.reasonHint", { patient })}
        value={form.values.reason}
        onChange={form.set("reason")}
        maxLength={500}
        errorMessage={form.errors[name]}
      />
    </FormDialog>
  );
}
