import type { WorkQueueCount } from "@portico/contracts";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../components/EmptyState";
import { Link } from "../../components/Link";
import { PageHeader } from "../../components/PageHeader";
import { QueryView } from "../../kit/views";
import { QUEUE_PAGES, workQueueCountsQuery } from "./data";
import "./in-basket.css";

/**
 * A clinician's In Basket: one entry per queue they work, with what is waiting, overdue,
 * theirs and nobody's yet. The queues and their counts come from the server.
 */
export function InBasketPage() {
  const { t } = useTranslation("inBasket");
  const counts = useQuery(workQueueCountsQuery);
  return (
    <div className="stack">
      <PageHeader title={t("title")} lead={<p>{t("lead")}</p>} />
      <QueryView query={counts} empty={{ title: t("emptyTitle"), body: t("emptyBody") }}>
        {(queues) => (
          <ul className="queue-list">
            {[...queues]
              .sort((a, b) => b.overdue - a.overdue || b.open - a.open)
              .map((q) => (
                <QueueCard key={q.queue} count={q} />
              ))}
          </ul>
        )}
      </QueryView>
    </div>
  );
}

function QueueCard({ count }: { count: WorkQueueCount }) {
  const { t } = useTranslation("inBasket");
  const name = t(`queues.${count.queue}.name`, { defaultValue: count.queue });
  const page = QUEUE_PAGES[count.queue];
  const headingId = `queue-${count.queue}`;
  return (
    <li>
      <section className="queue-card" aria-labelledby={headingId}>
        <h2 className="queue-card__title" id={headingId}>
          {page ? <Link to={page}>{name}</Link> : name}
        </h2>
        <p className="queue-card__text">{t(`queues.${count.queue}.text`, { defaultValue: "" })}</p>
        {count.open === 0 ? (
          <EmptyState title={t("queueEmpty")} headingLevel={3} />
        ) : (
          <dl className="queue-card__counts">
            <div>
              <dt>{t("counts.open")}</dt>
              <dd>{count.open}</dd>
            </div>
            <div className={count.overdue > 0 ? "queue-card__overdue" : undefined}>
              <dt>{t("counts.overdue")}</dt>
              <dd>{count.overdue}</dd>
            </div>
            <div>
              <dt>{t("counts.mine")}</dt>
              <dd>{count.mine}</dd>
            </div>
            <div>
              <dt>{t("counts.unassigned")}</dt>
              <dd>{count.unassigned}</dd>
            </div>
          </dl>
        )}
      </section>
    </li>
  );
}
