import type { BulkApproveRefillsResult, RefillQueueItem } from "@portico/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Checkbox } from "../../components/Checkbox";
import { Dialog, DialogActions } from "../../components/Dialog";
import { errorMessage } from "../../lib/errors";
import type { QueueNotice } from "../in-basket/WorkQueue";
import { bulkApproveRefills } from "./data";

/** "Select all" and "Approve N selected…": the items the server allows in bulk, confirmed in a dialog listing each. */
export function RefillBulkBar({
  bulkable,
  chosen,
  onSelectAll,
  onDone,
}: {
  bulkable: RefillQueueItem[];
  chosen: RefillQueueItem[];
  onSelectAll: (on: boolean) => void;
  onDone: (notice: QueueNotice) => void;
}) {
  const { t, i18n } = useTranslation("refills");
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const bulk = useMutation({
    mutationFn: () =>
      bulkApproveRefills(
        queryClient,
        chosen.map((i) => i.id),
      ),
    onSuccess: (result: BulkApproveRefillsResult) => {
      setOpen(false);
      onDone({
        tone: result.skipped.length > 0 ? "warning" : "success",
        title: t("queue.bulkDoneTitle", { count: result.approved.length }),
        text:
          result.skipped.length > 0
            ? t("queue.bulkSkipped", { count: result.skipped.length })
            : t("queue.bulkDoneBody", { count: result.approved.length }),
      });
    },
  });
  return (
    <section className="bulk-bar" aria-label={t("queue.bulkRegion")}>
      <Checkbox
        isSelected={chosen.length === bulkable.length}
        isIndeterminate={chosen.length > 0 && chosen.length < bulkable.length}
        onChange={onSelectAll}
        description={t("queue.bulkHint", { count: bulkable.length })}
      >
        {t("queue.selectAll")}
      </Checkbox>
      <Button variant="secondary" isDisabled={chosen.length === 0} onPress={() => setOpen(true)}>
        {t("queue.bulkApprove", { count: chosen.length })}
      </Button>
      <Dialog title={t("queue.bulkConfirmTitle", { count: chosen.length })} isOpen={open} onOpenChange={setOpen}>
        <p>{t("queue.bulkConfirmBody")}</p>
        <ul className="decision-list">
          {chosen.map((i) => (
            <li key={i.id}>
              {t("queue.bulkLine", {
                patient: i.patient.displayName,
                medication: i.medication.name,
                quantity: i.suggested.quantity,
                refills: i.suggested.refills,
              })}
            </li>
          ))}
        </ul>
        {bulk.isError ? (
          <Alert tone="error" title={t("queue.failedTitle")} live="assertive" headingLevel={3}>
            <p>{errorMessage(bulk.error, tc, i18n.exists)}</p>
          </Alert>
        ) : null}
        <DialogActions>
          <Button isPending={bulk.isPending} onPress={() => bulk.mutate()}>
            {t("queue.bulkConfirm", { count: chosen.length })}
          </Button>
          <Button variant="secondary" onPress={() => setOpen(false)}>
            {t("queue.cancel")}
          </Button>
        </DialogActions>
      </Dialog>
    </section>
  );
}
