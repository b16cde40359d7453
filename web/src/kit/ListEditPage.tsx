import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../components/Alert";
import { PageHeader } from "../components/PageHeader";
import { LoadingState } from "../components/Spinner";
import { errorMessage } from "../lib/errors";
import { type Column, DataTable } from "./DataTable";
import { type EmptyView, QueryView } from "./views";

interface ListPageProps<T> {
  title: string;
  lead?: ReactNode;
  /** the back link */
  before?: ReactNode;
  /** e.g. the "Add" button */
  actions?: ReactNode;
  /** shown above the list (e.g. a confirmation) */
  notice?: ReactNode;
  query: UseQueryResult<T[]>;
  empty: EmptyView;
  failedTitle?: string;
  caption: (count: number) => string;
  columns: Column<T>[];
  rowKey: (item: T) => string;
  row?: (item: T) => ReactNode;
  /** shown below the list (e.g. an "invite" form) */
  children?: ReactNode;
}

/** A page listing one resource: header, loading/failed/empty states, then the table. */
export function ListPage<T>(props: ListPageProps<T>) {
  return (
    <div className="stack">
      <PageHeader title={props.title} lead={props.lead} before={props.before} actions={props.actions} />
      {props.notice}
      <QueryView query={props.query} empty={props.empty} failedTitle={props.failedTitle}>
        {(items) => (
          <DataTable
            caption={props.caption(items.length)}
            columns={props.columns}
            items={items}
            rowKey={props.rowKey}
            row={props.row}
          />
        )}
      </QueryView>
      {props.children}
    </div>
  );
}

interface EditPageProps<T> {
  /** the route's id: "new" to create */
  id: string;
  query: UseQueryResult<T[]>;
  find: (items: T[], id: string) => T | undefined;
  /** other data the form needs; the page waits for it, and says so if it failed */
  also?: UseQueryResult<unknown>[];
  notFound: { title: string; body: string; before?: ReactNode };
  /** the form, keyed by the record so a different record starts afresh */
  children: (existing: T | null) => ReactNode;
}

/** Creating or editing one record of a list: waits for the list, says "not found" when the id is unknown. */
export function EditPage<T>({ id, query, find, also = [], notFound, children }: EditPageProps<T>) {
  const { t, i18n } = useTranslation();
  const isNew = id === "new";
  if ((!isNew && query.isPending) || also.some((q) => q.isPending)) return <LoadingState />;
  const existing = isNew ? undefined : find(query.data ?? [], id);
  const failed = [query, ...also].find((q) => q.isError && (q !== query || !isNew));
  if ((!isNew && !existing) || failed) {
    return (
      <div className="stack">
        <PageHeader title={notFound.title} before={notFound.before} />
        <Alert tone="error" title={notFound.title}>
          <p>{failed ? errorMessage(failed.error, t, i18n.exists) : notFound.body}</p>
        </Alert>
      </div>
    );
  }
  return <>{children(existing ?? null)}</>;
}
