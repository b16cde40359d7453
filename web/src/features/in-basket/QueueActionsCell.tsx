import type { WorkItem } from "@portico/contracts";
import { type QueryKey, useQueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Cell } from "../../kit/DataTable";
import { AssignWorkItem } from "./AssignWorkItem";
import { ClaimRelease, type QueueNotice } from "./WorkQueue";

/**
 * A queue row's actions: the decisions the server's abilities allow (`children`), Claim or
 * Release, Assign…, and "No actions" when no decision is the reader's to take.
 */
export function QueueActionsCell({
  ns,
  label,
  work,
  subject,
  act,
  queueKey,
  canDecide,
  onNotice,
  children,
}: {
  ns: string;
  label: string;
  work: WorkItem | null;
  /** the item in words (e.g. `{ medication, patient }`), for the buttons' names and the notices */
  subject: Record<string, string>;
  act: (workItemId: string, action: "claim" | "release") => Promise<unknown>;
  /** the queue's lists, refreshed after an assignment */
  queueKey: QueryKey;
  /** some decision is allowed (else "No actions" is said) */
  canDecide: boolean;
  onNotice: (notice: QueueNotice) => void;
  children: ReactNode;
}) {
  const { t } = useTranslation(ns);
  const queryClient = useQueryClient();
  return (
    <Cell label={label}>
      <div className="row-actions">
        {children}
        <ClaimRelease ns={ns} work={work} subject={subject} act={act} onNotice={onNotice} />
        {work ? (
          <AssignWorkItem
            workItem={work}
            subject={t("queue.assignSubject", subject)}
            onAssigned={() => queryClient.invalidateQueries({ queryKey: queueKey })}
          />
        ) : null}
        {canDecide ? null : <span className="text-muted">{t("queue.noActions")}</span>}
      </div>
    </Cell>
  );
}
