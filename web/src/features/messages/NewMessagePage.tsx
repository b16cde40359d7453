import {
  MESSAGE_BODY_MAX,
  MESSAGE_SUBJECT_MAX,
  type MessageRouting,
  type MessageTopic,
  type PatientThread,
} from "@portico/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ActingForSwitcher } from "../../app/ActingForSwitcher";
import { usePatientFor } from "../../app/acting-for";
import { useMe } from "../../app/session";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { type FieldErrors, Form, FormActions } from "../../components/Form";
import { TextField } from "../../components/fields";
import { Link } from "../../components/Link";
import { PageHeader } from "../../components/PageHeader";
import { Select } from "../../components/Select";
import { currentLocale } from "../../i18n";
import { PatientGate, usePatientQuery } from "../../kit/PatientGate";
import { useForm } from "../../kit/use-form";
import { AttemptKey } from "../../lib/idempotent-retry";
import { newIdempotencyKey } from "../appointments/data";
import { NoteField } from "../appointments/parts";
import { AttachmentField, bindAttachments } from "./compose";
import { createThread, topicsQuery } from "./data";
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
import { EmergencyGuidance, when } from "./parts";
import "./messages.css";

const route = getRouteApi("/signed-in/messages/new");

/** A new conversation: the topic first, then who will read it and when, then the message. */
export function NewMessagePage() {
  const { t } = useTranslation("messages");
  const search = route.useSearch();
  const who = usePatientFor("messages", search.patient);
  const me = useMe();
  const topics = usePatientQuery(who, (patientId) => topicsQuery(patientId, currentLocale()));
  const name = who.name ?? "";
  return (
    <div className="stack">
      <PageHeader
        title={who.forSelf ? t("compose.title") : t("compose.titleFor", { name })}
        lead={<p>{who.forSelf ? t("compose.lead") : t("compose.leadFor", { name })}</p>}
        before={
          <Link to="/messages" search={{ patient: who.patientId ?? undefined }} className="back-link">
            {t("compose.back")}
          </Link>
        }
      />
      <ActingForSwitcher />
      <Alert tone="warning" title={t("emergency.alwaysTitle")} headingLevel={2}>
        <p>{t("emergency.always")}</p>
      </Alert>
      <PatientGate
        patientId={me ? who.patientId : null}
        allowed={who.allowed}
        name={name}
        query={topics}
        ns="messages"
        words="list"
        loading={t("compose.loading")}
        failed={t("compose.loadFailed")}
      >
        {(data, patientId) => (
          <Composer
            key={patientId}
            patientId={patientId}
            storageKey={draftKey(me?.user.id ?? "", patientId, "new")}
            routings={data.topics}
          />
        )}
      </PatientGate>
    </div>
  );
}

function Composer({
  patientId,
  storageKey,
  routings,
}: {
  patientId: string;
  storageKey: string;
  routings: MessageRouting[];
}) {
  const { t } = useTranslation("messages");
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const locale = currentLocale();
  const [attempt] = useState(() => new AttemptKey(newIdempotencyKey));
  const labels = {
    topic: t("compose.topic"),
    subject: t("compose.subject"),
    body: t("compose.body"),
    attachments: t("attach.label"),
  };
  const form = useForm<MessageDraft, PatientThread>({
    initial: () => readDraft(storageKey) ?? EMPTY_DRAFT,
    labels,
    validate: (v) => {
      const e: FieldErrors = {};
      if (!v.topic) e.topic = t("compose.errors.topic");
      if (!v.subject.trim()) e.subject = t("compose.errors.subject");
      if (!v.body.trim()) e.body = t("compose.errors.body");
      return e;
    },
    submit: (v) => {
      const body = {
        topic: v.topic as MessageTopic,
        subject: v.subject.trim(),
        body: v.body,
        ...attachmentIds(v),
      };
      return createThread(queryClient, patientId, body, attempt.for(body));
    },
    serverField: draftField,
    onSuccess: async (created) => {
      // what was sent is now the form's saved state (nothing unsaved to ask about); the kept draft goes
      clearDraft(storageKey);
      cleared.current = true;
      await navigate({
        to: "/messages/$threadId",
        params: { threadId: created.id },
        search: { patient: patientId, sent: true },
      });
    },
  });
  // the draft is kept on this device on every change, until it is sent
  const cleared = useRef(false);
  useEffect(() => {
    if (!cleared.current) writeDraft(storageKey, form.values);
  }, [storageKey, form.values]);
  const routing = routings.find((r) => r.topic === form.values.topic);

  return (
    <Form {...form.formProps} aria-label={t("compose.formLabel")}>
      <Select
        {...form.field("topic")}
        label={labels.topic}
        description={t("compose.topicHint")}
        options={routings.map((r) => ({ id: r.topic, label: t(`topics.${r.topic}.name`) }))}
        placeholder={t("compose.topicPlaceholder")}
        isRequired
        width="medium"
      />
      {routing ? (
        <section className="routing-card" aria-labelledby="routing-title" aria-live="polite">
          <h2 className="routing-card__title" id="routing-title">
            {t("routing.title")}
          </h2>
          <dl className="routing-card__facts">
            <div>
              <dt>{t("routing.readBy")}</dt>
              <dd>
                {routing.pool.readersDescription}
                {routing.physician ? ` — ${t("routing.addressedTo", { name: routing.physician.displayName })}` : ""}
              </dd>
            </div>
            <div>
              <dt>{t("routing.expect")}</dt>
              <dd>
                {t("routing.expectBy", {
                  time: when(routing.expectAnswerBy, locale),
                  count: routing.pool.responseTargetBusinessHours,
                })}
              </dd>
            </div>
          </dl>
          {routing.coverage ? (
            <p>
              {routing.coverage.physicianBackAt
                ? t(`routing.coverage.${routing.coverage.reason}`, {
                    name: routing.physician?.displayName ?? t("routing.yourDoctor"),
                    time: when(routing.coverage.physicianBackAt, locale),
                  })
                : t(`routing.coverage.${routing.coverage.reason}NoTime`, {
                    name: routing.physician?.displayName ?? t("routing.yourDoctor"),
                  })}
            </p>
          ) : null}
        </section>
      ) : null}
      <TextField
        {...form.field("subject")}
        label={labels.subject}
        description={t("compose.subjectHint")}
        maxLength={MESSAGE_SUBJECT_MAX}
        isRequired
      />
      <NoteField
        name="body"
        label={labels.body}
        description={t("compose.bodyHint", { count: MESSAGE_BODY_MAX })}
        value={form.values.body}
        onChange={form.set("body")}
        maxLength={MESSAGE_BODY_MAX}
        errorMessage={form.errors.body}
      />
      <EmergencyGuidance text={`${form.values.subject}\n${form.values.body}`} />
      <AttachmentField patientId={patientId} {...bindAttachments(form)} />
      <p className="text-muted">{t("compose.draftKept")}</p>
      <FormActions>
        <Button type="submit" isPending={form.pending} block>
          {t("compose.send")}
        </Button>
      </FormActions>
    </Form>
  );
}
