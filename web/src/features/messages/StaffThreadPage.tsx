import { MESSAGE_BODY_MAX, type StaffThread } from "@portico/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Dialog, DialogActions } from "../../components/Dialog";
import { type FieldErrors, Form, FormActions } from "../../components/Form";
import { ButtonLink, Link } from "../../components/Link";
import { PageHeader } from "../../components/PageHeader";
import { Select } from "../../components/Select";
import { currentLocale } from "../../i18n";
import { useForm } from "../../kit/use-form";
import { isApiError } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import { formatCalendarDate } from "../../lib/format";
import { NoteField } from "../appointments/parts";
import { AssignWorkItem } from "../in-basket/AssignWorkItem";
import { AttachmentField, bindAttachments } from "./compose";
import { messageKeys, staffThreadAction, staffThreadQuery, uploadStaffAttachment, workItemAction } from "./data";
import type { DraftAttachment } from "./draft";
import { ThreadHistory, ThreadStatusChip, ThreadWait, when } from "./parts";
import "./messages.css";

const route = getRouteApi("/signed-in/staff/messages/$threadId");

type Notice = { tone: "success" | "error"; title: string; text?: string };

/** One conversation for the care team: patient context, the whole history with internal notes, and every action. */
export function StaffThreadPage() {
  const { t } = useTranslation("messages");
  const { threadId } = route.useParams();
  const queryClient = useQueryClient();
  const thread = useQuery(staffThreadQuery(threadId));
  useEffect(() => {
    if (thread.isSuccess) void queryClient.invalidateQueries({ queryKey: ["staff-messages", "inbox"] });
  }, [thread.isSuccess, queryClient]);
  const back = (
    <Link to="/staff/messages" className="back-link">
      {t("staff.back")}
    </Link>
  );
  if (thread.isPending || thread.isError) return <ThreadWait query={thread} back={back} />;
  return <StaffThreadView thread={thread.data} back={back} />;
}

