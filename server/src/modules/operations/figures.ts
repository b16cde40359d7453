import type { OperationsFigureName } from "@portico/contracts";
import type { Database } from "../../db/database.ts";
import { messageResponse, referralTurnaround, refillTurnaround } from "./care-team-figures.ts";
import { portalAdoption, surveyScore } from "./experience-figures.ts";
import type { FigureFilter, FigureResult } from "./figure-kit.ts";
import { thirdNextAvailable } from "./third-next-available.ts";
import { arrivalWait, attendance, leadTime } from "./visit-figures.ts";

export type { FigureFilter, FigureResult } from "./figure-kit.ts";

/**
 * The operations dashboard's figures, each one SQL statement over the portal's own tables.
 * Every statement returns aggregates only (counts, rates, percentiles) grouped by the clinic's
 * catalogue (provider, visit type, location, message pool): never a patient's id or name.
 * Groups come with their total from the same statement (`GROUPING SETS (…, ())`).
 *
 * One file per family: third next available (third-next-available.ts), the visits (lead time,
 * attendance, arrival to roomed: visit-figures.ts), the care team's turnaround (messages,
 * refills, referrals: care-team-figures.ts), the patients' side (portal adoption, survey score:
 * experience-figures.ts); what they share is figure-kit.ts.
 */

export const FIGURES: Record<OperationsFigureName, (db: Database, f: FigureFilter) => Promise<FigureResult>> = {
  "third-next-available": thirdNextAvailable,
  "lead-time": leadTime,
  attendance,
  "message-response": messageResponse,
  "refill-turnaround": refillTurnaround,
  "referral-turnaround": referralTurnaround,
  "arrival-wait": arrivalWait,
  "portal-adoption": portalAdoption,
  "survey-score": surveyScore,
};
