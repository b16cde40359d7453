import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../components/Alert";
import { EmptyState } from "../components/EmptyState";
import { ErrorAlert } from "../components/ErrorAlert";
import { LoadingState } from "../components/Spinner";
import { errorMessage } from "../lib/errors";

/** A failed load: what went wrong, in the reader's language, and what to do. */
export function LoadFailed({ error, title }: { error: unknown; title?: string }) {
  const { t, i18n } = useTranslation();
  return (
    <Alert tone="error" title={title ?? t("form.loadFailed")}>
      <p>{errorMessage(error, t, i18n.exists)}</p>
    </Alert>
  );
}

/** "Saved", announced politely after a form was saved and kept until the next change. */
export function SavedNotice({ show, title }: { show: boolean; title?: string }) {
  const { t } = useTranslation();
  return show ? <Alert tone="success" title={title ?? t("form.saved")} live="polite" headingLevel={3} /> : null;
}

/** A query's content once it is there: "loading" (with its words) while pending, or what failed. */
export function Loaded<T>({
  query,
  loading,
  failed,
  children,
}: {
  query: UseQueryResult<T>;
  /** the words while it loads (default: "Loading…") */
  loading?: string;
  /** the failure's title (default: "This could not be loaded") */
  failed?: string;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <LoadingState label={loading} />;
  if (query.isError) return <LoadFailed error={query.error} title={failed} />;
  return <>{children(query.data)}</>;
}

export interface EmptyView {
  title: string;
  body?: ReactNode;
}

interface QueryViewProps<T> {
  query: UseQueryResult<T[]>;
  /** what an empty list says */
  empty: EmptyView;
  /** title of the failure alert (default: "This could not be loaded") */
  failedTitle?: string;
  children: (items: T[]) => ReactNode;
}

/**
 * A list's four states: loading, failed (announced at once, with Try again), empty (with what
 * to do next), and the items.
 */
export function QueryView<T>({ query, empty, failedTitle, children }: QueryViewProps<T>) {
  const { t } = useTranslation();
  if (query.isPending) return <LoadingState />;
  if (query.isError) {
    return (
      <ErrorAlert
        title={failedTitle ?? t("form.loadFailed")}
        error={query.error}
        onRetry={() => void query.refetch()}
      />
    );
  }
  if (query.data.length === 0) {
    return <EmptyState title={empty.title}>{empty.body ? <p>{empty.body}</p> : null}</EmptyState>;
  }
  return <>{children(query.data)}</>;
}
