import type { InboxQuery, StaffThreadListItem } from "@portico/contracts";
import { useInfiniteQuery } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../components/Button";
import { type FieldErrors, Form } from "../../components/Form";
import { TextField } from "../../components/fields";
import { Link } from "../../components/Link";
import { PageHeader } from "../../components/PageHeader";
import { Select } from "../../components/Select";
import { LoadingState } from "../../components/Spinner";
import { currentLocale } from "../../i18n";
import { Cell, DataTable } from "../../kit/DataTable";
import { useForm } from "../../kit/use-form";
import { LoadFailed } from "../../kit/views";
import { formatCalendarDate } from "../../lib/format";
import { inboxPagesQuery } from "./data";
import { ThreadStatusChip, when } from "./parts";
import "./messages.css";

const route = getRouteApi("/signed-in/staff/messages");

export const INBOX_STATUSES = ["active", "waiting", "answered", "closed", "all"] as const;
export type InboxSearch = {
  view?: "pool" | "mine";
  poolId?: string;
  status?: (typeof INBOX_STATUSES)[number];
  q?: string;
  patientId?: string;
  patientName?: string;
};

/** The care team's messages: one tab per pool and "mine", overdue first, with search. */
export function StaffInboxPage() {
  const { t } = useTranslation("messages");
  const search = route.useSearch();
  const navigate = useNavigate();
  const query: InboxQuery = {
    view: search.view ?? "pool",
    poolId: search.view === "mine" ? undefined : search.poolId,
    status: search.status ?? "active",
    q: search.q,
    patientId: search.patientId,
  };
  const inbox = useInfiniteQuery(inboxPagesQuery(query));
  const go = (next: Partial<InboxSearch>) => void navigate({ to: "/staff/messages", search: { ...search, ...next } });
  // the counts and abilities come with the first page; the threads are every page shown so far
  const data = inbox.data?.pages[0];
  const threads = inbox.data?.pages.flatMap((p) => p.threads) ?? [];
  // after "Show more", the keyboard goes on to the first conversation it brought
  const [focusAfter, setFocusAfter] = useState<number | null>(null);
  useEffect(() => {
    if (focusAfter === null || inbox.isFetchingNextPage) return;
    const first = threads[focusAfter];
    if (first) document.getElementById(threadLinkId(first.id))?.focus();
    setFocusAfter(null);
  }, [focusAfter, inbox.isFetchingNextPage, threads]);

  return (
    <div className="stack">
      <PageHeader
        title={t("inbox.title")}
        lead={
          <>
            <p>{t("inbox.lead")}</p>
            {data && (data.abilities.canSetDigest || data.abilities.canSetOfficeHours) ? (
              <p>
                <Link to="/staff/messages/settings">
                  {data.abilities.canSetOfficeHours ? t("inbox.settingsPhysician") : t("inbox.settings")}
                </Link>
              </p>
            ) : null}
          </>
        }
        before={
          <Link to="/in-basket" className="back-link">
            {t("inbox.back")}
          </Link>
        }
      />
      {data ? (
        <nav aria-label={t("inbox.views")}>
          <ul className="inbox-tabs">
            <li>
              <Link
                to="/staff/messages"
                search={{ ...search, view: "pool", poolId: undefined }}
                aria-current={query.view === "pool" && !query.poolId ? "page" : undefined}
              >
                {t("inbox.allPools")}
              </Link>
            </li>
            {data.pools.map((p) => (
              <li key={p.poolId}>
                <Link
                  to="/staff/messages"
                  search={{ ...search, view: "pool", poolId: p.poolId }}
                  aria-current={query.view === "pool" && query.poolId === p.poolId ? "page" : undefined}
                >
                  {p.name}{" "}
                  <span className="inbox-tabs__count">
                    {p.overdue > 0
                      ? t("inbox.countOverdue", { count: p.waiting, overdue: p.overdue })
                      : t("inbox.count", { count: p.waiting })}
                  </span>
                </Link>
              </li>
            ))}
            <li>
              <Link
                to="/staff/messages"
                search={{ ...search, view: "mine", poolId: undefined }}
                aria-current={query.view === "mine" ? "page" : undefined}
              >
                {t("inbox.mine")}{" "}
                <span className="inbox-tabs__count">
                  {data.mine.overdue > 0
                    ? t("inbox.countOverdue", { count: data.mine.waiting, overdue: data.mine.overdue })
                    : t("inbox.count", { count: data.mine.waiting })}
                </span>
              </Link>
            </li>
          </ul>
        </nav>
      ) : null}
      <SearchForm key={`${search.q ?? ""}`} initial={search.q ?? ""} onSearch={(q) => go({ q: q || undefined })} />
      <div className="filters">
        <Select
          name="status"
          label={t("inbox.status")}
          options={INBOX_STATUSES.map((s) => ({ id: s, label: t(`inbox.statuses.${s}`) }))}
          value={query.status ?? "active"}
          onChange={(s) => go({ status: s as InboxSearch["status"] })}
        />
      </div>
      {search.patientId ? (
        <p className="inbox-filter">
          {t("inbox.onlyPatient", { name: search.patientName ?? "" })}{" "}
          <Link to="/staff/messages" search={{ ...search, patientId: undefined, patientName: undefined }}>
            {t("inbox.allPatients")}
          </Link>
        </p>
      ) : null}
      {inbox.isPending ? (
        <LoadingState label={t("inbox.loading")} />
      ) : inbox.isError ? (
        <LoadFailed error={inbox.error} title={t("inbox.loadFailed")} />
      ) : threads.length === 0 ? (
        <div className="empty-state">
          <h2 className="empty-state__title">{t("inbox.emptyTitle")}</h2>
          <p className="empty-state__text">{search.q ? t("inbox.emptySearch") : t("inbox.emptyBody")}</p>
        </div>
      ) : (
        <>
          <InboxTable threads={threads} search={search} />
          <ShowMore
            shown={threads.length}
            hasMore={inbox.hasNextPage}
            loading={inbox.isFetchingNextPage}
            failed={inbox.isFetchNextPageError}
            onMore={() => {
              setFocusAfter(threads.length);
              void inbox.fetchNextPage();
            }}
          />
        </>
      )}
    </div>
  );
}

