import { emergencyGuidance, type ThreadMessage, type ThreadStatus } from "@portico/contracts";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { StatusChip } from "../../components/StatusChip";
import { currentLocale } from "../../i18n";
import { RecordWait } from "../../kit/RecordWait";
import { type AppLocale, formatDateTime, localTimeZone } from "../../lib/format";
import { fileSize } from "../registration/shared";
import { STATUS_TONE } from "./data";

/** "Tuesday 3 March, 9:30 am (Eastern Time)" in the reader's own zone. */
export function when(iso: string, locale: AppLocale = currentLocale()): string {
  return formatDateTime(iso, localTimeZone(), locale);
}

/** A thread's status in words ("Waiting for the care team", "Overdue"), never by colour alone. */
export function ThreadStatusChip({
  status,
  overdue,
  side = "patient",
}: {
  status: ThreadStatus;
  overdue?: boolean;
  side?: "patient" | "staff";
}) {
  const { t } = useTranslation("messages");
  if (status === "waiting" && overdue) return <StatusChip tone="danger">{t("status.overdue")}</StatusChip>;
  if (status === "waiting" && side === "staff") return <StatusChip tone="info">{t("status.toAnswer")}</StatusChip>;
  return <StatusChip tone={STATUS_TONE[status]}>{t(`status.${status}`)}</StatusChip>;
}

/**
 * The 911 / 988 guidance when the words typed suggest an emergency (the phrase list the
 * contracts share with the server). It never stops the message from being sent.
 */
export function EmergencyGuidance({ text }: { text: string }) {
  const { t } = useTranslation("messages");
  const { kinds } = emergencyGuidance(text);
  if (kinds.length === 0) return null;
  const crisis = kinds.includes("crisis");
  return (
    <Alert
      tone="error"
      title={crisis ? t("emergency.crisisTitle") : t("emergency.title")}
      live="assertive"
      headingLevel={3}
    >
      {crisis ? <p>{t("emergency.crisisBody")}</p> : null}
      <p>{t("emergency.body")}</p>
      <p>{t("emergency.stillSend")}</p>
    </Alert>
  );
}

/** Who wrote a message, as themselves: a caregiver "for <patient>", staff with their role. */
export function authorLabel(
  message: ThreadMessage,
  patientName: string,
  t: (key: string, options?: Record<string, unknown>) => string,
): string {
  const a = message.author;
  let label: string;
  if (a.kind === "system") label = t("author.system");
  else if (a.kind === "proxy")
    label = t("author.proxy", {
      name: a.displayName,
      role: a.role ? t(`relationship.${a.role}`, { defaultValue: a.role }) : t("author.caregiver"),
      patient: patientName,
    });
  else if (a.kind === "staff" && a.role)
    label = t("author.staff", { name: a.displayName, role: t(`staffRole.${a.role}`, { defaultValue: a.role }) });
  else label = a.displayName;
  return a.isMe ? t("author.me", { name: label }) : label;
}

/**
 * A conversation's history, oldest first. Bodies are React text nodes shown with their line
 * breaks (white-space: pre-wrap), never as HTML. Internal notes (staff view only) look
 * unmistakably different and say that the patient never sees them.
 */
export function ThreadHistory({
  messages,
  patientName,
  side,
}: {
  messages: ThreadMessage[];
  patientName: string;
  side: "patient" | "staff";
}) {
  const { t } = useTranslation("messages");
  const locale = currentLocale();
  return (
    <ol className="thread-history" aria-label={t("thread.historyLabel")}>
      {messages.map((m) => {
        const note = m.kind === "internal_note";
        const headingId = `msg-${m.id}`;
        return (
          <li key={m.id}>
            <article
              className={`thread-message${note ? " thread-message--note" : ""}${m.author.isMe ? " thread-message--mine" : ""}`}
              aria-labelledby={headingId}
            >
              <header className="thread-message__head">
                {note ? <p className="thread-message__note-flag">{t("thread.noteFlag")}</p> : null}
                <h3 className="thread-message__author" id={headingId}>
                  {authorLabel(m, patientName, t)}
                </h3>
                <p className="thread-message__when">
                  <time dateTime={m.sentAt}>{when(m.sentAt, locale)}</time>
                  {!m.readByMe ? (
                    <>
                      {" "}
                      <StatusChip tone="info">{t("thread.new")}</StatusChip>
                    </>
                  ) : null}
                </p>
              </header>
              {m.kind === "auto_reply" && m.autoReply ? (
                <p className="thread-message__body">
                  {t(`autoReply.${m.autoReply.reason}`, {
                    physician: m.autoReply.physicianName,
                    pool: m.autoReply.poolName,
                    time: when(m.autoReply.expectAnswerBy, locale),
                  })}
                </p>
              ) : (
                <p className="thread-message__body">{m.body}</p>
              )}
              {m.attachments.length > 0 ? (
                <ul className="thread-message__files" aria-label={t("thread.attachments")}>
                  {m.attachments.map((f) => (
                    <li key={f.id}>
                      <a href={f.downloadPath} download={f.fileName}>
                        {t("thread.download", { name: f.fileName, size: fileSize(f.sizeBytes, locale) })}
                      </a>
                    </li>
                  ))}
                </ul>
              ) : null}
              {m.author.isMe && m.kind === "message" ? (
                <p className="thread-message__read">
                  {m.readByOtherSide
                    ? side === "patient"
                      ? t("thread.readByCareTeam")
                      : t("thread.readByPatient")
                    : t("thread.notReadYet")}
                </p>
              ) : null}
            </article>
          </li>
        );
      })}
    </ol>
  );
}

/** A conversation's page before it is there: its header with the way back, then loading or what failed. */
export function ThreadWait({ query, back }: { query: UseQueryResult<unknown>; back: ReactNode }) {
  const { t } = useTranslation("messages");
  return (
    <RecordWait
      query={query}
      before={back}
      loadingTitle={t("thread.loadingTitle")}
      loadingLabel={t("thread.loading")}
      failedTitle={t("thread.notFoundTitle")}
      failedLabel={t("thread.loadFailed")}
    />
  );
}
