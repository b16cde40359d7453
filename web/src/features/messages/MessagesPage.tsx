import type { ThreadListItem } from "@portico/contracts";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { PatientPage, usePatientData } from "../../app/PatientPage";
import { EmptyState } from "../../components/EmptyState";
import { ButtonLink, Link } from "../../components/Link";
import { threadListQuery } from "./data";
import { ThreadStatusChip } from "./parts";
import { Fact, ThreadFacts, When } from "./ThreadFacts";
import "./messages.css";

const route = getRouteApi("/signed-in/messages");

/** The patient's conversations with the care team, newest first, with what is unread. */
export function MessagesPage() {
  const { t } = useTranslation("messages");
  const search = route.useSearch();
  const page = usePatientData("messages", "messages", search.patient, threadListQuery);
  const { who, query: list, forWhom } = page;
  const canStart = list.data?.abilities.canStartThread ?? false;

  return (
    <PatientPage
      page={page}
      actions={
        canStart && who.patientId ? (
          <ButtonLink to="/messages/new" search={{ patient: who.patientId }}>
            {t("list.new")}
          </ButtonLink>
        ) : null
      }
      words="list"
    >
      {(data) =>
        data.threads.length === 0 ? (
          <EmptyState title={t("list.emptyTitle")}>
            <p>{forWhom("list.emptyBody")}</p>
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
    </PatientPage>
  );
}

function ThreadCard({ thread }: { thread: ThreadListItem }) {
  const { t } = useTranslation("messages");
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
      <ThreadFacts
        className="thread-card__facts"
        thread={thread}
        readBy={thread.pool.readersDescription ?? thread.pool.name}
        after={
          <Fact term={t("list.lastActivity")}>
            <When iso={thread.lastMessageAt} />
          </Fact>
        }
      />
    </article>
  );
}