function SearchForm({ initial, onSearch }: { initial: string; onSearch: (q: string) => void }) {
  const { t } = useTranslation("messages");
  const form = useForm<{ q: string }>({
    initial: { q: initial },
    guard: false,
    validate: (v): FieldErrors => (v.q.trim().length === 1 ? { q: t("inbox.searchShort") } : {}),
    submit: async (v) => onSearch(v.q.trim()),
  });
  return (
    <Form {...form.formProps} aria-label={t("inbox.searchLabel")}>
      <div className="inbox-search">
        <TextField
          {...form.field("q")}
          type="search"
          label={t("inbox.search")}
          description={t("inbox.searchHint")}
          maxLength={100}
          inputMode="search"
        />
        <Button type="submit" variant="secondary">
          {t("inbox.searchButton")}
        </Button>
      </div>
    </Form>
  );
}

const threadLinkId = (threadId: string) => `inbox-thread-${threadId}`;

/** How many are shown, and the next page on request (a button: Enter or Space). */
function ShowMore(props: { shown: number; hasMore: boolean; loading: boolean; failed: boolean; onMore: () => void }) {
  const { t } = useTranslation("messages");
  return (
    <div className="inbox-more">
      <p className="text-muted" role="status">
        {t("inbox.shown", { count: props.shown })}
        {props.hasMore ? null : ` ${t("inbox.allShown")}`}
      </p>
      {props.failed ? (
        <p className="inbox-more__failed" role="alert">
          {t("inbox.moreFailed")}
        </p>
      ) : null}
      {props.hasMore ? (
        <Button variant="secondary" onPress={props.onMore} isPending={props.loading}>
          {props.loading ? t("inbox.loadingMore") : t("inbox.showMore")}
        </Button>
      ) : null}
    </div>
  );
}

function InboxTable({ threads, search }: { threads: StaffThreadListItem[]; search: InboxSearch }) {
  const { t } = useTranslation("messages");
  const locale = currentLocale();
  const columns = {
    patient: t("inbox.columns.patient"),
    subject: t("inbox.columns.subject"),
    status: t("inbox.columns.status"),
    due: t("inbox.columns.due"),
    who: t("inbox.columns.assignee"),
    last: t("inbox.columns.last"),
  };
  return (
    <div className="staff-inbox">
      <DataTable
        caption={t("inbox.caption", { count: threads.length })}
        columns={Object.values(columns).map((label) => ({ label }))}
        items={threads}
        rowKey={(th) => th.id}
        row={(th) => (
          <tr key={th.id} className={th.overdue ? "inbox-row--overdue" : undefined}>
            <Cell label={columns.patient}>
              <span className="inbox-patient">{th.patient.displayName}</span>
              <span className="text-muted">
                {" "}
                {t("inbox.born", { date: formatCalendarDate(th.patient.dateOfBirth, locale) })}
              </span>
              <br />
              <Link
                to="/staff/messages"
                search={{ ...search, patientId: th.patient.id, patientName: th.patient.displayName }}
                className="inbox-only"
              >
                {t("inbox.onlyThisPatient", { name: th.patient.displayName })}
              </Link>
            </Cell>
            <Cell label={columns.subject}>
              <Link to="/staff/messages/$threadId" params={{ threadId: th.id }} id={threadLinkId(th.id)}>
                {th.subject}
              </Link>
              {th.unreadCount > 0 ? (
                <span className="thread-card__unread"> {t("list.unread", { count: th.unreadCount })}</span>
              ) : null}
              <br />
              <span className="text-muted">
                {t(`topics.${th.topic}.name`)} · {th.pool.name}
              </span>
            </Cell>
            <Cell label={columns.status}>
              <ThreadStatusChip status={th.status} overdue={th.overdue} side="staff" />
            </Cell>
            <Cell label={columns.due}>
              {th.dueAt ? (
                <>
                  {th.overdue ? <strong>{t("inbox.overdueSince")} </strong> : null}
                  <time dateTime={th.dueAt}>{when(th.dueAt, locale)}</time>
                </>
              ) : (
                t("inbox.noDue")
              )}
            </Cell>
            <Cell label={columns.who}>{th.workItem?.assignee?.displayName ?? t("inbox.nobody")}</Cell>
            <Cell label={columns.last}>
              <time dateTime={th.lastMessageAt}>{when(th.lastMessageAt, locale)}</time>
            </Cell>
          </tr>
        )}
      />
    </div>
  );
}
