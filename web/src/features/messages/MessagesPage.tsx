import type { ThreadListItem } from "@portico/contracts";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { ActingForSwitcher } from "../../app/ActingForSwitcher";
import { usePatientFor } from "../../app/acting-for";
import { EmptyState } from "../../components/EmptyState";
import { ButtonLink, Link } from "../../components/Link";
import { PageHeader } from "../../components/PageHeader";
import { currentLocale } from "../../i18n";
import { PatientGate, usePatientQuery } from "../../kit/PatientGate";
import { threadListQuery } from "./data";
import { ThreadStatusChip, when } from "./parts";
import "./messages.css";

const route = getRouteApi("/signed-in/messages");

/** The patient's conversations with the care team, newest first, with what is unread. */
export function MessagesPage() {
  const { t } = useTranslation("messages");
  const search = route.useSearch();
  const who = usePatientFor("messages", search.patient);
  const list = usePatientQuery(who, threadListQuery);
  const name = list.data?.patient.displayName ?? who.name ?? "";
  const forSelf = who.forSelf || !name;
  const canStart = list.data?.abilities.canStartThread ?? false;

  return (
    <div className="stack">
      <PageHeader
        title={forSelf ? t("list.title") : t("list.titleFor", { name })}
        lead={<p>{forSelf ? t("list.lead") : t("list.leadFor", { name })}</p>}
        actions={
          canStart && who.patientId ? (
            <ButtonLink to="/messages/new" search={{ patient: who.patientId }}>
              {t("list.new")}
            </ButtonLink>
          ) : null
        }
      />
      <ActingForSwitcher />
      <PatientGate patientId={who.patientId} allowed={who.allowed} name={name} query={list} ns="messages" words="list">
        {(data) =>
          data.threads.length === 0 ? (
            <EmptyState title={t("list.emptyTitle")}>
              <p>{forSelf ? t("list.emptyBody") : t("list.emptyBodyFor", { name })}</p>
            </EmptyState>
          ) : (
            <>
              <p aria-live="polite">
                {data.totalUnread > 0 ? t("list.unreadTotal", { count: data.totalUnread }) : t("list.allRead")}
              </p>
              <ul className="thread-list" aria-label={t("list.listLabel")}>
                {data.threads.map((thread) => (
                  <li key={thread.id}>
                    <ThreadCard thread={thread} />
                  </li>
                ))}
              </ul>
            </>
          )
        }
      </PatientGate>
    </div>
  );
}

function ThreadCard({ thread }: { thread: ThreadListItem }) {
  const { t } = useTranslation("messages");
  const locale = currentLocale();
  const headingId = `thread-${thread.id}`;
  return (
    <article
      className={`thread-card${thread.unreadCount > 0 ? " thread-card--unread" : ""}`}
      aria-labelledby={headingId}
    >
      <div className="thread-card__head">
        <h2 className="thread-card__subject" id={headingId}>
          <Link to="/messages/$threadId" params={{ threadId: thread.id }} search={{ patient: thread.patientId }}>
            {thread.subject}
          </Link>
        </h2>
        <ThreadStatusChip status={thread.status} overdue={thread.overdue} />
        {thread.unreadCount > 0 ? (
          <span className="thread-card__unread">{t("list.unread", { count: thread.unreadCount })}</span>
        ) : null}
      </div>
      <p className="thread-card__preview">{thread.preview}</p>
      <dl className="thread-card__facts">
        <div>
          <dt>{t("list.topic")}</dt>
          <dd>{t(`topics.${thread.topic}.name`)}</dd>
        </div>
        <div>
          <dt>{t("list.readBy")}</dt>
          <dd>{thread.pool.readersDescription ?? thread.pool.name}</dd>
        </div>
        <div>
          <dt>{t("list.lastActivity")}</dt>
          <dd>
            <time dateTime={thread.lastMessageAt}>{when(thread.lastMessageAt, locale)}</time>
          </dd>
        </div>
        {thread.status === "waiting" && thread.dueAt ? (
          <div>
            <dt>{t("list.expected")}</dt>
            <dd>
              <time dateTime={thread.dueAt}>{when(thread.dueAt, locale)}</time>
            </dd>
          </div>
        ) : null}
      </dl>
    </article>
  );
}
