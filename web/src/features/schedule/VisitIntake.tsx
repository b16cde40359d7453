import type { VisitIntakeAnswers, VisitIntakeItem, VisitIntakeStatus } from "@portico/contracts";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { EmptyState } from "../../components/EmptyState";
import { Link } from "../../components/Link";
import { PageHeader } from "../../components/PageHeader";
import { LoadingState } from "../../components/Spinner";
import { StatusChip, type StatusTone } from "../../components/StatusChip";
import { currentLocale } from "../../i18n";
import { LoadFailed } from "../../kit/views";
import { api } from "../../lib/api";
import { formatDateTime } from "../../lib/format";
import { visitName } from "../appointments/data";
import "./schedule.css";

const FLAG_TONE: Record<"urgent" | "attention" | "normal", StatusTone> = {
  urgent: "danger",
  attention: "warning",
  normal: "success",
};

/** One questionnaire of a visit's intake in words: done or not, and (when the server shows results) its score. */
function itemText(item: VisitIntakeItem, t: (key: string, options?: Record<string, unknown>) => string): string {
  const name = t(`visitIntake.kind.${item.questionnaire}`);
  if (!item.done) return t("visitIntake.itemNotDone", { name });
  if (item.score === null || item.maxScore === null || item.severity === null)
    return t("visitIntake.itemDone", { name });
  return t("visitIntake.itemScored", {
    name,
    score: item.score,
    max: item.maxScore,
    severity: t(`visitIntake.severity.${item.severity}`),
  });
}

/**
 * A visit's intake on the arrivals board or schedule, in words (never colour alone): done, partly
 * done or not yet; each questionnaire; the worst flag and scores only when the server shows them
 * to this reader; a link to the answers when the server says the reader may open them.
 */
export function IntakeSummary({
  intake,
  patientName,
  appointmentId,
}: {
  intake: VisitIntakeStatus;
  patientName: string;
  appointmentId: string;
}) {
  const { t } = useTranslation("appointments");
  return (
    <div className="visit-intake">
      <span className="visit-intake__status">{t(`visitIntake.status.${intake.status}`)}</span>
      <ul className="visit-intake__items">
        {intake.items.map((item) => (
          <li key={item.questionnaire}>{itemText(item, t)}</li>
        ))}
      </ul>
      {intake.flagged ? (
        <StatusChip tone={FLAG_TONE[intake.flagged]}>{t(`visitIntake.flagged.${intake.flagged}`)}</StatusChip>
      ) : null}
      {intake.canOpenAnswers && intake.status !== "not_done" ? (
        <Link
          to="/schedule/visits/$appointmentId/intake"
          params={{ appointmentId }}
          aria-label={t("visitIntake.openNamed", { name: patientName })}
        >
          {t("visitIntake.open")}
        </Link>
      ) : null}
    </div>
  );
}

const route = getRouteApi("/signed-in/schedule/visits/$appointmentId/intake");

/** A nurse or physician reads the questionnaires a patient answered as a visit's intake: scores, flags, answers. */
export function VisitIntakePage() {
  const { t } = useTranslation("appointments");
  const { appointmentId } = route.useParams();
  const locale = currentLocale();
  const data = useQuery({
    queryKey: ["visit-intake", appointmentId],
    queryFn: ({ signal }) =>
      api<VisitIntakeAnswers>(`/api/appointments/${encodeURIComponent(appointmentId)}/intake`, { signal }),
  });
  const visit = data.data;
  const when = visit ? formatDateTime(visit.start, visit.timeZone, locale) : "";
  return (
    <div className="stack">
      <PageHeader
        title={visit ? t("visitIntake.titleFor", { name: visit.patientName }) : t("visitIntake.title")}
        lead={
          visit ? (
            <p>
              {t("visitIntake.intakeFor", { when })} ·{" "}
              {visitName({ name: visit.visitTypeName, nameEs: visit.visitTypeNameEs }, locale)} · {visit.providerName}
            </p>
          ) : null
        }
        before={
          <Link to="/front-desk/arrivals" search={{}} className="back-link">
            {t("visitIntake.backToBoard")}
          </Link>
        }
      />
      {data.isPending ? (
        <LoadingState label={t("visitIntake.loading")} />
      ) : data.isError ? (
        <LoadFailed error={data.error} title={t("visitIntake.loadFailed")} />
      ) : (
        <IntakeAnswers visit={data.data} />
      )}
    </div>
  );
}

function IntakeAnswers({ visit }: { visit: VisitIntakeAnswers }) {
  const { t } = useTranslation(["appointments", "health"]);
  const locale = currentLocale();
  const notDone = visit.items.filter((i) => !i.done);
  return (
    <>
      {notDone.length > 0 ? (
        <Alert tone="info" title={t("visitIntake.notDoneTitle")} headingLevel={2}>
          <ul>
            {notDone.map((item) => (
              <li key={item.questionnaire}>{itemText(item, t)}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {visit.responses.length === 0 ? (
        <EmptyState title={t("visitIntake.noneTitle")}>
          <p>{t("visitIntake.noneBody")}</p>
        </EmptyState>
      ) : (
        visit.responses.map((r) => {
          const items = t(`questionnaire.${r.kind}.items`, { ns: "health", returnObjects: true }) as unknown;
          const questions = Array.isArray(items) ? (items as string[]) : [];
          const headingId = `intake-${r.id}`;
          return (
            <section key={r.id} className="card stack" aria-labelledby={headingId}>
              <h2 id={headingId}>{t(`visitIntake.kind.${r.kind}`)}</h2>
              <p className="visit-intake__score">
                <strong>
                  {t("visitIntake.scoreText", {
                    score: r.score,
                    max: r.maxScore,
                    severity: t(`visitIntake.severity.${r.severity}`),
                  })}
                </strong>{" "}
                <StatusChip tone={FLAG_TONE[r.flag]}>{t(`visitIntake.flag.${r.flag}`)}</StatusChip>
              </p>
              {r.flagReasons.includes("phq9_item9") ? (
                <Alert tone="error" title={t("visitIntake.item9Title")} headingLevel={3}>
                  <p>{t("visitIntake.item9Body")}</p>
                </Alert>
              ) : null}
              <p className="text-muted">
                {t("visitIntake.answeredAt", { when: formatDateTime(r.createdAt, visit.timeZone, locale) })}
              </p>
              <div className="table-wrap">
                <table className="data-table visit-intake__answers">
                  <caption>{t("visitIntake.answersCaption", { name: t(`visitIntake.kind.${r.kind}`) })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("visitIntake.question")}</th>
                      <th scope="col">{t("visitIntake.answer")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {r.answers.map((answer, index) => (
                      // the questions are fixed; their order is the key
                      // biome-ignore lint/suspicious/noArrayIndexKey: item n of a standard questionnaire
                      <tr key={index}>
                        <td data-label={t("visitIntake.question")}>
                          {index + 1}. {questions[index] ?? ""}
                        </td>
                        <td data-label={t("visitIntake.answer")}>
                          {t(`questionnaire.answers.${answer}`, { ns: "health" })} ({answer})
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          );
        })
      )}
    </>
  );
}
