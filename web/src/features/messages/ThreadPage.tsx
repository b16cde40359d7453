import { MESSAGE_BODY_MAX, type PatientThread } from "@portico/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { usePatientFor } from "../../app/acting-for";
import { useMe } from "../../app/session";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { type FieldErrors, Form, FormActions } from "../../components/Form";
import { Link } from "../../components/Link";
import { PageHeader } from "../../components/PageHeader";
import { useForm } from "../../kit/use-form";
import { SavedNotice } from "../../kit/views";
import { isApiError } from "../../lib/api";
import { AttemptKey } from "../../lib/idempotent-retry";
import { newIdempotencyKey } from "../appointments/data";
import { NoteField } from "../appointments/parts";
import { AttachmentField, bindAttachments } from "./compose";
import { messageKeys, patientThreadQuery, replyToThread } from "./data";
import {
  attachmentIds,
  clearDraft,
  draftField,
  draftKey,
  EMPTY_DRAFT,
  type MessageDraft,
  readDraft,
  writeDraft,
} from "./draft";
import { EmergencyGuidance, ThreadHistory, ThreadStatusChip, ThreadWait } from "./parts";
import { Fact, ThreadFacts } from "./ThreadFacts";
import "./messages.css";

const route = getRouteApi("/signed-in/messages/$threadId");

/** One conversation: its history, read state and a reply box (when the server allows a reply). */
export function ThreadPage() {
  const { t } = useTranslation("messages");
  const { threadId } = route.useParams();
  const search = route.useSearch();
  const who = usePatientFor("messages", search.patient);
  const queryClient = useQueryClient();
  const thread = useQuery({
    ...patientThreadQuery(who.patientId ?? "none", threadId),
    enabled: Boolean(who.patientId && who.allowed),
  });
  // opening the thread marked it read: the list's counts change
  useEffect(() => {
    if (thread.isSuccess && who.patientId)
      void queryClient.invalidateQueries({ queryKey: messageKeys.threads(who.patientId) });
  }, [thread.isSuccess, who.patientId, queryClient]);
  const back = (
    <Link to="/messages" search={{ patient: who.patientId ?? undefined }} className="back-link">
      {who.forSelf || !who.name ? t("thread.back") : t("thread.backFor", { name: who.name })}
    </Link>
  );
  if (thread.isPending || thread.isError) return <ThreadWait query={thread} back={back} />;
  return <ThreadView thread={thread.data} forSelf={who.forSelf} back={back} justSent={Boolean(search.sent)} />;
}

function ThreadView({
  thread,
  forSelf,
  back,
  justSent,
}: {
  thread: PatientThread;
  forSelf: boolean;
  back: React.ReactNode;
  justSent: boolean;
}) {
  const { t } = useTranslation("messages");
  const name = thread.patient.displayName;
  return (
    <div className="stack">
      <PageHeader
        eyebrow={forSelf ? t("thread.eyebrow") : t("thread.eyebrowFor", { name })}
        title={thread.subject}
        before={back}
      />
      {justSent ? (
        <Alert tone="success" title={t("thread.sentTitle")} live="polite">
          <p>{t("thread.sentBody", { pool: thread.pool.readersDescription })}</p>
        </Alert>
      ) : null}
      <ThreadFacts
        className="thread-facts"
        thread={thread}
        readBy={thread.pool.readersDescription}
        before={
          <Fact term={t("list.status")}>
            <ThreadStatusChip status={thread.status} overdue={thread.overdue} />
          </Fact>
        }
      />
      <h2 className="section-title">{t("thread.historyTitle")}</h2>
      <ThreadHistory messages={thread.messages} patientName={name} side="patient" />
      {thread.abilities.canReply ? (
        <ReplyForm thread={thread} />
      ) : thread.status === "closed" ? (
        <Alert tone="info" title={t("thread.closedTitle")}>
          <p>
            {t("thread.closedBody")}{" "}
            <Link to="/messages/new" search={{ patient: thread.patient.id }}>
              {t("list.new")}
            </Link>
          </p>
        </Alert>
      ) : null}
    </div>
  );
}

function ReplyForm({ thread }: { thread: PatientThread }) {
  const { t } = useTranslation("messages");
  const me = useMe();
  const queryClient = useQueryClient();
  const patientId = thread.patient.id;
  const storageKey = draftKey(me?.user.id ?? "anon", patientId, thread.id);
  const [attempt] = useState(() => new AttemptKey(newIdempotencyKey));
  const form = useForm<MessageDraft, PatientThread>({
    initial: () => readDraft(storageKey) ?? EMPTY_DRAFT,
    labels: { body: t("reply.body"), attachments: t("attach.label") },
    validate: (v) => {
      const e: FieldErrors = {};
      if (!v.body.trim()) e.body = t("compose.errors.body");
      return e;
    },
    submit: (v) => {
      const body = {
        body: v.body,
        ...attachmentIds(v),
      };
      return replyToThread(queryClient, patientId, thread.id, body, attempt.for(body));
    },
    serverField: draftField,
    explain: (error) => (isApiError(error, "thread_closed") ? { formError: t("reply.closed") } : undefined),
    onSuccess: () => {
      clearDraft(storageKey);
      form.reset(EMPTY_DRAFT);
    },
  });
  useEffect(() => writeDraft(storageKey, form.values), [storageKey, form.values]);
  return (
    <section aria-labelledby="reply-title" className="stack reply-box">
      <h2 id="reply-title" className="section-title">
        {t("reply.title")}
      </h2>
      <SavedNotice show={form.saved} title={t("reply.sent")} />
      <Form {...form.formProps} aria-labelledby="reply-title">
        <NoteField
          {...form.field("body")}
          label={t("reply.body")}
          description={t("compose.bodyHint", { count: MESSAGE_BODY_MAX })}
          maxLength={MESSAGE_BODY_MAX}
        />
        <EmergencyGuidance text={form.values.body} />
        {thread.abilities.canAttach ? <AttachmentField patientId={patientId} {...bindAttachments(form)} /> : null}
        <FormActions>
          <Button type="submit" isPending={form.pending} block>
            {t("reply.send")}
          </Button>
        </FormActions>
      </Form>
    </section>
  );
}
