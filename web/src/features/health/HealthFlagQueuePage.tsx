import type { HealthFlagItem } from "@portico/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { Link } from "../../components/Link";
import { StatusChip } from "../../components/StatusChip";
import { currentLocale } from "../../i18n";
import { Loaded } from "../../kit/views";
import { errorMessage } from "../../lib/errors";
import { formatCalendarDate, formatDateTime, localTimeZone } from "../../lib/format";
import { QueueHeader } from "../in-basket/WorkQueue";
import { decideFlag, FLAG_TONE, healthFlagsQuery, readingText } from "./data";
import "./health.css";

const route = getRouteApi("/signed-in/in-basket/health");

/** The care team's flagged health updates: urgent first, then oldest; acknowledge, resolve, message the patient. */
export function HealthFlagQueuePage() {
  const { t } = useTranslation("health");
  const search = route.useSearch();
  const status = search.status === "resolved" ? "resolved" : "active";
  const flags = useQuery(healthFlagsQuery(status));
  const [said, setSaid] = useState("");
  return (
    <div className="stack">
      <QueueHeader ns="health" />
      <nav className="health-tabs" aria-label={t("queue.filter")}>
        <Link to="/in-basket/health" search={{}} aria-current={status === "active" ? "page" : undefined}>
          {t("queue.active")}
        </Link>
        <Link
          to="/in-basket/health"
          search={{ status: "resolved" }}
          aria-current={status === "resolved" ? "page" : undefined}
        >
          {t("queue.resolved")}
        </Link>
      </nav>
      <div role="status" className="health-said">
        {said ? <Alert tone="success" title={said} headingLevel={2} /> : null}
      </div>
      <Loaded query={flags} loading={t("queue.loading")} failed={t("queue.loadFailed")}>
        {(items) =>
          items.length === 0 ? (
            <EmptyState title={status === "active" ? t("queue.emptyTitle") : t("queue.emptyResolvedTitle")}>
              <p>{t("queue.emptyBody")}</p>
            </EmptyState>
          ) : (
            <ul className="health-flag-list">
              {items.map((item) => (
                <FlagCard key={item.id} item={item} onDone={setSaid} />
              ))}
            </ul>
          )
        }
      </Loaded>
    </div>
  );
}

function FlagCard({ item, onDone }: { item: HealthFlagItem; onDone: (message: string) => void }) {
  const { t } = useTranslation("health");
  const { t: tc, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const locale = currentLocale();
  const zone = localTimeZone();
  const [busy, setBusy] = useState<"acknowledge" | "resolve" | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const name = item.patient.displayName;
  const headingId = `flag-${item.id}`;
  const what = item.reading
    ? `${t(`measures.${item.reading.measure}`)}: ${readingText(item.reading, locale)}`
    : item.questionnaire
      ? `${t(`questionnaire.${item.questionnaire.kind}.short`)}: ${t("questionnaire.scoreText", {
          score: item.questionnaire.score,
          max: item.questionnaire.maxScore,
          severity: t(`severity.${item.questionnaire.severity}`),
        })}`
      : "";
  const reasons = (item.reading?.flagReasons ?? item.questionnaire?.flagReasons ?? []).map((r) =>
    t(`reasons.${r}`, { defaultValue: r }),
  );
  const act = async (action: "acknowledge" | "resolve") => {
    setBusy(action);
    setProblem(null);
    try {
      await decideFlag(queryClient, item.id, action);
      onDone(t(`queue.done.${action}`, { name }));
    } catch (error) {
      setProblem(errorMessage(error, tc, i18n.exists));
    } finally {
      setBusy(null);
    }
  };
  return (
    <li>
      <article className={`health-flag card health-flag--${item.level}`} aria-labelledby={headingId}>
        <header className="health-flag__head">
          <h2 id={headingId} className="health-flag__title">
            {name}
          </h2>
          <StatusChip tone={FLAG_TONE[item.level]}>{t(`flag.${item.level}`)}</StatusChip>
          {item.status !== "open" ? <StatusChip tone="neutral">{t(`queue.status.${item.status}`)}</StatusChip> : null}
        </header>
        <p className="text-muted">{t("queue.born", { date: formatCalendarDate(item.patient.dateOfBirth, locale) })}</p>
        <p className="health-flag__what">{what}</p>
        {reasons.length > 0 ? <p>{t("queue.why", { reasons: reasons.join(", ") })}</p> : null}
        {item.reading?.note ? (
          <p>
            {t("queue.note")} <q>{item.reading.note}</q>
          </p>
        ) : null}
        <p className="text-muted">
          {t("queue.sent", { when: formatDateTime(item.reading?.takenAt ?? item.createdAt, zone, locale) })}
          {item.dueAt ? (
            <>
              {" · "}
              {item.overdue ? (
                <strong className="health-flag__overdue">
                  {t("queue.overdue", { when: formatDateTime(item.dueAt, zone, locale) })}
                </strong>
              ) : (
                t("queue.due", { when: formatDateTime(item.dueAt, zone, locale) })
              )}
            </>
          ) : null}
        </p>
        {item.acknowledged ? (
          <p>
            {t("queue.acknowledgedBy", {
              who: item.acknowledged.by,
              when: formatDateTime(item.acknowledged.at, zone, locale),
            })}
          </p>
        ) : null}
        {item.resolved ? (
          <p>
            {t("queue.resolvedBy", { who: item.resolved.by, when: formatDateTime(item.resolved.at, zone, locale) })}
          </p>
        ) : null}
        {problem ? <Alert tone="error" title={problem} headingLevel={2} live="assertive" /> : null}
        <div className="health-flag__actions">
          {item.abilities.canAcknowledge ? (
            <Button variant="secondary" isPending={busy === "acknowledge"} onPress={() => void act("acknowledge")}>
              {t("queue.acknowledge", { name })}
            </Button>
          ) : null}
          {item.abilities.canResolve ? (
            <Button isPending={busy === "resolve"} onPress={() => void act("resolve")}>
              {t("queue.resolve", { name })}
            </Button>
          ) : null}
          <Link to="/staff/messages" search={{ patientId: item.patient.id, patientName: name }}>
            {t("queue.message", { name })}
          </Link>
          <Link to="/patients/$patientId/health" params={{ patientId: item.patient.id }}>
            {t("queue.trends", { name })}
          </Link>
        </div>
      </article>
    </li>
  );
}
