import { MESSAGE_BODY_MAX, type MessagePool, type QuickReply } from "@portico/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { type FieldErrors, Form, FormActions } from "../../components/Form";
import { TextField } from "../../components/fields";
import { useForm } from "../../kit/use-form";
import { Loaded } from "../../kit/views";
import { errorMessage } from "../../lib/errors";
import { NoteField } from "../appointments/parts";
import { deleteQuickReply, quickRepliesQuery, saveQuickReply } from "./data";

/** A pool's quick replies: the list, each with Edit and Delete, and the form to add or change one. */
export function QuickReplies({ pool }: { pool: MessagePool }) {
  const { t, i18n } = useTranslation("messages");
  const queryClient = useQueryClient();
  const replies = useQuery(quickRepliesQuery(pool.id));
  const [editing, setEditing] = useState<QuickReply | null>(null);
  const [notice, setNotice] = useState<{ tone: "success" | "error"; title: string } | null>(null);
  return (
    <section aria-labelledby="quick-title" className="stack">
      <h2 id="quick-title" className="section-title">
        {t("admin.quickTitle", { pool: pool.name })}
      </h2>
      <p className="text-muted">{t("admin.quickIntro")}</p>
      <div aria-live="polite">{notice ? <Alert tone={notice.tone} title={notice.title} headingLevel={3} /> : null}</div>
      <Loaded query={replies} loading={t("admin.loading")}>
        {(data) =>
          data.quickReplies.length === 0 ? (
            <p>{t("admin.noQuick")}</p>
          ) : (
            <ul className="settings-list">
              {data.quickReplies.map((q) => (
                <li key={q.id} className="settings-list__item">
                  <h3 className="settings-list__title">{q.title}</h3>
                  <p className="message-body">{q.body}</p>
                  <div className="row-actions">
                    <Button
                      variant="secondary"
                      onPress={() => setEditing(q)}
                      aria-label={t("admin.editQuickNamed", { title: q.title })}
                    >
                      {t("admin.editQuick")}
                    </Button>
                    <Button
                      variant="quiet"
                      aria-label={t("admin.deleteQuickNamed", { title: q.title })}
                      onPress={() =>
                        void deleteQuickReply(queryClient, pool.id, q.id)
                          .then(() =>
                            setNotice({ tone: "success", title: t("admin.quickDeleted", { title: q.title }) }),
                          )
                          .catch((e) => setNotice({ tone: "error", title: errorMessage(e, i18n.t, i18n.exists) }))
                      }
                    >
                      {t("admin.deleteQuick")}
                    </Button>
                  </div>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
      <QuickReplyForm
        key={editing?.id ?? "new"}
        poolId={pool.id}
        existing={editing}
        onDone={(title) => {
          setEditing(null);
          setNotice({ tone: "success", title });
        }}
      />
    </section>
  );
}

function QuickReplyForm({
  poolId,
  existing,
  onDone,
}: {
  poolId: string;
  existing: QuickReply | null;
  onDone: (title: string) => void;
}) {
  const { t } = useTranslation("messages");
  const queryClient = useQueryClient();
  const form = useForm<{ title: string; body: string }, QuickReply>({
    initial: { title: existing?.title ?? "", body: existing?.body ?? "" },
    labels: { quickTitle: t("admin.quickName"), quickBody: t("admin.quickBody") },
    validate: (v) => {
      const e: FieldErrors = {};
      if (!v.title.trim()) e.quickTitle = t("admin.errors.quickTitle");
      if (!v.body.trim()) e.quickBody = t("admin.errors.quickBody");
      return e;
    },
    serverField: (path) => (path === "title" ? "quickTitle" : path === "body" ? "quickBody" : path),
    submit: (v) => saveQuickReply(queryClient, poolId, existing?.id ?? null, { title: v.title.trim(), body: v.body }),
    onSuccess: (saved) => {
      form.reset({ title: "", body: "" });
      onDone(t("admin.quickSaved", { title: saved.title }));
    },
  });
  const heading = existing ? t("admin.editQuickNamed", { title: existing.title }) : t("admin.addQuick");
  return (
    <Form {...form.formProps} aria-label={heading}>
      <h3 className="section-title">{heading}</h3>
      <TextField {...form.field("title", "quickTitle")} label={t("admin.quickName")} isRequired />
      <NoteField {...form.field("body", "quickBody")} label={t("admin.quickBody")} maxLength={MESSAGE_BODY_MAX} />
      <FormActions>
        <Button type="submit" variant="secondary" isPending={form.pending}>
          {existing ? t("admin.saveQuick") : t("admin.addQuick")}
        </Button>
      </FormActions>
    </Form>
  );
}
