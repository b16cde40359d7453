import type { WorkItem } from "@portico/contracts";
import { type UseQueryResult, useMutation } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useMe } from "../../app/session";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Link } from "../../components/Link";
import { PageHeader } from "../../components/PageHeader";
import { LoadingState } from "../../components/Spinner";
import { currentLocale } from "../../i18n";
import { Cell } from "../../kit/DataTable";
import { QueueDecision } from "../../kit/QueueDecision";
import { LoadFailed } from "../../kit/views";
import { errorMessage } from "../../lib/errors";
import { formatCalendarDate } from "../../lib/format";
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
  const named = { ...what, patient };
  // the reason typed stays while the dialog is open; cancelling drops it
  return (
    <QueueDecision<{ reason: string }>
      ns={ns}
      words="deny"
      title={named}
      done={() => named}
      onNotice={onNotice}
      variant="secondary"
      submitVariant="danger"
      form={{
        initial: { reason: "" },
        labels: { [name]: t("deny.reason") },
        serverField: (path) => (path === "reason" ? name : undefined),
        validate: (v) => (v.reason.trim().length < 3 ? { [name]: t("deny.errors.reason") } : {}),
        submit: (v) => deny(v.reason.trim()),
      }}
    >
      {(form) => (
        <NoteField
          name={name}
          label={t("deny.reason")}
          description={t("deny.reasonHint", { patient })}
          value={form.values.reason}
          onChange={form.set("reason")}
          maxLength={500}
          errorMessage={form.errors[name]}
        />
      )}
    </QueueDecision>
  );
}

/** When the item was asked for, how long it has waited (overdue in red), and who has it. */
export function RequestedCell({
  ns,
  label,
  at,
  ageHours,
  work,
}: {
  ns: string;
  label: string;
  /** the time asked, in words */
  at: string;
  ageHours: number;
  work: WorkItem | null;
}) {
  const { t } = useTranslation(ns);
  return (
    <Cell label={label}>
      {at}
      <br />
      <span className={work?.overdue ? "text-danger" : "text-muted"}>
        {work?.overdue ? t("queue.overdue", { count: ageHours }) : t("queue.ageHours", { count: ageHours })}
      </span>
      {work ? (
        <>
          <br />
          <span className="text-muted">
            {work.assignee ? t("queue.assignedTo", { name: work.assignee.displayName }) : t("queue.unassigned")}
          </span>
        </>
      ) : null}
    </Cell>
  );
}

/** "Claim" on an open item nobody has, "Release" on one the user claimed; the outcome in the queue's notice. */
export function ClaimRelease({
  ns,
  work,
  subject,
  act,
  onNotice,
}: {
  ns: string;
  work: WorkItem | null;
  /** the item in words (e.g. `{ medication, patient }`), for the buttons' names and the notice */
  subject: Record<string, string>;
  act: (workItemId: string, action: "claim" | "release") => Promise<unknown>;
  onNotice: (notice: QueueNotice) => void;
}) {
  const { t, i18n } = useTranslation(ns);
  const { t: tc } = useTranslation();
  const me = useMe();
  const claim = useMutation({
    mutationFn: (action: "claim" | "release") => act(work?.id ?? "", action),
    onSuccess: (_, action) =>
      onNotice({
        tone: "success",
        title: t(action === "claim" ? "queue.claimedTitle" : "queue.releasedTitle"),
        text: t(action === "claim" ? "queue.claimedBody" : "queue.releasedBody", subject),
      }),
    onError: (error) =>
      onNotice({ tone: "error", title: t("queue.failedTitle"), text: errorMessage(error, tc, i18n.exists) }),
  });
  return (
    <>
      {work && work.status !== "done" && work.status !== "cancelled" && work.assignee === null ? (
        <Button
          variant="quiet"
          isPending={claim.isPending}
          onPress={() => claim.mutate("claim")}
          aria-label={t("queue.claimNamed", subject)}
        >
          {t("queue.claim")}
        </Button>
      ) : null}
      {work?.assignee && work.status === "claimed" && work.assignee.userId === me?.user.id ? (
        <Button
          variant="quiet"
          isPending={claim.isPending}
          onPress={() => claim.mutate("release")}
          aria-label={t("queue.releaseNamed", subject)}
        >
          {t("queue.release")}
        </Button>
      ) : null}
    </>
  );
}

/** Whom the item is for: the name, date of birth, and a link to the chart. */
export function QueuePatientCell({
  ns,
  label,
  patient,
}: {
  ns: string;
  label: string;
  patient: { id: string; displayName: string; dateOfBirth: string };
}) {
  const { t } = useTranslation(ns);
  const locale = currentLocale();
  return (
    <Cell label={label}>
      <strong>{patient.displayName}</strong>
      <br />
      <span className="text-muted">{t("queue.born", { date: formatCalendarDate(patient.dateOfBirth, locale) })}</span>
      <br />
      <Link to="/patients/$patientId" params={{ patientId: patient.id }}>
        {t("queue.openChart", { name: patient.displayName })}
      </Link>
    </Cell>
  );
}
