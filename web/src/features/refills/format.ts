import { type AppLocale, formatDay, formatTime, localTimeZone } from "../../lib/format";

/** "Tuesday 3 March, 9:30 am" in the reader's own zone: when a request or a change was made. */
export function dayAndTime(iso: string, locale: AppLocale): string {
  const zone = localTimeZone();
  return `${formatDay(iso, zone, locale)}, ${formatTime(iso, zone, locale)}`;
}
