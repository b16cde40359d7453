import type { Appointment } from "@portico/contracts";
import { currentLocale } from "../../i18n";
import { formatDateTime } from "../../lib/format";

type T = (key: string, options?: Record<string, unknown>) => string;

/** "You can change or cancel online until Monday 30 November, 10:00 am (Eastern Time)." */
export function cancellationNotice(t: T, appointment: Appointment): string {
  return t("confirm.ruleUntil", {
    until: formatDateTime(appointment.cancellableUntil, appointment.location.timeZone, currentLocale()),
  });
}