function StaffThreadView({ thread, back }: { thread: StaffThread; back: React.ReactNode }) {
  const { t, i18n } = useTranslation("messages");
  const queryClient = useQueryClient();
  const locale = currentLocale();
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);
  const [closing, setClosing] = useState(false);
  const item = thread.workItem;
  const name = thread.patient.displayName;

  async function run(action: () => Promise<unknown>, done: string) {
    setBusy(true);
    try {
      await action();
      setNotice({ tone: "success", title: done });
    } catch (error) {
      setNotice({ tone: "error", title: t("staff.failed"), text: errorMessage(error, i18n.t, i18n.exists) });
      await queryClient.invalidateQueries({ queryKey: messageKeys.staffThread(thread.id) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="stack">
      <PageHeader eyebrow={t("staff.eyebrow", { name })} title={thread.subject} before={back} />
      <section className="patient-context" aria-label={t("staff.patientContext")}>
        <p>
          <strong>{name}</strong> · {t("inbox.born", { date: formatCalendarDate(thread.patient.dateOfBirth, locale) })}
          {thread.physician ? ` · ${t("staff.addressedTo", { name: thread.physician.displayName })}` : ""}
        </p>
      </section>
      <dl className="thread-facts">
        <div>
          <dt>{t("list.status")}</dt>
          <dd>
            <ThreadStatusChip status={thread.status} overdue={thread.overdue} side="staff" />
          </dd>
        </div>
        <div>
          <dt>{t("list.topic")}</dt>
          <dd>
            {t(`topics.${thread.topic}.name`)} · {thread.pool.name}
          </dd>
        </div>
        {thread.dueAt ? (
          <div>
            <dt>{thread.overdue ? t("staff.overdueSince") : t("staff.due")}</dt>
            <dd>
              <time dateTime={thread.dueAt}>{when(thread.dueAt, locale)}</time>
            </dd>
          </div>
        ) : null}
        {item ? (
          <div>
            <dt>{t("inbox.columns.assignee")}</dt>
            <dd>{item.assignee?.displayName ?? t("inbox.nobody")}</dd>
          </div>
        ) : null}
      </dl>
      <div aria-live="polite" className="board-notice">
        {notice ? (
          <Alert tone={notice.tone} title={notice.title} headingLevel={2}>
            {notice.text ? <p>{notice.text}</p> : null}
          </Alert>
        ) : null}
      </div>
      <div className="thread-actions">
        {item?.abilities.canClaim ? (
          <Button
            isDisabled={busy}
            onPress={() => void run(() => workItemAction(queryClient, thread.id, item.id, "claim"), t("staff.claimed"))}
          >
            {t("staff.claim")}
          </Button>
        ) : null}
        {item?.abilities.canRelease ? (
          <Button
            variant="secondary"
            isDisabled={busy}
            onPress={() =>
              void run(() => workItemAction(queryClient, thread.id, item.id, "release"), t("staff.released"))
            }
          >
            {t("staff.release")}
          </Button>
        ) : null}
        {item ? (
          <AssignWorkItem
            workItem={item}
            subject={t("staff.assignSubject", { name })}
            onAssigned={() => queryClient.invalidateQueries({ queryKey: messageKeys.staffThread(thread.id) })}
          />
        ) : null}
        {thread.abilities.canBookAppointment ? (
          <ButtonLink
            to="/appointments/book"
            search={{ patientId: thread.patient.id }}
            variant="secondary"
            aria-label={t("staff.bookFor", { name })}
          >
            {t("staff.book")}
          </ButtonLink>
        ) : null}
        {thread.abilities.canClose ? (
          <Button variant="secondary" isDisabled={busy} onPress={() => setClosing(true)}>
            {t("staff.close")}
          </Button>
        ) : null}
        {thread.abilities.canReopen ? (
          <Button
            variant="secondary"
            isDisabled={busy}
            onPress={() =>
              void run(() => staffThreadAction(queryClient, thread.id, { kind: "reopen" }), t("staff.reopened"))
            }
          >
            {t("staff.reopen")}
          </Button>
        ) : null}
      </div>
      <CloseDialog
        isOpen={closing}
        onClose={() => setClosing(false)}
        onConfirm={(reason) => {
          setClosing(false);
          void run(
            () => staffThreadAction(queryClient, thread.id, { kind: "close", reason: reason || undefined }),
            t("staff.closed"),
          );
        }}
      />
      <h2 className="section-title">{t("thread.historyTitle")}</h2>
      <ThreadHistory messages={thread.messages} patientName={name} side="staff" />
      {thread.abilities.canReply ? <StaffReplyForm thread={thread} onDone={setNotice} /> : null}
      {thread.abilities.canAddNote ? <NoteForm thread={thread} onDone={setNotice} /> : null}
    </div>
  );
}

function CloseDialog({
  isOpen,
  onClose,
  onConfirm,
}: {
  isOpen: boolean;
  onClose: () => void;
  onConfirm: (reason: string) => void;
}) {
  const { t } = useTranslation("messages");
  const [reason, setReason] = useState("");
  return (
    <Dialog
      title={t("staff.closeTitle")}
      isOpen={isOpen}
      onOpenChange={(open) => {
        if (!open) {
          setReason("");
          onClose();
        }
      }}
    >
      <p>{t("staff.closeBody")}</p>
      <NoteField
        name="closeReason"
        label={t("staff.closeReason")}
        value={reason}
        onChange={setReason}
        maxLength={500}
      />
      <DialogActions>
        <Button
          onPress={() => {
            onConfirm(reason.trim());
            setReason("");
          }}
        >
          {t("staff.closeConfirm")}
        </Button>
        <Button
          variant="secondary"
          onPress={() => {
            setReason("");
            onClose();
          }}
        >
          {t("staff.cancel")}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

function StaffReplyForm({ thread, onDone }: { thread: StaffThread; onDone: (n: Notice) => void }) {
  const { t } = useTranslation("messages");
  const queryClient = useQueryClient();
  const form = useForm<{ body: string; quickReplyId: string; attachments: DraftAttachment[] }, StaffThread>({
    initial: { body: "", quickReplyId: "", attachments: [] },
    labels: { replyBody: t("staff.replyBody") },
    validate: (v): FieldErrors => (v.body.trim() ? {} : { replyBody: t("compose.errors.body") }),
    serverField: (path) => (path === "body" ? "replyBody" : path.startsWith("attachmentIds") ? "replyFiles" : path),
    submit: (v) =>
      staffThreadAction(queryClient, thread.id, {
        kind: "reply",
        body: v.body,
        quickReplyId: v.quickReplyId || undefined,
        attachmentIds: v.attachments.map((a) => a.id),
      }),
    explain: (error) => (isApiError(error, "thread_closed") ? { formError: t("reply.closed") } : undefined),
    onSuccess: () => {
      form.reset({ body: "", quickReplyId: "", attachments: [] });
      onDone({ tone: "success", title: t("staff.replied", { name: thread.patient.displayName }) });
    },
  });
  return (
    <section aria-labelledby="staff-reply-title" className="stack reply-box">
      <h2 id="staff-reply-title" className="section-title">
        {t("staff.replyTitle", { name: thread.patient.displayName })}
      </h2>
      <p className="text-muted">{t("staff.replyHint")}</p>
      <Form {...form.formProps} aria-labelledby="staff-reply-title">
        {thread.quickReplies.length > 0 ? (
          <Select
            name="quickReplyId"
            label={t("staff.quickReply")}
            description={t("staff.quickReplyHint")}
            options={thread.quickReplies.map((q) => ({ id: q.id, label: q.title }))}
            value={form.values.quickReplyId || null}
            onChange={(id) => {
              const chosen = thread.quickReplies.find((q) => q.id === id);
              form.update({ quickReplyId: id, body: chosen ? chosen.body : form.values.body });
            }}
            placeholder={t("staff.quickReplyPlaceholder")}
            width="medium"
          />
        ) : null}
        <NoteField {...form.field("body", "replyBody")} label={t("staff.replyBody")} maxLength={MESSAGE_BODY_MAX} />
        <AttachmentField
          {...bindAttachments(form, "replyFiles")}
          patientId={thread.patient.id}
          upload={(file) => uploadStaffAttachment(thread.id, file)}
        />
        <FormActions>
          <Button type="submit" isPending={form.pending}>
            {t("staff.sendReply")}
          </Button>
        </FormActions>
      </Form>
    </section>
  );
}

function NoteForm({ thread, onDone }: { thread: StaffThread; onDone: (n: Notice) => void }) {
  const { t } = useTranslation("messages");
  const queryClient = useQueryClient();
  const form = useForm<{ body: string }, StaffThread>({
    initial: { body: "" },
    labels: { noteBody: t("staff.noteBody") },
    validate: (v): FieldErrors => (v.body.trim() ? {} : { noteBody: t("compose.errors.body") }),
    submit: (v) => staffThreadAction(queryClient, thread.id, { kind: "note", body: v.body }),
    serverField: (path) => (path === "body" ? "noteBody" : path),
    onSuccess: () => {
      form.reset({ body: "" });
      onDone({ tone: "success", title: t("staff.noted") });
    },
  });
  return (
    <section aria-labelledby="note-title" className="stack note-box">
      <h2 id="note-title" className="section-title">
        {t("staff.noteTitle")}
      </h2>
      <p className="note-box__warning">{t("staff.noteHint")}</p>
      <Form {...form.formProps} aria-labelledby="note-title">
        <NoteField {...form.field("body", "noteBody")} label={t("staff.noteBody")} maxLength={MESSAGE_BODY_MAX} />
        <FormActions>
          <Button type="submit" variant="secondary" isPending={form.pending}>
            {t("staff.addNote")}
          </Button>
        </FormActions>
      </Form>
    </section>
  );
}
