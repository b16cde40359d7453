import type { QueryClient } from "@tanstack/react-query";
import type { LabNotice } from "./ChartLabResults";
import { refillKeys } from "./data";

export const enc = encodeURIComponent;

/** The last save on the chart's medications page, worded when shown (so a language switch rewords it). */
export type ChartMedsNotice =
  | { kind: "added" | "changed" | "stopped"; medication: string; patient: string }
  | ({ kind: "lab" } & LabNotice);

/** After a medication was added, changed or stopped: the patient's lists and the refill queue are stale. */
export async function afterChange(queryClient: QueryClient, patientId: string) {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: refillKeys.patient(patientId) }),
    queryClient.invalidateQueries({ queryKey: refillKeys.queueAll }),
  ]);
}
