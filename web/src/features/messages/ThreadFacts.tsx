import type { ThreadListItem } from "@portico/contracts";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { currentLocale } from "../../i18n";
import { when } from "./parts";

/** One fact in a thread's list of facts: its term and value. */
export function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** A time in the reader's own zone, machine-readable too. */
export function When({ iso }: { iso: string }) {
  return <time dateTime={iso}>{when(iso, currentLocale())}</time>;
}

/**
 * A conversation's facts as the patient's side shows them: `before` (e.g. its status), the
 * topic, who reads it, `after` (e.g. its last activity), and, while it waits for the care
 * team, when an answer is expected.
 */
export function ThreadFacts({
  className,
  thread,
  readBy,
  before,
  after,
}: {
  className: string;
  thread: Pick<ThreadListItem, "topic" | "status" | "dueAt">;
  readBy: ReactNode;
  before?: ReactNode;
  after?: ReactNode;
}) {
  const { t } = useTranslation("messages");
  return (
    <dl className={className}>
      {before}
      <Fact term={t("list.topic")}>{t(`topics.${thread.topic}.name`)}</Fact>
      <Fact term={t("list.readBy")}>{readBy}</Fact>
      {after}
      {thread.status === "waiting" && thread.dueAt ? (
        <Fact term={t("list.expected")}>
          <When iso={thread.dueAt} />
        </Fact>
      ) : null}
    </dl>
  );
}
