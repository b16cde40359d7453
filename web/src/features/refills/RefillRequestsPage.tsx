import type { RefillRequest, RefillRequestItem } from "@portico/contracts";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { PatientPage, usePatientData } from "../../app/PatientPage";
import { EmptyState } from "../../components/EmptyState";
import { ButtonLink, Link } from "../../components/Link";
import { StatusChip } from "../../components/StatusChip";
import { currentLocale } from "../../i18n";
import { JustSent, RequestList } from "../../kit/PatientRequests";
import { formatCalendarDate } from "../../lib/format";
import { decisionKey, ITEM_TONE, refillRequestsQuery } from "./data";
import { dayAndTime as when } from "./format";
import "./refills.css";

const route = getRouteApi("/signed-in/refills");

/** Every refill request with each medicine's decision and its steps: asked, decided, sent to the pharmacy. */
export function RefillRequestsPage() {
  const { t } = useTranslation("refills");
  const search = route.useSearch();
  const page = usePatientData("refills", "medications", search.patient, refillRequestsQuery);
  const { who, query: list, name, forWhom } = page;
  const title = forWhom("requests.title");
  const just = search.request ? list.data?.requests.find((r) => r.id === search.request) : undefined;

  return (
    <PatientPage
      page={page}
      title={title}
      lead={<p>{who.forSelf ? t("requests.lead") : t("requests.leadFor", { name })}</p>}
      before={
        <Link to="/medications" className="back-link">
          {forWhom("medications.title")}
        </Link>
      }
      words="medications"
      loading={t("requests.loading")}
      failed={t("requests.loadFailed")}
    >
      {(data) => (
        <>
          {just ? <RequestSent request={just} forSelf={who.forSelf} name={name} /> : null}
          <RequestList
            titleId="requests-title"
            title={t("requests.listTitle")}
            items={data.requests}
            empty={
              <EmptyState
                title={t("requests.emptyTitle")}
                action={
                  data.abilities.canRequestRefills ? (
                    <ButtonLink to="/medications">{t("requests.askNow")}</ButtonLink>
                  ) : null
                }
              >
                <p>{t("requests.emptyBody")}</p>
              </EmptyState>
            }
          >
            {(r) => <RequestCard request={r} />}
          </RequestList>
        </>
      )}
    </PatientPage>
  );
}

/** "Your request was sent": what happened to each medicine, right after asking (focused, so it is heard). */
function RequestSent({ request, forSelf, name }: { request: RefillRequest; forSelf: boolean; name: string }) {
  const { t } = useTranslation("refills");
  return (
    <JustSent title={t("requests.sentTitle")}>
      <p>{forSelf ? t("requests.sentBody") : t("requests.sentBodyFor", { name })}</p>
      <ul className="decision-list">
        {request.items.map((item) => (
          <li key={item.id}>
            <strong>{item.medication.name}</strong>: <DecisionText item={item} />
          </li>
        ))}
      </ul>
    </JustSent>
  );
}

/** One sentence for a medicine's decision, in plain words. */
export function DecisionText({ item }: { item: RefillRequestItem }) {
  const { t } = useTranslation("refills");
  const locale = currentLocale();
  const key = decisionKey(item.status, item.decision.rule, item.review !== null);
  const possibleFrom = item.decision.possibleFrom;
  return (
    <>
      {t(`decision.${key}`, {
        date: possibleFrom ? formatCalendarDate(possibleFrom, locale) : "",
      })}
      {item.status === "denied" && item.review?.denialReason ? (
        <> {t("decision.reason", { reason: item.review.denialReason })}</>
      ) : null}
    </>
  );
}

function RequestCard({ request }: { request: RefillRequest }) {
  const { t } = useTranslation("refills");
  const locale = currentLocale();
  const headingId = `request-${request.id}`;
  return (
    <article className="request-card" aria-labelledby={headingId}>
      <h3 className="request-card__title" id={headingId}>
        {t("requests.requestedOn", { date: when(request.createdAt, locale) })}
      </h3>
      <p className="request-card__meta">
        {t("requests.pharmacy", { name: request.pharmacy.name })}
        {request.requestedBy.isProxy ? (
          <> · {t("requests.byCaregiver", { name: request.requestedBy.displayName })}</>
        ) : null}
      </p>
      <ul className="request-items">
        {request.items.map((item) => (
          <li key={item.id} className="request-item">
            <div className="request-item__head">
              <h4 className="request-item__name">{item.medication.name}</h4>
              <StatusChip tone={ITEM_TONE[item.status]}>
                {t(`status.${decisionKey(item.status, item.decision.rule, item.review !== null)}`)}
              </StatusChip>
            </div>
            <p className="request-item__decision">
              <DecisionText item={item} />
            </p>
            <Timeline item={item} />
          </li>
        ))}
      </ul>
    </article>
  );
}

type Step = { key: string; label: string; at: string | null; done: boolean };

/** Requested → decided → sent to the pharmacy, with the steps still ahead shown as such. */
function Timeline({ item }: { item: RefillRequestItem }) {
  const { t } = useTranslation("refills");
  const locale = currentLocale();
  const at = (event: string) => item.timeline.find((e) => e.event === event);
  const requested = at("requested");
  const decided = at("approved") ?? at("denied");
  const queued = at("queued");
  const sent = at("sent_to_pharmacy");
  const failed = at("delivery_failed");
  const steps: Step[] = [{ key: "requested", label: t("timeline.requested"), at: requested?.at ?? null, done: true }];
  if (queued) steps.push({ key: "queued", label: t("timeline.queued"), at: queued.at, done: true });
  if (decided) {
    const label =
      decided.event === "denied"
        ? t("timeline.denied")
        : decided.automatic
          ? t("timeline.approvedAutomatically")
          : t("timeline.approvedBy", { name: item.review?.by ?? "" });
    steps.push({ key: "decided", label, at: decided.at, done: true });
  } else {
    steps.push({ key: "decided", label: t("timeline.waitingDecision"), at: null, done: false });
  }
  if (item.status !== "denied") {
    if (sent) steps.push({ key: "sent", label: t("timeline.sent"), at: sent.at, done: true });
    else if (failed && item.delivery?.status === "failed")
      steps.push({ key: "failed", label: t("timeline.failed"), at: failed.at, done: true });
    else steps.push({ key: "sent", label: t("timeline.notSentYet"), at: null, done: false });
  }
  return (
    <ol className="timeline" aria-label={t("timeline.label", { name: item.medication.name })}>
      {steps.map((s) => (
        <li key={s.key} className={s.done ? "timeline__step timeline__step--done" : "timeline__step"}>
          <span className="timeline__label">{s.label}</span>
          {s.at ? <span className="timeline__at">{when(s.at, locale)}</span> : null}
        </li>
      ))}
    </ol>
  );
}
