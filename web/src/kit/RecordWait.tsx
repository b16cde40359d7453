import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { PageHeader } from "../components/PageHeader";
import { LoadingState } from "../components/Spinner";
import { LoadFailed } from "./views";

interface RecordWaitProps {
  /** the record's query, still loading or failed */
  query: UseQueryResult<unknown>;
  /** the way back */
  before: ReactNode;
  /** the page's title while it loads, and its label */
  loadingTitle: string;
  loadingLabel: string;
  /** the page's title when it failed, and the failure's (default: "This could not be loaded") */
  failedTitle: string;
  failedLabel?: string;
}

/** A page about one record before it is there: its header with the way back, then "loading" or what failed. */
export function RecordWait({ query, before, loadingTitle, loadingLabel, failedTitle, failedLabel }: RecordWaitProps) {
  return (
    <div className="stack">
      <PageHeader title={query.isPending ? loadingTitle : failedTitle} before={before} />
      {query.isPending ? <LoadingState label={loadingLabel} /> : <LoadFailed error={query.error} title={failedLabel} />}
    </div>
  );
}
