import type { WorkItem } from "@portico/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Select } from "../../components/Select";
import { FormDialog, useFormDialog } from "../../kit/FormDialog";
import { Loaded } from "../../kit/views";
import { assignWorkItem, workItemAssigneesQuery } from "./data";
import "./in-basket.css";

export interface AssignWorkItemProps {
  /** the work item (from the capability's list or page); nothing is shown unless `abilities.canAssign` */
  workItem: WorkItem;
  /**
   * What is being handed over, in the reader's words, naming the patient ("Lisinopril for Alex
   * Rivera", "Alex Rivera's message"); by default the patient's name.
   */
  subject?: string;
  /** after the server saved it (the control refreshes the work-queue counts itself; refresh your own list here) */
  onAssigned?: (item: WorkItem) => void | Promise<void>;
}

/**
 * "Assign to a colleague" for any work item: a button, then a dialog listing the colleagues the
 * server says may take it (those who work its queue and may see it and its patient), a choice,
 * and save. Confirmed in the control's own status region ("Assigned to Nurse Lee."); a refusal
 * (the person can no longer take it) shows on the field, with the choice kept.
 */
export function AssignWorkItem({ workItem, subject, onAssigned }: AssignWorkItemProps) {
  const { t } = useTranslation("inBasket");
  const queryClient = useQueryClient();
  const [done, setDone] = useState<string | null>(null);
  const what = subject ?? workItem.patient.displayName;
  const name = `assign-${workItem.id}`;
  const dialog = useFormDialog({
    initial: { userId: "" },
    labels: { [name]: t("assign.colleague") },
    serverField: (path) => (path === "userId" ? name : undefined),
    serverMessage: () => t("assign.errors.notAssignable"),
    validate: (v) => (v.userId ? {} : { [name]: t("assign.errors.choose") }),
    submit: (v) => assignWorkItem(queryClient, workItem.id, v.userId),
    onSuccess: async (item) => {
      setDone(t("assign.done", { name: item.assignee?.displayName ?? "", subject: what }));
      await onAssigned?.(item);
    },
  });
  const assignees = useQuery({ ...workItemAssigneesQuery(workItem.id), enabled: dialog.isOpen });
  if (!workItem.abilities.canAssign && !done) return null;
  const title = t("assign.title", { subject: what });
  const options = (assignees.data?.assignees ?? []).map((a) => ({
    id: a.userId,
    label: [
      a.displayName,
      `(${a.roles.map((r) => t(`assign.roles.${r}`, { defaultValue: r })).join(", ")})`,
      a.current ? t("assign.current") : "",
    ]
      .filter(Boolean)
      .join(" "),
  }));
  return (
    <span className="assign-work">
      {workItem.abilities.canAssign ? (
        <FormDialog
          dialog={dialog}
          title={title}
          trigger={{ label: t("assign.button"), variant: "quiet", "aria-label": title }}
          submitLabel={t("assign.confirm")}
          intro={<p>{t("assign.intro", { patient: workItem.patient.displayName })}</p>}
        >
          <Loaded query={assignees} loading={t("assign.loading")} failed={t("assign.loadFailed")}>
            {() =>
              options.length === 0 ? (
                <p id={`${name}-none`}>{t("assign.nobody", { patient: workItem.patient.displayName })}</p>
              ) : (
                <Select
                  {...dialog.form.field("userId", name)}
                  label={t("assign.colleague")}
                  description={t("assign.colleagueHint")}
                  options={options}
                  placeholder={t("assign.choose")}
                  isRequired
                />
              )
            }
          </Loaded>
        </FormDialog>
      ) : null}
      <span role="status" className="assign-work__status">
        {done}
      </span>
    </span>
  );
}
